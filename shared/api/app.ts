import { AppInfoSchema } from '../domain';
import { none } from './common';

export const appContract = {
  'app.info': { input: none, output: AppInfoSchema },
} as const;
