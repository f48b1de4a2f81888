import { REAL_PACE, type Edition } from './types';

/** The shop build (`npm run dist`): no sandbox, no virtual printer, no test knobs. */
export const EDITION: Edition = { flavour: 'production', knobs: () => REAL_PACE, demo: null };
export type { DemoKit, Edition, Flavour, Knobs } from './types';
