/**
 * The receipt as the host rendered it (48 columns for 80 mm paper). The CJK mono font gives
 * Latin half the width of a Chinese character, exactly like the printer counts columns.
 */
export function ReceiptPaper({ text }: { text: string }) {
  return (
    <div className="paper-roll">
      <pre className="paper" data-testid="receipt-text" data-source="text">
        {text}
      </pre>
    </div>
  );
}
