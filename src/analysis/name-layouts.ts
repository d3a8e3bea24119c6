// Names found by where they stand, not by a name list alone: in a list that holds a name, as a dialogue's speaker
// labels, heading an address or signature block, and typed in lower case.
import type { Range } from '../document/sentences.js';
import { ORG_OR_PLACE_WORD, SURNAME_TOO, type EntityResources } from '../nlp/entities.js';
import type { Token } from './types.js';

/** A name found here; `possessive` when "'s" follows it. */
export interface NameRange extends Range {
  possessive?: boolean;
}

const LIST_WORD = "\\p{Lu}[\\p{Ll}'’-]+";
/** Capitalised words in a list: "Kónya, Becker and Vasquez", "Gaetane, Hannah, Anthony and Derek". */
// Not with "&" ("Greer & Holt", a firm), nor inside a longer capitalised run ("Greer and Holt Orthodontics").
const NAME_LIST = new RegExp(`(?<![\\p{L}\\p{N}'’.&-]|\\p{Lu}[\\p{L}'’-]*\\s)${LIST_WORD}(?:,\\s${LIST_WORD})*,?\\sand\\s${LIST_WORD}(?![\\p{L}\\p{N}]|\\s\\p{Lu})`, 'gu');

/** Plural nouns that make the words of a list before them places or organisations ("Tamsin and Hale counties"). */
const LIST_OF_PLACES = /^\s(?:counties|parishes|districts|townships|towns|cities|states|streets|roads|avenues|valleys|rivers|lakes|campuses|hospitals|clinics|schools|buildings|halls|wings|units|centers|centres|companies|firms|stores|brands|products)\b/;

/**
 * The other words of a list that holds a name are names too ("our 3 founders: Kónya, Becker and Vasquez",
 * "Marrero and Murphy were engineers"): a list is of one kind of thing. A member needs a name already found
 * there or in a name list, and ordinary words ("Cardiology, Oncology and Rehab") and place or organisation
 * words are never names.
 */
