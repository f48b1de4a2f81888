import { ConfigError } from '../host/config';
import { runCatalogueCli } from './cli';

runCatalogueCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `错误 error: ${err instanceof ConfigError ? `configuration: ${err.message}` : err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
