// Entity detection: compromise's people, places and dates joined with validated patterns for contact details.
import type { LintDocument } from '../document/document.js';
import { lastAtOrBefore } from '../document/search.js';
import type { Range } from '../document/sentences.js';
import { trimRange } from '../document/spans.js';
import type { Tagged } from './compromise.js';
import type { NameList } from './name-list.js';

export type EntityKind = 'person' | 'mention' | 'place' | 'organization' | 'date' | 'phone' | 'email' | 'url' | 'handle' | 'hashtag' | 'value' | 'age';

/** Word lists the detectors need, beyond compromise's own lexicon. */
export interface EntityResources {
  /** Lower-case given names (compromise's plus the first-names lexicon). */
  firstNames: Set<string>;
  /** Lower-case surnames compromise knows. */
  lastNames: Set<string>;
  /** Capitalised words that are never part of a name (days, months, brand words, common sentence starters). */
  notNames: Set<string>;
  /** Lower-case words compromise knows as something other than a name: capitalised, they are rarely names. */
  commonWords: Set<string>;
  /**
   * Lower-case given names that are also ordinary words (Hope, June, Hunter: the word-names lexicon):
   * names only where a name's shape or a surname says so. Absent means none.
   */
  wordNames?: Set<string>;
  /** Lower-case given names compromise knows as only male (`m`) or only female (`f`). Absent means unknown. */
  gender?: Map<string, 'm' | 'f'>;
  /**
   * A large list of given names and surnames (the `humannames` package, ~200,000 entries, as written:
   * "Marcus", "Delgado"), loaded on first use. It holds ordinary words too ("Will", "Center"), so it only
   * counts for two such words side by side (see src/analysis/mentions.ts).
   */
  allNames?: () => NameList;
}

