import { DisplayStateSchema } from '../selling/schemas';
import { none } from './common';

/** The customer display (客显): read-only, the only channel its view token may call. */
export const displayContract = {
  'display.state': { input: none, output: DisplayStateSchema },
} as const;
