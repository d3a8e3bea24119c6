// Lints one file's text: the engine's findings, then the file's disable comments.
import { createDocument, isMarkdownPath } from '../document/document.js';
import type { FileResult } from '../types.js';
import { applyDirectives, directiveProblem, parseDirectives } from './directives.js';
import { lintDocument, type LintEnv } from './lint.js';

export interface LintFileOptions {
  /** Report disable comments that silenced nothing (--report-unused-disable-directives). */
  reportUnusedDirectives?: boolean;
}

const NO_REASON =
  'This disable comment gives no reason after "--", so it suppresses nothing. Say why, for example: <!-- phi-lint-disable-next-line phi/patient-name -- signed authorization #118 on file -->';
const UNUSED = 'This disable comment silenced nothing here; remove it so it cannot hide a future problem.';

/** Every finding of `text` (read from `path`) that no disable comment suppresses, plus directive warnings. */
export function lintFile(env: LintEnv, path: string, text: string, opts: LintFileOptions = {}): FileResult {
  const doc = createDocument(path, text);
  const findings = lintDocument(doc, env);
  const directives = parseDirectives(doc.text, doc.lineStarts, isMarkdownPath(path));
  const { kept, unused } = applyDirectives(findings, directives);
  const problems = [
    ...directives.filter((d) => !d.reason).map((d) => directiveProblem(d, doc.text, doc.lineStarts, NO_REASON)),
    ...(opts.reportUnusedDirectives ? unused.map((d) => directiveProblem(d, doc.text, doc.lineStarts, UNUSED)) : []),
  ].sort((a, b) => a.offset - b.offset);
  return { path, findings: kept, directives: problems, source: doc.text };
}
