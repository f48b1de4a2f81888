import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn from its text, as the printer's GS ( k would print it. */
export function QrImage({ text }: { text: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <figure className="pl-qr" data-kind="qr">
      {svg ? (
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={text} />
      ) : (
        <div className="pl-qr-wait" aria-hidden="true" />
      )}
      <figcaption className="pl-caption">{text}</figcaption>
    </figure>
  );
}
