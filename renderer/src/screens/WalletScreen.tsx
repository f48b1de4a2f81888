import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyPaymentCode } from '../../../shared/codes';
import { formatFen } from '../../../shared/money';
import { KeyButton } from '../components/KeyButton';
import { useKeepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import { selectDue } from '../state/tender';

/** F1: the customer's WeChat / Alipay code. Checked here at once; the host checks again. */
export function WalletScreen() {
  const { t } = useTranslation();
  const totalFen = useTill(selectDue); // a split tender's rest, or the whole sale
  const busy = useTill((s) => s.busy);
  const actions = useActions();
  const [code, setCode] = useState('');
  const [refused, setRefused] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);

  const channel = classifyPaymentCode(code.trim());
  const submit = () => {
    const authCode = code.trim();
    if (!classifyPaymentCode(authCode)) {
      setRefused(true);
      setCode(''); // the next scan starts clean
      return;
    }
    setCode('');
    void actions.startWallet(authCode);
  };

  useKeys((e) => {
    if (e.key === 'Enter') submit();
    else if (e.key === 'Escape') actions.goTo('checkout');
    else return;
    e.preventDefault();
  });

  let feedback = <span className="code-hint">{t('wallet.hint')}</span>;
  if (channel) feedback = <span className="code-ok">✓ {t(`wallet.detected${channel}`)}</span>;
  else if (refused) {
    feedback = (
      <>
        <span className="code-bad">{t('wallet.invalid')}</span>
        <span className="code-hint small">{t('wallet.invalidHint')}</span>
      </>
    );
  }

  return (
    <main className="screen wallet">
      <div className="panel wide">
        <div className="amount-due">
          <span>{t('wallet.amount')}</span>
          <strong className="num">{formatFen(totalFen)}</strong>
        </div>
        <h1 className="screen-title">{t('wallet.title')}</h1>
        <input
          ref={input}
          className={`code-input ${refused && !channel ? 'invalid' : ''}`}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={code}
          readOnly={busy}
          onChange={(e) => {
            setCode(e.target.value);
            setRefused(false);
          }}
          data-testid="pay-code-input"
        />
        <div className="code-feedback" data-testid="pay-code-feedback" aria-live="polite">
          {feedback}
        </div>
        <div className="row-actions">
          <KeyButton
            keyCap="Esc"
            label={t('wallet.back')}
            onPress={() => actions.goTo('checkout')}
          />
          <KeyButton
            keyCap="Enter"
            tone="primary"
            label={t('wallet.submit')}
            disabled={busy}
            onPress={submit}
          />
        </div>
      </div>
    </main>
  );
}
