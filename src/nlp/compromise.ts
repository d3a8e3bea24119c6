// The one module that owns compromise: loads it (with compromise-dates) lazily and tags only the text that needs it.
import { createRequire } from 'node:module';
import { lastAtOrBefore } from '../document/search.js';
import type { Range } from '../document/sentences.js';

/** What the rest of the linter may ask of compromise for one text. */
export interface Tagged {
  /** Matches of compromise match syntax, as offsets into the text. */
  match(pattern: string): Range[];
  people(): Range[];
  places(): Range[];
  organizations(): Range[];
  dates(): Range[];
  values(): Range[];
}

export type Nlp = ((text: string) => any) & { plugin(p: unknown): void; model(): any };
let engine: Nlp | undefined;

/**
 * compromise with its date plugin, loaded on first use and once per process: it costs about as long to
 * load as a whole small lint run, so runs whose drafts never need it never load it.
 */
export function compromise(): Nlp {
  if (!engine) {
    const require = createRequire(import.meta.url);
    const nlp = require('compromise') as Nlp;
    nlp.plugin(require('compromise-dates'));
    engine = nlp;
  }
  return engine;
}


/** The compromise lexicon (lower-case word → tag or tags); loads compromise if needed. */
export function lexiconOf(nlp: Nlp): Record<string, string | string[]> {
  return nlp.model().one.lexicon;
}

function ranges(view: any): Range[] {
  return view.json({ offset: true, terms: false }).map((m: any) => ({ start: m.offset.start, end: m.offset.start + m.offset.length }));
}

/**
 * Tag only the given ranges of `text` (compromise is slow: 0.1-0.2 MB/s), as one text with the ranges
 * separated by blank lines; every offset that comes back is mapped to the original text.
 */
export function tagRanges(nlp: Nlp, text: string, ranges: Range[]): Tagged {
  const segments: { sub: number; orig: number; length: number }[] = [];
  let sub = '';
  for (const r of ranges) {
    if (sub) sub += '\n\n';
    segments.push({ sub: sub.length, orig: r.start, length: r.end - r.start });
    sub += text.slice(r.start, r.end);
  }
  const tagged = tag(nlp, sub);
  const at = (offset: number) => segments[lastAtOrBefore(segments.length, offset, (i) => segments[i].sub)];
  const mapRanges = (rs: Range[]) =>
    rs.flatMap((r) => {
      const seg = at(r.start);
      if (!seg || r.end > seg.sub + seg.length) return [];
      return [{ start: seg.orig + r.start - seg.sub, end: seg.orig + r.end - seg.sub }];
    });
  return {
    match: (pattern) => mapRanges(tagged.match(pattern)),
    people: () => mapRanges(tagged.people()),
    places: () => mapRanges(tagged.places()),
    organizations: () => mapRanges(tagged.organizations()),
    dates: () => mapRanges(tagged.dates()),
    values: () => mapRanges(tagged.values()),
  };
}

/**
 * What a compromise pattern requires, as a cheap prefilter: each entry is a list of alternatives, and a
 * sentence must contain one alternative of every entry. Plain words outside groups are single entries;
 * a group that is not optional and holds only plain words is an entry of its alternatives.
 */
export function requiredWords(pattern: string): string[][] {
  const out: string[][] = [];
  const plain = (w: string) => /^[a-z'’]+(?:\s[a-z'’]+)*$/i.test(w.trim());
  for (const m of pattern.matchAll(/\(([^)]*)\)(\??)|\[[^\]]*\]\??|(\S+)/g)) {
    if (m[3] !== undefined) {
      if (/^[a-z'’]+$/i.test(m[3])) out.push([m[3].toLowerCase()]);
    } else if (m[1] !== undefined && m[2] !== '?') {
      const alts = m[1].split('|');
      if (alts.every(plain)) out.push(alts.map((a) => a.trim().toLowerCase()));
    }
  }
  return out;
}

/** Tag `text` with compromise; each query runs on first use and is cached. */
export function tag(nlp: Nlp, text: string): Tagged {
  const doc = nlp(text);
  const cache = new Map<string, Range[]>();
  const memo = (key: string, f: () => Range[]) => {
    if (!cache.has(key)) cache.set(key, f());
    return cache.get(key)!;
  };
  return {
    match: (pattern) => memo(`m:${pattern}`, () => ranges(doc.match(pattern))),
    people: () => memo('people', () => ranges(doc.people())),
    places: () => memo('places', () => ranges(doc.places())),
    organizations: () => memo('orgs', () => ranges(doc.organizations())),
    dates: () => memo('dates', () => ranges(doc.dates())),
    values: () => memo('values', () => ranges(doc.values())),
  };
}
