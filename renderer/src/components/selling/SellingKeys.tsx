import { useTranslation } from 'react-i18next';
import { KeyButton } from '../KeyButton';

interface Props {
  hasLines: boolean;
  locked: boolean;
  onQty(): void;
  onHold(): void;
  onOpenPrice(): void;
  onDiscount(): void;
}

/** F3 数量, F5 挂单/取单, F7 无码商品, F8 折扣: smaller keys beside the pay keys. */
export function SellingKeys({ hasLines, locked, onQty, onHold, onOpenPrice, onDiscount }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <KeyButton
        keyCap="F3"
        label={t('selling.qty')}
        disabled={!hasLines || locked}
        onPress={onQty}
      />
      <KeyButton keyCap="F5" label={t('selling.hold')} disabled={locked} onPress={onHold} />
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
