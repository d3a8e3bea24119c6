// Searches shared by the detectors: binary search over sorted offsets (line starts, sentences, paragraphs,
// tagged segments), and whether a regex occurs in a text at all.

/** Index of the last of `count` sorted items whose start (`startOf(i)`) is at or before `offset`; 0 if none. */
export function lastAtOrBefore(count: number, offset: number, startOf: (i: number) => number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startOf(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether `regex` (global or not) finds anything in `text`; its `lastIndex` is left at 0. */
export function finds(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  const hit = regex.test(text);
  regex.lastIndex = 0;
  return hit;
}

/** `s` as a regular-expression source that matches it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
