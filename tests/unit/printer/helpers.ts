/** Index of `needle` in `hay`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: ArrayLike<number>, from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function countBytes(hay: Uint8Array, needle: ArrayLike<number>): number {
  let n = 0;
  for (let i = indexOfBytes(hay, needle); i >= 0; i = indexOfBytes(hay, needle, i + 1)) n++;
  return n;
}

export const hex = (b: ArrayLike<number>): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
