import { useTranslation } from 'react-i18next';
import type { ScanText } from './scanText';

/** Under the scan field: a quantity waiting for its scan, or how to search by pinyin. */
export function ScanHint({ text }: { text: ScanText }) {
  const { t } = useTranslation();
  if (text.kind === 'qty') {
    return (
      <div className="scan-hint qty" data-testid="qty-pending">
        {t('selling.qtyPending', { qty: text.qty })}
      </div>
    );
  }
  if (text.kind === 'search') return null;
  return <div className="scan-hint">{t('selling.searchHint')}</div>;
}
