import type { DocBlock } from '../../printer';

/** On every receipt, report and file made in sandbox mode (DESIGN.md "Configuration"). */
export const SANDBOX_MARK = '测试小票 · 不作为支付凭证 / SANDBOX';

/**
 * The mark as receipt blocks, at the head and the foot of the paper, so a torn-off half still
 * says it is a test. Reports (issue 9) and files use the same text.
 */
export function sandboxMark(sandbox: boolean, where: 'head' | 'foot'): DocBlock[] {
  if (!sandbox) return [];
  const line: DocBlock = { kind: 'text', text: SANDBOX_MARK, align: 'center', bold: true };
  return where === 'head'
    ? [line, { kind: 'rule', char: '*' }]
    : [{ kind: 'rule', char: '*' }, line];
}
