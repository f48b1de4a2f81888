/**
 * C0/C1 controls, zero-width and bidi-override characters: none belongs in a product name. A
 * name is printed on paper (where a control byte could open the drawer) and shown to customers.
 */
function isControl(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff
  );
}

export function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isControl(s.charCodeAt(i))) return true;
  return false;
}
