import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, parseYuan } from '../../../shared/money';
import { KeyButton } from '../components/KeyButton';
import { useKeepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** Supervisor (F6 → F3): find one product and change its price; the host audits the change. */
export function ProductsScreen() {
  const { t } = useTranslation();
  const actions = useActions();
  const results = useTill((s) => s.priceResults);
  const selected = useTill((s) => s.priceSelected);
  const saved = useTill((s) => s.priceSaved);
  const [query, setQuery] = useState('');
  const [price, setPrice] = useState('');
  const [searched, setSearched] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  useKeepFocus(searchRef, !selected);
  useKeepFocus(priceRef, Boolean(selected));
  const fen = parseYuan(price);

  useKeys((e) => {
    if (e.key === 'Enter') {
      if (selected && fen !== null) void actions.savePrice(fen).then((ok) => ok && setPrice(''));
      else if (!selected) {
        setSearched(true);
        void actions.findProducts(query);
      }
    } else if (e.key === 'Escape') {
      if (selected) actions.selectProduct(null);
      else actions.goTo('supervisor');
    } else return;
    e.preventDefault();
  });

  return (
    <main className="screen products">
      <section className="sv-left">
        <h1 className="sv-title">{t('products.title')}</h1>
        <label className="scan-field">
          <span className="scan-label">{t('products.search')}</span>
          <input
            ref={searchRef}
            className="scan-input"
            autoComplete="off"
            spellCheck={false}
            value={query}
            placeholder={t('products.placeholder')}
            onChange={(e) => {
              setQuery(e.target.value);
              if (selected) actions.selectProduct(null);
            }}
            data-testid="price-search"
          />
        </label>
        <div className="sv-scroll">
          {results.length === 0 ? (
            <p className="sv-empty">{searched ? t('products.none') : t('products.empty')}</p>
          ) : (
            <table className="lines-table price-table" data-testid="price-results">
              <thead>
                <tr>
                  <th>{t('products.colName')}</th>
                  <th className="num">{t('products.colPrice')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((p) => (
                  <tr
                    key={p.barcode}
                    className={p.barcode === selected?.barcode ? 'selected' : undefined}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => actions.selectProduct(p)}
                  >
                    <td className="col-name">
                      <div className="line-name">{p.name}</div>
                      <div className="line-barcode">{p.barcode}</div>
                    </td>
                    <td className="num">
                      {formatFen(p.priceFen)}
                      {p.unit ? t('products.perUnit', { unit: p.unit }) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="row-actions">
          <KeyButton
            keyCap="Esc"
            label={t('products.back')}
            onPress={() => actions.goTo('supervisor')}
          />
        </div>
      </section>
      <section className="sv-right price-edit">
        {selected ? (
          <>
            <h2 className="price-name" data-testid="price-name">
              {selected.name}
            </h2>
            <p className="price-now num">
              {formatFen(selected.priceFen)}
              {selected.unit ? t('products.perUnit', { unit: selected.unit }) : ''}
            </p>
            <label className="dialog-field">
              <span>{t('products.newPrice')}</span>
              <input
                ref={priceRef}
                className="dialog-input num"
                inputMode="decimal"
                value={price}
                onChange={(e) => setPrice(e.target.value)}
                data-testid="price-input"
              />
            </label>
            <p className="dialog-note">
              {price.trim() !== '' && fen === null ? t('products.invalid') : ' '}
            </p>
            <KeyButton
              keyCap="Enter"
              tone="primary"
              label={t('products.save')}
              disabled={fen === null}
              onPress={() =>
                fen !== null && void actions.savePrice(fen).then((ok) => ok && setPrice(''))
              }
            />
          </>
        ) : null}
        {saved ? (
          <p className="price-saved" data-testid="price-saved">
            {t('products.saved', { name: saved.name, price: formatFen(saved.priceFen) })}
          </p>
        ) : null}
      </section>
    </main>
  );
}
