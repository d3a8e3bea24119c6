// The normalised view every detector reads: a draft with its evasions undone (invisible characters,
// Unicode spaces and digits, look-alike letters, HTML entities, percent-encoding, emphasis inside a word,
// dashes and dots between digits), so "M&#97;rcus", "Mar\u200Bcus", "**Mar**cus" and "Маrcus" read as
// "Marcus". Each change is an edit of the original text; the offset map sends every normalised offset back
// to the exact original characters, so findings point at what the author wrote.
//
// Look-alike letters come from a short hand table of Cyrillic and Greek letters that look like Latin ones,
// applied only inside words that mix scripts or consist of look-alikes alone. The `confusables` and
// `unhomoglyph` packages implement the UTS #39 skeleton instead: it maps digits to letters ("0" → "O",
// "1" → "l") and emits multi-character prototypes, which would break every number rule and the offset map.
import { lastAtOrBefore } from './search.js';

/** One change: original [start, end) reads as `text` in the normalised view. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** What kind of evasion it undoes (for the warning rule and tests). */
  kind: EvasionKind;
}

export type EvasionKind = 'invisible' | 'space' | 'digit' | 'letter' | 'entity' | 'percent' | 'emphasis' | 'separator';

/** Maps offsets between the original text and the normalised view. */
export interface OffsetMap {
  /** No edits: offsets are the same in both. */
  identity: boolean;
  /** The original offset where a span starting at normalised `n` starts (after any characters deleted there). */
  toOriginalStart(n: number): number;
  /** The original offset where a span ending at normalised `n` ends (before any characters deleted there). */
  toOriginalEnd(n: number): number;
  /** The normalised offset of original offset `o` (inside an edit: its start). */
  toNormalized(o: number): number;
}

/** Invisible format characters that hide inside words: zero-width space and no-break, word joiner, BOM, soft hyphen, Mongolian vowel separator. */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u180E]/;
/** Bidirectional controls: marks, embeddings, overrides, isolates. */
export const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Joiners are part of emoji sequences and of some scripts; only between ASCII letters or digits are they an evasion. */
const JOINER = /[\u200C\u200D]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;

/** Cyrillic and Greek letters that look like Latin ones. */
const LOOKALIKE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ү: 'y',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ү: 'Y', Ԛ: 'Q', Ԝ: 'W',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ι: 'i', κ: 'k', ν: 'v', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
};

