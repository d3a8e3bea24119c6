// Owners: each date, age, place, contact detail and id is attached to the person, event or organisation it describes.
import type { Range } from '../document/sentences.js';
import { followedBy, type EvidenceModel } from './evidence.js';
import { inRanges } from './furniture.js';
import { mentionsIn, nearestInClause } from './roles.js';
import { tokenSpan } from './tokens.js';
import type { Clustered } from './persons.js';
import { STORY_KINDS, type Evidence, type Mention, type Owner, type Person, type Role, type Token } from './types.js';

const CONTACT = new Set(['phone', 'fax', 'email', 'url']);
const KNOWN_ROLES: ReadonlySet<string> = new Set(['patient', 'relative', 'staff', 'volunteer', 'donor', 'public', 'organisation', 'author']);

/** Anchor cues found once per draft: where the organisation, events and care events are mentioned. */
export interface Anchors {
  organisation: { a: number; b: number; text: string; offset: number }[];
  event: { a: number; b: number; text: string; offset: number }[];
  care: { a: number; b: number; text: string; offset: number }[];
  contact: { a: number; b: number; text: string; offset: number }[];
  /** The anchors of each kind per sentence ("care12"), for lookups near one identifier. */
  bySentence: Map<string, { a: number; b: number; text: string; offset: number }[]>;
}

export function findAnchors(text: string, tokens: Token[], model: EvidenceModel): Anchors {
  const out: Anchors = { organisation: [], contact: [], event: [], care: [], bySentence: new Map() };
  for (const k of ['organisation', 'contact', 'event', 'care'] as const) {
    for (const re of model.owners[k]) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (k === 'care' && followedBy(model.notPatient, text, m.index + m[0].length)) continue;
        const span = tokenSpan(tokens, m.index, m.index + m[0].length);
        if (!span) continue;
        const x = { a: span[0], b: span[1], text: m[0], offset: m.index };
        out[k].push(x);
        const key = `${k}${tokens[span[0]].sentence}`;
        let list = out.bySentence.get(key);
        if (!list) out.bySentence.set(key, (list = []));
        list.push(x);
      }
    }
  }
  return out;
}

/** Whether a person is mentioned in a paragraph where the draft's patient is too (a long list of names elsewhere is not). */
function nearStory(p: Person, c: Clustered): boolean {
  return c.storyParagraphs !== undefined && p.mentions.some((m) => c.storyParagraphs!.has(m.paragraph ?? -1));
}

/** Roles of a person that count for an identifier: a relative counts when related to a patient. */
export function countingRoles(p: Person, c: Clustered): Role[] {
  if (p.id === c.author) return ['author'];
  // "You" in a general post is every reader, not one person: only a reply or a named addressee is someone.
  if (p.addressee && !p.named && !p.roles.has('patient')) return [...p.roles].filter((r) => r !== 'patient');
  const roles = [...p.roles];
  // In a patient's story, a named person nothing else is said of is taken as the patient or family:
  // for PHI a miss costs more than a false alarm. Articles, events, jobs and donor lists have no such default.
  if (p.named && !p.addressee && c.story && STORY_KINDS.has(c.kind ?? 'post') && !roles.some((r) => KNOWN_ROLES.has(r)) && nearStory(p, c)) return ['patient'];
  if (p.roles.has('relative') && !relativeOfPatient(p, c.persons, c.author)) return roles.filter((r) => r !== 'relative');
  return roles;
}

/** Whether a relative is a patient's: the person they are related to is a patient, or, when unknown, anyone is. */
export function relativeOfPatient(p: Person, persons: readonly Person[], author?: number): boolean {
  const of = p.relativeOf !== undefined ? persons[p.relativeOf] : undefined;
  return of ? of.roles.has('patient') : persons.some((x) => x.roles.has('patient') && x.id !== author);
}

