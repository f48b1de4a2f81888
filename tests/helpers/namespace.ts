/** Single-quoted for sh (the namespace tests build small `sh -c` scripts). */
export const sq = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
