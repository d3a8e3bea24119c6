// Lints one file's text: the engine's findings, then the file's disable comments.
import { createDocument, isMarkdownPath } from '../document/document.js';
import { formatView, toSourceFinding } from '../document/formats.js';
import { lineStarts } from '../document/lines.js';
import { keyMatches } from '../config/config.js';
import { didYouMean } from '../errors.js';
import { SEVERITY_RANK, type FileResult, type Finding, type Severity } from '../types.js';
import { hiddenCharacters } from './hidden.js';
import { applyDirectives, directiveProblem, parseDirectives } from './directives.js';
import { MAX_FINDINGS_PER_FILE, lintDocument, truncated, type LintEnv } from './lint.js';

export interface LintFileOptions {
  /** Report disable comments that silenced nothing (--report-unused-disable-directives). */
  reportUnusedDirectives?: boolean;
  /** Ignore every disable comment (--no-inline-config, for CI). */
  noInlineConfig?: boolean;
}

const NO_REASON =
  'This disable comment gives no reason after "--", so it suppresses nothing. Say why, for example: <!-- phi-lint-disable-next-line phi/patient-name -- signed authorization #118 on file -->';
const UNUSED = 'This disable comment silenced nothing here; remove it so it cannot hide a future problem.';

/** Identifier types that must never be published: a disable comment cannot hide them (config: allowDisablingIdentifiers). */
export const NEVER_PUBLISHABLE = new Set(['ssn', 'mrn', 'health-plan', 'account', 'license', 'vehicle']);

const IDENTIFIER_WORDS: Record<string, string> = {
  ssn: 'Social Security numbers', mrn: 'medical record numbers', 'health-plan': 'health plan numbers', account: 'account numbers',
  license: 'licence numbers', vehicle: 'licence plates and VINs',
};

const lockedMessage = (types: Set<string>) =>
  `This disable comment cannot hide ${[...types].map((t) => IDENTIFIER_WORDS[t] ?? t).join(' or ')}: they must never be published, so delete them from the draft. (A team that must allow it sets allowDisablingIdentifiers: true in .phi-lint.yaml.)`;

const unknownRule = (rule: string, ids: string[]) =>
  `This disable comment names "${rule}", which is not a rule${didYouMean(rule, ids)}, so it hides nothing; run \`phi-lint rules\` to list them.`;

/** Findings inside code made at most `cap` severe (config codeSeverity); without a cap, code is like prose. */
function capInCode(findings: Finding[], code: { start: number; end: number }[], cap?: Severity): Finding[] {
  if (!cap || !code.length) return findings;
  const inCode = (f: Finding) => code.some((c) => f.offset >= c.start && f.offset < c.end);
  const out = findings.map((f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[cap] && inCode(f) ? { ...f, severity: cap } : f));
  if (truncated.has(findings)) truncated.add(out);
  return out;
}

/** Every finding of `text` (read from `path`) that no disable comment suppresses, plus directive warnings. */
export function lintFile(env: LintEnv, path: string, text: string, opts: LintFileOptions = {}): FileResult {
  // HTML, CSV, Word files and photos are read through a view of their text; findings move back to the file.
  const view = formatView(path, text, env.formats);
  if (view?.error) return { path, findings: [], source: text, error: view.error };
  const doc = createDocument(path, view ? view.text : text, view ? true : undefined, Boolean(view));
  const viewFindings = capInCode(lintDocument(doc, env), doc.code ?? [], env.codeSeverity);
  const cut = truncated.has(viewFindings);
  const source = view?.map ? text : doc.original;
  const starts = view?.map ? lineStarts(source) : doc.originalLineStarts;
  const toSource = (f: Finding) => (view ? toSourceFinding(f, view, source, starts) : f);
  const findings = view ? viewFindings.map(toSource).sort((a, b) => a.offset - b.offset || a.length - b.length) : viewFindings;
  const directives = opts.noInlineConfig ? [] : parseDirectives(source, starts, isMarkdownPath(path));
  // Never-publishable identifiers stay reported whatever a comment says, unless the config allows it.
  const locked = (f: Finding) => !env.allowDisablingIdentifiers && NEVER_PUBLISHABLE.has(f.type);
  const { kept, unused, refused } = applyDirectives(findings, directives, locked);
  const ids = env.knownRuleIds ?? env.rules.map((r) => r.id);
  const problems = [
    ...directives.filter((d) => !d.reason && d.kind !== 'enable').map((d) => directiveProblem(d, source, starts, NO_REASON)),
    ...directives.flatMap((d) => d.rules.filter((r) => !ids.some((id) => keyMatches(r, id))).map((r) => directiveProblem(d, source, starts, unknownRule(r, ids)))),
    ...[...refused].map(([d, types]) => directiveProblem(d, source, starts, lockedMessage(types))),
    ...(opts.reportUnusedDirectives ? unused.filter((d) => !refused.has(d)).map((d) => directiveProblem(d, source, starts, UNUSED)) : []),
    ...hiddenCharacters(doc).map(toSource),
  ].sort((a, b) => a.offset - b.offset);
  if (cut) {
    problems.unshift({
      ruleId: 'phi-lint/limit', severity: 'warning', category: 'directive', type: 'limit', suggestions: [],
      message: `phi-lint stopped after ${MAX_FINDINGS_PER_FILE.toLocaleString('en-US')} findings in this file; some rules did not run. Split the file, or fix these first and lint again.`,
      line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, length: 0, text: '',
    });
  }
  return { path, findings: kept, directives: problems, source };
}
