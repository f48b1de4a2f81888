import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

/** One logger for the host; secrets and payment codes are redacted before a line is written. */
export function createLogger(dataDir: string, level = process.env.TILL_LOG_LEVEL ?? 'info') {
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  return pino(
    {
      level,
      base: { app: 'till' },
      redact: {
        paths: [
          'authCode',
          '*.authCode',
          'terminalKey',
          '*.terminalKey',
          'token',
          '*.token',
          'key',
          '*.key',
        ],
        censor: '[redacted]',
      },
    },
    destination(join(dataDir, 'logs', 'till.log')),
  );
}

/**
 * Synchronous: a till can lose power at any instant, and the last lines matter most then. A log
 * line that cannot be written (full disk) is dropped; it must never take the till down with it.
 */
function destination(file: string) {
  const dest = pino.destination({ dest: file, sync: true, mkdir: true });
  dest.on('error', () => undefined);
  return dest;
}
export type Logger = ReturnType<typeof createLogger>;
