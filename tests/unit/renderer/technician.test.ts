import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../renderer/src/state/bridge';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { createFakeTill, type FakeTill } from './fake-till';
import { VIRTUAL_URI } from './fake-printer';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let till: FakeTill;
let store: TillStore;
const s = () => store.getState();
const stops: (() => void)[] = [];

beforeEach(() => {
  till = createFakeTill();
  store = createTillStore(till.api);
});
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('technician screen state (F9)', () => {
  it('opens with the printer, its live status and the last job', async () => {
    s().goTo('technician');
    await s().openTechnician();
    expect(s().printerInfo).toMatchObject({ uri: VIRTUAL_URI, virtual: true, profile: '80mm' });
    expect(s().printerInfo?.profiles.map((p) => p.columns)).toEqual([32, 42, 48]);
    expect(s().printerStatus).toMatchObject({ known: true, online: true, paperEnd: false });
    expect(s().lastJob).toEqual({ job: null, kind: null, size: 0, rows: [], text: '' });
  });

  it('prints a test page (a job) and tests the drawer on its own (no job, no paper)', async () => {
    await s().printTest('page');
    expect(s().testResult?.job).toMatchObject({ state: 'PRINTED', orderId: null, kind: 'test' });
    expect(s().lastJob?.kind).toBe('test');
    expect(s().lastJob?.rows[0]).toMatchObject({ offset: 0, hex: '1b 40' });
    expect(s().lastJob?.rows.some((r) => /drawer/.test(r.meaning))).toBe(false);
    await s().printTest('drawer');
    expect(s().testResult).toMatchObject({
      job: null,
      drawer: { ok: true, reason: 'test', command: 'ESC p' },
    });
    expect(s().lastJob?.kind).toBe('test');
    expect(till.printer.paper).toHaveLength(1);
    expect(s().techBusy).toBeNull();
    expect(s().queueJobs?.map((j) => j.kind)).toEqual(['test']);
  });

  it('a test page on a printer out of paper waits for it, with its reason', async () => {
    till.printer.setFault('paper-end');
    await s().printTest('page');
    expect(s().testResult?.job).toMatchObject({ state: 'WAITING', reasonCode: 'PAPER_END' });
    expect(s().printerStatus).toMatchObject({ known: true, paperEnd: true });
    expect(till.printer.paper).toHaveLength(0);
  });

  it('does one thing at a time: a second press while the first runs sends nothing', async () => {
    const first = s().printTest('page');
    const second = s().printTest('page');
    await Promise.all([first, second]);
    expect(till.calls.filter((c) => c === 'printer.test')).toHaveLength(1);
  });

  it('configures a printer and profile; a malformed URI is a field error and changes nothing', async () => {
    await s().openTechnician();
    expect(await s().configurePrinter('tcp//192.168.1.50', '58mm')).toBe(false);
    expect(s().configError).toMatchObject({ code: 'BAD_REQUEST', field: 'uri' });
    expect(s().error).toBeNull(); // shown under the field, not in the banner
    expect(s().printerInfo?.uri).toBe(VIRTUAL_URI);
    expect((await till.api['printer.info']({})).ok && till.printer.info().uri).toBe(VIRTUAL_URI);

    expect(await s().configurePrinter(' tcp://192.168.1.50:9100 ', '58mm')).toBe(true);
    expect(s().configError).toBeNull();
    expect(s().printerInfo).toMatchObject({
      uri: 'tcp://192.168.1.50:9100',
      virtual: false,
      profile: '58mm',
    });
    expect(till.calls).toContain('app.info'); // the header's printer follows
    for (const good of ['serial:/dev/ttyUSB0?baud=9600&flow=rtscts', 'usb:0416:5011', 'none'])
      expect(await s().configurePrinter(good), good).toBe(true);
    expect(await s().configurePrinter('serial:/dev/ttyUSB0?flow=dtrdsr')).toBe(false);
    expect(await s().configurePrinter('virtual')).toBe(true);
    expect(s().printerInfo?.virtual).toBe(true);
  });

  it('shows why the status cannot be read, with the hint', async () => {
    till.printer.setFault('unreachable');
    await s().refreshStatus();
    expect(s().printerStatus).toMatchObject({ known: false, errorCode: 'CONNECTION_REFUSED' });
    expect(s().printerStatus?.hint).toContain('9100');
  });

  it('lists printers and problems; opens and closes the setup report', async () => {
    till.printer.setFound({
      usb: [
        {
          uri: 'usb:0416:5011',
          vid: '0416',
          pid: '5011',
          name: 'Winbond POS-80',
          bidirectional: true,
        },
      ],
      serial: [],
      problems: ['串口 serial: 没有权限 (dialout)'],
    });
    await s().findPrinters();
    expect(s().printerList?.usb[0]?.uri).toBe('usb:0416:5011');
    expect(s().printerList?.problems).toHaveLength(1);
    await s().loadReport();
    expect(s().setupReport).toContain(VIRTUAL_URI);
    s().closeReport();
    expect(s().setupReport).toBeNull();
  });

  it('the bridge refreshes the status every tick only while the technician screen is open', async () => {
    stops.push(startBridge(till.api, store, 1000, 15));
    await wait(60);
    expect(till.calls.filter((c) => c === 'printer.status')).toHaveLength(0);
    s().goTo('technician');
    await wait(80);
    const n = till.calls.filter((c) => c === 'printer.status').length;
    expect(n).toBeGreaterThanOrEqual(2);
    till.printer.setFault('cover-open');
    await wait(40);
    expect(s().printerStatus?.coverOpen).toBe(true);
    s().goTo('checkout');
    await wait(30);
    const after = till.calls.filter((c) => c === 'printer.status').length;
    await wait(60);
    expect(till.calls.filter((c) => c === 'printer.status').length).toBe(after);
  });
});
