// Tokens and clauses: the units in which the people model measures "about the same person" (never characters).
import type { LintDocument } from '../document/document.js';
import { lastAtOrBefore } from '../document/search.js';
import type { Token } from './types.js';

const WORD = /[\p{L}\p{N}@#_][\p{L}\p{N}_'’.\-/@]*[\p{L}\p{N}_]|[\p{L}\p{N}@#_]|[^\s\p{L}\p{N}]/gu;

/** Words that start a new clause after a comma: what follows is about someone else as often as not. */
const CLAUSE_JOINTS = new Set(['but', 'while', 'whereas', 'although', 'though', 'because', 'so', 'yet', 'since', 'when', 'after', 'before', 'and', 'or', 'if', 'unless']);

const EMOJI = /^\p{Extended_Pictographic}$/u;

/** Words that open a subordinate clause anywhere ("to study why men are diagnosed later"): its subject is its own. */
const SUBORDINATORS = new Set(['why', 'how', 'whether', 'which']);
/** "that" opens a clause when a subject follows it ("showing that a single visit cut…"), not as a determiner ("that patient"). */
const THAT_CLAUSE = /^\s+(?:a|an|the|his|her|their|our|my|its|this|these|those|some|most|many|all|no|every|each|one|he|she|they|we|you|i|it|there|\d)\b/iu;

/** Punctuation that always ends a clause (a parenthesis does not: "Marcus (cell 773-555-0187)" is still about Marcus). */
const CLAUSE_ENDS = new Set([';', ':', '—', '–', '"', '“', '”', '|', '•', '·']);

/**
 * Split the plain view into tokens, each with its clause, sentence and paragraph number. A word token keeps
 * inner apostrophes, hyphens, dots and slashes ("Marcus's", "72-year-old", "3/14", "St.") so one token is
 * one word.
 */
export function tokenize(doc: LintDocument): Token[] {
  const text = doc.plain;
  const out: Token[] = [];
  let clause = 0;
  let lastSentence = -1;
  let lastParagraph = -1;
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // A word's trailing dot ends a sentence unless it is an initial or a known abbreviation; keep it apart.
    if (word.length > 2 && word.endsWith('.') && !/^(?:[A-Z]|Dr|Mr|Mrs|Ms|St|Jr|Sr|Mt|Ft)\.$/.test(word)) word = word.slice(0, -1);
    const start = m.index;
    const sentence = lastAtOrBefore(doc.sentences.length, start, (i) => doc.sentences[i].start);
    const paragraph = lastAtOrBefore(doc.paragraphs.length, start, (i) => doc.paragraphs[i].start);
    if (sentence !== lastSentence || paragraph !== lastParagraph) clause++;
    lastSentence = sentence;
    lastParagraph = paragraph;
    const lower = word.toLowerCase();
    // An emoji before a capital ends a clause: posts use them as full stops ("after his repair 🏒 Proud of you").
    if (CLAUSE_ENDS.has(word) || (EMOJI.test(word) && /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}]*(?:\p{Lu}|$)/u.test(text.slice(start + word.length, start + word.length + 12))) || (word === '-' && / - /.test(text.slice(start - 1, start + 2)))) {
      clause++;
      out.push({ start, end: start + word.length, lower, clause, sentence, paragraph });
      clause++;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev?.lower === ',' && CLAUSE_JOINTS.has(lower)) clause++;
    else if (prev && prev.clause === clause && (SUBORDINATORS.has(lower) || (lower === 'that' && THAT_CLAUSE.test(text.slice(start + 4, start + 16))))) clause++;
    out.push({ start, end: start + word.length, lower, clause, sentence, paragraph });
    if (word.length < m[0].length) out.push({ start: start + word.length, end: start + m[0].length, lower: '.', clause, sentence, paragraph });
  }
  return out;
}

/** Index of the first token that ends after `offset` (the token at or after it). */
export function tokenAt(tokens: Token[], offset: number): number {
  if (!tokens.length) return -1;
  const i = lastAtOrBefore(tokens.length, offset, (k) => tokens[k].start);
  return tokens[i].end <= offset && i + 1 < tokens.length ? i + 1 : i;
}

/** Token indices [first, last] covering the range, or undefined when no token lies in it. */
export function tokenSpan(tokens: Token[], start: number, end: number): [number, number] | undefined {
  const first = tokenAt(tokens, start);
  if (first < 0 || tokens[first].start >= end) return undefined;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  return [first, last];
}

/** Whether token `i` is a word (not punctuation). */
export const isWord = (t: Token | undefined) => !!t && /[\p{L}\p{N}]/u.test(t.lower);
