import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FONT_IDS, isFontId, isProfileId } from '../../state/slices/printer';
import { useActions, useTill } from '../../state/react';

/** URI + paper profile + 保存 (printer.configure); a refused URI is shown under the field. */
interface Props {
  uri: string;
  onUri(uri: string): void;
  onSaved(): void;
}

export function PrinterConfig({ uri, onUri, onSaved }: Props) {
  const { t } = useTranslation();
  const info = useTill((s) => s.printerInfo);
  const configError = useTill((s) => s.configError);
  const busy = useTill((s) => s.techBusy === 'configure');
  const { configurePrinter, clearConfigError } = useActions();
  const [profile, setProfile] = useState<string>('');
  const [font, setFont] = useState<string>('');
  const chosen = profile || info?.profile || '';
  const chosenFont = font || info?.font || '';
  const save = async () => {
    const p = isProfileId(chosen) ? chosen : undefined;
    if (await configurePrinter(uri, p, isFontId(chosenFont) ? chosenFont : undefined)) {
      setProfile('');
      setFont('');
      onSaved();
    }
  };
  const uriError = configError?.field === 'uri';

  return (
    <form
      className="tech-config"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="tech-field tech-uri">
        <span>{t('tech.uriLabel')}</span>
        <input
          className="tech-input mono"
          value={uri}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={uriError}
          aria-describedby="tech-uri-help"
          onChange={(e) => {
            onUri(e.target.value);
            if (configError) clearConfigError();
          }}
          data-testid="tech-uri"
        />
      </label>
      <label className="tech-field tech-profile">
        <span>{t('tech.profile')}</span>
        <select
          className="tech-input"
          value={chosen}
          onChange={(e) => setProfile(e.target.value)}
          data-testid="tech-profile"
        >
          {(info?.profiles ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.columns}）
            </option>
          ))}
        </select>
      </label>
      <label className="tech-field tech-font">
        <span>{t('tech.font')}</span>
        <select
          className="tech-input"
          value={chosenFont}
          onChange={(e) => setFont(e.target.value)}
          data-testid="tech-font"
        >
          {FONT_IDS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="btn btn-primary tech-save"
        disabled={busy}
        data-testid="tech-save"
      >
        {t('tech.save')}
      </button>
      <div id="tech-uri-help" className="tech-help mono">
        {t('tech.uriHelp')}
      </div>
      {configError ? (
        <div className="field-error" role="alert" data-testid="tech-uri-error">
          {uriError && configError.code !== 'PRINTER_REFUSED'
            ? t('tech.uriError')
            : configError.messageZh}
          <span className="field-error-code">
            {configError.field}: {configError.message}
          </span>
        </div>
      ) : null}
    </form>
  );
}
