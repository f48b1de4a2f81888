import { demoKit } from './demo';
import { readKnobs } from './knobs';
import type { Edition } from './types';

/**
 * The development checkout's edition. scripts/build.mjs swaps this file for demo.edition.ts or
 * production.edition.ts in packaged builds, so those bundles never contain what is left out here.
 */
export const EDITION: Edition = { flavour: 'dev', knobs: readKnobs, demo: demoKit };
export type { DemoKit, Edition, Flavour, Knobs } from './types';
