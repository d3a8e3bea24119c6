// Clusters mentions into persons: name variants, descriptions next to names, pronouns, and "you" in replies.
import type { RawMention } from './mentions.js';
import { handleWords } from './mentions.js';
import type { DraftKind, Mention, Person, Token } from './types.js';
import { ORG_AFTER, ORG_BEFORE, namesPlace } from './org-names.js';
import { commentHeaders, inRanges } from './furniture.js';

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'drs', 'doctor', 'nurse', 'baby', 'little', 'sweet', 'mister', 'the', 'family', 'families', 'household', 'twins', 'sr', 'sra', 'srta', 'señor', 'señora', 'señorita', 'don', 'doña', 'dra', 'olympian', 'coach', 'mayor', 'senator', 'governor', 'judge', 'rev', 'pastor', 'chaplain', 'officer']);
const REFERENT: ReadonlySet<Mention['kind']> = new Set(['name', 'handle', 'hashtag', 'family', 'initials', 'role-phrase']);
// A comment's header may stand before it on the same line ("Lakemont Health · Hi Rob,").
const GREETING = /(?:^|\n)[\s>*_-]*(?:[\p{L}'’.& ]{2,40}\s[·|—–]\s+)?(?:hi|hello|hey|dear|hola|thanks|thank you|thank u|congrats|congratulations|happy (?:\d+\w* )?birthday|happy \d{1,3}(?:st|nd|rd|th)|welcome back|welcome home|good morning|good luck|get well soon|go|love you|prayers for|praying for)[\s,]+$/iu;
const SENTENCE_GREETING = /(?:^|[.!?]\s+)(?:thank you|thanks|congrats|congratulations|happy (?:\d+\w* )?birthday|welcome back|welcome home|shout ?out to|get well soon)[\s,]+$/i;

const PRONOUN_GENDER: Record<string, 'm' | 'f'> = {
  he: 'm', him: 'm', his: 'm', himself: 'm', "he's": 'm', "he'd": 'm', "he'll": 'm',
  she: 'f', her: 'f', hers: 'f', herself: 'f', "she's": 'f', "she'd": 'f', "she'll": 'f',
};
const MALE_WORDS = /^(?:mr|mister|sr|señor|don|his|he|man|boy|guy|gentleman|dad|daddy|father|husband|son|brother|grandson|grandfather|grandpa|uncle|nephew|esposo|hijo|padre|papá|abuelo|nieto|hermano)$/;
const FEMALE_WORDS = /^(?:mrs|ms|miss|sra|srta|señora|señorita|doña|her|she|woman|girl|lady|gal|mom|mommy|mother|wife|daughter|sister|granddaughter|grandmother|grandma|aunt|niece|esposa|hija|madre|mamá|abuela|nieta|hermana)$/;

/** The gender a mention's words say (a title, a relation word, a given name known as only male or only female). */
export function genderOfMention(text: string, names?: Map<string, 'm' | 'f'>): 'm' | 'f' | undefined {
  const ws = text.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}]+/u).filter(Boolean);
  for (const w of ws) {
    if (MALE_WORDS.test(w)) return 'm';
    if (FEMALE_WORDS.test(w)) return 'f';
  }
  const given = ws.find((w) => names?.has(w));
  return given ? names!.get(given) : undefined;
}

