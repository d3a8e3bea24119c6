// The --format json report: exactly the contract of shared/docs/json-report.md.
import type { FileResult } from '../types.js';
import { summarize } from './summary.js';

/** The JSON report text (pretty-printed, ends with a newline). */
export function formatJson(results: FileResult[], version: string): string {
  const report = {
    tool: { name: 'phi-lint', version },
    files: results.map((r) => ({
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
      })),
      // Added field: warnings about disable comments (missing reason, unused), only when there are any.
      ...(r.directives?.length
        ? { directives: r.directives.map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, offset: d.offset, length: d.length })) }
        : {}),
    })),
    summary: summarize(results),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
