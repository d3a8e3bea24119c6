// Finds the references to people in a draft: names, @handles, name hashtags, families, initials, descriptions and pronouns.
import type { LintDocument } from '../document/document.js';
import type { Range } from '../document/sentences.js';
import { notAName, ORG_OR_PLACE_WORD, ordinaryWord, SHAPES, type EntityResources } from '../nlp/entities.js';
import type { EvidenceModel } from './evidence.js';
import { escapeRegExp } from '../document/search.js';
import { tokenSpan } from './tokens.js';
import { ORG_AFTER, namesPlace } from './org-names.js';
import { contactBlocks, dialogueLabels, listMembers, lowerCaseNames } from './name-layouts.js';
import type { Mention, MentionKind, Token } from './types.js';

/** A mention before it is assigned to a person. */
export type RawMention = Omit<Mention, 'person'>;

const PRONOUNS: Record<string, { kind: MentionKind; possessive: boolean }> = {
  he: { kind: 'pronoun', possessive: false }, him: { kind: 'pronoun', possessive: false }, his: { kind: 'pronoun', possessive: true },
  himself: { kind: 'pronoun', possessive: false }, she: { kind: 'pronoun', possessive: false }, her: { kind: 'pronoun', possessive: true },
  hers: { kind: 'pronoun', possessive: true }, herself: { kind: 'pronoun', possessive: false },
  they: { kind: 'pronoun', possessive: false }, them: { kind: 'pronoun', possessive: false }, their: { kind: 'pronoun', possessive: true },
  you: { kind: 'you', possessive: false }, your: { kind: 'you', possessive: true }, yours: { kind: 'you', possessive: true },
  yourself: { kind: 'you', possessive: false }, "you're": { kind: 'you', possessive: false }, "you’re": { kind: 'you', possessive: false },
  "you've": { kind: 'you', possessive: false }, "you’ve": { kind: 'you', possessive: false }, "you'll": { kind: 'you', possessive: false },
  "you’ll": { kind: 'you', possessive: false }, "you'd": { kind: 'you', possessive: false }, "you’d": { kind: 'you', possessive: false },
  "he's": { kind: 'pronoun', possessive: false }, "he’s": { kind: 'pronoun', possessive: false }, "she's": { kind: 'pronoun', possessive: false },
  "she’s": { kind: 'pronoun', possessive: false }, "he'd": { kind: 'pronoun', possessive: false }, "he’d": { kind: 'pronoun', possessive: false },
  "she'd": { kind: 'pronoun', possessive: false }, "she’d": { kind: 'pronoun', possessive: false }, "he'll": { kind: 'pronoun', possessive: false },
  "he’ll": { kind: 'pronoun', possessive: false }, "she'll": { kind: 'pronoun', possessive: false }, "she’ll": { kind: 'pronoun', possessive: false },
  "they're": { kind: 'pronoun', possessive: false }, "they’re": { kind: 'pronoun', possessive: false },
  i: { kind: 'author', possessive: false }, me: { kind: 'author', possessive: false }, my: { kind: 'author', possessive: true },
  "i'm": { kind: 'author', possessive: false }, "i’m": { kind: 'author', possessive: false }, "i've": { kind: 'author', possessive: false },
  "i’ve": { kind: 'author', possessive: false }, "i'll": { kind: 'author', possessive: false }, "i’ll": { kind: 'author', possessive: false },
  myself: { kind: 'author', possessive: false },
};

const FAMILY = /\b(?:the\s)([A-Z][\p{L}'’-]+(?:[\s-][A-Z][\p{L}'’-]+)?)\s(?:family|families|household|twins)\b/gu;
const HONORIFIC_INITIAL = /\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s[A-Z]\.?(?![\p{L}])/gu;
const CAPS_NAME = /\b[A-Z][A-Z'’-]{1,20}(?:\s(?:[A-Z]\.|[A-Z][A-Z'’-]{1,20}))+(?![\p{L}])/gu;
const INITIALS = /(?<![\p{L}\p{N}.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\p{L}])|(?<=\b(?:patient|pt|resident|client|baby|little|Baby)\s)[A-Z]\.?(?=[\s,.;:!?]|$)/gu;

