import { useTill } from '../../state/react';
import { DiscountDialog } from './DiscountDialog';
import { HoldPanel } from './HoldPanel';
import { OpenPriceDialog } from './OpenPriceDialog';
import { QtyDialog } from './QtyDialog';

/** Whichever selling dialog is open; the approval dialog (App) comes over them all. */
export function SellingOverlays({ qtyDraft }: { qtyDraft: string }) {
  const dialog = useTill((s) => s.dialog);
  const holdOpen = useTill((s) => s.holdOpen);
  if (holdOpen) return <HoldPanel />;
  if (dialog === 'qty') return <QtyDialog initial={qtyDraft} />;
  if (dialog === 'discount') return <DiscountDialog />;
  if (dialog === 'openPrice') return <OpenPriceDialog />;
  return null;
}

/** True while a selling dialog has the keyboard (the checkout's own keys stand aside). */
export const useOverlayOpen = (): boolean =>
  useTill((s) => s.dialog !== null || s.holdOpen || s.approval !== null);
