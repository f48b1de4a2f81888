import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GatewayInfo, GatewaySetup } from '../../../../shared/api/setup';

type Protocol = GatewaySetup['protocol'];
/** The non-secret fields of each protocol, then its one secret. */
const FIELDS: Record<Protocol, { ids: string[]; secret: string; multiline?: boolean }> = {
  upay: { ids: ['terminalSn'], secret: 'terminalKey' },
  wechat: { ids: ['appId', 'mchId'], secret: 'apiKey' },
  alipay: { ids: ['appId', 'alipayPublicKeyPath'], secret: 'privateKey', multiline: true },
};

interface Props {
  info: GatewayInfo;
  busy: boolean;
  onSave(input: GatewaySetup): void;
}

/** The acquirer's details; the secret is typed once, never shown again, and kept by the host. */
export function GatewayForm({ info, busy, onSave }: Props) {
  const { t } = useTranslation();
  const [protocol, setProtocol] = useState<Protocol>(info.protocol ?? 'upay');
  const [url, setUrl] = useState(info.url ?? '');
  const [ids, setIds] = useState<Record<string, string>>(info.ids);
  const [secret, setSecret] = useState('');
  const f = FIELDS[protocol];
  const kept = info.secretSet && info.protocol === protocol;
  const submit = () => {
    const picked = Object.fromEntries(f.ids.map((k) => [k, (ids[k] ?? '').trim()]));
    onSave({
      protocol,
      url: url.trim(),
      ...picked,
      ...(secret ? { [f.secret]: secret } : {}),
    } as GatewaySetup);
  };
  return (
    <form
      className="setup-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="setup-field">
        <span>{t('setup.protocol')}</span>
        <select
          value={protocol}
          onChange={(e) => setProtocol(e.target.value as Protocol)}
          data-testid="setup-protocol"
        >
          {(['upay', 'wechat', 'alipay'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`setup.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="setup-field">
        <span>{t('setup.url')}</span>
        <input
          className="mono"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://"
          data-testid="setup-url"
        />
      </label>
      {f.ids.map((k) => (
        <label key={k} className="setup-field">
          <span>{t(`setup.${k}`)}</span>
          <input
            className="mono"
            value={ids[k] ?? ''}
            onChange={(e) => setIds({ ...ids, [k]: e.target.value })}
            data-testid={`setup-${k}`}
          />
        </label>
      ))}
      <label className="setup-field">
        <span>{t(`setup.${f.secret}`)}</span>
        {f.multiline ? (
          <textarea
            className="mono"
            rows={3}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            placeholder={kept ? t('setup.secretKept') : t('setup.secretNeeded')}
            data-testid="setup-secret"
          />
        ) : (
          <input
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            placeholder={kept ? t('setup.secretKept') : t('setup.secretNeeded')}
            data-testid="setup-secret"
          />
        )}
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="setup-save">
        {t('setup.save')}
      </button>
    </form>
  );
}
