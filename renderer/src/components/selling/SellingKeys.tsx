import { useTranslation } from 'react-i18next';
import { KeyButton } from '../KeyButton';

interface Props {
  hasLines: boolean;
  locked: boolean;
  onQty(): void;
  onHold(): void;
  /** Part paid (locked): F5 parks the sale (挂起) for a supervisor instead. */
  onPark(): void;
  onOpenPrice(): void;
  onDiscount(): void;
}

/** F3 数量, F5 挂单/取单 (挂起 when part paid), F7 无码商品, F8 折扣: beside the pay keys. */
export function SellingKeys(p: Props) {
  const { hasLines, locked, onQty, onHold, onPark, onOpenPrice, onDiscount } = p;
  const { t } = useTranslation();
  return (
    <>
      <KeyButton
        keyCap="F3"
        label={t('selling.qty')}
        disabled={!hasLines || locked}
        onPress={onQty}
      />
      {locked ? (
        <KeyButton keyCap="F5" tone="danger" label={t('park.button')} onPress={onPark} />
      ) : (
        <KeyButton keyCap="F5" label={t('selling.hold')} onPress={onHold} />
      )}
      <KeyButton
        keyCap="F7"
        label={t('selling.openPrice')}
        disabled={locked}
        onPress={onOpenPrice}
      />
      <KeyButton
        keyCap="F8"
        label={t('selling.discount')}
        disabled={!hasLines || locked}
        onPress={onDiscount}
      />
    </>
  );
}
