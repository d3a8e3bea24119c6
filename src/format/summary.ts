// Counts findings by severity across files: the summary every format reports.
import type { FileResult } from '../types.js';

/** Files linted and findings per severity. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(results: FileResult[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}
