import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import type { PrinterCheck } from '../../../shared/api/recovery';
import type { PrintJob, Receipt } from '../../../shared/domain';
import { tempDir } from '../../helpers/tmp';
import { APPROVAL } from '../../helpers/kioskClient';
import { tillRig, type TillRig } from '../../helpers/tillRig';

/**
 * The seed's printer questions, for one paid order: print.txt (path, time, content), the receipt
 * template in use (default or the vendor's custom file, really applied), the live printer status,
 * then a reprint marked 重打印.
 */
let rig: TillRig;
let printer: VirtualPrinter;
const files = tempDir('till-vendor-');
afterEach(async () => {
  await rig?.close();
  await printer?.close();
});

async function paidOrder(r: TillRig) {
  const { payment } = await r.pay('0001');
  const paid = await r.until(payment.paymentId, ['PAID']);
  for (let i = 0; i < 200; i++) {
    const rec = await r.api.call('receipt.get', { orderId: paid.orderId });
    const job = (rec.json.value as unknown as Receipt | undefined)?.printJob;
    if (job && !['QUEUED', 'SENDING'].includes(job.state)) return paid;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('the receipt never finished printing');
}

describe('recovery.printerCheck', () => {
  it('a vendor’s custom template is applied to print.txt and the paper; the check names it', async () => {
    const file = join(files.dir, 'vendor-receipt.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: '云收银 定制小票 v3',
        headerLines: ['人民路 8 号 · 电话 0571-8888'],
        footerLines: ['会员积分请扫门店码'],
      }),
    );
    printer = await startVirtualPrinter();
    rig = await tillRig({ printer: printer.uri, settings: { receiptTemplate: file } });
    const paid = await paidOrder(rig);
    const check = await rig.call<PrinterCheck>('recovery.printerCheck', { orderId: paid.orderId });
    expect(check.template).toEqual({
      kind: 'custom',
      name: '云收银 定制小票 v3',
      file,
      problem: null,
    });
    expect(check.printTxt).toMatchObject({
      path: join(rig.dataDir, 'print.txt'),
      exists: true,
      holdsThisOrder: true,
    });
    expect(check.printTxt.content).toContain('人民路 8 号 · 电话 0571-8888');
    expect(check.printTxt.content).toContain('会员积分请扫门店码');
    expect(check.archived.content).toBe(check.printTxt.content);
    expect(check.status).toMatchObject({ known: true, online: true, coverOpen: false });
    expect(check.job?.state).toBe('PRINTED');
    // The paper itself carries the vendor's lines (decoded by the printer from the job bytes).
    expect(printer.jobs.at(-1)?.text).toContain('会员积分请扫门店码');

    // The cover opens: the live status says so; closed again, the reprint is a marked copy.
    printer.setFault('cover-open');
    const open = await rig.call<PrinterCheck>('recovery.printerCheck', { orderId: paid.orderId });
    expect(open.status).toMatchObject({ known: true, coverOpen: true });
    expect(open.status.words.join(' ')).toMatch(/cover/i);
    printer.setFault('none');
    // A copy needs a supervisor's approval on the cashier's call.
    const copy = await rig.call<{ job: PrintJob }>('receipt.reprint', {
      orderId: paid.orderId,
      approval: APPROVAL,
    });
    let state = copy.job.state;
    for (let i = 0; i < 200 && state !== 'PRINTED'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const rec = await rig.call<{ jobs: PrintJob[] }>('receipt.get', { orderId: paid.orderId });
      state = rec.jobs.find((j) => j.jobId === copy.job.jobId)?.state ?? state;
    }
    expect(state).toBe('PRINTED');
    expect(printer.jobs.at(-1)?.text).toContain('重打印');
    expect(printer.jobs.at(-1)?.text).toContain('会员积分请扫门店码');
  });

  it('an invalid custom file: the default receipt is printed, and the check says why', async () => {
    const file = join(files.dir, 'broken.json');
    writeFileSync(file, '{"name": "坏的", "footerLines": [123]}');
    rig = await tillRig({ settings: { receiptTemplate: file } });
    const paid = await paidOrder(rig);
    const check = await rig.call<PrinterCheck>('recovery.printerCheck', { orderId: paid.orderId });
    expect(check.template).toMatchObject({ kind: 'default', file });
    expect(check.template.problem).toMatch(/定制小票文件无效.*已使用默认小票/);
    expect(check.printTxt.content).toContain('谢谢惠顾');
    expect(check.printTxt.content).not.toContain('坏的');
    // No printer at all (TILL_PRINTER=none): the status says it cannot be read, and why.
    expect(check.status.known).toBe(false);
    expect(check.job?.state).toBe('WAITING'); // no printer: it waits for one, never "printed"
    const none = await rig.api.call('recovery.printerCheck', { orderId: 'O-nope' });
    expect(none.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'orderId' } });
  });
});
