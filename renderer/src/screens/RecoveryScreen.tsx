import { useTranslation } from 'react-i18next';
import { KeyButton } from '../components/KeyButton';
import { OtherTillStep } from '../components/recovery/OtherTillStep';
import { PrinterStep } from '../components/recovery/PrinterStep';
import {
  DroppedStep,
  NotPaidStep,
  NumberStep,
  OwnRecordStep,
  PaidNotSyncedStep,
  UnknownPaidStep,
  VoucherStep,
  WithheldStep,
} from '../components/recovery/Steps';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import type { Wizard, WizardStep } from '../state/types';

const STEP: Record<WizardStep, (p: { wizard: Wizard }) => React.JSX.Element> = {
  voucher: VoucherStep,
  ownRecord: OwnRecordStep,
  number: NumberStep,
  notPaid: NotPaidStep,
  paidNotSynced: PaidNotSyncedStep,
  unknownPaid: UnknownPaidStep,
  otherTill: OtherTillStep,
  dropped: DroppedStep,
  withheld: WithheldStep,
  printer: PrinterStep,
};

/** Which stage of the seed's four a step belongs to, for the stepper. */
const STAGE: Record<WizardStep, number> = {
  voucher: 0,
  ownRecord: 1,
  number: 1,
  notPaid: 1,
  paidNotSynced: 2,
  unknownPaid: 2,
  otherTill: 1,
  dropped: 2,
  withheld: 2,
  printer: 3,
};
const STAGES = [
  'recovery.stepVoucher',
  'recovery.stepNumber',
  'recovery.stepSync',
  'recovery.stepPrinter',
];

/** 收银异常处理: the seed's decision tree, one question at a time. Esc closes it. */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const wizard = useTill((s) => s.wizard);
  const actions = useActions();
  useKeys((e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    void actions.closeWizard();
  });
  if (!wizard) return <main className="screen recovery" />;
  const Step = STEP[wizard.step];
  const stage = STAGE[wizard.step];
  return (
    <main className="screen recovery" data-step={wizard.step}>
      <div className="panel rc-panel">
        <header className="rc-head">
          <h1 className="rc-title">{t('recovery.title')}</h1>
          {wizard.orderId ? (
            <span className="rc-order">
              {t('recovery.orderLabel')} <span className="mono">{wizard.orderId}</span>
            </span>
          ) : null}
        </header>
        <ol className="rc-stepper" aria-label={t('recovery.title')}>
          {STAGES.map((key, i) => (
            <li key={key} className={i < stage ? 'rc-past' : i === stage ? 'rc-now' : ''}>
              {t(key)}
            </li>
          ))}
        </ol>
        <Step key={wizard.step} wizard={wizard} />
        <div className="rc-foot">
          <KeyButton
            keyCap="Esc"
            label={t('recovery.close')}
            onPress={() => void actions.closeWizard()}
          />
        </div>
      </div>
    </main>
  );
}
