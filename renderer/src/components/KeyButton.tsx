import type { ReactNode } from 'react';
import { keepFocus } from '../hooks';

interface Props {
  keyCap: string;
  label: ReactNode;
  sub?: ReactNode;
  tone?: 'primary' | 'cash' | 'danger' | 'plain';
  disabled?: boolean;
  onPress(): void;
}

/** A large touch target that also shows its keyboard shortcut. */
export function KeyButton({ keyCap, label, sub, tone = 'plain', disabled, onPress }: Props) {
  return (
    <button
      type="button"
      className={`key-button tone-${tone}`}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onPress}
    >
      <kbd>{keyCap}</kbd>
      <span className="key-label">{label}</span>
      {sub ? <span className="key-sub">{sub}</span> : null}
    </button>
  );
}
