import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { DocBlock, ReceiptDoc } from '../../printer';

/**
 * The receipt template in use (the seed: "先确认商户使用的小票文件是用我们接口默认的还是收银厂商那边
 * 帮他们做的小票文件"). The default is the till's own layout (model.ts). A till vendor may name a
 * custom template file in settings.json (`receiptTemplate`): a small JSON file whose lines are
 * added to every receipt, below the store name and above the feed. A file that is missing or
 * invalid is never half-used: the default is printed, and the recovery flow's printer check
 * shows why.
 */

const line = z
  .string()
  .max(48)
  // Text reaches the printer: no control bytes from a file either.
  .refine(
    (s) => [...s].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f),
    'no control characters',
  );

export const ReceiptTemplateSchema = z
  .object({
    /** What the technician and the recovery flow call it, e.g. "XX收银 定制小票 v3". */
    name: z.string().min(1).max(40),
    headerLines: z.array(line).max(8).default([]),
    footerLines: z.array(line).max(8).default([]),
  })
  .strict();
export type ReceiptTemplate = z.infer<typeof ReceiptTemplateSchema>;

export interface TemplateState {
  kind: 'default' | 'custom';
  name: string;
  /** The configured file (absolute), or null when none is configured. */
  file: string | null;
  /** Why the configured file is not used. */
  problem: string | null;
  template: ReceiptTemplate | null;
}

export const DEFAULT_TEMPLATE_NAME = '收银系统默认小票 (Till default)';

/** Reads the configured file each time it changed on disk (a vendor may replace it). */
export function createTemplateSource(setting: string | undefined, dataDir: string) {
  const file = setting ? (isAbsolute(setting) ? setting : join(dataDir, setting)) : null;
  let cached: { mtimeMs: number; state: TemplateState } | null = null;
  const fallback = (problem: string): TemplateState => ({
    kind: 'default',
    name: DEFAULT_TEMPLATE_NAME,
    file,
    problem,
    template: null,
  });
  return function current(): TemplateState {
    if (!file) return { ...fallback(''), problem: null };
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return fallback(`找不到定制小票文件 ${file}，已使用默认小票 (file not found: default used)`);
    }
    if (cached?.mtimeMs === mtimeMs) return cached.state;
    let state: TemplateState;
    try {
      const parsed = ReceiptTemplateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      state = parsed.success
        ? { kind: 'custom', name: parsed.data.name, file, problem: null, template: parsed.data }
        : fallback(
            `定制小票文件无效（${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}），已使用默认小票 (invalid: default used)`,
          );
    } catch (err) {
      state = fallback(
        `定制小票文件不是合法的 JSON（${(err as Error).message}），已使用默认小票 (not JSON: default used)`,
      );
    }
    cached = { mtimeMs, state };
    return state;
  };
}
export type TemplateSource = ReturnType<typeof createTemplateSource>;

/** The custom lines go under the store name and before the trailing feed, drawer and cut. */
export function applyTemplate(doc: ReceiptDoc, t: ReceiptTemplate | null): ReceiptDoc {
  if (!t || (t.headerLines.length === 0 && t.footerLines.length === 0)) return doc;
  const blocks = [...doc.blocks];
  let end = blocks.length;
  while (end > 0 && ['feed', 'drawer', 'cut'].includes(blocks[end - 1]?.kind ?? '')) end--;
  const text = (s: string): DocBlock => ({ kind: 'text', text: s, align: 'center' });
  const footer = t.footerLines.map(text);
  const header = t.headerLines.map(text);
  return {
    ...doc,
    blocks: [
      ...blocks.slice(0, 1),
      ...header,
      ...blocks.slice(1, end),
      ...footer,
      ...blocks.slice(end),
    ],
  };
}
