import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from '../components/KeyButton';
import { keepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** The start of every shift: 工号 and PIN. In the sandbox the demo accounts are listed. */
export function SignInScreen() {
  const { t } = useTranslation();
  const session = useTill((s) => s.session);
  const sandbox = useTill((s) => s.info?.sandbox ?? false);
  const busy = useTill((s) => s.authBusy);
  const actions = useActions();
  const [userId, setUserId] = useState('');
  const [pin, setPin] = useState('');
  const userRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const submit = async () => {
    if (!userId.trim()) return userRef.current?.focus();
    if (!pin) return pinRef.current?.focus();
    const ok = await actions.signIn(userId, pin);
    if (!ok) {
      setPin('');
      pinRef.current?.focus();
    }
  };
  useKeys((e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (document.activeElement === userRef.current && userId.trim()) pinRef.current?.focus();
    else void submit();
  });
  const demo = sandbox ? (session?.demoUsers ?? []) : [];

  return (
    <main className="screen signin">
      <section className="signin-card">
        <h1 className="signin-title">{t('signin.title')}</h1>
        <p className="signin-sub">{t('signin.sub')}</p>
        <label className="field">
          <span>{t('signin.user')}</span>
          <input
            ref={userRef}
            autoFocus
            className="field-input num"
            inputMode="numeric"
            autoComplete="username"
            value={userId}
            onChange={(e) => setUserId(e.target.value.replace(/\D/g, ''))}
            data-testid="signin-user"
          />
        </label>
        <label className="field">
          <span>{t('signin.pin')}</span>
          <input
            ref={pinRef}
            type="password"
            className="field-input num"
            inputMode="numeric"
            autoComplete="current-password"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            data-testid="signin-pin"
          />
        </label>
        <KeyButton
          keyCap="Enter"
          tone="primary"
          label={busy ? t('signin.busy') : t('signin.submit')}
          disabled={busy}
          onPress={() => void submit()}
        />
        <p className="signin-note">{t('signin.lockNote')}</p>
      </section>
      {demo.length > 0 ? (
        <aside className="signin-demo" data-testid="demo-users">
          <h2>{t('signin.demoTitle')}</h2>
          <p>{t('signin.demoHint')}</p>
          <table>
            <tbody>
              {demo.map((u) => (
                <tr
                  key={u.userId}
                  onMouseDown={keepFocus}
                  onClick={() => {
                    setUserId(u.userId);
                    setPin(u.pin);
                  }}
                >
                  <td>{t(`role.${u.role}`)}</td>
                  <td className="num">{u.userId}</td>
                  <td className="num">{u.pin}</td>
                  <td>{u.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </aside>
      ) : null}
    </main>
  );
}
