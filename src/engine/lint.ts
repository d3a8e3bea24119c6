// Runs the compiled rules over one document and post-processes the findings.
import type { LintDocument } from '../document/document.js';
import type { FormatOptions } from '../document/formats.js';
import { keyedHex } from '../hash.js';
import { locationOf } from '../document/lines.js';
import { rangeAt, type Range } from '../document/sentences.js';
import { findEntities, type EntityKind, type EntityResources } from '../nlp/entities.js';
import { tag, tagRanges, type Nlp, type Tagged } from '../nlp/compromise.js';
import type { CompiledRule, MatchInput } from '../rules/compiled.js';
import type { Lexicon } from '../rules/lexicons.js';
import type { Finding, Severity, SeverityOrOff } from '../types.js';
import { analyse } from '../analysis/index.js';
import { loadEvidence, type EvidenceModel } from '../analysis/evidence.js';
import { STORY_KINDS, type Analysis, type Role } from '../analysis/types.js';
import { contextSeverity, holds, lower, type ContextCache } from './context.js';
import { explain } from './explain.js';
import { fillTemplate, toFinding, type Organisation } from './findings.js';
import { postProcess, type AllowList, type Marked } from './postprocess.js';

/** What linting a document needs besides the document. */
export interface LintEnv {
  rules: CompiledRule[];
  lexicons: Map<string, Lexicon>;
  resources: EntityResources;
  /** compromise, loaded on first call; absent when no loaded rule needs it. */
  nlp?: () => Nlp;
  allow: AllowList;
  /** Settings of the input formats (the config's `csv:` columns). */
  formats?: FormatOptions;
  /** Every rule id, switched off or not: disable comments naming anything else are reported. */
  knownRuleIds?: string[];
  /** The most severe a finding inside code (fenced or inline) may be (config codeSeverity; default: no cap). */
  codeSeverity?: Severity;
  /** Disable comments may hide never-publishable identifiers (config allowDisablingIdentifiers; default false). */
  allowDisablingIdentifiers?: boolean;
  /** The organisation the drafts speak for (config organisation): safe replies in suggestions name its contact. */
  organisation?: Organisation;
  /** What a front-matter authorization must look like (config authorizationPattern, RE2; default built in). */
  authorizationPattern?: string;
  /** Keep findings that lie inside a longer one of the same type (rule examples are judged per rule). */
  keepContained?: boolean;
}

/** All findings of `doc`, sorted by position, after authorization, aggregation, allow lists and dedupe. */
/**
 * At most this many findings per file: a "draft" with more is an export or a data dump, and holding
 * millions of findings would exhaust memory. Rules run in a fixed order, so the cut is deterministic.
 */
export const MAX_FINDINGS_PER_FILE = 20_000;

/** Whether the last findings of a document were cut at MAX_FINDINGS_PER_FILE. */
export const truncated = new WeakSet<Finding[]>();

export function lintDocument(doc: LintDocument, env: LintEnv): Finding[] {
  const taggedCache = new Map<string, Tagged>();
  const entityCache = new Map<EntityKind, Range[]>();
  const getTagged = (ranges?: Range[]) => {
    if (!env.nlp) throw new Error('compromise was not loaded although a rule needs it');
    const nlp = env.nlp();
    const key = ranges ? ranges.map((r) => `${r.start}-${r.end}`).join(',') : '*';
    let t = taggedCache.get(key);
    if (!t) {
      t = ranges ? tagRanges(nlp, doc.plain, ranges) : tag(nlp, doc.plain);
      taggedCache.set(key, t);
    }
    return t;
  };
  let analysis: Analysis | undefined;
  const input: MatchInput = {
    doc,
    tagged: getTagged,
    resources: env.resources,
    entities(kind) {
      if (kind === 'mention') return namedMentions(input.analysis());
      if (!entityCache.has(kind)) entityCache.set(kind, findEntities(kind, doc, getTagged, env.resources));
      return entityCache.get(kind)!;
    },
    analysis() {
      analysis ??= analyse(doc, { names: input.entities('person'), resources: env.resources, evidence: evidenceOf(env) });
      return analysis;
    },
  };
  const marked: Marked[] = [];
  const contextCache: ContextCache = new WeakMap();
  const whole = { start: 0, end: doc.plain.length };
  let full = false;
  for (const rule of env.rules) {
    if (full) break;
    // A rule whose matches would all be dropped without a draft-wide cue is not run at all without it.
    const ctx = rule.context;
    if (ctx && ctx.otherwise === 'off' && ctx.require.some((c) => c.scope === 'draft' && !c.about && !holds(doc, whole, c, contextCache))) continue;
    for (const m of rule.find(input)) {
      const judged = judge(input, rule, m);
      const { severity, excused } = contextSeverity(doc, m, judged.severity, rule.context, contextCache, input.analysis);
      if (severity === 'off') continue;
      const finding = toFinding(doc, rule, m, severity, env.organisation);
      if (finding && judged.because && severity !== 'info') {
        finding.message = `${finding.message} ${judged.because.message.replace('{match}', finding.text)}`;
        finding.evidence = judged.because.evidence;
      }
      if (finding) marked.push({ finding, excused: excused || judged.excused, owner: judged.owner, alone: rule.context?.alone, infoMessage: fillTemplate(rule.infoMessage, finding.text, m.groups), broad: rule.kind === 'classifier' });
      if (marked.length >= MAX_FINDINGS_PER_FILE) {
        full = true;
        break;
      }
    }
  }
  // Keys hash the normalised finding (an evaded draft fingerprints like the plain one); spans go back to the original.
  // Whether a paragraph speaks of someone (not the author, an organisation, or "you" meaning every reader).
  const peopleIn = analysis
    ? (start: number, end: number) => analysis!.mentions.some((m) => m.start >= start && m.end <= end && m.kind !== 'author'
      && !analysis!.persons[m.person].roles.has('organisation') && !(m.kind === 'you' && !analysis!.persons[m.person].named))
    : undefined;
  const findings = postProcess(doc, marked, env, peopleIn).map((f) => toOriginal(doc, { ...f, key: keyedHex(contentKey(doc, f)) }));
  if (full) truncated.add(findings);
  return findings;
}

