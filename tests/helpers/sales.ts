import { makeSandboxCode } from '../../electron/gateway';
import type { KioskClient } from './kioskClient';

/** Sales rung up over the kiosk API the way the checkout screen does it. */
let codes = Date.now() % 1e9;
export const walletCode = (channel: 'WECHAT' | 'ALIPAY', suffix = '0001') =>
  makeSandboxCode(channel, suffix, ++codes);

interface SaleView {
  orderId: string;
  totalFen: number;
  status: string;
}
interface PaymentView {
  paymentId: string;
  state: string;
  merchantOrderNo: string;
}

export async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean) {
  for (let i = 0; i < 600; i++) {
    const v = await get();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function ring(api: KioskClient, barcodes: string[]): Promise<SaleView> {
  for (const barcode of barcodes) await api.value('sale.scan', { barcode });
  return api.value<SaleView>('sale.current');
}

/** One sale paid by `tenders` in order (cash parts are partial unless last), until PAID. */
export async function sell(
  api: KioskClient,
  barcodes: string[],
  tenders: ({ cash: number } | { wallet: 'WECHAT' | 'ALIPAY'; amountFen?: number })[],
): Promise<{ sale: SaleView; payments: PaymentView[] }> {
  const sale = await ring(api, barcodes);
  const payments: PaymentView[] = [];
  for (const [i, t] of tenders.entries()) {
    const last = i === tenders.length - 1;
    const p =
      'cash' in t
        ? await api.value<PaymentView>('pay.start', {
            kind: 'cash',
            receivedFen: t.cash,
            partial: !last,
          })
        : await api.value<PaymentView>('pay.start', {
            kind: 'wallet',
            authCode: walletCode(t.wallet),
            ...(t.amountFen ? { amountFen: t.amountFen } : {}),
          });
    payments.push(
      await until(
        `payment ${p.paymentId}`,
        () => api.value<PaymentView>('pay.status', { paymentId: p.paymentId }),
        (x) => ['PAID', 'FAILED', 'REVERSED'].includes(x.state),
      ),
    );
  }
  const done = await until(
    `order ${sale.orderId} paid`,
    () => api.value<{ sale: SaleView }>('order.get', { orderId: sale.orderId }),
    (d) => d.sale.status === 'PAID',
  );
  return { sale: done.sale, payments };
}
