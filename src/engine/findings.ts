// Turns a rule match into a finding: location, message, suggestions and fix.
import type { LintDocument } from '../document/document.js';
import { locationOf } from '../document/lines.js';
import { trimRange } from '../document/spans.js';
import type { CompiledRule, RuleMatch } from '../rules/compiled.js';
import { TRANSFORMS } from '../rules/transforms.js';
import type { Finding, Severity, Suggestion } from '../types.js';

/** The organisation a draft speaks for (config `organisation`), for safe replies in suggestions. */
export interface Organisation {
  /** How it is named in a reply ("Riverbend Health"); default "our team". */
  name?: string;
  /** How to reach it privately ("our patient relations team at (773) 555-0140"); default "our office". */
  contact?: string;
}

/** Fill `{match}`, `{group.NAME}`, `{org.name}` and `{org.contact}` placeholders. */
export function fillTemplate(template: string, match: string, groups: Record<string, string> = {}, org: Organisation = {}): string {
  return template.replace(/\{(match|group\.([A-Za-z0-9_]+)|org\.(name|contact))\}/g, (_, all: string, g?: string, o?: string) =>
    g ? groups[g] ?? '' : o === 'name' ? org.name ?? 'our team' : o === 'contact' ? org.contact ?? 'our office' : match);
}

function replacementOf(spec: { replacement?: string; transform?: string }, match: string, groups: Record<string, string> | undefined, org: Organisation = {}): string | undefined {
  if (spec.transform) return TRANSFORMS[spec.transform](match);
  if (spec.replacement !== undefined) return fillTemplate(spec.replacement, match, groups, org);
  return groups?.replacement;
}

const imageIndex = new WeakMap<LintDocument, Map<number, number>>();
/** Image start → end offsets of a document, built once (a long draft can have thousands of images). */
function imageEnds(doc: LintDocument): Map<number, number> {
  let index = imageIndex.get(doc);
  if (!index) imageIndex.set(doc, (index = new Map(doc.images.map((img) => [img.offset, img.offset + img.length]))));
  return index;
}

/** Build the finding for `m`; the span is re-trimmed against the original text. */
export function toFinding(doc: LintDocument, rule: CompiledRule, m: RuleMatch, severity: Severity, org: Organisation = {}): Finding | undefined {
  // An image is one unit: its closing parenthesis is part of it, not trailing punctuation.
  const isImage = imageEnds(doc).get(m.start) === m.end;
  const r = isImage ? { start: m.start, end: m.end } : trimRange(doc.text, m, { possessive: false });
  if (r.end <= r.start) return undefined;
  const text = doc.text.slice(r.start, r.end);
  const suggestions: Suggestion[] = rule.suggestions.flatMap((s) => {
    const replacement = replacementOf(s, text, m.groups, org);
    const message = fillTemplate(s.message, text, m.groups, org);
    // A transform that does not apply (a date with no year to keep) offers nothing.
    if (s.transform && replacement === undefined) return [];
    return replacement === undefined ? [{ message }] : [{ message, replacement }];
  });
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    category: rule.category,
    type: rule.type,
    message: fillTemplate(severity === 'info' && rule.severity !== 'info' ? rule.infoMessage : rule.message, text, m.groups),
    ...locationOf(doc.lineStarts, r.start, r.end),
    text,
    suggestions,
  };
  if (rule.fix) {
    const replacement = replacementOf(rule.fix, text, m.groups, org);
    if (replacement !== undefined) finding.fix = { offset: r.start, length: r.end - r.start, replacement };
  }
  return finding;
}
