import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/money';
import { keepFocus, useKeys } from '../../hooks';
import { useActions, useTill } from '../../state/react';

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** F5 挂单 / 取单: hold the cart, or pick a held sale to bring back (↑/↓, Enter). */
export function HoldPanel() {
  const { t } = useTranslation();
  const actions = useActions();
  const held = useTill((s) => s.held);
  const index = useTill((s) => s.holdIndex);
  const cartLines = useTill((s) => s.sale?.lines.length ?? 0);
  const recall = () => {
    const h = held[index];
    if (h && cartLines === 0) void actions.recallSale(h.orderId);
  };
  useKeys((e) => {
    if (e.key === 'Escape') actions.closeHold();
    else if (e.key === 'F5' && cartLines > 0) void actions.holdSale();
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown')
      actions.moveHold(e.key === 'ArrowUp' ? -1 : 1);
    else if (e.key === 'Enter') recall();
    else return;
    e.preventDefault();
  });
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog hold-panel"
        role="dialog"
        aria-modal="true"
        aria-label={t('holdPanel.title')}
        data-testid="hold-panel"
      >
        <h2 className="dialog-title">{t('holdPanel.title')}</h2>
        {held.length === 0 ? (
          <p className="hold-none">{t('holdPanel.none')}</p>
        ) : (
          <div className="hold-scroll">
            <table className="hold-table">
              <thead>
                <tr>
                  <th>{t('holdPanel.colTime')}</th>
                  <th>{t('holdPanel.colItems')}</th>
                  <th className="num">{t('holdPanel.colTotal')}</th>
                  <th>{t('holdPanel.colBy')}</th>
                </tr>
              </thead>
              <tbody>
                {held.map((h, i) => (
                  <tr
                    key={h.orderId}
                    className={i === index ? 'selected' : undefined}
                    aria-selected={i === index}
                    data-order={h.orderId}
                    onMouseDown={keepFocus}
                    onClick={() => cartLines === 0 && void actions.recallSale(h.orderId)}
                  >
                    <td className="num">{clock(h.heldAt)}</td>
                    <td className="hold-items">
                      {t('holdPanel.items', { first: h.firstItem, count: h.itemCount })}
                    </td>
                    <td className="num strong">{formatFen(h.totalFen)}</td>
                    <td>{h.heldBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cartLines > 0 && held.length > 0 ? (
          <p className="dialog-note">{t('holdPanel.emptyFirst')}</p>
        ) : null}
        <div className="dialog-actions">
          <button
            type="button"
            className="btn btn-plain"
            onMouseDown={keepFocus}
            onClick={actions.closeHold}
          >
            <kbd>{t('keys.esc')}</kbd> {t('holdPanel.close')}
          </button>
          {cartLines > 0 ? (
            <button
              type="button"
              className="btn btn-primary"
              onMouseDown={keepFocus}
              onClick={() => void actions.holdSale()}
              data-testid="hold-now"
            >
              <kbd>F5</kbd> {t('holdPanel.holdNow')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={!held[index]}
              onMouseDown={keepFocus}
              onClick={recall}
              data-testid="recall-now"
            >
              <kbd>{t('keys.enter')}</kbd> {t('holdPanel.recall')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
