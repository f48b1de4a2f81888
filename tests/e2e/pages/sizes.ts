import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './shots';
import { layoutProblems, type LayoutProblem } from './layout';

/** The screens a till meets: a small 4:3 panel up to a full-HD monitor. */
export const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export const SIZE_SHOTS = join(ARTIFACTS, 'sizes');

/**
 * The screen on show now, at every size: laid out again, its boxes checked, a screenshot each
 * (tests/artifacts/e2e/sizes/<screen>-<w>x<h>.png). Answers every problem found, by size.
 */
export async function atEverySize(page: Page, screen: string): Promise<string[]> {
  mkdirSync(SIZE_SHOTS, { recursive: true });
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Two frames: the resize, then whatever it re-rendered.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const problems: LayoutProblem[] = await layoutProblems(page);
    await page.screenshot({ path: join(SIZE_SHOTS, `${screen}-${size.width}x${size.height}.png`) });
    for (const p of problems)
      found.push(`${screen} ${size.width}×${size.height} ${p.kind}: ${p.what} ${p.detail}`);
  }
  // Kept beside the pictures, so a failing run says where to look.
  if (found.length > 0) appendFileSync(join(SIZE_SHOTS, 'problems.txt'), `${found.join('\n')}\n`);
  return found;
}
