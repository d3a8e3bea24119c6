// Splits prose into sentences and paragraphs: the scopes that rule context is judged in.
import { lastAtOrBefore } from './search.js';

/** A half-open range [start, end) of UTF-16 offsets. */
export interface Range {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'st', 'jr', 'sr', 'vs', 'no', 'rep', 'sen', 'gov', 'pres', 'prof', 'rev', 'fr',
  'lt', 'col', 'capt', 'sgt', 'gen', 'ave', 'blvd', 'rd', 'ste', 'apt', 'dept', 'etc', 'approx', 'inc', 'co', 'corp',
  'u.s', 'e.g', 'i.e', 'a.m', 'p.m', 'pt', 'pts', 'hr', 'hrs', 'min', 'mins', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'ext',
]);

/** Sentence ranges of `text`, trimmed of surrounding white space. Line breaks end sentences too. */
export function splitSentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i;
    while (j + 1 < text.length && /[.!?"'’”)\]]/.test(text[j + 1])) j++;
    if (j + 1 < text.length && !/\s/.test(text[j + 1])) continue;
    if (c === '.') {
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || /(^|\.)[a-z]\.[a-z]$/i.test(word)) continue;
    }
    push(j + 1);
    start = j + 1;
    i = j;
  }
  push(text.length);
  return out;
}

/** Paragraph ranges: runs of text separated by blank lines. */
export function splitParagraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)\s*/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.length ? out : [{ start: 0, end: text.length }];
}

/** The range in `ranges` (sorted, disjoint) containing `offset`, or the nearest one before it. */
export function rangeAt(ranges: Range[], offset: number): Range {
  return ranges[lastAtOrBefore(ranges.length, offset, (i) => ranges[i].start)] ?? { start: 0, end: 0 };
}
