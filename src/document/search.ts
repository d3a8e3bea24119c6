// Binary search shared by the offset lookups (line starts, sentences, paragraphs, tagged segments).

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
