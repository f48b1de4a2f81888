import type { DocBlock } from '../../printer';

/** On every paper the sandbox touches (DESIGN.md: "Never say what is not so"). */
export const SANDBOX_MARK = '测试小票 · 不作为支付凭证 / SANDBOX';

export const sandboxBlocks = (sandbox: boolean): DocBlock[] =>
  sandbox ? [{ kind: 'text', text: SANDBOX_MARK, align: 'center', bold: true }] : [];
