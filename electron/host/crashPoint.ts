/**
 * Crash tests only: with TILL_CRASH_AT=<name> (a dev-build knob, see edition/knobs.ts) the till
 * kills itself with SIGKILL at that point, a real crash at an instant no outside kill can hit
 * (tests/crash/receipt-crash.test.ts). Packaged builds have no knobs, so `crashAt` is null there.
 */
export function crashPoint(crashAt: string | null, name: string): void {
  if (crashAt === name) process.kill(process.pid, 'SIGKILL');
}
