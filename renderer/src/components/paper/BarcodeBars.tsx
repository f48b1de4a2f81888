/**
 * A CODE128-like bar pattern made from the data's bits, for the look of the paper only (it is
 * not a scannable symbol); the data is printed under it as on the receipt.
 */
export function BarcodeBars({ text }: { text: string }) {
  const widths = [...text].flatMap((c) => {
    const n = c.charCodeAt(0);
    return [1 + (n & 3), 1 + ((n >> 2) & 1), 1 + ((n >> 3) & 3), 1 + ((n >> 5) & 1)];
  });
  let x = 0;
  const bars = widths.map((w, i) => {
    const at = x;
    x += w;
    return i % 2 === 0 ? <rect key={i} x={at} y={0} width={w} height={40} /> : null;
  });
  return (
    <figure className="pl-barcode" data-kind="barcode">
      <svg viewBox={`0 0 ${Math.max(x, 1)} 40`} preserveAspectRatio="none" aria-hidden="true">
        {bars}
      </svg>
      <figcaption className="pl-caption">{text}</figcaption>
    </figure>
  );
}
