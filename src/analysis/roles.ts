// Roles per person: weighted evidence that is about that person (same clause, apposition, possessive, object).
import type { Range } from '../document/sentences.js';
import { followedBy, type EvidenceModel, type RoleCue } from './evidence.js';
import { inRanges } from './furniture.js';
import { tokenSpan } from './tokens.js';
import type { Clustered } from './persons.js';
import { REPLY_KINDS, ROLES, STORY_KINDS, type Evidence, type Mention, type Person, type Role, type Token } from './types.js';
import { finds } from '../document/search.js';

const NEGATION = new Set(['not', 'no', 'never', "n't", 'without', 'non', "isn't", "wasn't", "aren't", "weren't", 'isn’t', 'wasn’t', 'nor', 'neither']);
const REFERENT: ReadonlySet<Mention['kind']> = new Set(['name', 'handle', 'hashtag', 'family', 'initials', 'role-phrase']);
/** Words that cannot stand inside a possessed noun phrase ("her second round of chemo" keeps "of"). */
const NOT_IN_PHRASE = new Set(['include', 'includes', 'including', 'included', 'are', 'were', 'between', 'with', 'at', 'in', 'on', 'to', 'from', 'for', 'into', 'about', 'across', 'through', 'and', 'or', 'but', 'as', 'than', 'like', 'by']);
/** What a person's work is called: what follows it in their sentence is their work, not their health. */
const WORK_NOUNS = new Set(['interests', 'interest', 'research', 'specialty', 'specialties', 'expertise', 'work', 'practice', 'career', 'focus', 'training', 'residency', 'fellowship', 'patients', 'team', 'clinic', 'lab', 'studies', 'study', 'book', 'lecture', 'talk', 'department', 'program', 'unit']);
/** Titles a name mention may begin with. */
const TITLE = /^(?:Dr|Drs|Doctor|Nurse|Prof|Professor|Rev|Reverend|Pastor|Chaplain|Father|Sister|Mayor|Sen|Senator|Rep|Gov|Governor|President|Officer|Coach|Judge|Chief|Commissioner|Councilman|Councilwoman|Sgt|Capt|Lt)\.?$/;

/** How many tokens before or after a mention its title or apposition may stand. */
const BEFORE_TOKENS = 5;
const AFTER_TOKENS = 14;

/** Words that may stand between a care word and the group it describes ("more than 3,000", "newly", "of our"). */
const GROUP_FILLER = /^(?:more|than|over|nearly|almost|about|around|roughly|some|many|most|several|hundreds|thousands|dozens|millions|of|newly|recently|new|local|young|younger|older|other|our|their|the|these|those|all|every|a|few|\d[\d,.]*\+?)$/;
/** Words between a group and a care word said of it ("men are diagnosed", "patients who were admitted"). */
const GROUP_LINK = /^(?:are|were|is|was|be|been|being|get|got|gets|getting|who|that|which|often|usually|typically|still|now|first|later|newly|recently)$/;

/**
 * Whether the care word at tokens [a, b] describes a group of people rather than anyone mentioned:
 * "delivered more than 3,000 babies", "900 newly diagnosed patients", "why Black men are diagnosed".
 */
function aboutGroup(tokens: Token[], a: number, b: number, groups: ReadonlySet<string>): boolean {
  for (let i = b + 1; i < Math.min(tokens.length, b + 6) && tokens[i].clause === tokens[b].clause; i++) {
    if (groups.has(tokens[i].lower)) return true;
    if (!GROUP_FILLER.test(tokens[i].lower)) break;
  }
  // Before the care word only through a verb or "who" ("men are diagnosed"): "patients treated here was Walter" is not.
  for (let i = a - 1; i >= Math.max(0, a - 4) && tokens[i].clause === tokens[a].clause; i--) {
    if (i < a - 1 && groups.has(tokens[i].lower)) return true;
    if (!GROUP_LINK.test(tokens[i].lower)) break;
  }
  return false;
}