/** Named HTML entities that spell text (not markup). */
const ENTITIES: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", nbsp: ' ', commat: '@', period: '.', hyphen: '-', dash: '-', ndash: '-', mdash: '-',
  lowbar: '_', num: '#', colon: ':', sol: '/', plus: '+', equals: '=', percnt: '%', comma: ',', quest: '?', semi: ';',
  ensp: ' ', emsp: ' ', thinsp: ' ', hairsp: ' ', shy: '', zwj: '', zwnj: '', NoBreak: '', ZeroWidthSpace: '', dollar: '$',
};
/** Decoded characters that would change how Markdown reads the line: such an entity stays as written. */
const MARKUP = /[<>`*_[\]()!#~&\\|\r\n]/;

const isAsciiWord = (c: string | undefined) => c !== undefined && /[\x21-\x7e]/.test(c);

/** The ASCII digit of a Unicode decimal digit: Unicode keeps each script's digits 0-9 in one ascending run. */
function asciiDigit(cp: number): string {
  let start = cp;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1)) && cp - start < 60) start--;
  return String((cp - start) % 10);
}

/** The normalised text of one character (code point at `i`), or undefined when it stays. */
function charEdit(text: string, i: number): { text: string; length: number; kind: EvasionKind } | undefined {
  const cp = text.codePointAt(i)!;
  const c = String.fromCodePoint(cp);
  const length = c.length;
  if (cp < 0x80) return undefined;
  if (INVISIBLE.test(c) || BIDI.test(c)) return { text: '', length, kind: 'invisible' };
  if (JOINER.test(c)) return isAsciiWord(text[i - 1]) && isAsciiWord(text[i + 1]) ? { text: '', length, kind: 'invisible' } : undefined;
  if (SPACES.test(c)) return { text: ' ', length, kind: 'space' };
  if (/\p{Nd}/u.test(c)) return { text: asciiDigit(cp), length, kind: 'digit' };
  // Fullwidth forms and mathematical letters fold to ASCII by compatibility.
  if ((cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x1d400 && cp <= 0x1d7ff)) {
    const folded = c.normalize('NFKC');
    if (/^[\x21-\x7e]$/.test(folded) && !MARKUP.test(folded)) return { text: folded, length, kind: /[0-9]/.test(folded) ? 'digit' : 'letter' };
  }
  if (DASHES.test(c) && /[0-9\uFF10-\uFF19]|\p{Nd}/u.test(text[i - 1] ?? '') && /\p{Nd}/u.test(String.fromCodePoint(text.codePointAt(i + length) ?? 32))) return { text: '-', length, kind: 'separator' };
  return undefined;
}

/** Look-alike letters of words that mix Latin with them, or are spelled in look-alikes alone. */
function lookalikeEdits(text: string): Edit[] {
  const out: Edit[] = [];
  if (!/[\u0370-\u03FF\u0400-\u052F]/.test(text)) return out;
  for (const m of text.matchAll(/[\p{L}\p{M}\u200B-\u200D\u2060\u00AD]+/gu)) {
    const word = m[0];
    if (!/[\u0370-\u03FF\u0400-\u052F]/.test(word)) continue;
    const letters = [...word].filter((c) => /\p{L}/u.test(c));
    const latin = letters.some((c) => /[A-Za-z]/.test(c));
    const allLookalike = letters.every((c) => /[A-Za-z]/.test(c) || LOOKALIKE[c] !== undefined);
    // A word in another script keeps its letters unless every one of them is a look-alike.
    if (!allLookalike || (!latin && letters.length < 2)) continue;
    for (let k = 0; k < word.length; k++) {
      const to = LOOKALIKE[word[k]];
      if (to) out.push({ start: m.index + k, end: m.index + k + 1, text: to, kind: 'letter' });
    }
  }
  return out;
}

/** HTML entities, percent-encoding, emphasis inside a word, dots between the digit groups of an SSN or phone. */
function tokenEdits(text: string): Edit[] {
  const out: Edit[] = [];
  for (const m of text.matchAll(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g)) {
    const cp = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : undefined;
    const decoded = cp !== undefined ? (cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : undefined) : ENTITIES[m[3]];
    if (decoded === undefined || MARKUP.test(decoded)) continue;
    // A decoded invisible, space or digit is normalised too.
    const inner = decoded.length ? charEdit(decoded, 0) : undefined;
    out.push({ start: m.index, end: m.index + m[0].length, text: inner && inner.length === decoded.length ? inner.text : decoded, kind: 'entity' });
  }
  // Percent-encoding inside a token that is an address or a link.
  // Tokens are found by splitting, not by a regex around each %, which would rescan a long token per sign.
  const tokens = text.includes('%') ? text.matchAll(/[^\s<>()[\]"'`]+/g) : [];
  for (const m of tokens) {
    if (!/%[0-9A-Fa-f]{2}/.test(m[0]) || !/@|%40|:\/\/|^www\.|\.[a-z]{2,}(?:\/|$)/i.test(m[0])) continue;
    for (const run of m[0].matchAll(/(?:%[0-9A-Fa-f]{2})+/g)) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(run[0]);
      } catch {
        continue;
      }
      if (MARKUP.test(decoded) || /[\s\u0000-\u001f]/.test(decoded)) continue;
      out.push({ start: m.index + run.index, end: m.index + run.index + run[0].length, text: decoded, kind: 'percent' });
    }
  }
  // "**Mar**cus", "M*arc*us", "Mar~~cus~~": a pair of emphasis marks touching letters on the outside reads as
  // one word. A lone run inside a word ("f***ing") is literal in Markdown and stays.
  for (const m of text.matchAll(/(\*{1,3}|~~)\p{L}+?\1/gu)) {
    const end = m.index + m[0].length;
    const before = text[m.index - 1] ?? '';
    const after = text[end] ?? '';
    if (/[*~]/.test(before) || /[*~]/.test(after) || !(/\p{L}/u.test(before) || /\p{L}/u.test(after))) continue;
    out.push({ start: m.index, end: m.index + m[1].length, text: '', kind: 'emphasis' }, { start: end - m[1].length, end, text: '', kind: 'emphasis' });
  }
  // Dots as separators: 123.45.6789 reads as 123-45-6789, 773.555.0187 as 773-555-0187.
  for (const m of text.matchAll(/(?<![\d.])\d{3}(\.)\d{2,3}(\.)\d{4}(?![\d.])/g)) {
    const first = m.index + 3;
    const second = m.index + m[0].lastIndexOf('.');
    out.push({ start: first, end: first + 1, text: '-', kind: 'separator' }, { start: second, end: second + 1, text: '-', kind: 'separator' });
  }
  return out;
}