const HONORIFIC = /^(?:Mr|Mrs|Ms|Mx|Miss|Mister|Dr|Baby|Coach|Councilman|Councilwoman|Officer|Sgt|Rev|Sister|Brother|Grandma|Grandpa|Aunt|Uncle|Nana|Papa)\.?$/;
const PLACE_PREFIX = /(?:^|[^\p{L}])(?:St|Ste|Saint|Mt|Mount|Fort|Ft|Port|Lake|Cape|San|Santa|Los|Las|El)\.?\s$/u;
const CAP_WORD = /(?<![\p{L}\p{N}@#_.'’-])(?:[A-Z][\p{L}'’-]*[\p{L}]|[A-Z])(?:\.(?=\s))?/gu;

/** Regexes for entities that are shapes rather than language. */
export const SHAPES: Record<'phone' | 'email' | 'url' | 'handle' | 'hashtag', RegExp> = {
  phone: /(?<![\w.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])|(?<![\w.()-])\d{3}-\d{4}(?![\w-])|(?<![\w+])\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?![\w-])/g,
  email: /(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g,
  url: /(?<![\w@.\/-])(?:(?:https?:\/\/|www\.)(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}|(?:[A-Za-z0-9-]+\.)+(?:com|org|net|edu|gov|io|us|co|health|care|info|me|ly|app|page|site|blog|uk|ca|de|fr|au))(?::\d+)?(?:\/[^\s)\]<>"']*)?(?<![.,!?;:])/g,
  handle: /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?/g,
  hashtag: /(?<![\w#&])#[\p{L}_][\p{L}\p{N}_]*/gu,
};

const AGE_PATTERNS = [
  /\b\d{1,3}[- ]?(?:years?|yrs?)[- ]old\b/gi,
  /\b\d{1,3}[- ]?(?:yo|y\/o|y\.o\.|yr old)(?![\w/])/gi,
  /\b(?:age|aged|ages)\s+\d{1,3}\b/gi,
  /\bin (?:his|her|their) (?:early |mid-?|late )?(?:\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi,
  /\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|hundredth) birthday\b/gi,
  /\b(?:turn(?:s|ed|ing)?|celebrat(?:es|ed|ing)) \d{2,3}\b/gi,
  /\b\d{1,3}-month-old\b/gi,
  /\bat the age of \d{1,3}\b/gi,
  /\bwhen (?:he|she|they|I) (?:was|were) \d{1,3}\b/gi,
  /\b(?:I['’]ll|I will|will|just) turn \d{1,3}\b/gi,
];

function collect(re: RegExp, text: string): Range[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function dedupe(ranges: Range[]): Range[] {
  const seen = new Set<string>();
  return ranges
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((r) => {
      const k = `${r.start}:${r.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

/** Whether a lower-case word is never a name, or is an ordinary word that no name list knows ("team", "summit"). */
export function ordinaryWord(lower: string, res: EntityResources): boolean {
  return res.notNames.has(lower) || (res.commonWords.has(lower) && !res.firstNames.has(lower) && !res.lastNames.has(lower));
}

/**
 * Whether a capitalised word is no name: an ordinary word, or an adverb no name list knows ("Finally, we…").
 * A given name that is also a word ("Hope", "June") is never ruled out here: its shape decides.
 */
export function notAName(word: string, res: EntityResources): boolean {
  const l = word.toLowerCase().replace(/['’]s$/, '').replace(/^["“]|["”]$/g, '');
  return !res.wordNames?.has(l) && (ordinaryWord(l, res) || (/ly$/.test(l) && !res.firstNames.has(l) && !res.lastNames.has(l) && !res.allNames?.().has(word)));
}

/**
 * Sentences worth compromise's time (it tags 0.1-0.2 MB/s): two capitalised words in a row that are not
 * the sentence's first word, that the word-list detector did not already explain, that no lexicon knows as
 * ordinary words and that do not end an organisation or place name. Most sentences have none.
 */
function nameCandidateSentences(doc: LintDocument, unsorted: Range[], res: EntityResources): Range[] {
  const text = doc.plain;
  const found = [...unsorted].sort((a, b) => a.start - b.start);
  const known = (w: string) => ordinaryWord(w.toLowerCase(), res);
  const unknownName = (word: string, start: number, first: number) => {
    const bare = word.replace(/['’]s$/, '').replace(/\.$/, '');
    if (start <= first || bare.length < 2 || bare === bare.toUpperCase() || bare.split('-').every(known)) return false;
    if (ORG_OR_PLACE_WORD.test(bare)) return false;
    const i = lastAtOrBefore(found.length, start, (k) => found[k].start);
    return !(found.length && found[i].start <= start && start < found[i].end);
  };
  return doc.sentences.filter((s) => {
    const first = /^[^\p{L}]*/u.exec(text.slice(s.start, s.end))![0].length + s.start;
    let prev: { end: number; unknown: boolean } | undefined;
    for (const m of text.slice(s.start, s.end).matchAll(CAP_WORD)) {
      const start = s.start + m.index;
      const unknown = unknownName(m[0], start, first);
      if (unknown && prev?.unknown && /^ $/.test(text.slice(prev.end, start))) return true;
      prev = { end: start + m[0].length, unknown };
    }
    return false;
  });
}

/** Words that end organisation, building and place names, never people's. */
export const ORG_OR_PLACE_WORD = /^(?:Center|Centre|Hospital|Clinic|Medical|Health|Healthcare|Pharmacy|Dental|Dentistry|Pediatrics|Orthopedics|Hospice|Regional|Memorial|General|University|College|School|Foundation|Institute|Association|Society|Council|Program|Department|Unit|Wing|Pavilion|Room|Hall|Building|Tower|Campus|Park|Street|Avenue|Road|Lane|Drive|Way|Boulevard|Court|Place|Plaza|County|City|Township|Village|Lake|River|Valley|Heights|Hills|Falls|Springs|Beach|Harbor|Bay|Team|Group|Partners|Associates|Services|Systems|Network|Alliance|Fund|Awards?|Month|Week|Day|Eve|Fair|Festival|Gala|Walk|Run|Church|Chapel|Library|Museum|Club|Inc|LLC|Corp|Company|Co|Lot|Garage|Entrance|Lobby|Suite|Auditorium|Policy|Medicine|Dermatology|Cardiology|Oncology|Surgery|Surgeons|Navigation|Gardens?|Commons|Station|Ridge|Haven|Grove|Terrace|Crossing|Square|Point|Dept|Blvd|Heart|Vascular|Spine|Orthopaedics|Surgical|Rehab|Rehabilitation|Wellness|Imaging|Radiology|Urology|Pulmonology|Neurology|Bistro|Cafe|Café|Diner|Restaurant|Grill|Bakery|Salon|Shop|Store|Market|Pub|Tavern|Pizzeria|Deli|Barbershop|Motors|Farm|Ranch|Inn|Hotel|Motel|Academy|Elementary|Middle|High|Preschool|Daycare|Plant|Mill|Factory|Warehouse|Mall|Theater|Theatre|Arena|Stadium|Endowment|Trust|Scholarship|Scholarships|Fellowship|Professorship|Chair|Lectureship|St|Ave|Rd|Ln|Dr|Hwy|Pkwy|Ct|Pl|Ter|Cir|Blvd)$/;

/** Of those, the ones that are also surnames (Jordan Hall, Grace Lane, Emily Park): they end a place only after a word that is not a given name. */
export const SURNAME_TOO = /^(?:Hall|Park|Lane|Way|Court|Place|Lake|River|Valley|Hills|Falls|Beach|Harbor|Bay|Ridge|Haven|Grove|Village|City|Day|Walk|Run|Fair|Church|Chapel|Street|Station|Garden|Gardens|Square|Point|Crossing|Terrace|Eve|General|Co)$/;

/** Person names: runs of capitalised words led by a known given name or an honorific, plus compromise's people where those miss. */
function people(doc: LintDocument, tagged: (ranges?: Range[]) => Tagged, res: EntityResources): Range[] {
  const text = doc.plain;
  const out: Range[] = ownPeople(doc, res);
  const candidates = nameCandidateSentences(doc, out, res);
  for (const r of candidates.length ? tagged(candidates).people() : []) {
    const t = trimRange(text, r, { possessive: true });
    const words = text.slice(t.start, t.end).split(/\s+/);
    if (!/[A-Z]/.test(text.slice(t.start, t.end))) continue;
    if (words.every((w) => w.length > 1 && w === w.toUpperCase())) continue;
    if (words.every((w) => res.notNames.has(w.toLowerCase().replace(/[.'’]s?$/, '')))) continue;
    if (PLACE_PREFIX.test(text.slice(Math.max(0, t.start - 8), t.start))) continue;
    out.push(t);
  }
  return out;
}

/** Runs of capitalised words led by a known given name or an honorific. */
function ownPeople(doc: LintDocument, res: EntityResources): Range[] {
  const text = doc.plain;
  const out: Range[] = [];
  const caps = [...text.matchAll(CAP_WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < caps.length; i++) {
    const w = caps[i];
    const bare = w.word.replace(/['’]s$/, '').replace(/\.$/, '');
    const lower = bare.toLowerCase();
    const honorific = HONORIFIC.test(w.word);
    const given = res.firstNames.has(lower) && !res.notNames.has(lower);
    if (!honorific && !given) continue;
    // ADA, ARISTOTLE: an all-capitals word is an acronym or a shouted word, not a given name.
    if (!honorific && bare.length > 1 && bare === bare.toUpperCase()) continue;
    // "St. Brendan's", "Lake Forest", "Fort Myers": a given name inside a place or institution name.
    if (PLACE_PREFIX.test(text.slice(Math.max(0, w.start - 8), w.start))) continue;
    let end = w.end;
    let j = i;
    // Extend over following capitalised words separated by one space (surname, middle name, initial).
    while (j + 1 < caps.length && j - i < 3) {
      const next = caps[j + 1];
      // "Ms. Patterson. However": a word's own full stop ends the sentence unless it is an initial or a title.
      if (caps[j].word.endsWith('.') && !/^[A-Z]\.$/.test(caps[j].word) && !(j === i && honorific)) break;
      const gap = text.slice(end, next.start);
      if (!/^ $/.test(gap.replace(/\.(?= )/, ''))) break;
      if (gap.includes('.') && !/^[A-Z]$/.test(text.slice(caps[j].start, caps[j].end).replace(/\.$/, ''))) break;
      const nb = next.word.replace(/['’]s$/, '').replace(/\.$/, '').toLowerCase();
      if (res.notNames.has(nb)) break;
      end = next.end;
      j++;
    }
    if (honorific && j === i) continue;
    out.push(trimRange(text, { start: w.start, end }, { possessive: true }));
    i = j;
  }
  return out;
}

/** Find every entity of `kind` in the document's plain view. */
export function findEntities(kind: EntityKind, doc: LintDocument, tagged: (ranges?: Range[]) => Tagged, res: EntityResources): Range[] {
  const text = doc.plain;
  switch (kind) {
    case 'phone':
    case 'email':
    case 'url':
    case 'handle':
    case 'hashtag':
      return dedupe(collect(SHAPES[kind], text).map((r) => trimRange(text, r)));
    case 'age':
      return dedupe(AGE_PATTERNS.flatMap((re) => collect(re, text)));
    case 'person':
      return dedupe(people(doc, tagged, res));
    case 'place':
      return dedupe(tagged().places().map((r) => trimRange(text, r)));
    case 'organization':
      return dedupe(tagged().organizations().map((r) => trimRange(text, r)));
    case 'date':
      return dedupe(tagged().dates().map((r) => trimRange(text, r)).filter((r) => !/^(?:in |since |by )?(?:19|20)\d{2}$/i.test(text.slice(r.start, r.end))));
    case 'value':
      return dedupe(tagged().values().map((r) => trimRange(text, r)));
    case 'mention':
      throw new Error('mentions come from the people model (MatchInput.entities), not the entity detector');
  }
}
