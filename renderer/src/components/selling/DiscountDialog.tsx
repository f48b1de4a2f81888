import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '../../../../shared/money';
import { keepFocus, useKeepFocus, useKeys } from '../../hooks';
import { useActions, useTill } from '../../state/react';
import { Dialog } from './Dialog';

/** 8.5 (折) → 15 % off; null when it is not a discount a shop gives. */
export function zheToPercentOff(text: string): number | null {
  if (/^\s*0\s*$/.test(text)) return 0; // 0 takes the discount away
  const m = /^\s*(\d)(?:\.(\d))?\s*$/.exec(text);
  if (!m) return null;
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? 0);
  return tenths >= 10 && tenths <= 99 ? 100 - tenths : null;
}

/** F8 折扣: the selected line or the whole order, as 折 (9, 8.5) or an amount off. */
export function DiscountDialog() {
  const { t } = useTranslation();
  const actions = useActions();
  const line = useTill((s) => s.sale?.lines.find((l) => l.lineNo === s.selected) ?? null);
  const [target, setTarget] = useState<'line' | 'order'>(line ? 'line' : 'order');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);
  const value = kind === 'percent' ? zheToPercentOff(text) : parseYuan(text);
  const valid = value !== null;
  const ok = () => {
    if (value !== null) void actions.giveDiscount(target, kind, value);
  };
  useKeys((e) => {
    if (e.key === 'Enter') ok();
    else if (e.key === 'Escape') actions.closeDialog();
    else if (e.key === 'Tab' && line) setTarget((x) => (x === 'line' ? 'order' : 'line'));
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight')
      setKind((k) => (k === 'percent' ? 'amount' : 'percent'));
    else return;
    e.preventDefault();
  });
  const chip = (on: boolean, label: string, press: () => void) => (
    <button
      type="button"
      className={`chip ${on ? 'on' : ''}`}
      onMouseDown={keepFocus}
      onClick={press}
    >
      {label}
    </button>
  );
  return (
    <Dialog
      title={t('discountDialog.title')}
      ok={t('discountDialog.ok')}
      cancel={t('discountDialog.cancel')}
      onOk={ok}
      onCancel={actions.closeDialog}
      okDisabled={!valid}
      testId="discount-dialog"
    >
      <div className="chip-row">
        {line
          ? chip(target === 'line', t('discountDialog.line', { name: line.name }), () =>
              setTarget('line'),
            )
          : null}
        {chip(target === 'order', t('discountDialog.order'), () => setTarget('order'))}
      </div>
      <div className="chip-row">
        {chip(kind === 'percent', t('discountDialog.byZhe'), () => setKind('percent'))}
        {chip(kind === 'amount', t('discountDialog.byAmount'), () => setKind('amount'))}
      </div>
      <label className="dialog-field inline">
        <input
          ref={input}
          className="dialog-input num"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="discount-input"
        />
        <span>{kind === 'percent' ? t('discountDialog.zhe') : t('discountDialog.yuan')}</span>
      </label>
      <p className="dialog-note">
        {text.trim() !== '' && !valid
          ? t(kind === 'percent' ? 'discountDialog.invalidZhe' : 'discountDialog.invalidAmount')
          : t('discountDialog.remove')}
      </p>
    </Dialog>
  );
}
