import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../../shared/errors';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { KeyButton } from '../components/KeyButton';
import { LinesTable } from '../components/LinesTable';
import { SetupBanner } from '../components/SetupBanner';
import { ScanHint } from '../components/selling/ScanHint';
import { SearchResults } from '../components/selling/SearchResults';
import { SellingKeys } from '../components/selling/SellingKeys';
import { SellingOverlays, useOverlayOpen } from '../components/selling/SellingOverlays';
import { useSellingKeys } from '../components/selling/useSellingKeys';
import { TotalBox } from '../components/TotalBox';
import { useKeepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import { selectPaid } from '../state/tender';

/** Scan, correct, pay. The scan field owns the keyboard; every action also has a big button. */
export function CheckoutScreen() {
  const { t } = useTranslation();
  const sale = useTill((s) => s.sale);
  const selected = useTill((s) => s.selected);
  const setupMode = useTill((s) => s.info?.mode === 'setup');
  const split = useTill(selectPaid) > 0; // part paid: the cart is locked, the rest is due
  const actions = useActions();
  const [code, setCode] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [parking, setParking] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const overlay = useOverlayOpen();
  const selling = useSellingKeys(code, setCode);
  const searchResults = useTill((s) => s.searchResults);
  const searchIndex = useTill((s) => s.searchIndex);
  useKeepFocus(input, !confirming && !parking && !overlay);

  const lines = sale?.lines ?? [];
  const requirePay = (screen: 'wallet' | 'cash') => {
    if (setupMode) actions.showError(apiError('NOT_CONFIGURED'));
    else if (lines.length === 0) actions.showError(apiError('EMPTY_CART'));
    else actions.goTo(screen);
  };
  const clearNow = () => {
    setConfirming(false);
    void actions.clearSale();
  };

  const parkNow = () => {
    setParking(false);
    void actions.parkSale();
  };

  useKeys((e) => {
    if (overlay) return; // the open dialog has the keyboard
    // Part paid, the customer gone: F5 parks the sale (挂起) instead of holding the cart (挂单).
    if (!confirming && !parking && split && e.key === 'F5') {
      e.preventDefault();
      setParking(true);
      return;
    }
    if (!confirming && !parking && selling.handle(e)) {
      e.preventDefault();
      return;
    }
    if (confirming) {
      if (e.key === 'Enter') clearNow();
      else if (e.key === 'Escape') setConfirming(false);
      else return;
    } else if (parking) {
      if (e.key === 'Enter') parkNow();
      else if (e.key === 'Escape') setParking(false);
      else return;
    } else if (e.key === 'Enter') {
      const barcode = code;
      setCode(''); // ready for the next scan while this one is on its way
      void actions.scan(barcode);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      actions.moveSelection(e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === '+' || e.key === '-') {
      void actions.changeQty(e.key === '+' ? 1 : -1);
    } else if (e.key === 'Delete') {
      void actions.removeSelected();
    } else if (e.key === 'F1' && setupMode) {
      actions.goTo('setup'); // no payment in setup mode: F1 opens what to do instead
    } else if (e.key === 'F1') {
      requirePay('wallet');
    } else if (e.key === 'F2') {
      requirePay('cash');
    } else if (e.key === 'F4') {
      if (lines.length > 0 && !split) setConfirming(true);
    } else if (e.key === 'F6') {
      actions.goTo('supervisor');
    } else if (e.key === 'F9') {
      actions.goTo('technician');
    } else if (e.key === 'F10') {
      void actions.openWizard('checkout');
    } else if (e.key === 'Escape') {
      actions.clearError();
    } else return;
    e.preventDefault();
  });

  return (
    <main className="screen checkout">
      <section className="checkout-left">
        <label className="scan-field">
          <span className="scan-label">{t('checkout.scanLabel')}</span>
          <input
            ref={input}
            className="scan-input"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={code}
            placeholder={t('checkout.scanPlaceholder')}
            onChange={(e) => selling.typed(e.target.value.replace(/[+-]/g, ''))}
            data-testid="scan-input"
          />
        </label>
        <ScanHint text={selling.text} />
        {selling.searching ? (
          <SearchResults
            query={selling.text.kind === 'search' ? selling.text.query : ''}
            results={searchResults}
            index={searchIndex}
            onPick={(p) => selling.pick(p.barcode)}
          />
        ) : null}
        <LinesTable lines={lines} selected={selected} onSelect={actions.select} />
        <div className="keys-hint">{t('selling.keysHint')}</div>
      </section>
      <aside className="checkout-right">
        <TotalBox />
        <div className="pay-keys">
          {/* Setup mode takes no payment: the pay keys make room for what to do instead. */}
          {setupMode ? (
            <SetupBanner onOpen={() => actions.goTo('setup')} />
          ) : (
            <>
              <KeyButton
                keyCap="F1"
                tone="primary"
                label={t('checkout.payWallet')}
                sub={t('checkout.payWalletSub')}
                onPress={() => requirePay('wallet')}
              />
              <KeyButton
                keyCap="F2"
                tone="cash"
                label={t('checkout.payCash')}
                onPress={() => requirePay('cash')}
              />
            </>
          )}
          {/* The other keys share a grid of smaller ones: the pay keys stay big. */}
          <div className="key-row">
            <SellingKeys
              hasLines={lines.length > 0}
              locked={split}
              onQty={selling.openQty}
              onHold={() => void actions.openHold()}
              onPark={() => setParking(true)}
              onOpenPrice={() => actions.openDialog('openPrice')}
              onDiscount={() => actions.openDialog('discount')}
            />
            <KeyButton
              keyCap="F6"
              label={t('checkout.supervisor')}
              onPress={() => actions.goTo('supervisor')}
            />
            <KeyButton
              keyCap="F9"
              label={t('checkout.technician')}
              onPress={() => actions.goTo('technician')}
            />
            <KeyButton
              keyCap="F10"
              label={t('recovery.openShort')}
              sub={t('recovery.openSub')}
              onPress={() => void actions.openWizard('checkout')}
            />
            <KeyButton
              keyCap="F4"
              tone="danger"
              label={t('checkout.clear')}
              disabled={lines.length === 0 || split}
              onPress={() => setConfirming(true)}
            />
          </div>
        </div>
      </aside>
      {parking ? (
        <ConfirmDialog
          message={t('park.confirm')}
          yes={t('park.yes')}
          no={t('park.no')}
          onYes={parkNow}
          onNo={() => setParking(false)}
        />
      ) : null}
      {confirming ? (
        <ConfirmDialog
          message={t('checkout.confirmClear')}
          yes={t('checkout.confirmYes')}
          no={t('checkout.confirmNo')}
          onYes={clearNow}
          onNo={() => setConfirming(false)}
        />
      ) : null}
      <SellingOverlays qtyDraft={selling.qtyDraft} />
    </main>
  );
}