function personOwner(p: Person, c: Clustered, extra: Evidence[] = [], coarse = false): Owner {
  // "a stranger who collapsed earlier this month": a coarse period dates nobody who is not named.
  if (coarse && !p.named && !p.addressee) return { kind: 'none', roles: [], evidence: [] };
  return { kind: p.roles.has('organisation') ? 'organisation' : 'person', person: p, roles: countingRoles(p, c), evidence: [...p.evidence.filter((e) => e.weight > 0), ...extra] };
}

const distance = (a: number, b: number, x: { a: number; b: number }) => (x.b < a ? a - x.b : x.a > b ? x.a - b : 0);

/** "every Sunday", "each Tuesday afternoon", "on the first Saturday of every month": a schedule, nobody's day of care. */
const RECURRING_BEFORE = /\b(?:(?:every|each|most|all|on alternate|alternate)\s(?:other\s)?|(?:every|each)\s(?:other\s)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|day|morning|afternoon|evening|night|weekday|weekend)\b[^.!?\n]{0,20})$/i;
const RECURRING_AFTER = /^\s(?:of\s(?:every|each)\s(?:month|week|year)|(?:each|every|a|per)\s(?:week|month|year)|weekly|monthly|(?:morning\s|afternoon\s|evening\s|night\s)?(?:visits|classes|sessions|meetings|rounds|clinics|hours|walks|groups|services))\b/i;
/** A period too coarse to date anybody's care on its own ("this week", "earlier this month", "last year"). */
const COARSE = /^(?:(?:earlier|later)\s)?(?:this|last|next)\s(?:week|weekend|month|year|season|spring|summer|fall|autumn|winter)$/i;

/**
 * The owner of the identifier at `range`. Names are their own person; any other detail belongs to the
 * nearest person, event or organisation in its clause, then its sentence; a care date with nobody named
 * belongs to the patient of that care event.
 */
