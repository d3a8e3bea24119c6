// The one module that owns compromise: loads it (with compromise-dates) lazily and tags text once per document.
import type { Range } from '../document/sentences.js';

/** A tagged term of the text with its UTF-16 offset. */
export interface Term {
  text: string;
  start: number;
  end: number;
  tags: Set<string>;
}

/** What the rest of the linter may ask of compromise for one text. */
export interface Tagged {
  terms: Term[];
  /** Matches of compromise match syntax, as offsets into the text. */
  match(pattern: string): Range[];
  people(): Range[];
  places(): Range[];
  organizations(): Range[];
  dates(): Range[];
  values(): Range[];
}

type Nlp = ((text: string) => any) & { plugin(p: unknown): void; model(): any };
let engine: Nlp | undefined;

/** Load compromise and its date plugin once per process. */
export async function loadCompromise(): Promise<Nlp> {
  if (!engine) {
    const nlp = (await import('compromise')).default as unknown as Nlp;
    const dates = (await import('compromise-dates')).default;
    nlp.plugin(dates);
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

/** Tag `text` with compromise; each query runs on first use and is cached. */
export function tag(nlp: Nlp, text: string): Tagged {
  const doc = nlp(text);
  const cache = new Map<string, Range[]>();
  const memo = (key: string, f: () => Range[]) => {
    if (!cache.has(key)) cache.set(key, f());
    return cache.get(key)!;
  };
  let terms: Term[] | undefined;
  return {
    get terms() {
      terms ??= doc.json({ offset: true }).flatMap((s: any) =>
        s.terms.map((t: any) => ({ text: t.text, start: t.offset.start, end: t.offset.start + t.offset.length, tags: new Set<string>(t.tags) })),
      );
      return terms!;
    },
    match: (pattern) => memo(`m:${pattern}`, () => ranges(doc.match(pattern))),
    people: () => memo('people', () => ranges(doc.people())),
    places: () => memo('places', () => ranges(doc.places())),
    organizations: () => memo('orgs', () => ranges(doc.organizations())),
    dates: () => memo('dates', () => ranges(doc.dates())),
    values: () => memo('values', () => ranges(doc.values())),
  };
}
