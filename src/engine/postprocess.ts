// Post-processing of one document's findings: authorization, quasi-identifier aggregation, allow lists, dedupe, sort.
import type { LintDocument } from '../document/document.js';
import { rangeAt } from '../document/sentences.js';
import { escapeRegExp, finds } from '../document/search.js';
import type { Lexicon } from '../rules/lexicons.js';
import { LinearRegExp } from '../rules/linear-regex.js';
import { SEVERITY_RANK, type Finding, type SeverityOrOff } from '../types.js';

/** Organisation allow-lists from the config; entries match whole words, case-insensitively. */
export interface AllowList {
  /** Staff and public names: a name finding containing one (or contained in one) is dropped. */
  names: string[];
  /** The organisation's own numbers, compared digit by digit. */
  phones: string[];
  /** The organisation's own domains: URLs and emails on them (or their subdomains) are dropped. */
  domains: string[];
  /** The organisation's own addresses and places. */
  addresses: string[];
  /** The organisation's own hashtags and @handles. */
  hashtags: string[];
  /** Any other text that must never be reported. */
  terms: string[];
}

export const EMPTY_ALLOW: AllowList = { names: [], phones: [], domains: [], addresses: [], hashtags: [], terms: [] };

/** A finding with whether an `unless` cue (staff, event, donor…) excused it. */
export interface Marked {
  finding: Finding;
  excused: boolean;
  /** Severity to use when no other identifier shares its paragraph (rule's `context.alone`). */
  alone?: SeverityOrOff;
  /** The rule's message for a finding lowered to `info`, filled in for this match. */
  infoMessage?: string;
  /** What the people model said owns the identifier, for rules that ask it. */
  owner?: 'person' | 'event' | 'organisation' | 'none';
  /** A whole-sentence finding (classifier rules): it yields to a more exact finding of its type inside it. */
  broad?: boolean;
}

/** `m` lowered to `severity`, with the quiet message when that is `info`. */
function lowered(m: Marked, severity: Finding['severity']): Marked {
  const message = severity === 'info' && m.infoMessage ? m.infoMessage : m.finding.message;
  return { ...m, finding: { ...m.finding, severity, message } };
}

interface Env {
  lexicons: Map<string, Lexicon>;
  allow: AllowList;
  keepContained?: boolean;
  /** The config's authorizationPattern (RE2 source); default AUTHORIZATION_REFERENCE. */
  authorizationPattern?: string;
}

/** Types a signed authorization covers (never the always-forbidden identifiers). */
const AUTHORIZABLE = new Set(['name', 'photo', 'date', 'age', 'geo', 'photo-consent']);
/** Quasi-identifiers that together identify a person even without a name. */
const QUASI = new Set(['age', 'geo', 'date', 'other-id']);

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const containsWord = (hay: string, needle: string) =>
  needle !== '' && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'iu').test(hay);
const digits = (s: string) => s.replace(/\D/g, '');

