import { useTill } from '../../state/react';
import { ApprovalDialog } from './ApprovalDialog';
import { DiscountDialog } from './DiscountDialog';
import { HoldPanel } from './HoldPanel';
import { OpenPriceDialog } from './OpenPriceDialog';
import { QtyDialog } from './QtyDialog';

/** Whichever selling dialog is open; the approval dialog comes over the others. */
export function SellingOverlays({ qtyDraft }: { qtyDraft: string }) {
  const dialog = useTill((s) => s.dialog);
  const holdOpen = useTill((s) => s.holdOpen);
  const approval = useTill((s) => s.approval !== null);
  if (approval) return <ApprovalDialog />;
  if (holdOpen) return <HoldPanel />;
  if (dialog === 'qty') return <QtyDialog initial={qtyDraft} />;
  if (dialog === 'discount') return <DiscountDialog />;
  if (dialog === 'openPrice') return <OpenPriceDialog />;
  return null;
}

/** True while a selling dialog has the keyboard (the checkout's own keys stand aside). */
export const useOverlayOpen = (): boolean =>
  useTill((s) => s.dialog !== null || s.holdOpen || s.approval !== null);
