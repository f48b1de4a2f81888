import type { Reporter } from 'vitest/node';
import { checkPrerequisites, SKIP_VAR } from './prerequisites';

/** Printed after vitest's own summary: which suites did not run because the developer opted out. */
export default class OptOutReporter implements Reporter {
  onTestRunEnd(): void {
    const { skipped } = checkPrerequisites();
    if (skipped.length === 0) return;
    const lines = skipped.map((p) => `  - ${p.id}: ${p.suites} NOT RUN`);
    process.stdout.write(
      `\n OPTED OUT (${SKIP_VAR}=${process.env[SKIP_VAR]}):\n${lines.join('\n')}\n\n`,
    );
  }
}