const swap = (s: string, from: string, to: string) => (from && from !== to ? s.split(from).join(to) : s);

/**
 * `f` (found in the normalised view) with its span, location and text in the original: `text` is the exact
 * original slice, and messages quote what the author wrote (so masking finds it there too).
 */
export function toOriginal(doc: LintDocument, f: Finding): Finding {
  if (doc.offsets.identity) return f;
  const start = doc.offsets.toOriginalStart(f.offset);
  const end = Math.max(start, doc.offsets.toOriginalEnd(f.offset + f.length));
  const text = doc.original.slice(start, end);
  const out: Finding = {
    ...f,
    ...locationOf(doc.originalLineStarts, start, end),
    text,
    message: swap(f.message, f.text, text),
    suggestions: f.suggestions.map((s) => ({ ...s, message: swap(s.message, f.text, text) })),
  };
  if (f.fix) {
    const fs = doc.offsets.toOriginalStart(f.fix.offset);
    out.fix = { ...f.fix, offset: fs, length: Math.max(fs, doc.offsets.toOriginalEnd(f.fix.offset + f.fix.length)) - fs };
  }
  return out;
}

const NAMED: ReadonlySet<string> = new Set(['name', 'handle', 'hashtag', 'family', 'initials']);
/** Named references to people (not pronouns or descriptions), organisations named after people left out. */
function namedMentions(a: Analysis): Range[] {
  return a.mentions.filter((m) => NAMED.has(m.kind) && !a.persons[m.person].roles.has('organisation')).map((m) => ({ start: m.start, end: m.end }));
}

const evidenceCache = new WeakMap<Map<string, Lexicon>, EvidenceModel>();
/** The people model's evidence, compiled once per set of lexicons. */
function evidenceOf(env: LintEnv): EvidenceModel {
  let e = evidenceCache.get(env.lexicons);
  if (!e) evidenceCache.set(env.lexicons, (e = loadEvidence(env.lexicons)));
  return e;
}

/**
 * The severity the people model gives a match: the rule's own when the identifier's owner plays one of
 * the rule's roles and the draft is of one of its kinds, else the rule's `otherwise`; with the reason.
 */
function judge(input: MatchInput, rule: CompiledRule, m: Range): { severity: Severity; because?: ReturnType<typeof explain>; excused: boolean; owner?: Marked['owner'] } {
  if (!rule.owner && !rule.draft) return { severity: rule.severity, excused: false };
  const a = input.analysis();
  let severity: SeverityOrOff = rule.severity;
  if (rule.draft && !rule.draft.kinds.includes(a.kind)) severity = lower(rule.draft.otherwise, severity);
  let because: ReturnType<typeof explain> | undefined;
  let excused = false;
  let ownerKind: Marked['owner'];
  if (rule.owner) {
    const owner = a.ownerOf(m, rule.type);
    // A detail nobody owns in an article, event notice or job posting is the organisation's news, not a case.
    // Someone the draft describes but gives no role ("19yo motorcyclist") is nobody known: their details still
    // add up to an identifiable case, as unowned ones do.
    const unknown = owner.kind === 'none' || (owner.kind === 'person' && owner.roles.length === 0);
    ownerKind = unknown && !STORY_KINDS.has(a.kind) ? 'organisation' : unknown ? 'none' : owner.kind;
    const spec = rule.owner;
    // `except`: any person the draft names or describes, even one it says nothing more about, but those in the roles
    // listed, unless the draft makes them a patient too (a volunteer of 91 now recovering in Room 214).
    const patientToo = owner.roles.includes('patient') || owner.roles.includes('relative');
    const held: Role[] = 'roles' in spec
      ? owner.roles.filter((r) => spec.roles.includes(r))
      : owner.kind !== 'person' || (!patientToo && owner.roles.some((r) => spec.except.includes(r))) ? [] : ['patient'];
    if (!held.length) {
      severity = lower(rule.owner.otherwise, severity);
      excused = !unknown;
    } else because = explain(input.doc, m, owner, held);
  }
  // "off" from an owner or draft condition drops the match, like a context's "off".
  return { severity: severity === 'off' ? ('off' as unknown as Severity) : severity, because, excused, owner: ownerKind };
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Rule id + normalised match + normalised sentence: what identifies a finding whatever line it is on. */
export function contentKey(doc: LintDocument, f: Finding): string {
  const s = rangeAt(doc.sentences, f.offset);
  return `${f.ruleId}\u0000${normalise(f.text)}\u0000${normalise(doc.plain.slice(s.start, Math.max(s.end, f.offset + f.length)))}`;
}
