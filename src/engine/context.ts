// Judges a match's context: the cues around it decide whether it gets the rule's severity or a quieter one.
import type { LintDocument } from '../document/document.js';
import { rangeAt, type Range } from '../document/sentences.js';
import { finds } from '../document/search.js';
import type { CompiledContext, Condition } from '../rules/compiled.js';
import type { SeverityOrOff, Severity } from '../types.js';
import { REPLY_KINDS, type Analysis, type DraftKind } from '../analysis/types.js';
import { relativeOfPatient } from '../analysis/owners.js';

/** Kinds of draft in which an unnamed "you" is one person, the one the reply answers (elsewhere it is every reader). */

/**
 * Whether a mention lies in the condition's scope around `m`, for the people-model conditions: the draft,
 * the match, its paragraph, or its sentence (`near`, `before` and `after` look in the sentence).
 */
function mentionedIn(doc: LintDocument, m: Range, c: Condition): (x: Range) => boolean {
  const r = c.scope === 'draft' ? { start: 0, end: doc.plain.length }
    : c.scope === 'match' ? m
    : c.scope === 'paragraph' ? rangeAt(doc.paragraphs, m.start)
    : rangeAt(doc.sentences, m.start);
  const end = Math.max(r.end, m.end);
  return (x) => x.start < end && x.end > r.start;
}

/**
 * Whether the person addressed, or a relative of theirs, is mentioned in the condition's scope around `m`
 * (its sentence by default; `near`, `before` and `after` look in the sentence). In a review or comment reply
 * the addressee is the reader ("your crown", "your mother's discharge"); in any other draft only a person
 * the draft names and speaks to ("Mark, your crown") counts, never a tagged @handle or "you", every
 * reader, nor a public figure who is not our patient (what they said of themselves is public).
 */
export function aboutAddressee(doc: LintDocument, a: Analysis, m: Range, c: Condition): boolean {
  const reply = REPLY_KINDS.has(a.kind);
  const inScope = mentionedIn(doc, m, c);
  // A thread of replies has one person addressed per reply.
  return a.persons.some((p) => {
    if (!p.addressee) return false;
    if (!reply && (!p.named || (p.roles.has('public') && !p.roles.has('patient')))) return false;
    if (!reply) return p.mentions.some((x) => x.kind === 'you' && inScope(x));
    return p.mentions.some(inScope) || a.persons.some((q) => q.relativeOf === p.id && q.mentions.some(inScope));
  });
}

/**
 * Whether the condition's scope around `m` (its sentence by default) mentions a person the people model
 * holds to be a patient or a patient's relative, by name, description or pronoun.
 */
export function aboutPatient(doc: LintDocument, a: Analysis, m: Range, c: Condition): boolean {
  const inScope = mentionedIn(doc, m, c);
  // The author telling their own story is not "a patient" a relative of theirs could be related to.
  const author = a.persons.find((p) => p.roles.has('author'))?.id;
  return a.persons.some((p) => (p.roles.has('patient') || (p.roles.has('relative') && relativeOfPatient(p, a.persons, author))) && !p.roles.has('organisation')
    && (c.about !== 'unnamed-patient' || !p.named) && p.mentions.some(inScope));
}

/** The text a condition looks at for a match at `m`. */
export function scopeText(doc: LintDocument, m: Range, c: Condition): string {
  switch (c.scope) {
    case 'draft':
      return doc.plain;
    case 'match':
      return doc.plain.slice(m.start, m.end);
    case 'paragraph': {
      const p = rangeAt(doc.paragraphs, m.start);
      return doc.plain.slice(p.start, Math.max(p.end, m.end));
    }
    case 'sentence': {
      const s = rangeAt(doc.sentences, m.start);
      return doc.plain.slice(s.start, Math.max(s.end, m.end));
    }
    case 'before': {
      const s = rangeAt(doc.sentences, m.start);
      return doc.plain.slice(Math.max(s.start, m.start - c.before), m.start);
    }
    case 'after': {
      const s = rangeAt(doc.sentences, m.start);
      return doc.plain.slice(m.end, Math.min(Math.max(s.end, m.end), m.end + c.after));
    }
    case 'near': {
      const s = rangeAt(doc.sentences, m.start);
      const before = doc.plain.slice(Math.max(s.start, m.start - c.before), m.start);
      const after = doc.plain.slice(m.end, Math.min(Math.max(s.end, m.end), m.end + c.after));
      // The match itself is blanked so its own words do not count as context.
      return `${before} ${' '.repeat(m.end - m.start)} ${after}`;
    }
  }
}

/**
 * Answers already computed for one document: per cue regex, per scope range. Rules share lexicons, so
 * "does this draft mention a health term?" is answered once, not once per rule.
 */
export type ContextCache = WeakMap<RegExp, Map<string, boolean>>;

/** The scope a condition's answer depends on, as a cache key; undefined for scopes around one match (never shared). */
function scopeKey(doc: LintDocument, m: Range, c: Condition): string | undefined {
  switch (c.scope) {
    case 'draft':
      return '*';
    case 'paragraph': {
      const p = rangeAt(doc.paragraphs, m.start);
      return `${p.start}:${Math.max(p.end, m.end)}`;
    }
    case 'sentence': {
      const s = rangeAt(doc.sentences, m.start);
      return `${s.start}:${Math.max(s.end, m.end)}`;
    }
    default:
      return undefined;
  }
}

/** Whether any cue of `c` occurs in its scope around `m`; answers are shared per scope through `cache`. */
export function holds(doc: LintDocument, m: Range, c: Condition, cache?: ContextCache, analysis?: () => Analysis): boolean {
  if (c.about === 'addressee' && !(analysis && aboutAddressee(doc, analysis(), m, c))) return false;
  if ((c.about === 'patient' || c.about === 'unnamed-patient') && !(analysis && aboutPatient(doc, analysis(), m, c))) return false;
  if (!c.regexes.length) return c.about !== undefined;
  const key = cache ? scopeKey(doc, m, c) : undefined;
  if (!cache || key === undefined) {
    const text = scopeText(doc, m, c);
    return c.regexes.some((re) => finds(re, text));
  }
  let text: string | undefined;
  return c.regexes.some((re) => {
    let byScope = cache.get(re);
    if (!byScope) cache.set(re, (byScope = new Map()));
    let answer = byScope.get(key);
    if (answer === undefined) {
      text ??= scopeText(doc, m, c);
      answer = finds(re, text);
      byScope.set(key, answer);
    }
    return answer;
  });
}

/**
 * The severity of a match: the rule's own when the context holds, else the context's `otherwise`.
 * `excused` says an `unless` cue (staff, event, donor…) quieted it, as opposed to missing context.
 */
export function contextSeverity(
  doc: LintDocument, m: Range, severity: Severity, ctx: CompiledContext | undefined, cache?: ContextCache, analysis?: () => Analysis,
): { severity: SeverityOrOff; excused: boolean } {
  if (!ctx) return { severity, excused: false };
  const excused = ctx.unless.some((c) => holds(doc, m, c, cache, analysis)) && !ctx.override.some((c) => holds(doc, m, c, cache, analysis));
  const required = ctx.require.every((c) => holds(doc, m, c, cache, analysis));
  return { severity: required && !excused ? severity : lower(ctx.otherwise, severity), excused };
}

const RANK: Record<SeverityOrOff, number> = { off: -1, info: 0, warning: 1, error: 2 };

/** The lower of two severities (an `otherwise` never exceeds the rule's severity). */
export function lower(a: SeverityOrOff, b: SeverityOrOff): SeverityOrOff {
  return RANK[a] <= RANK[b] ? a : b;
}