export function ownerOf(range: Range, type: string, text: string, tokens: Token[], c: Clustered, anchors: Anchors, furniture: Range[]): Owner {
  if (inRanges(furniture, range.start)) return { kind: 'organisation', roles: ['organisation'], evidence: [{ text: 'page furniture', offset: range.start, why: 'page furniture', weight: 0 }] };
  const span = tokenSpan(tokens, range.start, range.end);
  if (!span) return { kind: 'none', roles: [], evidence: [] };
  const [a, b] = span;
  const sentence = tokens[a].sentence;
  const coarse = type === 'date' && COARSE.test(text.slice(range.start, range.end).trim());
  if (type === 'date' && (RECURRING_BEFORE.test(text.slice(Math.max(0, range.start - 50), range.start)) || RECURRING_AFTER.test(text.slice(range.end, range.end + 30)))) {
    return { kind: 'event', roles: [], evidence: [{ text: text.slice(range.start, range.end), offset: range.start, why: 'a schedule', weight: 1 }] };
  }
  // A place that looks like a name ("Lake County", "County Road 12") is the place itself, not an owner.
  const inside = mentionsIn(tokens, c.mentions, 'sentence', sentence).find((m) => m.kind !== 'pronoun' && m.kind !== 'you' && m.kind !== 'author' && m.start < range.end && range.start < m.end && (type === 'name' || !c.organisations.has(m.person)));
  // "in her 90s", "your 3/14 visit": a pronoun inside the identifier says whose it is.
  const pronoun = inside ? undefined : mentionsIn(tokens, c.mentions, 'sentence', sentence).find((m) => (m.kind === 'pronoun' || m.kind === 'you') && m.start >= range.start && m.end <= range.end);
  if (pronoun && !(pronoun.kind === 'you' && !c.persons[pronoun.person].named && !c.persons[pronoun.person].roles.has('patient'))) return personOwner(c.persons[pronoun.person], c);
  if (inside) {
    const p = c.persons[inside.person];
    const o = personOwner(p, c);
    if (c.story && o.roles.includes('patient') && !p.roles.has('patient')) o.evidence.push({ text: c.story.text, offset: c.story.offset, why: 'the story of a patient', weight: 1 });
    return o;
  }
  // "Mrs. Alma Sievers on Ridgeview Drive", "Opal, from outside Kettle Falls": a place joined to a person by a
  // preposition is where that person lives or comes from, whatever event follows.
  if (type === 'geo' && a >= 2 && /^(?:on|from|of|in|at)$/.test(tokens[a - 1].lower)) {
    const before = mentionsIn(tokens, c.mentions, 'sentence', sentence).find((m) => m.last === a - 2 && m.kind !== 'you' && m.kind !== 'author' && !c.organisations.has(m.person));
    if (before) return personOwner(c.persons[before.person], c);
  }
  // The author tells the story; a detail in a sentence about someone else is that person's.
  const others = mentionsIn(tokens, c.mentions, 'sentence', sentence).some((m) => m.person !== c.author && tokens[m.first].sentence === tokens[a].sentence && !(m.kind === 'you' && !c.persons[m.person].named));
  // A number or address given to "you" ("call 555-0121", "talk with you: 555-0139") is one the reader is to
  // use; only "your cell, 555-…" makes it the reader's own.
  // "We tried to reach you at rdmiller1961@…": "you" as the one reached makes it theirs too.
  const yours = (m: Mention) => (m.possessive && m.last < a && a - m.last <= 4)
    || (m.last < a && /^(?:reach|call|text|email|e-mail|contact|phone|called|texted|emailed|reached|contacted|phoned)$/.test(tokens[m.first - 1]?.lower ?? '') && /^(?:at|on|via)$/.test(tokens[m.last + 1]?.lower ?? ''));
  const usable = (m: Mention) => !c.organisations.has(m.person) && !(m.kind === 'you' && !c.persons[m.person].named && !c.persons[m.person].roles.has('patient'))
    && !(m.kind === 'you' && CONTACT.has(type) && !yours(m)) && !(others && m.person === c.author);
  for (const scope of ['clause', 'sentence'] as const) {
    const same = (t: Token) => (scope === 'clause' ? t.clause === tokens[a].clause : t.sentence === tokens[a].sentence);
    const person = scope === 'clause' ? nearestInClause(tokens, c.mentions, a, b, usable) : nearestInSentence(tokens, c.mentions, a, b, usable);
    const pd = person ? distance(a, b, { a: person.first, b: person.last }) : Infinity;
    const nearest = (kind: 'organisation' | 'contact' | 'event' | 'care') => {
      let best: Anchors['event'][number] | undefined;
      let d = Infinity;
      for (const x of anchors.bySentence.get(`${kind}${sentence}`) ?? []) {
        if (!same(tokens[x.a]) || (x.a >= a && x.b <= b)) continue;
        const dx = distance(a, b, x);
        if (dx < d) [best, d] = [x, dx];
      }
      return { best, d };
    };
    const strongOrg = nearest('organisation');
    const contactWord = nearest('contact');
    // "hit the call light": a bare contact word says whose a phone or email is, nothing else.
    const org = strongOrg.best || person || !CONTACT.has(type) ? strongOrg : contactWord;
    const event = nearest('event');
    const care = nearest('care');
    // Contact details next to "call us", "our office" belong to the organisation unless a person is closer.
    if (CONTACT.has(type) && org.best && org.d <= pd) return { kind: 'organisation', roles: ['organisation'], evidence: [{ text: org.best.text, offset: org.best.offset, why: 'the organisation', weight: 1 }] };
    if (type === 'date' && care.best && care.d <= event.d + 1) {
      const careEv: Evidence = { text: care.best.text, offset: care.best.offset, why: 'a care event', weight: 1 };
      // The date of a care event is the patient's, even when the clinician who gave the care is nearer.
      const patient = scope === 'clause'
        ? nearestInClause(tokens, c.mentions, a, b, (m) => usable(m) && c.persons[m.person].roles.has('patient'))
        : nearestInSentence(tokens, c.mentions, a, b, (m) => usable(m) && c.persons[m.person].roles.has('patient'));
      if (patient) return personOwner(c.persons[patient.person], c, [careEv], coarse);
      const topic = paragraphPatient(tokens, c, a);
      if (person && !c.persons[person.person].roles.has('staff') && c.persons[person.person].id !== c.author) return personOwner(c.persons[person.person], c, [careEv], coarse);
      if (topic) return personOwner(topic, c, [careEv], coarse);
      // Nobody named: a precise day or time of a care event dates the patient's care; "this week" dates nobody.
      if (!person && scope === 'clause' && !coarse) return { kind: 'person', roles: ['patient'], evidence: [careEv] };
    }
    if (event.best && event.d < pd && type !== 'age') return { kind: 'event', roles: [], evidence: [{ text: event.best.text, offset: event.best.offset, why: 'an event', weight: 1 }] };
    if (org.best && org.d < pd && type !== 'age') return { kind: 'organisation', roles: ['organisation'], evidence: [{ text: org.best.text, offset: org.best.offset, why: 'the organisation', weight: 1 }] };
    // "Dr. Achterberg sat with us in Room 4112": a room or bed is the patient's, not the clinician's who came to it.
    if (person && type === 'other-id' && (c.persons[person.person].roles.has('staff') || person.person === c.author)) {
      const topic = paragraphPatient(tokens, c, a);
      if (topic) return personOwner(topic, c);
    }
    if (person) return personOwner(c.persons[person.person], c, [], coarse);
  }
  // "Updates at caringbridge.org/visit/…": a link in a sentence that names nobody is the paragraph's patient's.
  if (type === 'url' && !mentionsIn(tokens, c.mentions, 'sentence', sentence).some((m) => m.kind !== 'author')) {
    const topic = paragraphPatient(tokens, c, a);
    if (topic) return personOwner(topic, c);
  }
  // A detail nobody in its sentence owns, in a patient's story, next to care words: the patient's.
  if (c.story && STORY_KINDS.has(c.kind ?? 'post') && type !== 'phone' && type !== 'email' && type !== 'url' && type !== 'fax') {
    const care = anchors.bySentence.get(`care${sentence}`)?.[0];
    if (care) return { kind: 'none', roles: ['patient'], evidence: [{ text: c.story.text, offset: c.story.offset, why: 'the story of a patient', weight: 1 }, { text: care.text, offset: care.offset, why: 'a care event', weight: 1 }] };
  }
  return { kind: 'none', roles: [], evidence: [] };
}

/** The patient last mentioned in the paragraph of token `a`, if any. */
function paragraphPatient(tokens: Token[], c: Clustered, a: number): Person | undefined {
  const para = tokens[a].paragraph;
  let found: Person | undefined;
  // Mentions are sorted: start from the paragraph's first token.
  let lo = 0;
  let hi = c.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[c.mentions[mid].first].paragraph < para) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < c.mentions.length; i++) {
    const m = c.mentions[i];
    if (tokens[m.first].paragraph !== para) break;
    if (m.first > a && found) break;
    const p = c.persons[m.person];
    if (p.roles.has('patient') && p.id !== c.author && !(p.addressee && !p.named)) found = p;
  }
  return found;
}

function nearestInSentence(tokens: Token[], mentions: Mention[], a: number, b: number, ok: (m: Mention) => boolean): Mention | undefined {
  const sentence = tokens[a].sentence;
  let best: Mention | undefined;
  let bestDist = Infinity;
  for (const m of mentionsIn(tokens, mentions, 'sentence', sentence)) {
    if (!ok(m) || (m.first <= b && m.last >= a)) continue;
    const d = m.last < a ? a - m.last : m.first - b + 0.5;
    if (d < bestDist) [best, bestDist] = [m, d];
  }
  return best;
}
