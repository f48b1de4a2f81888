import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts', 'e2e');

/** Full-page screenshots numbered in the order a cashier meets the screens. */
export function screenshots(page: Page, dir = ARTIFACTS) {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (name: string): Promise<string> => {
    n += 1;
    const path = join(dir, `${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
}
