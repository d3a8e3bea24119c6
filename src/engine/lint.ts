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
import type { Finding, Severity } from '../types.js';
import { contextSeverity, holds, type ContextCache } from './context.js';
import { fillTemplate, toFinding } from './findings.js';
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
  const input: MatchInput = {
    doc,
    tagged: getTagged,
    resources: env.resources,
    entities(kind) {
      if (!entityCache.has(kind)) entityCache.set(kind, findEntities(kind, doc, getTagged, env.resources));
      return entityCache.get(kind)!;
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
    if (ctx && ctx.otherwise === 'off' && ctx.require.some((c) => c.scope === 'draft' && !holds(doc, whole, c, contextCache))) continue;
    for (const m of rule.find(input)) {
      const { severity, excused } = contextSeverity(doc, m, rule.severity, rule.context, contextCache);
      if (severity === 'off') continue;
      const finding = toFinding(doc, rule, m, severity);
      if (finding) marked.push({ finding, excused, alone: rule.context?.alone, infoMessage: fillTemplate(rule.infoMessage, finding.text, m.groups) });
      if (marked.length >= MAX_FINDINGS_PER_FILE) {
        full = true;
        break;
      }
    }
  }
  // Keys hash the normalised finding (an evaded draft fingerprints like the plain one); spans go back to the original.
  const findings = postProcess(doc, marked, env).map((f) => toOriginal(doc, { ...f, key: keyedHex(contentKey(doc, f)) }));
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

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Rule id + normalised match + normalised sentence: what identifies a finding whatever line it is on. */
export function contentKey(doc: LintDocument, f: Finding): string {
  const s = rangeAt(doc.sentences, f.offset);
  return `${f.ruleId}\u0000${normalise(f.text)}\u0000${normalise(doc.plain.slice(s.start, Math.max(s.end, f.offset + f.length)))}`;
}
