// The --format json report: exactly the contract of shared/docs/json-report.md.
import type { FileResult } from '../types.js';
import type { Summary } from './summary.js';

/** The report's opening, up to the files list: the streaming writer prints files as they are linted. */
export function jsonStart(version: string): string {
  return `{\n  "tool": ${indent(JSON.stringify({ name: 'phi-lint', version }, null, 2), 2)},\n  "files": [`;
}

/** One file's entry, formatted exactly as inside the whole report. */
export function jsonFileText(r: FileResult, first: boolean): string {
  return `${first ? '' : ','}\n    ${indent(JSON.stringify(jsonFile(r), null, 2), 4)}`;
}

/** The closing: the summary. `empty` when no file was listed. */
export function jsonEnd(summary: Summary, empty: boolean): string {
  return `${empty ? ']' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(summary, null, 2), 2)}\n}\n`;
}

const indent = (s: string, n: number) => s.replace(/\n/g, `\n${' '.repeat(n)}`);

/** The report entry of one file. */
export function jsonFile(r: FileResult) {
  return {
    path: r.path,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      category: f.category,
      type: f.type,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      offset: f.offset,
      length: f.length,
      text: f.text,
      suggestions: f.suggestions,
      ...(f.fix ? { fix: f.fix } : {}),
      // Added field: the people model's evidence for the decision, when it made one.
      ...(f.evidence?.length ? { evidence: f.evidence } : {}),
    })),
    // Added field: warnings about disable comments (missing reason, unused), only when there are any.
    ...(r.directives?.length
      ? { directives: r.directives.map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, offset: d.offset, length: d.length })) }
      : {}),
  };
}
