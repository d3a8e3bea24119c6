// The large name list (the `humannames` package, ~200,000 given names and surnames) as a sorted-text lookup.
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** Membership in a name list, case as written in the list ("Aisha", not "aisha"). */
export interface NameList {
  has(name: string): boolean;
}

/**
 * A lookup over a list sorted in code-unit order, one name per line: a binary search over line starts.
 * Reading the text and indexing its lines takes a few milliseconds; parsing the package's JSON into a Set
 * took half a second, which a pre-commit hook on one draft pays every time.
 */
export function sortedNameList(text: string): NameList {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) {
    if (text.charCodeAt(i) !== 13 && text.charCodeAt(i) !== 10) starts.push(i);
  }
  const at = (k: number) => {
    const end = text.indexOf('\n', starts[k]);
    const line = text.slice(starts[k], end < 0 ? text.length : end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  return {
    has(name: string) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = at(mid);
        if (v === name) return true;
        if (v < name) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/** The `humannames` list, read on first use. */
export function humanNames(): NameList {
  const file = createRequire(import.meta.url).resolve('humannames/list.txt');
  return sortedNameList(fs.readFileSync(file, 'utf8'));
}
