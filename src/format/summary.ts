// Counts findings by severity across files: the summary every format reports.
import type { FileResult, Finding } from '../types.js';

/** Files linted and findings per severity. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Findings and disable-comment warnings of a file, in position order (what people-facing formats show). */
export function allProblems(r: FileResult): Finding[] {
  return r.directives?.length ? [...r.findings, ...r.directives].sort((a, b) => a.offset - b.offset) : r.findings;
}

export function summarize(results: FileResult[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    for (const f of allProblems(r)) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}
