// Lints one file's text: the engine's findings, then the file's disable comments.
import { createDocument, isMarkdownPath } from '../document/document.js';
import { formatView, toSourceFinding } from '../document/formats.js';
import { lineStarts } from '../document/lines.js';
import type { FileResult, Finding } from '../types.js';
import { hiddenCharacters } from './hidden.js';
import { applyDirectives, directiveProblem, parseDirectives } from './directives.js';
import { MAX_FINDINGS_PER_FILE, lintDocument, truncated, type LintEnv } from './lint.js';

export interface LintFileOptions {
  /** Report disable comments that silenced nothing (--report-unused-disable-directives). */
  reportUnusedDirectives?: boolean;
}

const NO_REASON =
  'This disable comment gives no reason after "--", so it suppresses nothing. Say why, for example: <!-- phi-lint-disable-next-line phi/patient-name -- signed authorization #118 on file -->';
const UNUSED = 'This disable comment silenced nothing here; remove it so it cannot hide a future problem.';

/** Every finding of `text` (read from `path`) that no disable comment suppresses, plus directive warnings. */
export function lintFile(env: LintEnv, path: string, text: string, opts: LintFileOptions = {}): FileResult {
  // HTML, CSV, Word files and photos are read through a view of their text; findings move back to the file.
  const view = formatView(path, text, env.formats);
  if (view?.error) return { path, findings: [], source: text, error: view.error };
  const doc = createDocument(path, view ? view.text : text, view ? true : undefined);
  const viewFindings = lintDocument(doc, env);
  const cut = truncated.has(viewFindings);
  const source = view?.map ? text : doc.original;
  const starts = view?.map ? lineStarts(source) : doc.originalLineStarts;
  const toSource = (f: Finding) => (view ? toSourceFinding(f, view, source, starts) : f);
  const findings = view ? viewFindings.map(toSource).sort((a, b) => a.offset - b.offset || a.length - b.length) : viewFindings;
  const directives = parseDirectives(source, starts, isMarkdownPath(path));
  const { kept, unused } = applyDirectives(findings, directives);
  const problems = [
    ...directives.filter((d) => !d.reason).map((d) => directiveProblem(d, source, starts, NO_REASON)),
    ...(opts.reportUnusedDirectives ? unused.map((d) => directiveProblem(d, source, starts, UNUSED)) : []),
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
