import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PrinterCheck } from '../../shared/api/recovery';
import type { PrinterStatusView } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { TemplateState } from '../receipts/template';
import type { Repos } from '../store';

export interface PrinterCheckDeps {
  repos: Pick<Repos, 'sales' | 'receipts' | 'printJobs'>;
  dataDir: string;
  template: () => TemplateState;
  /** The live printer status (DLE EOT), as the technician screen reads it. */
  status: () => Promise<PrinterStatusView>;
}

/** A receipt is a few KB; a file much larger than that is not one, and is not shown whole. */
const MAX_SHOWN = 16 * 1024;

function fileFacts(path: string): {
  exists: boolean;
  modifiedAt: string | null;
  content: string | null;
} {
  try {
    const st = statSync(path);
    const text = readFileSync(path, 'utf8');
    return {
      exists: true,
      modifiedAt: new Date(st.mtimeMs).toISOString(),
      content: text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\n…` : text,
    };
  } catch {
    return { exists: false, modifiedAt: null, content: null };
  }
}

/**
 * The seed's printer questions for one paid order: was print.txt produced (where, when, what it
 * holds)? Which receipt template is in use — the default or a vendor's custom one? What does the
 * printer say right now? (The reprint itself is receipt.reprint, marked 重打印.)
 */
export function createPrinterCheck(d: PrinterCheckDeps) {
  return async function check(orderId: string): Promise<PrinterCheck> {
    if (!d.repos.sales.get(orderId)) throw new TillError('NOT_FOUND', 'orderId');
    const receipt = d.repos.receipts.get(orderId);
    const printTxtPath = join(d.dataDir, 'print.txt');
    const latest = fileFacts(printTxtPath);
    const archived = receipt ? fileFacts(receipt.txtPath) : null;
    const t = d.template();
    return {
      orderId,
      printTxt: {
        path: printTxtPath,
        ...latest,
        holdsThisOrder: latest.content?.includes(orderId) ?? false,
      },
      archived: {
        path: receipt?.txtPath ?? null,
        exists: archived?.exists ?? false,
        modifiedAt: archived?.modifiedAt ?? null,
        content: archived?.content ?? null,
      },
      template: { kind: t.kind, name: t.name, file: t.file, problem: t.problem },
      status: await d.status(),
      job: d.repos.printJobs.latestForOrder(orderId),
    };
  };
}
