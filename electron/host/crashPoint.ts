/**
 * Crash tests only: with TILL_CRASH_AT=<name> the till kills itself with SIGKILL at that point,
 * a real crash at an instant no outside kill can hit (tests/crash/receipt-crash.test.ts).
 */
export function crashPoint(name: string): void {
  if (process.env.TILL_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