/** Whether the allow-list covers `f`. */
export function allowed(f: Finding, allow: AllowList): boolean {
  const text = norm(f.text);
  const either = (list: string[]) => list.some((e) => containsWord(text, norm(e)) || containsWord(norm(e), text));
  if (either(allow.terms)) return true;
  if (f.type === 'name' && either(allow.names)) return true;
  if (f.type === 'geo' && either(allow.addresses)) return true;
  if ((f.type === 'phone' || f.type === 'fax') && allow.phones.some((p) => digits(p).length >= 7 && digits(f.text).endsWith(digits(p)))) return true;
  if ((f.type === 'url' || f.type === 'email') && allow.domains.some((d) => new RegExp(`(?:^|[.@/])${escapeRegExp(norm(d).replace(/^www\./, ''))}(?:$|[/:?#])`).test(text))) return true;
  if (/^[#@]/.test(text) && allow.hashtags.some((h) => norm(h).replace(/^[#@]/, '') === text.slice(1))) return true;
  return false;
}

/** A front-matter authorization must look like a reference (letters, digits and separators, with a digit), not "x" or "yes". */
export const AUTHORIZATION_REFERENCE = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9 ._/#:-]{3,63}$/;

const matchers = new Map<string, RegExp>();
/**
 * The whole-value matcher for a configured pattern (compiled once; RE2, since it comes from the config).
 * The config loader has already checked that it compiles.
 */
function authorizationMatcher(source?: string): RegExp {
  if (source === undefined) return AUTHORIZATION_REFERENCE;
  let re = matchers.get(source);
  if (!re) matchers.set(source, (re = new LinearRegExp(`^(?:${source})$`)));
  return re;
}

/** Words that turn a consent statement around: "NOT shared with permission", "permission pending". */
const DENIED_BEFORE = /\b(?:not|no|never|without|n['’]t|cannot|can['’]t|yet to|still need(?:s|ed)?|waiting (?:for|on)|awaiting|pending|unsigned|revoked|withdrew|withdrawn|declined|refused)\b[^.!?\n]{0,30}$/i;
const DENIED_AFTER = /^[^.!?\n]{0,20}\b(?:pending|requested|not (?:yet )?(?:signed|received|on file)|still (?:unsigned|missing|needed)|to follow|needed|missing|revoked|withdrawn|declined|refused)\b/i;

/**
 * Whether the draft records consent: a front-matter authorization that looks like a reference, or an
 * affirmative consent statement in its text. A denied or pending statement records nothing.
 */
export function consentOf(doc: LintDocument, lexicons: Map<string, Lexicon>, authorizationPattern?: string): string | undefined {
  if (doc.authorization && authorizationMatcher(authorizationPattern).test(doc.authorization.trim())) return `authorization ${doc.authorization}`;
  const lex = lexicons.get('consent-cues');
  if (!lex) return undefined;
  for (const re of lex.regexes) {
    re.lastIndex = 0;
    for (const m of doc.plain.matchAll(re)) {
      const before = doc.plain.slice(Math.max(0, m.index - 40), m.index);
      const after = doc.plain.slice(m.index + m[0].length, m.index + m[0].length + 30);
      if (!DENIED_BEFORE.test(before) && !DENIED_AFTER.test(after)) return `the draft says "${m[0]}"`;
    }
  }
  return undefined;
}

/** The post-processing chain: each step is a small pure function over the list. */
export function postProcess(doc: LintDocument, marked: Marked[], env: Env, peopleIn?: (start: number, end: number) => boolean): Finding[] {
  let list = marked.filter((m) => !allowed(m.finding, env.allow));
  list = aggregateQuasiIdentifiers(doc, list, env.lexicons, peopleIn);
  list = applyAlone(doc, list);
  list = applyConsent(list, consentOf(doc, env.lexicons, env.authorizationPattern));
  if (!env.keepContained) list = preferExact(list);
  return dedupe(list.map((m) => m.finding), env.keepContained);
}

/** Share of a whole-sentence finding that exact findings inside it must cover for it to add nothing. */
export const EXACT_COVER = 0.5;

/**
 * A whole-sentence finding mostly covered by more exact ones of the same type, at least as severe, adds
 * nothing: they point at the words to change (and keep their own messages). One that reaches well beyond
 * them ("sorry about your dad… I was his nurse on his last night") says more, and stays.
 */
export function preferExact(list: Marked[]): Marked[] {
  const exact = list.filter((m) => !m.broad && m.finding.severity !== 'info');
  if (!exact.length) return list;
  return list.filter((m) => {
    if (!m.broad) return true;
    const f = m.finding;
    const inside = exact.filter((e) => e.finding.type === f.type && e.finding.category === f.category
      && e.finding.offset >= f.offset && e.finding.offset + e.finding.length <= f.offset + f.length
      && SEVERITY_RANK[e.finding.severity] >= SEVERITY_RANK[f.severity]);
    const covered = new Set<number>();
    for (const e of inside) for (let i = e.finding.offset; i < e.finding.offset + e.finding.length; i++) covered.add(i);
    return covered.size < EXACT_COVER * Math.max(1, f.length);
  });
}

/**
 * Safe Harbor's "actual knowledge": two or more quasi-identifiers plus a health term in one paragraph identify a
 * person. `peopleIn` (from the people model) says whether the paragraph speaks of anybody at all: a class at a
 * school on Friday, with CPR in it, identifies no one.
 */
export function aggregateQuasiIdentifiers(doc: LintDocument, list: Marked[], lexicons: Map<string, Lexicon>, peopleIn?: (start: number, end: number) => boolean): Marked[] {
  const health = lexicons.get('health-terms');
  if (!health) return list;
  const byParagraph = new Map<number, Marked[]>();
  for (const m of list) {
    if (m.finding.category !== 'phi' || !QUASI.has(m.finding.type)) continue;
    const p = rangeAt(doc.paragraphs, m.finding.offset);
    let group = byParagraph.get(p.start);
    if (!group) byParagraph.set(p.start, (group = []));
    group.push(m);
  }
  const raise = new Set<Marked>();
  for (const [start, group] of byParagraph) {
    // Details the people model gave to a known person, an event or the organisation identify nobody new.
    const candidates = group.filter((m) => !m.excused && (m.owner === undefined || m.owner === 'none'));
    const types = new Set(candidates.map((m) => m.finding.type));
    const p = rangeAt(doc.paragraphs, start);
    const text = doc.plain.slice(p.start, p.end);
    if (types.size >= 2 && health.regexes.some((re) => finds(re, text)) && (!peopleIn || peopleIn(p.start, p.end))) {
      for (const m of candidates) if (m.finding.severity !== 'error') raise.add(m);
    }
  }
  return list.map((m) =>
    raise.has(m)
      ? { ...m, finding: { ...m.finding, severity: 'error', message: `${m.finding.message} Together with the other details about this person and their health, it can identify them.` } }
      : m,
  );
}

/** Findings with `alone` drop to that severity when no other identifier shares their paragraph. */
export function applyAlone(doc: LintDocument, list: Marked[]): Marked[] {
  const para = (f: Finding) => rangeAt(doc.paragraphs, f.offset).start;
  // Per paragraph, the identifier types found there that can vouch for an `alone` finding.
  const companions = new Map<number, Set<string>>();
  for (const o of list) {
    if (o.finding.category !== 'phi' || o.alone || o.finding.severity === 'info') continue;
    const p = para(o.finding);
    let types = companions.get(p);
    if (!types) companions.set(p, (types = new Set()));
    types.add(o.finding.type);
  }
  return list.flatMap((m) => {
    if (!m.alone || SEVERITY_RANK[m.finding.severity] === 0) return [m];
    const types = companions.get(para(m.finding));
    if (types && [...types].some((t) => t !== m.finding.type)) return [m];
    if (m.alone === 'off') return [];
    return SEVERITY_RANK[m.alone] < SEVERITY_RANK[m.finding.severity] ? [lowered(m, m.alone)] : [m];
  });
}

/** A recorded authorization downgrades the findings it covers from error to warning. */
export function applyConsent(list: Marked[], consent: string | undefined): Marked[] {
  if (!consent) return list;
  return list.map((m) =>
    AUTHORIZABLE.has(m.finding.type) && m.finding.severity === 'error'
      ? { ...m, finding: { ...m.finding, severity: 'warning', message: `${m.finding.message} Consent is recorded (${consent}): confirm it is signed and covers this detail before posting.` } }
      : m,
  );
}

/** Drop exact repeats and, for one span and type, keep only the most severe finding; sort by position. */
export function dedupe(findings: Finding[], keepContained = false): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.offset}:${f.length}:${f.category}:${f.type}${keepContained ? `:${f.ruleId}` : ''}`;
    const prev = best.get(key);
    if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev.severity]) best.set(key, f);
  }
  const kept = [...best.values()];
  const out = keepContained ? kept : withoutContained(kept);
  return out.sort((a, b) => a.offset - b.offset || a.length - b.length || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Drops a finding that lies inside a longer one of the same category and type that is at least as severe:
 * it adds nothing. One sweep per type in offset order (a draft can have tens of thousands of findings).
 */
function withoutContained(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = `${f.category}\u0000${f.type}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.offset - b.offset || b.length - a.length);
    // Furthest end reached so far by a finding of at least each severity rank (0 info … 2 error).
    const reach = [-1, -1, -1];
    for (const f of group) {
      const end = f.offset + f.length;
      const rank = SEVERITY_RANK[f.severity];
      if (reach[rank] >= end) continue;
      out.push(f);
      for (let r = 0; r <= rank; r++) reach[r] = Math.max(reach[r], end);
    }
  }
  return out;
}
