import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/money';
import type { ProductView } from '../../../../shared/selling/schemas';

interface Props {
  query: string;
  results: ProductView[];
  index: number;
  onPick(p: ProductView): void;
}

/** 商品查询: under the scan field while letters are typed; ↑/↓ and Enter, or a tap. */
export function SearchResults({ query, results, index, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <div className="search-results" role="listbox" data-testid="search-results" data-layer>
      {results.length === 0 ? (
        <div className="search-none">{t('productSearch.none', { query })}</div>
      ) : (
        results.map((p, i) => (
          <div
            key={p.barcode}
            role="option"
            aria-selected={i === index}
            className={`search-item ${i === index ? 'selected' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(p)}
          >
            <span className="search-name">{p.name}</span>
            <span className="search-price num">
              {formatFen(p.priceFen)}
              {p.unit ? <small>/{p.unit}</small> : null}
            </span>
          </div>
        ))
      )}
      <div className="search-foot">{t('productSearch.pick')}</div>
    </div>
  );
}
