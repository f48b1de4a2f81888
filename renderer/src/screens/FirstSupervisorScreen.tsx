import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from '../components/KeyButton';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** A live till's first start: nothing works until the first supervisor exists. */
export function FirstSupervisorScreen() {
  const { t } = useTranslation();
  const busy = useTill((s) => s.authBusy);
  const actions = useActions();
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again !== '' && pin !== again;
  const ready =
    /^\d{3,8}$/.test(userId) && name.trim() !== '' && /^\d{4,8}$/.test(pin) && pin === again;
  const submit = () => ready && !busy && void actions.setup(userId, name, pin);
  useKeys((e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  });
  const digits = (set: (v: string) => void) => (e: React.ChangeEvent<HTMLInputElement>) =>
    set(e.target.value.replace(/\D/g, ''));
  return (
    <main className="screen signin">
      <section className="signin-card wide">
        <h1 className="signin-title">{t('firstRun.title')}</h1>
        <p className="signin-sub">{t('firstRun.sub')}</p>
        <label className="field">
          <span>{t('signin.user')}</span>
          <input
            autoFocus
            className="field-input num"
            value={userId}
            onChange={digits(setUserId)}
            data-testid="setup-user"
          />
        </label>
        <label className="field">
          <span>{t('firstRun.name')}</span>
          <input
            className="field-input"
            value={name}
            maxLength={20}
            onChange={(e) => setName(e.target.value)}
            data-testid="setup-name"
          />
        </label>
        <label className="field">
          <span>{t('signin.pin')}</span>
          <input
            type="password"
            className="field-input num"
            value={pin}
            onChange={digits(setPin)}
            data-testid="setup-pin"
          />
        </label>
        <label className="field">
          <span>{t('firstRun.confirm')}</span>
          <input
            type="password"
            className="field-input num"
            value={again}
            onChange={digits(setAgain)}
            data-testid="setup-again"
          />
        </label>
        {mismatch ? <p className="code-bad">{t('firstRun.mismatch')}</p> : null}
        <KeyButton
          keyCap="Enter"
          tone="primary"
          label={t('firstRun.submit')}
          disabled={!ready || busy}
          onPress={submit}
        />
      </section>
    </main>
  );
}
