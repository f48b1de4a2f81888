import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/auth';
import { KeyButton } from '../components/KeyButton';
import { keepFocus, useKeys, useNow } from '../hooks';
import { useActions, useTill } from '../state/react';

const ROLES: Role[] = ['cashier', 'supervisor', 'technician'];

/** Supervisors add staff, disable them and reset PINs. PINs are never shown. */
export function UsersScreen() {
  const { t } = useTranslation();
  const users = useTill((s) => s.users);
  const now = useNow(30_000);
  const actions = useActions();
  const [draft, setDraft] = useState({ userId: '', name: '', role: 'cashier' as Role, pin: '' });
  const [resetting, setResetting] = useState<{ userId: string; pin: string } | null>(null);
  useEffect(() => void actions.loadUsers(), [actions]);
  const ready =
    /^\d{3,8}$/.test(draft.userId) && draft.name.trim() !== '' && /^\d{4,8}$/.test(draft.pin);
  const add = async () => {
    if (ready && (await actions.addUser(draft)))
      setDraft({ userId: '', name: '', role: 'cashier', pin: '' });
  };
  useKeys((e) => {
    if (e.key === 'Escape') actions.goTo('supervisor');
    else if (e.key === 'Enter') void add();
    else return;
    e.preventDefault();
  });
  const digits = (v: string) => v.replace(/\D/g, '');
  return (
    <main className="screen users-screen">
      <section className="sv-left wide">
        <h1 className="sv-title">{t('users.title')}</h1>
        <div className="filters">
          <label className="filter-field">
            <span>{t('users.colId')}</span>
            <input
              value={draft.userId}
              onChange={(e) => setDraft({ ...draft, userId: digits(e.target.value) })}
              data-testid="user-id"
            />
          </label>
          <label className="filter-field">
            <span>{t('users.colName')}</span>
            <input
              value={draft.name}
              maxLength={20}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              data-testid="user-name"
            />
          </label>
          <label className="filter-field">
            <span>{t('users.colRole')}</span>
            <select
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
              data-testid="user-role"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span>{t('signin.pin')}</span>
            <input
              type="password"
              value={draft.pin}
              onChange={(e) => setDraft({ ...draft, pin: digits(e.target.value) })}
              data-testid="user-pin"
            />
          </label>
          <button
            type="button"
            className="btn btn-primary small"
            disabled={!ready}
            onMouseDown={keepFocus}
            onClick={() => void add()}
            data-testid="user-add"
          >
            {t('users.add')}
          </button>
        </div>
        <div className="sv-scroll">
          <table className="data-table" data-testid="users-table">
            <thead>
              <tr>
                <th>{t('users.colId')}</th>
                <th>{t('users.colName')}</th>
                <th>{t('users.colRole')}</th>
                <th>{t('users.colState')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.userId} className={u.active ? '' : 'muted'}>
                  <td className="num">{u.userId}</td>
                  <td>
                    {u.name} {u.demo ? <span className="tag">{t('users.demo')}</span> : null}
                  </td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>
                    {u.active ? t('users.active') : t('users.disabled')}
                    {u.lockedUntil && Date.parse(u.lockedUntil) > now
                      ? ` · ${t('users.locked', { time: new Date(u.lockedUntil).toLocaleTimeString('zh-CN') })}`
                      : ''}
                  </td>
                  <td className="row-buttons">
                    <button
                      type="button"
                      className="btn btn-plain small"
                      onMouseDown={keepFocus}
                      onClick={() => void actions.setUserActive(u.userId, !u.active)}
                    >
                      {u.active ? t('users.disable') : t('users.enable')}
                    </button>
                    {resetting?.userId === u.userId ? (
                      <>
                        <input
                          type="password"
                          className="pin-inline"
                          placeholder={t('users.newPin')}
                          value={resetting.pin}
                          onChange={(e) =>
                            setResetting({ userId: u.userId, pin: digits(e.target.value) })
                          }
                        />
                        <button
                          type="button"
                          className="btn btn-primary small"
                          disabled={!/^\d{4,8}$/.test(resetting.pin)}
                          onMouseDown={keepFocus}
                          onClick={() =>
                            void actions
                              .resetPin(u.userId, resetting.pin)
                              .then((ok) => ok && setResetting(null))
                          }
                        >
                          {t('users.save')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-plain small"
                        onMouseDown={keepFocus}
                        onClick={() => setResetting({ userId: u.userId, pin: '' })}
                      >
                        {t('users.resetPin')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="row-actions">
          <KeyButton
            keyCap="Esc"
            label={t('users.back')}
            onPress={() => actions.goTo('supervisor')}
          />
        </div>
      </section>
    </main>
  );
}
