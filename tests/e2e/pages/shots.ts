import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts', 'e2e');

/**
 * Full-page screenshots numbered in the order a cashier meets the screens. Each test file
 * starts at its own `first` number so files never overwrite each other's pictures.
 */
export function screenshots(page: Page, dir = ARTIFACTS, first = 1) {
  mkdirSync(dir, { recursive: true });
  let n = first - 1;
  return async (name: string): Promise<string> => {
    n += 1;
    const path = join(dir, `${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
}