/** Every edit of `text`, sorted and without overlaps (the first of two overlapping edits wins). */
export function evasionEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < text.length; ) {
    const e = charEdit(text, i);
    const len = text.codePointAt(i)! > 0xffff ? 2 : 1;
    if (e) edits.push({ start: i, end: i + e.length, text: e.text, kind: e.kind });
    i += len;
  }
  const all = [...tokenEdits(text), ...lookalikeEdits(text), ...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  let end = -1;
  for (const e of all) {
    if (e.start < end) continue;
    out.push(e);
    end = e.end;
  }
  return out;
}

/** `view` (same length as the original) with the edits applied; an edit whose span the view has blanked stays blank. */
export function applyToView(view: string, original: string, edits: Edit[]): string {
  if (!edits.length) return view;
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    parts.push(view.slice(pos, e.start));
    const seen = view.slice(e.start, e.end);
    parts.push(seen === original.slice(e.start, e.end) || e.text === '' ? e.text : seen.replace(/[^\r\n]/g, ' ').slice(0, e.text.length).padEnd(e.text.length, ' '));
    pos = e.end;
  }
  parts.push(view.slice(pos));
  return parts.join('');
}

/** The offset map of `edits` (sorted, disjoint). */
export function offsetMap(edits: Edit[]): OffsetMap {
  if (!edits.length) return { identity: true, toOriginalStart: (n) => n, toOriginalEnd: (n) => n, toNormalized: (o) => o };
  // Normalised start and end of each edit.
  const nStart: number[] = [];
  const nEnd: number[] = [];
  let shift = 0;
  for (const e of edits) {
    nStart.push(e.start + shift);
    nEnd.push(e.start + shift + e.text.length);
    shift += e.text.length - (e.end - e.start);
  }
  /** Last edit whose normalised start is at or before n, or -1. */
  const atOrBefore = (n: number) => {
    const i = lastAtOrBefore(edits.length, n, (k) => nStart[k]);
    return nStart[i] <= n ? i : -1;
  };
  const after = (i: number, n: number) => (i < 0 ? n : edits[i].end + (n - nEnd[i]));
  return {
    identity: false,
    toOriginalStart(n) {
      // Deletions at n lie before the span; a replacement starting at n is its first character.
      const i = atOrBefore(n);
      return i >= 0 && n < nEnd[i] ? edits[i].start : after(i, n);
    },
    toOriginalEnd(n) {
      // Edits starting at n lie after the span.
      const i = atOrBefore(n - 1);
      return i >= 0 && n <= nEnd[i] && nEnd[i] > nStart[i] ? edits[i].end : after(i, n);
    },
    toNormalized(o) {
      const i = lastAtOrBefore(edits.length, o, (k) => edits[k].start);
      if (edits[i].start > o) return o;
      return o < edits[i].end ? nStart[i] : nEnd[i] + (o - edits[i].end);
    },
  };
}

/** The normalised text and its map back to `text`. */
export function normalize(text: string): { text: string; edits: Edit[]; map: OffsetMap } {
  const edits = evasionEdits(text);
  return { text: applyToView(text, text, edits), edits, map: offsetMap(edits) };
}
