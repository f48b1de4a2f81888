/** Business days are China dates (UTC+8, no daylight saving): what the till and its paper say. */
const CHINA_MS = 8 * 3600_000;

/** "2026-11-25" for an instant. */
export function chinaDay(ms: number): string {
  return new Date(ms + CHINA_MS).toISOString().slice(0, 10);
}

/** The instants a China date covers, as ISO strings: from inclusive, to exclusive. */
export function chinaDayRange(day: string): { fromAt: string; toAt: string } {
  const start = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start)) throw new Error(`not a date: ${day}`);
  return {
    fromAt: new Date(start).toISOString(),
    toAt: new Date(start + 86_400_000).toISOString(),
  };
}

/** From the start of `from` to the end of `to` (both China dates, inclusive). */
export function chinaDaysRange(from: string, to: string): { fromAt: string; toAt: string } {
  return { fromAt: chinaDayRange(from).fromAt, toAt: chinaDayRange(to).toAt };
}
