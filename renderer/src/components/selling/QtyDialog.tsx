import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeepFocus, useKeys } from '../../hooks';
import { useActions, useTill } from '../../state/react';
import { Dialog } from './Dialog';

/** F3 数量: the selected line's quantity, typed. */
export function QtyDialog({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const actions = useActions();
  const line = useTill((s) => s.sale?.lines.find((l) => l.lineNo === s.selected) ?? null);
  const [text, setText] = useState(initial || String(line?.qty ?? ''));
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);
  const qty = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
  const valid = qty !== null && qty >= 1;
  const ok = () => {
    if (valid) void actions.setLineQty(qty);
  };
  useKeys((e) => {
    if (e.key === 'Enter') ok();
    else if (e.key === 'Escape') actions.closeDialog();
    else return;
    e.preventDefault();
  });
  return (
    <Dialog
      title={t('qtyDialog.title')}
      ok={t('qtyDialog.ok')}
      cancel={t('qtyDialog.cancel')}
      onOk={ok}
      onCancel={actions.closeDialog}
      okDisabled={!valid}
      testId="qty-dialog"
    >
      <label className="dialog-field">
        <span>{t('qtyDialog.label', { name: line?.name ?? '' })}</span>
        <input
          ref={input}
          className="dialog-input num"
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="qty-input"
        />
      </label>
      <p className="dialog-note">{text.trim() !== '' && !valid ? t('qtyDialog.invalid') : ' '}</p>
    </Dialog>
  );
}
