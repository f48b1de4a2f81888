import { ConfigError } from '../host/config';
import { runCatalogueCli } from './cli';

/** `npm run catalogue -- …` (node dist/host/start.cjs catalogue): import, export, demo, info. */
export async function catalogueCli(argv: string[]): Promise<number> {
  try {
    return await runCatalogueCli(argv);
  } catch (err) {
    process.stderr.write(
      `错误 error: ${err instanceof ConfigError ? `configuration: ${err.message}` : err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
}