/** Words after "her" that make it an object ("caring for her and…"), not a possessor ("her kids"). */
const NOT_AFTER_POSSESSOR = new Set(['and', 'or', 'but', 'to', 'at', 'in', 'on', 'for', 'with', 'from', 'through', 'during', 'after', 'before', 'since', 'until', 'today', 'tonight', 'yesterday', 'last', 'this', 'so', 'very', 'when', 'while', 'as', 'like', 'back', 'again', 'here', 'there', 'home', 'up', 'out', 'every']);
/** Whether the "her" at token `i` owns the word after it ("her kids") rather than being an object ("for her."). */
function possessorOfNext(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && next.clause === tokens[i].clause && /^[\p{L}]/u.test(next.lower) && !NOT_AFTER_POSSESSOR.has(next.lower);
}

/** "not a patient", "never admitted", "wasn't discharged": a negation right before the cue (or before its auxiliary). */
function negated(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  const prev2 = tokens[first - 2];
  if (!prev || prev.clause !== tokens[first].clause) return false;
  if (NEGATION.has(prev.lower) || /n['’]t$/.test(prev.lower)) return true;
  return !!prev2 && prev2.clause === prev.clause && /^(?:not|never)$|n['’]t$/.test(prev2.lower) && /^(?:been|be|a|an|the|yet|ever|once)$/.test(prev.lower);
}

/** Add evidence for `role` to `p`: its weight to the score, and to the strong, care and own tallies the cue's flags name. */
function credit(p: Person, cue: Pick<RoleCue, 'role' | 'strong' | 'care' | 'own'>, text: string, offset: number, weight: number) {
  p.scores[cue.role] = (p.scores[cue.role] ?? 0) + weight;
  if (cue.strong) p.strong[cue.role] = (p.strong[cue.role] ?? 0) + weight;
  if (cue.care) p.care = (p.care ?? 0) + weight;
  if (cue.strong && cue.own) p.owned = (p.owned ?? 0) + weight;
  p.evidence.push({ text, offset, why: cue.role, weight });
}
/** Strong patient evidence the model infers rather than reads from a cue list; `CARED_FOR` also says in our care. */
const INFERRED_PATIENT = { role: 'patient', strong: true, care: false, own: false } as const;
const CARED_FOR = { ...INFERRED_PATIENT, care: true } as const;

const byUnit = new WeakMap<Mention[], Map<string, Mention[]>>();
/** Mentions grouped by clause and by sentence, built once per list (long drafts have thousands). */
export function mentionsIn(tokens: Token[], mentions: Mention[], unit: 'clause' | 'sentence', n: number): Mention[] {
  let index = byUnit.get(mentions);
  if (!index) {
    index = new Map();
    for (const m of mentions) {
      for (const key of new Set([`c${tokens[m.first].clause}`, `c${tokens[m.last].clause}`, `s${tokens[m.first].sentence}`])) {
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push(m);
      }
    }
    byUnit.set(mentions, index);
  }
  return index.get(`${unit === 'clause' ? 'c' : 's'}${n}`) ?? [];
}

/** The mention nearest to tokens [a, b] in the same clause (ties go to the one before: the subject). */
export function nearestInClause(tokens: Token[], mentions: Mention[], a: number, b: number, ok: (m: Mention) => boolean = () => true): Mention | undefined {
  let best: Mention | undefined;
  let bestDist = Infinity;
  for (const m of mentionsIn(tokens, mentions, 'clause', tokens[a].clause)) {
    if (!ok(m) || (m.first <= b && m.last >= a)) continue;
    const d = m.last < a ? a - m.last : m.first - b + 0.5;
    if (d < bestDist) [best, bestDist] = [m, d];
  }
  return best;
}

/** Add the evidence of `model` to the persons of `c`, then decide each person's roles. */
export function assignRoles(text: string, tokens: Token[], c: Clustered, model: EvidenceModel, furniture: Range[]): void {
  const { persons, mentions } = c;
  const refs = mentions.filter((m) => !c.organisations.has(m.person));
  const byLast = new Map<number, Mention>();
  const byFirst = new Map<number, Mention>();
  for (const m of refs) {
    if (m.possessive) byLast.set(m.last, m);
    if (!byFirst.has(m.first)) byFirst.set(m.first, m);
  }
  for (const cue of model.cues) {
    if (cue.attach === 'before' || cue.attach === 'after') {
      for (const m of refs) {
        // "He was my patient", "she's a patient": a pronoun takes an apposition only through a verb "to be".
        const pronoun = m.kind === 'pronoun' && !m.possessive && cue.attach === 'after';
        if ((!REFERENT.has(m.kind) && !pronoun) || inRanges(furniture, m.start)) continue;
        const p = persons[m.person];
        if (cue.attach === 'before') {
          const from = tokens[Math.max(0, m.first - BEFORE_TOKENS)];
          let start = from.start;
          // Only within the mention's sentence: a title never crosses a sentence end.
          for (let i = m.first - 1; i >= Math.max(0, m.first - BEFORE_TOKENS); i--) {
            if (tokens[i].sentence !== tokens[m.first].sentence) break;
            start = tokens[i].start;
          }
          // A title inside the mention ("Dr. Sato", "Nurse Ana") is a cue before the name itself.
          const own = m.last > m.first ? text.slice(m.start, tokens[m.first].end) : '';
          const window = text.slice(start, m.start) + (TITLE.test(own) ? own + ' ' : '');
          for (const re of cue.regexes) {
            const hit = re.exec(window);
            if (!hit) continue;
            // The cue starts at its first letter (the regex may have matched the character before it).
            const at = start + hit.index + (/^[^\p{L}\p{N}]*/u.exec(hit[0])?.[0].length ?? 0);
            const first = tokenSpan(tokens, at, at + 1)?.[0] ?? m.first;
            credit(p, cue, hit[0].trim(), at, negated(tokens, first) ? -cue.weight : cue.weight);
            if (cue.role === 'relative') linkRelative(tokens, mentions, p, first);
            break;
          }
        } else {
          let end = m.end;
          for (let i = m.last + 1; i <= Math.min(tokens.length - 1, m.last + AFTER_TOKENS); i++) {
            if (tokens[i].sentence !== tokens[m.last].sentence) break;
            end = tokens[i].end;
          }
          const window = text.slice(m.end, end);
          for (const re of cue.regexes) {
            const hit = re.exec(window);
            if (!hit || (pronoun && !/^[\s,]*(?:who\s)?(?:is|was)\s/i.test(hit[0]) && !(/['’]s$/i.test(text.slice(m.start, m.end)) && /^\s/.test(hit[0]))) || followedBy(cue.unless, text, m.end + hit.index + hit[0].length)) continue;
            // "Ana Ruiz is not a patient": a negation inside the apposition turns the cue around.
            const weight = /\b(?:not|never)\b/i.test(hit[0]) ? -cue.weight : cue.weight;
            credit(p, cue, hit[0].replace(/^[\s,'’s]+/, '').trim(), m.end + hit.index, weight);
            if (cue.role === 'relative') {
              const poss = mentionsIn(tokens, mentions, 'sentence', tokens[m.last].sentence).find((x) => x.possessive && x.start >= m.end && x.end <= m.end + hit[0].length && x.person !== m.person);
              if (poss) p.relativeOf = poss.person;
            }
            break;
          }
        }
      }
      continue;
    }
    for (const re of cue.regexes) {
      re.lastIndex = 0;
      for (const hit of text.matchAll(re)) {
        if (inRanges(furniture, hit.index) || followedBy(cue.unless, text, hit.index + hit[0].length)) continue;
        const span = tokenSpan(tokens, hit.index, hit.index + hit[0].length);
        if (!span) continue;
        const [a, b] = span;
        let target: Mention | undefined;
        // The author is the clinician telling the story: care words in their sentence are about the person cared for.
        if (cue.attach === 'clause' && cue.role === 'patient' && aboutGroup(tokens, a, b, model.groupNouns)) continue;
        // "were delivered by him": the person right after "by" gave the care (not "came in by ambulance").
        const agent = tokens[b + 1]?.lower === 'by' ? b + 2 : -1;
        if (cue.attach === 'clause') {
          target = nearestInClause(tokens, refs, a, b, (m) => (cue.role !== 'patient' || m.person !== c.author) && m.first !== agent);
          if (!target && cue.role === 'patient' && cue.strong) target = noteSubject(tokens, refs, a);
        } else if (cue.attach === 'possessed') {
          for (let i = a - 1; i >= Math.max(0, a - 4) && !target; i--) {
            if (!/[\p{L}\p{N}]/u.test(tokens[i].lower) && tokens[i].lower !== '-') break;
            // "his time between urgent care and…": a preposition or joint ends the possessed phrase.
            if (NOT_IN_PHRASE.has(tokens[i].lower)) break;
            target = byLast.get(i);
            // "His interests include asthma", "her research on diabetes": a clinician's work is not their health.
            if (target && WORK_NOUNS.has(tokens[i + 1]?.lower ?? '')) {
              target = undefined;
              break;
            }
            // "her husband's death": a nearer possessor that is no person we know owns it.
            if (!target && /['’]s$/.test(tokens[i].lower)) break;
          }
        } else {
          for (let i = b + 1; i <= Math.min(tokens.length - 1, b + 3) && !target; i++) {
            // "delivered by him" is passive: the person after "by" gave the care.
            if (tokens[i].clause !== tokens[b].clause || tokens[i].lower === 'by') break;
            target = byFirst.get(i);
            // "care for their children": a possessor is not the one cared for.
            if (target?.possessive && !(tokens[target.last].lower === 'her' && !possessorOfNext(tokens, target.last))) {
              target = undefined;
              break;
            }
          }
        }
        if (!target) continue;
        credit(persons[target.person], cue, hit[0], hit.index, negated(tokens, a) ? -cue.weight : cue.weight);
      }
    }
  }
  coordinate(text, tokens, c);
  listLeadIns(text, tokens, c, model);
  // A clinician writing in the first person about someone they describe ("the guy in bed 7", "this sweet
  // 94 y/o lady on my hall") is describing a patient.
  const clinician = c.author !== undefined && model.clinicianAuthor.some((re) => finds(re, text));
  residentsOfHome(text, tokens, c, model);
  for (const p of persons) {
    if (clinician && !p.named && !p.addressee && p.id !== c.author && p.mentions.some((m) => m.kind === 'role-phrase') && !(p.strong.staff ?? 0)) {
      const phrase = p.mentions.find((m) => m.kind === 'role-phrase')!;
      credit(p, INFERRED_PATIENT, text.slice(phrase.start, phrase.end), phrase.start, 2);
    }
    // A description whose head noun is "patient" or "resident" is a patient by what it says.
    const phrase = p.mentions.find((m) => m.kind === 'role-phrase');
    if (phrase) {
      const head = text.slice(phrase.start, phrase.end).toLowerCase().replace(/['’]s$/, '').split(/\s+/).pop()!;
      if (model.roleNouns.patient.some((n) => n.toLowerCase() === head)) {
        credit(p, INFERRED_PATIENT, text.slice(phrase.start, phrase.end), phrase.start, 3);
      }
    }
    if (p.addressee) p.roles.add('reviewer');
    if (c.organisations.has(p.id)) p.roles.add('organisation');
    if (p.id === c.author) p.roles.add('author');
    // Weak evidence (a health word in the clause) makes a patient only in a draft that tells someone's story.
    // "your grandfather" in a reply is one particular person, as much as a name is.
    const reply = REPLY_KINDS.has(c.kind ?? 'post');
    decide(p, model.threshold, STORY_KINDS.has(c.kind ?? 'post'), reply, reply && readersKin(text, p) !== undefined);
  }
  // "Daniela and Marco… their diagnosis": what "they" are, each of them is.
  // And what one of them is as a patient or a patient's family, "their house" is too.
  for (const g of persons) {
    const members = (g.members ?? []).map((id) => persons[id]);
    for (const p of members) {
      for (const r of g.roles) {
        if (r === 'reviewer' || r === 'author' || r === 'organisation' || p.roles.has(r)) continue;
        p.roles.add(r);
        p.evidence.push(...g.evidence.filter((e) => e.why === r));
      }
    }
    for (const r of ['patient', 'relative'] as const) {
      const from = members.find((p) => p.roles.has(r));
      if (from && !g.roles.has(r)) {
        g.roles.add(r);
        g.evidence.push(...from.evidence.filter((e) => e.why === r));
      }
    }
  }
  // "taking care of your mom": the person addressed is a patient's relative, and their name or handle says whose care it was.
  for (const p of persons) {
    const kin = readersKin(text, p);
    if (!kin || !p.roles.has('patient')) continue;
    // In a thread of replies, the "your" of the phrase is the person that reply addresses.
    const your = mentions.find((m) => m.kind === 'you' && m.start >= kin.start && m.end <= kin.end);
    const addressee = (your && persons[your.person].addressee ? persons[your.person] : undefined) ?? persons.find((x) => x.addressee);
    if (!addressee || addressee === p) continue;
    addressee.roles.add('relative');
    addressee.relativeOf = p.id;
    addressee.evidence.push({ text: text.slice(kin.start, kin.end), offset: kin.start, why: 'relative', weight: 3 });
  }
  const patient = persons.find((p) => p.roles.has('patient') && p.id !== c.author && !(p.addressee && !p.named));
  const cue = patient?.evidence.filter((e) => e.why === 'patient' && e.weight > 0).sort((a, b) => b.weight - a.weight)[0];
  if (patient && cue) {
    c.story = { text: cue.text, offset: cue.offset };
    c.storyParagraphs = new Set(persons.filter((p) => p.roles.has('patient') && p.id !== c.author).flatMap((p) => p.mentions.map((m) => tokens[m.first].paragraph)));
  }
}

/** The description that makes `p` a relative of the reader ("your mom", "your dad's"), if any. */
function readersKin(text: string, p: Person): Mention | undefined {
  return p.mentions.find((m) => m.kind === 'role-phrase' && /^your\s/i.test(text.slice(m.start, m.end)));
}

/**
 * A note about one person ("Priya Raman, teacher, 34. Dx stage II breast ca 8/2023, lumpectomy here."):
 * a sentence that names nobody, in a paragraph that opens with a name and an age, is about that name.
 */
function noteSubject(tokens: Token[], mentions: Mention[], a: number): Mention | undefined {
  if (mentionsIn(tokens, mentions, 'sentence', tokens[a].sentence).length) return undefined;
  const para = tokens[a].paragraph;
  let first = a;
  while (first > 0 && tokens[first - 1].paragraph === para) first--;
  const opening = mentionsIn(tokens, mentions, 'sentence', tokens[first].sentence)[0];
  if (!opening || opening.first !== first || opening.kind !== 'name' || tokens[opening.last + 1]?.lower !== ',') return undefined;
  // The opening is a note's header, "Name, what they do, age.": an age set off by a comma.
  for (let i = opening.last + 1; i < tokens.length && tokens[i].sentence === tokens[first].sentence; i++) {
    if (/^\d{1,3}$/.test(tokens[i].lower) && tokens[i - 1].lower === ',') return opening;
  }
  return undefined;
}

/** "his wife, Claire": the possessor of the relation word is the person Claire is a relative of. */
function linkRelative(tokens: Token[], mentions: Mention[], p: Person, cueFirst: number) {
  // "her late husband, Manny", "his beloved wife": fond or sad words may stand between.
  let at = cueFirst - 1;
  while (at > 0 && cueFirst - at <= 2 && RELATIVE_FILLER.test(tokens[at].lower)) at--;
  if (at < 0) return;
  const poss = mentionsIn(tokens, mentions, 'clause', tokens[at].clause).find((m) => m.possessive && m.last === at && m.person !== p.id);
  if (poss) p.relativeOf = poss.person;
}
const RELATIVE_FILLER = /^(?:late|beloved|dear|loving|devoted|wonderful|sweet|own|former|new|longtime|long-time)$/;

/**
 * A role is held when strong evidence reaches the threshold, or weak evidence does and no other role is
 * strongly held. `particular`: a description that is one particular person ("your grandfather" in a reply).
 */
export function decide(p: Person, threshold: number, storyKind = true, replyKind = true, particular = false): void {
  // Weak health words cannot make a clinician a patient; a donor or public figure they can, with twice the weight.
  const strongOther = (r: Role) =>
    ROLES.some((o) => o !== r && (p.strong[o] ?? 0) >= threshold && (r !== 'patient' || o === 'staff' || o === 'organisation' || (p.scores[r] ?? 0) < 2 * threshold));
  // The share of another strong role's weight the patient role needs: a clinician who "was admitted" is a
  // patient at half the weight; a public figure or donor speaking of their own illness needs more.
  // A public figure in our care ("an honour to treat Mayor Bellamy") is our patient whatever their fame.
  const inCare = (p.care ?? 0) >= threshold;
  const needed = (r: Role) => Math.max(0, ...ROLES.filter((o) => o !== r && o !== 'relative' && !(o === 'public' && inCare)).map((o) => (p.strong[o] ?? 0) * (o === 'staff' || o === 'organisation' || o === 'author' ? 0.5 : 0.75)));
  for (const r of ROLES) {
    // Two strong roles: the patient role needs at least half the weight of the other (a surgeon quoted
    // about "the bedside" is not a patient; a nurse who "was admitted" is).
    if ((r === 'patient' || r === 'relative') && (p.strong[r] ?? 0) >= threshold && (p.strong[r] ?? 0) < needed(r)) continue;
    // A public figure speaking of their own illness is not our patient; one in our care is.
    if (r === 'patient' && (p.strong.public ?? 0) >= threshold && (p.care ?? 0) < threshold) continue;
    // "You" in an article, an event notice or a job post is every reader, whatever is said of them ("if you
    // were admitted…", "check your insurance"): never one patient. (In a short post it may be one person:
    // "We mailed your statement to…".)
    if (r === 'patient' && p.addressee && !p.named && !storyKind && !particular) continue;
    // A clinician with a condition of their own ("she still manages her own asthma") is not our patient
    // unless an event of care is said of them ("was admitted", "delivered her baby here").
    if (r === 'patient' && (p.strong.staff ?? 0) >= threshold && (p.strong.patient ?? 0) - (p.owned ?? 0) < threshold && (p.care ?? 0) < threshold) continue;
    if ((p.strong[r] ?? 0) >= threshold) p.roles.add(r);
    // Weak evidence alone never makes a mere description a patient: "a 45-year-old woman" in a statistic.
    // "You" outside a reply is every reader: health words near it ("if you have a fever") are education.
    else if ((p.scores[r] ?? 0) >= threshold && !strongOther(r) && (r !== 'patient' || (storyKind && (p.named || (p.addressee && replyKind) || p.anonymous || particular)))) p.roles.add(r);
  }
}

/**
 * In a home where people live in our care (a senior-living newsletter), a named person it welcomes,
 * celebrates or remembers ("Happy 88th birthday to Walter Szymanski") is a resident: our patient, unless
 * something strong says they are staff, a volunteer, a donor or a public figure.
 */
function residentsOfHome(text: string, tokens: Token[], c: Clustered, model: EvidenceModel) {
  const home = model.residentHome;
  if (!home) return;
  // The model's regexes are global (evidence.ts compiles every cue list with the g flag).
  const hits = home.home.flatMap((re) => [...text.matchAll(re)].map((m) => m[0].toLowerCase()));
  // "Residents" alone are as often doctors in training: the home itself must be named.
  if (hits.length < 2 || hits.every((h) => h.startsWith('resident'))) return;
  const named = (m: Mention) => m.kind === 'name' && c.persons[m.person].named && !c.persons[m.person].addressee && m.person !== c.author && !c.organisations.has(m.person);
  const residents = new Set<number>();
  for (const re of home.events) {
    for (const hit of text.matchAll(re)) {
      const span = tokenSpan(tokens, hit.index, hit.index + hit[0].length);
      // The event is the person's it is said of: the nearest named person in its clause ("Harriet turned 93…").
      const m = span && nearestInClause(tokens, c.mentions, span[0], span[1], named);
      if (!m) continue;
      const p = c.persons[m.person];
      if ((['staff', 'volunteer', 'donor', 'public'] as const).some((r) => (p.strong[r] ?? 0) > 0) || residents.has(p.id)) continue;
      residents.add(p.id);
      credit(p, CARED_FOR, `a resident: ${hit[0]}`, hit.index, 3);
    }
  }
}

/**
 * "We were honored to care for, and we remember with love:" then a list: the care words of the lead-in
 * are about every person the list names.
 */
function listLeadIns(text: string, tokens: Token[], c: Clustered, model: EvidenceModel) {
  // Only cues that say something on their own ("cared for", "admitted"): a possessed noun ("Room A:") needs its owner.
  const patientCues = model.cues.filter((q) => q.role === 'patient' && q.strong && (q.attach === 'clause' || q.attach === 'object'));
  for (const m of text.matchAll(/^[^\n]{3,200}:[ \t]*\n((?:[ \t]*(?:[-*•]|\d+[.)])?[ \t]*\S[^\n]*\n?)+)/gm)) {
    const lead = m[0].slice(0, m[0].indexOf(':') + 1);
    const cue = patientCues
      .flatMap((q) => q.regexes)
      .map((re) => {
        re.lastIndex = 0;
        return re.exec(lead);
      })
      .find((hit) => hit && !followedBy(model.notPatient, text, m.index + hit.index + hit[0].length));
    if (!cue) continue;
    let offset = m.index + lead.length + 1;
    for (const line of m[1].split('\n')) {
      const first = mentionsIn(tokens, c.mentions, 'sentence', tokens[tokenSpan(tokens, offset, offset + Math.max(1, line.length))?.[0] ?? 0]?.sentence ?? -1).find((x) => x.start >= offset && x.end <= offset + line.length && x.kind !== 'pronoun' && x.kind !== 'author' && x.kind !== 'you');
      if (first && !c.organisations.has(first.person)) {
        const p = c.persons[first.person];
        credit(p, INFERRED_PATIENT, cue[0], m.index + cue.index, 3);
      }
      offset += line.length + 1;
    }
  }
}

/**
 * "Her parents, Kristen and Matt Brennan", "Drs. Lee and Patel": a role word before the first of two
 * names joined by "and" is about both, and so is what the clause says after the second.
 */
function coordinate(text: string, tokens: Token[], c: Clustered) {
  const named = c.mentions.filter((m) => REFERENT.has(m.kind) && !c.organisations.has(m.person));
  for (let i = 0; i + 1 < named.length; i++) {
    const [x, y] = [named[i], named[i + 1]];
    if (!/^(?:['’]s)?,?\s(?:and|&)\s$/.test(text.slice(x.end, y.start)) || x.person === y.person) continue;
    const px = c.persons[x.person];
    const py = c.persons[y.person];
    for (const e of px.evidence.filter((e) => e.offset < x.start && e.offset >= x.start - 40)) {
      if (share(px, py, e) === 'relative' && px.relativeOf !== undefined) py.relativeOf = px.relativeOf;
    }
    // "Harold and June Whitcombe have moved into Apartment 214": what the clause says after the pair
    // (credited to the nearer name) is said of both.
    for (const e of py.evidence.filter((e) => e.offset >= y.end && tokens[tokenSpan(tokens, e.offset, e.offset + 1)?.[0] ?? y.last].clause === tokens[y.last].clause)) share(py, px, e);
  }
}

/** Credit `to` with evidence `e` of `from`, unless `to` already has some for its role; the role if credited. */
function share(from: Person, to: Person, e: Evidence): Role | undefined {
  const role = e.why as Role;
  if ((to.scores[role] ?? 0) > 0) return undefined;
  to.scores[role] = (to.scores[role] ?? 0) + e.weight;
  to.strong[role] = (to.strong[role] ?? 0) + (from.strong[role] ? e.weight : 0);
  to.evidence.push(e);
  return role;
}
