import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeepFocus, useKeys } from '../../hooks';
import { useActions, useTill } from '../../state/react';
import { Dialog } from './Dialog';

/** 主管授权: the supervisor keys in id and PIN; the refused call is made again with them. */
export function ApprovalDialog() {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const approval = useTill((s) => s.approval);
  const error = useTill((s) => s.approvalError);
  const busy = useTill((s) => s.approvalBusy);
  const [userId, setUserId] = useState('');
  const [pin, setPin] = useState('');
  const [field, setField] = useState<'user' | 'pin'>('user');
  const userRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  useKeepFocus(userRef, field === 'user');
  useKeepFocus(pinRef, field === 'pin');
  const ok = () => {
    if (field === 'user') {
      if (userId.trim()) setField('pin');
      return;
    }
    if (pin && !busy) void actions.submitApproval(userId, pin).then(() => setPin(''));
  };
  useKeys((e) => {
    if (e.key === 'Enter') ok();
    else if (e.key === 'Escape') actions.cancelApproval();
    else if (e.key === 'Tab') setField((f) => (f === 'user' ? 'pin' : 'user'));
    else return;
    e.preventDefault();
  });
  if (!approval) return null;
  return (
    <Dialog
      title={t('approval.title')}
      ok={t('approval.ok')}
      cancel={t('approval.cancel')}
      onOk={ok}
      onCancel={actions.cancelApproval}
      okDisabled={busy}
      testId="approval-dialog"
    >
      <p className="dialog-lead">{t(`approval.${approval.title}`)}</p>
      <label className="dialog-field">
        <span>{t('approval.userId')}</span>
        <input
          ref={userRef}
          className="dialog-input"
          autoComplete="off"
          value={userId}
          onFocus={() => setField('user')}
          onChange={(e) => setUserId(e.target.value)}
          data-testid="approval-user"
        />
      </label>
      <label className="dialog-field">
        <span>{t('approval.pin')}</span>
        <input
          ref={pinRef}
          className="dialog-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onFocus={() => setField('pin')}
          onChange={(e) => setPin(e.target.value)}
          data-testid="approval-pin"
        />
      </label>
      <p className="dialog-note bad" role="alert">
        {error ? (i18n.language === 'en' ? error.message : error.messageZh) : ' '}
      </p>
    </Dialog>
  );
}
