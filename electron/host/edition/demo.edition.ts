import { demoKit } from './demo';
import { REAL_PACE, type Edition } from './types';

/** A packaged demo (`npm run dist:demo`): sandbox and virtual printer, real timing. */
export const EDITION: Edition = { flavour: 'demo', knobs: () => REAL_PACE, demo: demoKit };
export type { DemoKit, Edition, Flavour, Knobs } from './types';
