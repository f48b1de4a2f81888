import { it } from 'vitest';
import { launchChromium, startHost } from '../e2e/pages/host';
import { CheckoutPage } from '../e2e/pages/checkout';
it('dbg', async () => {
  const host = await startHost(null);
  const b = await launchChromium();
  const page = await b.newPage({ viewport: { width: 800, height: 600 } });
  const co = new CheckoutPage(page);
  await co.open(host.url);
  console.log(await page.evaluate(() => [...document.querySelectorAll('.key-row .key-button')].slice(0,2).map((el) => { const s = getComputedStyle(el); return [el.getBoundingClientRect().height, s.minHeight, s.gridTemplateRows, s.paddingTop, s.height, getComputedStyle(el.querySelector('.key-label')!).lineHeight, el.querySelector('.key-label')!.getBoundingClientRect().height, el.querySelector('kbd')!.getBoundingClientRect().height]; })));
  await b.close(); await host.stop();
}, 60000);
