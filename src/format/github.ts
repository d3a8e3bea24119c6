// --format github: GitHub Actions workflow commands that annotate the pull request's files.
import type { FileResult, Severity } from '../types.js';
import { escapeControls } from './controls.js';
import { allProblems, summarize } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape a message (data) as GitHub requires (%, CR and LF), and control characters as \x1b (logs render ANSI). */
export function escapeData(s: string): string {
  return escapeControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value: the data escapes plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of allProblems(r)) {
      const props = [
        `file=${escapeProperty(r.path)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        `col=${f.column}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      lines.push(`::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`);
    }
  }
  const s = summarize(results);
  lines.push(`phi-lint: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos in ${s.files} files`);
  return `${lines.join('\n')}\n`;
}