/** The words that identify a name: "Mr. Delgado's" → [delgado]; "@maria.lopez" → [maria, lopez]. */
export function nameWords(text: string, kind: Mention['kind']): string[] {
  if (kind === 'handle' || kind === 'hashtag') return handleWords(text);
  return text
    .replace(/['’]s?$/, '')
    .split(/[\s-]+/)
    .map((w) => w.toLowerCase().replace(/^["“]+/, '').replace(/[.,'’"”]+$/, '').replace(/['’]s$/, ''))
    .filter((w) => w && !HONORIFICS.has(w));
}

/** A plural noun of people ("kids", "families", "specialists"), for "they" after it. */
const PLURAL_BEFORE = /\b(?:kids|children|families|parents|patients|people|students|nurses|doctors|physicians|staff|volunteers|donors|residents|members|teams?|specialists|clinicians|providers|babies|teens|adults|seniors|visitors|guests|neighbors|neighbours|employees|workers|folks|everyone|others|anyone|anybody|someone|somebody|everybody|no one|nobody|whoever|each|every \w+)\b/i;

const PLURAL_PRONOUN = /^(?:they|them|their|theirs|they['’]re|they['’]ve|they['’]d|themselves)$/i;

/** A place phrase between a description and the name it describes. */
const BRIDGE = /^\s(?:in|from|at|on|of)\s[^,.;:!?\n]{1,40},\s$/;

const subset = (a: string[], b: string[]) => a.length > 0 && a.every((w) => b.includes(w));

/** Whether the mention opens a reply or a thank-you addressed to that person ("Hi Jordan,", "@jo_b", "Thank you Emeka"). */
function vocative(text: string, m: RawMention, reply: boolean, given: (lower: string) => boolean): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  // A handle that opens the draft, or the first sentence of it, is the person answered ("Great question @jo_b!", "Replying to @kenzie").
  if (m.kind === 'handle') return /(?:^|\n)[\s>*_-]*(?:replying to\s|@?\w*\s?)?$/i.test(before) || (m.start < 120 && !/[.!?]\s/.test(text.slice(0, m.start)));
  if (m.kind !== 'name' && m.kind !== 'initials') return false;
  // "Dear Summit Dermatology patients": a greeting to an organisation's name is not to a person.
  if (namesPlace(text.slice(m.start, m.end), given)) return false;
  if (GREETING.test(before) || SENTENCE_GREETING.test(before)) return true;
  // "Happy 100th, Rose!", "…you did it, Jamal!": a name set off by a comma that ends an exclamation or question.
  if (/,\s$/.test(before) && /^[!?]/.test(text.slice(m.end, m.end + 1))) return true;
  // "We hear your frustration, Jordan.": a name that closes a sentence spoken to "you" is the person spoken to.
  if (/,\s$/.test(before) && /^\.(?:\s|$)/.test(text.slice(m.end, m.end + 2)) && /\byou(?:r|['’]re|['’]ve|['’]ll)?\b[^.!?\n]*$/i.test(text.slice(Math.max(0, m.start - 120), m.start))) return true;
  // "Great question, Marcus." opening a reply: a given name closing the first sentence of its line.
  if (/,\s$/.test(before) && /^[.!?]/.test(text.slice(m.end, m.end + 1)) && given(text.slice(m.start, m.end).split(/\s/)[0].toLowerCase()) && /(?:^|\n)[ \t>*_-]*[^\n.!?]{2,60},\s$/.test(text.slice(Math.max(0, m.start - 64), m.start))) return true;
  // "Mr. Ortega! Of course we remember you.": a name that opens the draft, set off and followed by "you".
  if (/^\s*$/.test(text.slice(0, m.start)) && /^[!,]\s/.test(text.slice(m.end, m.end + 2)) && /\byou\b/i.test(text.slice(m.end, m.end + 200))) return true;
  // "Jordan, thank you for…" at the very start of a reply.
  return reply && /(?:^|\n)\s*$/.test(before) && /^,\s/.test(text.slice(m.end, m.end + 2)) && m.start < 3;
}

export interface Clustered {
  persons: Person[];
  mentions: Mention[];
  /** The person addressed ("you"), when the draft addresses someone. */
  addressee?: number;
  /** The author ("I"), when the draft speaks in the first person. */
  author?: number;
  /** Persons that are organisations or places named after people (St. Jude, Johns Hopkins Hospital). */
  organisations: Set<number>;
  /** Set by the roles step: the draft tells a patient's story (someone in it is a patient), with the cue. */
  story?: { text: string; offset: number };
  /** Paragraphs in which a patient is mentioned. */
  storyParagraphs?: Set<number>;
  kind?: DraftKind;
}

function newPerson(persons: Person[], label: string, named: boolean): Person {
  const p: Person = { id: persons.length, label, named, mentions: [], scores: {}, strong: {}, roles: new Set(), evidence: [] };
  persons.push(p);
  return p;
}

/** Cluster `raw` mentions (sorted by position) into persons. */
export function cluster(text: string, tokens: Token[], raw: RawMention[], kind: DraftKind, names: Map<string, 'm' | 'f'> | undefined, given: (lower: string) => boolean): Clustered {
  const persons: Person[] = [];
  const mentions: Mention[] = [];
  const words = new Map<number, string[][]>();
  const organisations = new Set<number>();
  const reply = kind === 'review-reply' || kind === 'comment-reply';
  const headers = commentHeaders(text).map((h) => h.line);
  const vocatives = raw.filter((m) => vocative(text, m, reply, given));
  const hasVocative = vocatives.length > 0;
  // A thread of replies ("Hi Tricia! … your follow-up", "Great question, Marcus."): two or more people greeted
  // by name. There each "you" is the person greeted last in its paragraph, not one reader for the whole page.
  const threaded = new Set(vocatives.map((m) => nameWords(text.slice(m.start, m.end), m.kind).join(' '))).size >= 2;
  let greeted: { person: Person; paragraph: number } | undefined;
  // The last two people named together ("Daniela and Marco Castellanos"): "they" after them is the pair.
  let pair: { ids: [number, number]; paragraph: number; group?: Person } | undefined;
  // People greeted in a thread are talked about too ("Get well soon, Bea! … she would love to hear from you").
  const greetedIds = new Set<number>();
  const addresseeNeeded = reply || hasVocative || raw.some((m) => m.kind === 'you');
  let addressee: Person | undefined;
  if (addresseeNeeded) {
    addressee = newPerson(persons, 'the person addressed', false);
    addressee.addressee = true;
  }
  let author: Person | undefined;
  const rolePhraseByHead = new Map<string, Person>();
  const anonymous = new Map<number, Person>();
  // Name word → persons using it: a name joins the first person whose name contains it or is contained in it.
  const byWord = new Map<string, number[]>();
  const findByWords = (w: string[]): Person | undefined => {
    const ids = [...new Set(w.flatMap((x) => byWord.get(x) ?? []))].sort((x, y) => x - y);
    for (const id of ids) {
      if (organisations.has(id)) continue;
      if ((words.get(id) ?? []).some((pw) => subset(w, pw) || subset(pw, w))) return persons[id];
    }
    // A short form of a given name ("Sam" after "Dr. Samuel Ortiz") is the same person.
    if (w.length === 1 && w[0].length >= 3) {
      for (const [word, list] of byWord) {
        if (word.length > w[0].length && word.startsWith(w[0])) {
          const id = list.find((x) => !organisations.has(x) && (words.get(x) ?? []).some((pw) => pw[0] === word));
          if (id !== undefined) return persons[id];
        }
      }
    }
    return undefined;
  };
  const attach = (m: RawMention, p: Person) => {
    const full: Mention = { ...m, person: p.id };
    if (m.kind !== 'pronoun' && m.kind !== 'you' && m.kind !== 'author') {
      // "his wife of 58 years, June": the relation word set off before a name says its gender too.
      const set = /\b(\p{L}+)(?:\sof\s\d{1,2}\s(?:years|yrs))?,\s$/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
      noteGender(p, `${set && genderOfMention(set[1]) ? `${set[1]} ` : ''}${text.slice(m.start, m.end)}`);
    }
    p.mentions.push(full);
    mentions.push(full);
    if (m.kind !== 'pronoun' && m.kind !== 'you' && m.kind !== 'author' && m.kind !== 'role-phrase') {
      const t = text.slice(m.start, m.end);
      if (!p.named || t.length > p.label.length) p.label = t.replace(/['’]s$/, '');
      p.named = true;
    }
    return full;
  };
  // What each person's titles, given names and relation words say of their gender, for "he" and "she".
  const genders = new Map<number, Set<'m' | 'f'>>();
  const noteGender = (p: Person, t: string) => {
    const g = genderOfMention(t, names);
    if (!g) return;
    let set = genders.get(p.id);
    if (!set) genders.set(p.id, (set = new Set()));
    set.add(g);
  };
  const fits = (p: number, pronoun: string) => {
    const want = PRONOUN_GENDER[pronoun.toLowerCase().replace(/’/g, "'")];
    const have = genders.get(p);
    return !want || !have || have.size !== 1 || have.has(want);
  };
  // The nearest person mentioned before, in this paragraph or the one before, whom the pronoun can mean.
  // In the pronoun's own sentence that is the nearest such person; across sentences it is the one the text is
  // about (mentioned most so far), so "her daughter, Marisol" does not take over the story's "she".
  // An object pronoun never means the subject of its own clause ("Dr. Kessler had him stabilized"): `clause`,
  // where the subject is the mention that opens it.
  const lastReferent = (before: number, paragraph: number, pronoun: string, sentence: number, clause?: number): Mention | undefined => {
    let candidates: Mention[] = [];
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i];
      if (m.start >= before) continue;
      if (tokens[m.first].paragraph < paragraph - 1) break;
      // "Ken Adeyemi, MD · July 9 / He taught me…": a comment's writer is not the "he" the comment is about.
      if (inRanges(headers, m.start)) continue;
      // The subject opens its clause ("Dr. Kessler and the crew had him…"); "about the boy … whose mom sang to him" does not.
      if (clause !== undefined && tokens[m.last].clause === clause && (m.first === 0 || tokens[m.first - 1].clause !== clause)) continue;
      if ((REFERENT.has(m.kind) || persons[m.person].anonymous) && !organisations.has(m.person) && (!persons[m.person].addressee || greetedIds.has(m.person)) && fits(m.person, pronoun)) {
        if (!candidates.some((c) => c.person === m.person)) candidates.push(m);
      }
    }
    if (!candidates.length) return undefined;
    if (tokens[candidates[0].first].sentence === sentence) return candidates[0];
    // Someone known only as "she" in an earlier paragraph does not outweigh a person named in this one.
    if (candidates.some((c) => !persons[c.person].anonymous && tokens[c.first].paragraph === paragraph)) {
      candidates = candidates.filter((c) => !persons[c.person].anonymous || tokens[c.first].paragraph === paragraph);
    }
    const weight = (p: number) => persons[p].mentions.length;
    return candidates.reduce((best, c) => (weight(c.person) > weight(best.person) ? c : best));
  };
  for (const m of raw) {
    const t = text.slice(m.start, m.end);
    if (m.kind === 'you') {
      if (threaded && greeted && greeted.paragraph === tokens[m.first].paragraph) attach(m, greeted.person);
      else if (addressee) attach(m, addressee);
      continue;
    }
    if (m.kind === 'author') {
      author ??= newPerson(persons, 'the author', false);
      attach(m, author);
      continue;
    }
    if (m.kind === 'pronoun') {
      if (pair && PLURAL_PRONOUN.test(t) && tokens[m.first].paragraph - pair.paragraph <= 1) {
        if (!pair.group) {
          pair.group = newPerson(persons, `${persons[pair.ids[0]].label} and ${persons[pair.ids[1]].label}`, false);
          pair.group.members = [...pair.ids];
        }
        attach(m, pair.group);
        continue;
      }
      const object = /^(?:him|them)$/i.test(t) || (/^her$/i.test(t) && !m.possessive);
      const ref = lastReferent(m.start, tokens[m.first].paragraph, t, tokens[m.first].sentence, object ? tokens[m.first].clause : undefined);
      // "Amara leads a team of specialists who help kids understand their care": a "they" after a plural noun
      // in its own sentence means the plural, not the person named before it, and no one the draft follows.
      if (/^(?:they|them|their|theirs|they['’]re)$/i.test(t) && PLURAL_BEFORE.test(text.slice(Math.max(ref && tokens[ref.first].sentence === tokens[m.first].sentence ? ref.end : 0, m.start - 80), m.start))) continue;
      if (ref) attach(m, persons[ref.person]);
      else {
        // "Her daughter asked…", "his cell": someone the draft never names is still someone.
        const para = tokens[m.first].paragraph;
        let anon = anonymous.get(para);
        if (!anon) {
          anon = newPerson(persons, `the person called "${t.toLowerCase()}"`, false);
          anon.anonymous = true;
          anonymous.set(para, anon);
        }
        attach(m, anon);
      }
      continue;
    }
    const w0 = nameWords(t, m.kind);
    const known = m.kind !== 'family' && w0.length ? findByWords(w0) : undefined;
    if (threaded && vocatives.includes(m)) {
      const p = known ?? newPerson(persons, t, true);
      p.addressee = true;
      if (!known) {
        words.set(p.id, [w0]);
        for (const x of w0) byWord.set(x, [...(byWord.get(x) ?? []), p.id]);
      }
      attach(m, p);
      greeted = { person: p, paragraph: tokens[m.first].paragraph };
      greetedIds.add(p.id);
      continue;
    }
    // Outside a reply only a greeting near the top addresses the reader ("Happy 100th, Rose!"); a section
    // heading further down ("Thank you, Albrecht family") thanks someone without making them every "you".
    if (addressee && !known && (reply || m.start < 300) && vocative(text, m, reply, given)) {
      attach(m, addressee);
      addressee.named = true;
      continue;
    }
    if (m.kind === 'role-phrase') {
      const head = t.toLowerCase().split(/\s+/).pop()!.replace(/['’]s$/, '');
      // A description right before or after a name is that person ("our patient Ana Ruiz", "Ana, a 72-year-old").
      const prev = mentions[mentions.length - 1];
      if (prev && REFERENT.has(prev.kind) && prev.kind !== 'role-phrase' && m.first - prev.last <= 2 && /^[\s,]*$/.test(text.slice(prev.end, m.start).replace(/['’]s/, ''))) {
        attach(m, persons[prev.person]);
        continue;
      }
      const same = /^(?:the|our|my|this|that)\s/i.test(t) ? rolePhraseByHead.get(head) : undefined;
      const p = same ?? newPerson(persons, t.replace(/['’]s$/, ''), false);
      if (!same && /^(?:the|our|my|this|that)\s/i.test(t)) rolePhraseByHead.set(head, p);
      attach(m, p);
      continue;
    }
    const w = nameWords(t, m.kind);
    // Organisations and places named after people are not persons at all.
    if (m.kind === 'name' && (namesPlace(t, given) || ORG_AFTER.test(text.slice(m.end, m.end + 40)) || ORG_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)))) {
      const p = newPerson(persons, t, true);
      organisations.add(p.id);
      attach(m, p);
      continue;
    }
    let target: Person | undefined = m.kind !== 'family' && w.length ? findByWords(w) : undefined;
    // A description just before the name is the same person ("a 45-year-old woman, Maria").
    const prev = mentions[mentions.length - 1];
    // So is one after a short place phrase: "our new patient in the Cedar Hills area, Mr. Odell Winfrey".
    if (!target && prev?.kind === 'role-phrase' && (m.first - prev.last <= 2 ? /^[\s,]*$/ : BRIDGE).test(text.slice(prev.end, m.start))) target = persons[prev.person];
    target ??= newPerson(persons, t, true);
    words.set(target.id, [...(words.get(target.id) ?? []), w]);
    for (const x of w) {
      let ids = byWord.get(x);
      if (!ids) byWord.set(x, (ids = []));
      if (!ids.includes(target.id)) ids.push(target.id);
    }
    attach(m, target);
    // "Daniela and Marco Castellanos", "Kristen & Matt": two people named together.
    const before = mentions[mentions.length - 2];
    if (before && before.person !== target.id && REFERENT.has(before.kind) && before.kind !== 'role-phrase' && !organisations.has(before.person) && /^\s(?:and|&)\s$/.test(text.slice(before.end, m.start))) {
      pair = { ids: [before.person, target.id], paragraph: tokens[m.first].paragraph };
    }
  }
  return { persons, mentions: mentions.sort((a, b) => a.start - b.start), addressee: addressee?.id, author: author?.id, organisations, kind };
}