/** Dotted abbreviations that look like initials. */
const NOT_INITIALS = /^(?:U\.\s?S\.|U\.\s?K\.|A\.\s?M\.|P\.\s?M\.|D\.\s?C\.|E\.\s?R\.|O\.\s?R\.|R\.\s?N\.|M\.\s?D\.|B\.\s?S\.|M\.\s?S\.|P\.\s?S\.|N\.\s?B\.|I\.\s?V\.|E\.\s?U\.|Q\.\s?A\.)/;

/** Split a hashtag or handle into words: #TeamLiamStrong → team liam strong; @maria.lopez_22 → maria lopez. */
export function handleWords(tag: string): string[] {
  return tag
    .replace(/^[#@]/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z\u00C0-\u024F]+|\s+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

/** Whether a hashtag is built on a given name (#TeamLiamStrong, #PrayForMateo, #MilliesArmy). */
export function nameHashtag(tag: string, res: EntityResources): boolean {
  if (!/[a-z][A-Z]|^#[A-Z][a-z]+$/.test(tag.replace(/^#/, '#'))) return false;
  return handleWords(tag).some((w) => {
    const bare = w.replace(/s$/, '');
    // Word names count in a hashtag built like a name's (#HunterStrong: the shape itself says it is a name).
    if (res.wordNames?.has(w) || (w.endsWith('s') && res.wordNames?.has(bare))) return w.length > 2;
    return (res.firstNames.has(w) || (w.endsWith('s') && res.firstNames.has(bare))) && !res.notNames.has(w) && !res.notNames.has(bare) && w.length > 2;
  });
}

function push(out: RawMention[], tokens: Token[], r: Range, kind: MentionKind, possessive = false) {
  const span = tokenSpan(tokens, r.start, r.end);
  if (!span) return;
  out.push({ start: r.start, end: r.end, kind, first: span[0], last: span[1], possessive, paragraph: tokens[span[0]].paragraph });
}

const PAIR = /(?<![\p{L}\p{N}'’.-])(\p{Lu}[\p{Ll}'’-]+)\s(?:\p{Lu}\.?\s)?(\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?)(?![\p{L}\p{N}])/gu;

/**
 * Two capitalised words side by side that are both in the large name list ("Ngozi Okafor", "Lars
 * Henriksen"): a name even when neither word list of compromise knows it. Pairs of ordinary words
 * ("Will Center"), eponyms and organisation names are left out.
 */
function listedPairs(text: string, tokens: Token[], res: EntityResources, out: RawMention[], eponymAfter: RegExp | undefined) {
  if (!res.allNames) return;
  const names = res.allNames();
  const ordinary = (w: string) => ordinaryWord(w.toLowerCase().replace(/['’]s$/, ''), res);
  const pairs = new RegExp(PAIR.source, PAIR.flags);
  for (let m = pairs.exec(text); m; m = pairs.exec(text)) {
    // A rejected pair is retried from its second word: "Meet Hunter Okafor" holds "Hunter Okafor".
    const accepted = pairAt(m);
    // Only after an ordinary word ("Meet", "Congrats"): an unknown first word may open an unknown name.
    const l = m[1].toLowerCase();
    if (!accepted && (res.commonWords.has(l) || res.notNames.has(l))) pairs.lastIndex = m.index + m[1].length + 1;
  }
  function pairAt(m: RegExpExecArray): boolean {
    // "Hope's Story", "Edna's Garden": a possessive first word is a name and its thing, not a full name.
    if (/['’]s?$/.test(m[1])) return false;
    const [a, b] = [m[1], m[2].replace(/['’]s$/, '')];
    // Both words in the list, or one of them with the other unknown to the English lexicon ("Krisztián Szöllösy").
    const both = names.has(a) && names.has(b);
    const one = (names.has(a) || names.has(b)) && !res.commonWords.has(a.toLowerCase()) && !res.commonWords.has(b.toLowerCase());
    // A middle initial makes two words no lexicon knows a name ("Szabina J Gelencsér", "Csanád P Gere").
    const initialed = /\s\p{Lu}\.?\s/u.test(m[0]) && ![a, b].some((w) => res.commonWords.has(w.toLowerCase()) || ORG_OR_PLACE_WORD.test(w));
    // With only one listed word, a pair that opens a sentence or a line is as likely a heading or a place.
    if (!both && !initialed && !(one && !/(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, m.index - 4), m.index)))) return false;
    // A given name that is also a word ("Hunter", "Hope") counts beside a surname no English lexicon knows.
    const wordName = (x: string, y: string) => !!res.wordNames?.has(x.toLowerCase()) && !ordinary(y) && !res.commonWords.has(y.toLowerCase());
    if ((ordinary(a) && !wordName(a, b)) || ordinary(b)) return false;
    // "Parkinson's disease", "Gleason score": the words after the pair make it an eponym (rules/lexicons/eponym-after.yaml).
    if (eponymAfter?.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return false;
    push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'name');
    return true;
  }
}

/**
 * A word of a name the draft has already given ("Wren Castellanos", "Hi Faith!") is that name again where it
 * stands alone and capitalised ("Wren has been coming", "Faith's results"), even when the word is also an
 * ordinary word or opens a sentence. Only words a name list knows count, so a wrongly found heading does not
 * spread.
 */
function recurrences(text: string, tokens: Token[], res: EntityResources, out: RawMention[], weak: Set<RawMention>, paired: Set<RawMention>) {
  const known = new Set<string>();
  for (const m of out) {
    if (m.kind !== 'name' || weak.has(m) || ORG_AFTER.test(text.slice(m.end, m.end + 40)) || namesPlace(text.slice(m.start, m.end), (w) => res.firstNames.has(w))) continue;
    for (const w of text.slice(m.start, m.end).split(/[\s-]+/)) {
      const bare = w.replace(/^["“]|["”.,]$/g, '').replace(/['’]s?$/, '');
      if (!/^\p{Lu}\p{Ll}{2,}$/u.test(bare)) continue;
      const l = bare.toLowerCase();
      // A word of a full name ("Ikaika Kealoha") is a name even when no list knows it, unless it is an ordinary word.
      const listed = res.firstNames.has(l) || res.lastNames.has(l) || !!res.allNames?.().has(bare) || (!paired.has(m) && /\s/.test(text.slice(m.start, m.end).trim()));
      if (res.wordNames?.has(l) || (listed && !res.commonWords.has(l) && !res.notNames.has(l))) known.add(bare);
    }
  }
  if (!known.size) return;
  const covered = (s: number, e: number) => out.some((m) => m.start < e && s < m.end && m.kind !== 'role-phrase');
  const re = new RegExp(`(?<![\\p{L}\\p{N}@#_-])(?:${[...known].map(escapeRegExp).join('|')})(?=['’]s\\b|[^\\p{L}\\p{N}_-]|$)`, 'gu');
  for (const m of text.matchAll(re)) {
    if (covered(m.index, m.index + m[0].length)) continue;
    // "the Whitfield Scholarship", "Summit Dermatology": the word names a thing named after the person.
    if (ORG_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'name', /^['’]s/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2)));
  }
}

/** The role-phrase regexes of an evidence model, compiled once per model (not once per draft). */
const phraseRegexes = new WeakMap<EvidenceModel, { re: RegExp; aged: RegExp; kin: RegExp }>();

function compilePhrases(model: EvidenceModel): { re: RegExp; aged: RegExp; kin: RegExp } {
  const nouns = [...new Set([...model.roleNouns.patient, ...model.roleNouns.person, ...model.roleNouns.relative])]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegExp(n).replace(/ /g, '\\s'));
  const re = new RegExp(
    `\\b(?:our|my|a|an|the|this|that|which|what|one|one of our|another)\\s(?:(?:\\d{1,3}[- ](?:year|month|week|day)s?[- ]old|\\d{1,3}\\s?(?:y/o|yo|y\\.o\\.)|(?!(?:the|a|an|our|my|this|that|is|was|are|were|be|been|their|his|her|its|of|to|and|or|in|on|at|for|with|who|which|as|by|from|every|each|any|no|not)\\b)[a-z][\\w-]*|\\d{1,3})\\s){0,3}?(?:${nouns.join('|')})(?:['’]s)?\\b(?![- ](?:year|month))`,
    'gi',
  );
  // "3am, 19yo motorcyclist from Lake County": a clinician's shorthand drops the article before an age.
  const aged = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d{1,3}[- ]?(?:yo|y/o|y\\.o\\.)|\\d{1,3}[- ](?:year|month)s?[- ]old)\\s(?:${nouns.join('|')})\\b`, 'giu');
  // "your dad's new hip" is a possessive mention: what is his is the relative's.
  const kin = new RegExp(`\\byour\\s(?:${model.roleNouns.relative.map(escapeRegExp).join('|')})\\b(?:['’]s\\b)?`, 'gi');
  return { re, aged, kin };
}

/** Descriptions of a person: "a 72-year-old man", "our patient", "my sweet little patient", "the Nguyen twins". */
function rolePhrases(text: string, tokens: Token[], model: EvidenceModel, out: RawMention[]) {
  let compiled = phraseRegexes.get(model);
  if (!compiled) phraseRegexes.set(model, (compiled = compilePhrases(model)));
  const { re, aged, kin } = compiled;
  // "Patient lives at…", "Pt is a…": a label at the start of a sentence is a description too.
  for (const m of text.matchAll(/(?<=^|\n|[.!?]\s)(?:Patient|Pt|Resident|Client)\b(?!s)/g)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'role-phrase');
  // "a 94-year-old with a broken hip": an age used as a noun is a person too.
  const bare = /\b(?:a|an|the|our|my|this|that)\s(?:[a-z]+\s)?\d{1,3}[- ](?:year|month|week|day)s?[- ]old\b(?![- ]\p{L})(?!\s(?:[\p{L}-]+\s)?(?:[\p{L}-]+))|\b(?:a|an|the|our|my|this|that)\s(?:[a-z]+\s)?\d{1,3}[- ](?:year|month|week|day)s?[- ]old\b(?=\s(?:with|who|from|in|on|at|of|whose|that|came|was|is|has|had)\b)/giu;
  for (const m of text.matchAll(bare)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'role-phrase');
  for (const m of text.matchAll(aged)) {
    if (!/\b(?:a|an|the|our|my|this|that)\s$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'role-phrase');
  }
  // "The head chef from Rosalind's Bistro, who was hurt…": a description that "who" follows is a person.
  for (const m of text.matchAll(/\b(?:a|an|the|our|my|this|that)\s(?:(?!(?:the|a|an|our|my|this|that|of|to|and|or|in|on|at|for|with|from|by)\b)[a-z][\w-]*\s){0,2}(?!(?:the|a|an|our|my|this|that|of|to|and|or|in|on|at|for|with|from|by)\b)[a-z][\w-]*(?=(?:\s(?:from|at|in|on)\s[^,.;:!?\n]{1,40})?,\swho\b)/giu)) {
    // "Walter Hargrove, 79, a retired logger, who…": an apposition describes the name before it.
    if (!/,\s$/.test(text.slice(Math.max(0, m.index - 2), m.index))) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'role-phrase');
  }
  // "our 'Princess' in Bed 4": a nickname in quotes after "our" or "my" is someone the author describes.
  for (const m of text.matchAll(/\b(?:our|my)\s['‘"“][\p{L}][\p{L} .-]{0,20}['’"”]/giu)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'role-phrase');
  // "your mom", "your husband": the relative of the person a reply addresses is a person of their own.
  for (const m of text.matchAll(kin)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'role-phrase', /['’]s$/.test(m[0]));
  for (const m of text.matchAll(re)) {
    // "a 45-year-old woman" but not "a woman's health fair" or plural "patients"; "is (not) a patient"
    // says something of the subject, it is not another person.
    if (/(?:\b(?:is|was|are|were|be|been|being|not|never|become|became)|['’](?:re|s|m))\s+(?:(?:now|still|also|currently|again|once)\s+)?$/i.test(text.slice(Math.max(0, m.index - 22), m.index))) continue;
    // "our patient experience manager", "the patient portal": the noun describes another thing.
    if (model.modifier?.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    // "the Grandma's Marathon", "the Survivor Walk": a capitalised noun before a capitalised word is part of a name.
    if (/^\p{Lu}/u.test(m[0].split(/\s+/).pop()!) && /^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    const r = { start: m.index, end: m.index + m[0].length };
    push(out, tokens, r, 'role-phrase', /['’]s$/.test(m[0]));
  }
}

/**
 * The length of the name at the start of `words` after a label that says a name follows ("lena andersson but
 * everyone…" → "lena andersson"): up to the first word that is no name. An initial ("eric g. samoylova") counts.
 * 0 when the first word is no name.
 */
export function toldName(words: string, notName: (w: string) => boolean): number {
  let end = 0;
  for (const m of words.matchAll(/[^\s]+/g)) {
    const w = m[0].replace(/[.,;:!?]+$/, '');
    const initial = /^\p{L}\.?$/u.test(m[0]) && end > 0;
    if (!initial && (w.length < 2 || notName(w))) break;
    end = m.index + (initial ? m[0].length : w.length);
  }
  return end;
}

/**
 * Every mention in the draft. `names` are the person entities (NLP and name lists); the rest are shapes
 * the entity detector does not know as people.
 */
export function findMentions(doc: LintDocument, tokens: Token[], names: Range[], res: EntityResources, model: EvidenceModel): RawMention[] {
  const text = doc.plain;
  const out: RawMention[] = [];
  // "Ava's Story", "Edna's Garden": a possessive inside a capitalised run ends the name.
  const cut = (r: Range) => {
    const i = text.slice(r.start, r.end).search(/['’]s\s/);
    return i > 0 ? { start: r.start, end: r.start + i } : r;
  };
  // A capitalised word that is no name: an ordinary word, or an adverb no name list knows ("Finally, we…").
  const notName = (w: string) => notAName(w, res);
  // A word a name list knows: "Ayla", and with `ordinary` also "Dean" (a word too), never "Team" or "Patient".
  const listedName = (w: string, ordinary: boolean) => {
    const bare = w.replace(/['’]s$/, '').replace(/[.,!?:]+$/, '');
    const l = bare.toLowerCase();
    if (res.wordNames?.has(l)) return true;
    if (res.notNames.has(l) || (!ordinary && notName(bare))) return false;
    return res.firstNames.has(l) || res.lastNames.has(l) || !!res.allNames?.().has(bare);
  };
  for (const r0 of names) {
    const r = cut(r0);
    const one = text.slice(r.start, r.end);
    if (!/\s/.test(one) && /(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, r.start - 3), r.start))) {
      // "Finally, we built…": an ordinary word (or an adverb no name list knows) opening a sentence before a comma is no one.
      if (text[r.end] === ',' && notName(one)) continue;
      // "Mark your calendar", "Hope you can join us": a one-word name opening a sentence before "your" is a verb.
      if (/^\s+(?:your|you|the|our|this|these|those)\b/i.test(text.slice(r.end, r.end + 8))) continue;
    }
    push(out, tokens, r, 'name', /['’]s?$/.test(text.slice(r.end, r.end + 2)) || /['’]s$/.test(text.slice(r.start, r.end)));
  }
  for (const m of text.matchAll(SHAPES.handle)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'handle');
  for (const m of text.matchAll(SHAPES.hashtag)) if (nameHashtag(m[0], res)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'hashtag');
  for (const m of text.matchAll(FAMILY)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'family');
  for (const m of text.matchAll(HONORIFIC_INITIAL)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'initials');
  for (const m of text.matchAll(INITIALS)) if (!NOT_INITIALS.test(m[0])) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'initials');
  for (const m of text.matchAll(CAPS_NAME)) {
    const first = m[0].split(/\s/)[0].toLowerCase();
    if (res.firstNames.has(first) && !res.notNames.has(first)) push(out, tokens, { start: m.index, end: m.index + m[0].length }, 'name');
  }
  // In a shape only a name fits ("Hi Faith!", "his wife of 58 years, June,"), a given name that is also a word is a name.
  for (const shape of model.nameShapes) {
    shape.regex.lastIndex = 0;
    for (const m of text.matchAll(shape.regex)) {
      const g = shape.group ? m.indices?.groups?.[shape.group] : undefined;
      const start = g ? g[0] : m.index;
      let end = g ? g[1] : m.index + m[0].length;
      if (shape.trim) {
        // "call me jo and …": the name is the words before the first ordinary one.
        const cut = toldName(text.slice(start, end), notName);
        if (!cut) continue;
        end = start + cut;
      }
      const words = text.slice(start, end).split(/[\s-]+/).filter((w) => shape.anyCase || /^\p{Lu}/u.test(w));
      if (!words.length) continue;
      if (shape.listed ? !words.every((w) => listedName(w, !!shape.ordinary)) : words.every(notName)) continue;
      push(out, tokens, { start, end }, shape.shape === 'hashtag' ? 'hashtag' : 'name');
    }
  }
  for (const r of [...lowerCaseNames(text, tokens, res), ...dialogueLabels(text, res, notName), ...contactBlocks(text, notName)]) push(out, tokens, r, 'name', r.possessive);
  const before = out.length;
  listedPairs(text, tokens, res, out, model.eponymAfter);
  const pairs = out.slice(before);
  for (const r of listMembers(text, out.filter((m) => m.kind === 'name'), res, notName)) push(out, tokens, r, 'name', r.possessive);
  // A pair of listed words spreads only when it opens with a given name ("Wren Castellanos", not "Alliance Statement").
  const weak = new Set(pairs.filter((m) => {
    const First = text.slice(m.start, m.end).split(/\s/)[0];
    const first = First.toLowerCase();
    // A first word no list knows at all ("Ikaika") is as good as a given name; a listed ordinary one is not.
    const unknown = !res.commonWords.has(first) && !res.notNames.has(first) && !res.allNames?.().has(First);
    return !res.firstNames.has(first) && !res.wordNames?.has(first) && !unknown;
  }));
  recurrences(text, tokens, res, out, weak, new Set(pairs));
  rolePhrases(text, tokens, model, out);
  tokens.forEach((t, i) => {
    const p = PRONOUNS[t.lower];
    // A lone "I" inside a name ("Mary I. Cole") is an initial.
    if (!p) return;
    if (t.lower === 'i' && text[t.start] !== 'I') return;
    if (t.lower === 'i' && /^\.\s?[A-Z]/.test(text.slice(t.end, t.end + 3))) return;
    out.push({ start: t.start, end: t.end, kind: p.kind, first: i, last: i, possessive: p.possessive, paragraph: t.paragraph });
  });
  // "Parkinson's diagnosis", "Crohn's": a name that is a disease with its "'s" names the disease.
  for (let i = out.length - 1; i >= 0; i--) {
    const m = out[i];
    if (m.kind !== 'name') continue;
    const own = text.slice(m.start, m.end).replace(/['’]s?$/, '').toLowerCase();
    const possessive = /^['’]/.test(text.slice(m.end, m.end + 1)) || /['’]s?$/.test(text.slice(m.start, m.end));
    if (model.healthTerms.has(own) || (possessive && model.healthTerms.has(`${own}'s`))) out.splice(i, 1);
  }
  // Longest first at each place; a mention inside a longer one is dropped ("Liam" inside "#TeamLiamStrong").
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMention[] = [];
  for (const m of out) {
    const prev = kept[kept.length - 1];
    if (prev && m.start < prev.end) {
      // A name inside a description ("our patient Ana Ruiz") is kept apart: both are references.
      if (prev.kind === 'role-phrase' && m.kind !== 'role-phrase' && m.start >= prev.start) {
        kept.push(m);
        continue;
      }
      continue;
    }
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
