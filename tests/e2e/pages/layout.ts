import type { Page } from 'playwright-core';

export interface LayoutProblem {
  kind: 'outside' | 'clipped' | 'overlap';
  what: string;
  detail: string;
}

/**
 * Checks the page as laid out now, from element boxes: every visible text, button and field is
 * inside the window (or inside something that scrolls), none is cut off by its own or an
 * ancestor's overflow, no scroll box is squeezed below one line of what it holds, and no two of
 * them overlap. An open dialog is checked on its own (it covers the screen on purpose). Runs in
 * the page; the answer is a list of problems.
 */
export function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    type Box = { l: number; t: number; r: number; b: number };
    const MIN_SCROLL_PX = 40;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      const text = (el.textContent ?? '').trim().slice(0, 24);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls ? `.${cls}` : ''} "${text}"`;
    };
    const boxOf = (r: DOMRect): Box => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
    const cut = (a: Box, b: Box): Box => ({
      l: Math.max(a.l, b.l),
      t: Math.max(a.t, b.t),
      r: Math.min(a.r, b.r),
      b: Math.min(a.b, b.b),
    });
    const empty = (x: Box) => x.r - x.l < 1 || x.b - x.t < 1;
    const shown = (el: Element) => {
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.05;
    };

    const backdrop = [...document.querySelectorAll('.dialog-backdrop')].at(-1) ?? null;
    const root = backdrop ?? document.body;
    const leaves = [...root.querySelectorAll('*')].filter((el) => {
      if (!(el instanceof HTMLElement) || !shown(el)) return false;
      if (!backdrop && el.closest('.dialog-backdrop')) return false;
      if (['INPUT', 'BUTTON', 'SELECT', 'IMG', 'TEXTAREA'].includes(el.tagName)) return true;
      return [...el.childNodes].some(
        (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
      );
    }) as HTMLElement[];

    const problems: { kind: 'outside' | 'clipped' | 'overlap'; what: string; detail: string }[] =
      [];
    const visible = new Map<HTMLElement, Box>();
    const sideways = new Set<Element>();
    // A scroll box squeezed below one line of what it holds hides its rows (and their keys).
    const collapsed = new Set<Element>();
    for (const el of leaves) {
      const own = boxOf(el.getBoundingClientRect());
      if (empty(own)) continue;
      let seen = own;
      let scrolled = false;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const s = getComputedStyle(a);
        const ox = s.overflowX;
        const oy = s.overflowY;
        const scrolls = ['auto', 'scroll'].includes(ox) || ['auto', 'scroll'].includes(oy);
        const hides = ['hidden', 'clip'].includes(ox) || ['hidden', 'clip'].includes(oy);
        if (!scrolls && !hides) continue;
        const ab = boxOf(a.getBoundingClientRect());
        if (scrolls) {
          scrolled = true;
          seen = cut(seen, ab);
          // A list that scrolls up and down is fine; one that must scroll sideways does not fit.
          if (a.scrollWidth > a.clientWidth + 1 && !a.hasAttribute('data-scroll-x')) {
            sideways.add(a);
          }
          if (a.clientHeight < Math.min(a.scrollHeight, MIN_SCROLL_PX)) collapsed.add(a);
        } else if (
          !empty(seen) &&
          (seen.r > ab.r + 1 || seen.b > ab.b + 1 || seen.l < ab.l - 1 || seen.t < ab.t - 1)
        ) {
          problems.push({ kind: 'clipped', what: name(el), detail: `cut by ${name(a)}` });
        }
      }
      if (!scrolled && (own.r > vw + 1 || own.b > vh + 1 || own.l < -1 || own.t < -1)) {
        problems.push({
          kind: 'outside',
          what: name(el),
          detail: `box ${Math.round(own.l)},${Math.round(own.t)}–${Math.round(own.r)},${Math.round(own.b)} in ${vw}×${vh}`,
        });
      }
      const s = getComputedStyle(el);
      const selfClips =
        !['visible'].includes(s.overflowX) && !['auto', 'scroll'].includes(s.overflowX);
      if (selfClips && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'INPUT') {
        problems.push({
          kind: 'clipped',
          what: name(el),
          detail: `text ${el.scrollWidth}px in ${el.clientWidth}px`,
        });
      }
      // Text wider than its own box that is not clipped is drawn over whatever is beside it
      // (the boxes themselves do not overlap). Inline boxes have no width of their own.
      const spills =
        s.overflowX === 'visible' &&
        s.display !== 'inline' &&
        el.clientWidth > 0 &&
        el.scrollWidth > el.clientWidth + 1 &&
        !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
      if (spills) {
        problems.push({
          kind: 'overlap',
          what: name(el),
          detail: `text ${el.scrollWidth}px spills out of its ${el.clientWidth}px box`,
        });
      }
      if (!empty(seen)) visible.set(el, seen);
    }

    for (const a of collapsed) {
      problems.push({
        kind: 'clipped',
        what: name(a),
        detail: `scroll box collapsed: shows ${a.clientHeight}px of ${a.scrollHeight}px`,
      });
    }
    for (const a of sideways) {
      problems.push({
        kind: 'clipped',
        what: name(a),
        detail: `scrolls sideways: ${a.scrollWidth}px in ${a.clientWidth}px`,
      });
    }
    // A popover (search results) covers what is under it on purpose: only its own parts are
    // checked against each other.
    const layerOf = (el: Element) => el.closest('[data-layer]');
    const list = [...visible.entries()];
    for (let i = 0; i < list.length; i++) {
      const [a, ab] = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const [b, bb] = list[j]!;
        if (a.contains(b) || b.contains(a) || layerOf(a) !== layerOf(b)) continue;
        const x = cut(ab, bb);
        if (x.r - x.l > 2 && x.b - x.t > 2) {
          problems.push({ kind: 'overlap', what: name(a), detail: `overlaps ${name(b)}` });
        }
      }
    }
    return problems;
  });
}

/** The font size of the element matched, and the largest of every other figure on the screen. */
export function largestFigure(
  page: Page,
  selector: string,
): Promise<{ it: number; others: number; other: string }> {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel);
    if (!target) throw new Error(`no ${sel}`);
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    let others = 0;
    let other = '';
    for (const el of document.querySelectorAll('body *')) {
      if (el === target || target.contains(el) || el.contains(target)) continue;
      const own = [...el.childNodes].some(
        (n) => n.nodeType === 3 && /\d/.test(n.textContent ?? ''),
      );
      const box = el.getBoundingClientRect();
      if (!own || box.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (size(el) > others) {
        others = size(el);
        other = (el.textContent ?? '').trim().slice(0, 30);
      }
    }
    return { it: size(target), others, other };
  }, selector);
}
