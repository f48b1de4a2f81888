import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_STATUSES, type OrderSearch } from '../../../../shared/api/search';
import { parseYuan } from '../../../../shared/money';
import { keepFocus } from '../../hooks';
import { useActions } from '../../state/react';

const METHODS = ['CASH', 'WECHAT', 'ALIPAY'] as const;

/** Date range, amount, cashier, method and status; empty fields do not narrow. */
export function SearchFilters() {
  const { t } = useTranslation();
  const actions = useActions();
  const [f, setF] = useState({
    from: '',
    to: '',
    min: '',
    max: '',
    cashier: '',
    method: '',
    status: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const apply = () => {
    const min = parseYuan(f.min);
    const max = parseYuan(f.max);
    const q: OrderSearch = {
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(min !== null ? { minFen: min } : {}),
      ...(max !== null ? { maxFen: max } : {}),
      ...(f.cashier.trim() ? { cashier: f.cashier.trim() } : {}),
      ...(f.method ? { method: f.method as (typeof METHODS)[number] } : {}),
      ...(f.status ? { status: f.status as OrderSearch['status'] & string } : {}),
    };
    void actions.search(q);
  };
  return (
    <div
      className="filters"
      data-own-focus
      onKeyDown={(e) => {
        // Enter in a filter applies the filters, not the search box's number.
        if (e.key !== 'Enter') return;
        e.preventDefault();
        e.stopPropagation();
        apply();
      }}
    >
      <label className="filter-field">
        <span>{t('search.from')}</span>
        <input type="date" value={f.from} onChange={set('from')} data-testid="sv-from" />
      </label>
      <label className="filter-field">
        <span>{t('search.to')}</span>
        <input type="date" value={f.to} onChange={set('to')} data-testid="sv-to" />
      </label>
      <label className="filter-field narrow">
        <span>{t('search.minYuan')}</span>
        <input inputMode="decimal" value={f.min} onChange={set('min')} data-testid="sv-min" />
      </label>
      <label className="filter-field narrow">
        <span>{t('search.maxYuan')}</span>
        <input inputMode="decimal" value={f.max} onChange={set('max')} data-testid="sv-max" />
      </label>
      <label className="filter-field narrow">
        <span>{t('search.cashier')}</span>
        <input
          inputMode="numeric"
          value={f.cashier}
          onChange={set('cashier')}
          data-testid="sv-cashier"
        />
      </label>
      <label className="filter-field">
        <span>{t('search.method')}</span>
        <select value={f.method} onChange={set('method')} data-testid="sv-method">
          <option value="">{t('search.any')}</option>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>{t('search.status')}</span>
        <select value={f.status} onChange={set('status')} data-testid="sv-status">
          <option value="">{t('search.any')}</option>
          {SEARCH_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`search.state.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-primary small"
        onMouseDown={keepFocus}
        onClick={apply}
        data-testid="sv-apply"
      >
        {t('search.apply')}
      </button>
    </div>
  );
}
