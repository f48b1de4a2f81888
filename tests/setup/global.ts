import { existsSync } from 'node:fs';
import { checkPrerequisites, missingMessage } from './prerequisites';

/** vitest globalSetup: the run stops here, with what to install, when a prerequisite is missing. */
export default function setup(): void {
  const { missing } = checkPrerequisites();
  if (missing.length > 0) throw new Error(missingMessage(missing));
  if (!existsSync('dist/host/start.cjs'))
    throw new Error('dist/host/start.cjs is missing: run `npm run build` first (npm test does).');
}
