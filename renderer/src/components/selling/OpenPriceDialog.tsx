import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '../../../../shared/money';
import { keepFocus, useKeepFocus, useKeys } from '../../hooks';
import { useActions } from '../../state/react';
import { Dialog } from './Dialog';

/** F7 无码商品: goods without a barcode at a price keyed in (over the limit: a supervisor). */
export function OpenPriceDialog() {
  const { t } = useTranslation();
  const actions = useActions();
  const names = t('openPriceDialog.names', { returnObjects: true }) as string[];
  const [text, setText] = useState('');
  const [name, setName] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);
  const fen = parseYuan(text);
  const valid = fen !== null && fen > 0;
  const ok = () => {
    if (valid) void actions.addOpenPrice(fen, names[name]);
  };
  useKeys((e) => {
    if (e.key === 'Enter') ok();
    else if (e.key === 'Escape') actions.closeDialog();
    else if (e.key === 'Tab') setName((n) => (n + 1) % names.length);
    else return;
    e.preventDefault();
  });
  return (
    <Dialog
      title={t('openPriceDialog.title')}
      ok={t('openPriceDialog.ok')}
      cancel={t('openPriceDialog.cancel')}
      onOk={ok}
      onCancel={actions.closeDialog}
      okDisabled={!valid}
      testId="open-price-dialog"
    >
      <div className="dialog-field">
        <span>{t('openPriceDialog.name')}</span>
        <div className="chip-row">
          {names.map((n, i) => (
            <button
              key={n}
              type="button"
              className={`chip ${i === name ? 'on' : ''}`}
              onMouseDown={keepFocus}
              onClick={() => setName(i)}
            >
              {n}
            </button>
          ))}
        </div>
      </div>
      <label className="dialog-field">
        <span>{t('openPriceDialog.amount')}</span>
        <input
          ref={input}
          className="dialog-input num"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="open-price-input"
        />
      </label>
      <p className="dialog-note">
        {text.trim() !== '' && !valid ? t('openPriceDialog.invalid') : ' '}
      </p>
    </Dialog>
  );
}
