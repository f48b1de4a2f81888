import { useTranslation } from 'react-i18next';
import type { PaperPreview } from '../../../../shared/domain';
import { BarcodeBars } from './BarcodeBars';
import { QrImage } from './QrImage';

type Line = PaperPreview['lines'][number];

function PaperLine({ line }: { line: Line }) {
  const { t } = useTranslation();
  const cls = `pl pl-${line.align}${line.bold ? ' pl-bold' : ''}${line.double ? ' pl-double' : ''}`;
  switch (line.kind) {
    case 'qr':
      return <QrImage text={line.text} />;
    case 'barcode':
      return <BarcodeBars text={line.text} />;
    case 'cut':
      return (
        <div className="pl-cut" role="separator" aria-label={t('paper.cut')}>
          <span aria-hidden="true">✂</span>
        </div>
      );
    case 'image':
      return <div className={`${cls} pl-image`}>{t('paper.image', { text: line.text })}</div>;
    default:
      return <div className={cls}>{line.text || '\u00a0'}</div>;
  }
}

/**
 * The paper as the printer will print it, from the job's own bytes: one column per ASCII
 * character and two per CJK character (the CJK mono font draws them 0.5em and 1em wide), so
 * the paper is `columns / 2` em wide like the printer's line.
 */
export function PaperLines({ paper }: { paper: PaperPreview }) {
  return (
    <div className="paper-roll">
      <div
        className="paper paper-lines"
        style={{ width: `calc(${paper.columns / 2}em + 32px)` }}
        data-testid="receipt-text"
        data-source="job"
        data-columns={paper.columns}
      >
        {paper.lines.map((line, i) => (
          <PaperLine key={i} line={line} />
        ))}
      </div>
    </div>
  );
}