export function listMembers(text: string, names: Range[], res: EntityResources, notName: (w: string) => boolean): NameRange[] {
  const out: NameRange[] = [];
  for (const m of text.matchAll(NAME_LIST)) {
    // "Xeomin, and Lan cried": a comma before "and" in a pair joins two clauses, not two names.
    if (!/,\s\p{Lu}[^,]*,/u.test(m[0]) && /,\sand\s/.test(m[0])) continue;
    // "in Tamsin and Hale counties": the words name places or organisations.
    if (LIST_OF_PLACES.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
    const members = [...m[0].matchAll(new RegExp(LIST_WORD, 'gu'))].map((w) => ({ word: w[0].replace(/['’]s$/, ''), start: m.index + w.index }));
    const found = (x: { start: number; word: string }) => names.some((n) => n.start <= x.start && x.start < n.end);
    const listed = (x: { word: string }) => !notName(x.word) && !res.commonWords.has(x.word.toLowerCase()) && (res.firstNames.has(x.word.toLowerCase()) || res.lastNames.has(x.word.toLowerCase()) || !!res.allNames?.().has(x.word));
    if (!members.some((x) => found(x) || listed(x))) continue;
    for (const x of members) {
      if (found(x) || notName(x.word) || ORG_OR_PLACE_WORD.test(x.word) || SURNAME_TOO.test(x.word)) continue;
      out.push({ start: x.start, end: x.start + x.word.length, possessive: /^['’]s/.test(text.slice(x.start + x.word.length)) });
    }
  }
  return out;
}

/**
 * Speakers' labels in a dialogue or a chat ("Ubul: What a wife." / "Nicole: Remember me?"): two or more lines
 * that open with one capitalised word and a colon, one of them a given name, make each label a name.
 * Ordinary labels ("Note:", "Update:", "Patient:") are not.
 */
export function dialogueLabels(text: string, res: EntityResources, notName: (w: string) => boolean): NameRange[] {
  const labels = [...text.matchAll(/(?<=^|\n)[ \t>]*(\p{Lu}[\p{Ll}'’-]+)[ \t]?:[ \t]*(?=["“\p{Lu}])/gu)]
    .map((m) => ({ word: m[1], start: m.index + m[0].indexOf(m[1]) }))
    .filter((x) => !notName(x.word) && !ORG_OR_PLACE_WORD.test(x.word));
  if (labels.length < 2 || !labels.some((x) => res.firstNames.has(x.word.toLowerCase()) || !!res.allNames?.().has(x.word))) return [];
  return labels.map((x) => ({ start: x.start, end: x.start + x.word.length }));
}

/** A line that is only a name: two to four words, with initials and particles ("Maika van de Noort", "leone mazzi"). */
const NAME_LINE = /^[ \t>?*•·-]*((?:(?:Mr|Mrs|Ms|Dr|Mx)\.?\s)?(\p{L}[\p{L}'’-]+)(?:\s(?:\p{L}\.?|van|von|de|der|den|ten|ter|da|di|du|del|della|la|le|bin|al))*\s(\p{L}[\p{L}'’-]+))[ \t]*$/u;
/** A line of an address or contact block: a street number, a box or suite, a phone, an e-mail or a contact label. */
const CONTACT_LINE = /^[ \t>?*•·-]*(?:(?:phone|tel|telephone|mobile|cell|desk|office|fax|e-?mail|address|website|web)\s*:|\d{1,6}\s+\p{L}|p\.?\s?o\.?\s?box\b|(?:suite|apt|unit|psc)\.?\s*\d|\+?\(?\d[\d\s().-]{6,}\d\b|[\w.+-]+@[\w-]+\.)/iu;

/**
 * The name heading an address or a signature block ("Julcsa Kárpáthy / Mhealthcoach / 50668 Kiannonkatu 98 /
 * Mobile: …"): a line that is only a name, with a contact line among the four after it, is a person's name
 * even when no name list knows it. Words of a place or an organisation ("Westside Clinic") are not.
 */
export function contactBlocks(text: string, notName: (w: string) => boolean): NameRange[] {
  const out: NameRange[] = [];
  const lines = [...text.matchAll(/[^\n]*/g)].filter((m) => m[0].length || m.index === 0).map((m) => ({ text: m[0], start: m.index }));
  for (let i = 0; i < lines.length; i++) {
    const m = NAME_LINE.exec(lines[i].text);
    if (!m) continue;
    const words = m[1].split(/\s+/).filter((w) => w.length > 2 || !/^\p{L}\.?$/u.test(w));
    const cased = words.every((w) => /^\p{Lu}/u.test(w)) || words.every((w) => /^\p{Ll}/u.test(w));
    if (!cased || [m[2], m[3]].some((w) => notName(w) || ORG_OR_PLACE_WORD.test(w[0].toUpperCase() + w.slice(1)))) continue;
    if (!lines.slice(i + 1, i + 8).filter((l) => l.text.replace(/[ \t>?*•·-]/g, '')).slice(0, 4).some((l) => CONTACT_LINE.test(l.text))) continue;
    const start = lines[i].start + lines[i].text.indexOf(m[1]);
    out.push({ start, end: start + m[1].length });
  }
  return out;
}

/**
 * A given name and a surname typed in lower case ("follow up with patricia desrosiers", "eva kleist lives
 * at"): the given name must be one no English word shares and the surname one a name list knows.
 */
export function lowerCaseNames(text: string, tokens: Token[], res: EntityResources): NameRange[] {
  const out: NameRange[] = [];
  const plainName = (l: string) => !res.commonWords.has(l) && !res.notNames.has(l) && !res.wordNames?.has(l);
  const surname = (t: Token) => {
    const l = t.lower;
    return /^\p{Ll}[\p{Ll}'’-]+$/u.test(text.slice(t.start, t.end)) && l.length > 1 && plainName(l) && (res.lastNames.has(l) || res.firstNames.has(l) || !!res.allNames?.().has(l[0].toUpperCase() + l.slice(1)));
  };
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (!/^\p{Ll}[\p{Ll}'’-]+$/u.test(text.slice(t.start, t.end)) || t.lower.length < 3 || !res.firstNames.has(t.lower) || !plainName(t.lower)) continue;
    let j = i + 1;
    // A middle initial: "benjamin a seiler", "eric g. samoylova".
    if (/^\p{Ll}\.?$/u.test(text.slice(tokens[j].start, tokens[j].end)) && tokens[j + 1] && tokens[j].sentence === t.sentence) j += text[tokens[j].end] === '.' && tokens[j + 1].lower === '.' ? 2 : 1;
    const u = tokens[j];
    if (!u || u.sentence !== t.sentence || !/^ (?:\p{Ll}\.? ?)?$/u.test(text.slice(t.end, u.start).replace(/\.\s/, ' ')) || !surname(u)) continue;
    out.push({ start: t.start, end: u.end, possessive: /^['’]s/.test(text.slice(u.end)) });
    i = j;
  }
  return out;
}
