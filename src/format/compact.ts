// --format compact: one line per finding, `file:line:col: severity: message [rule]`, for editors and grep.
import { escapeControls } from './controls.js';
import { allProblems } from './summary.js';
import type { FileResult } from '../types.js';

export function formatCompact(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of allProblems(r)) lines.push(escapeControls(`${r.path}:${f.line}:${f.column}: ${f.severity}: ${f.message.replace(/\r?\n|\r/g, ' ')} [${f.ruleId}]`));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
