// The default human format: findings grouped by file, the offending line with the match underlined, suggestions, a summary.
import { Chalk } from 'chalk';
import { lineStarts, lineText } from '../document/lines.js';
import { escapeControls, escapeLine } from './controls.js';
import type { FileResult, Severity } from '../types.js';
import { allProblems, type Summary } from './summary.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One file's block: its path, then each problem with the line, a caret and suggestions ('' when clean). */
export function stylishFile(r: FileResult, color: boolean): string {
  const problems = allProblems(r);
  if (!problems.length) return '';
  const c = new Chalk({ level: color ? 1 : 0 });
  const sev: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  {
    out.push(c.underline(escapeControls(r.path)));
    const starts = lineStarts(r.source);
    for (const f of problems) {
      const where = `${f.line}:${f.column}`.padEnd(8);
      out.push(`  ${c.dim(where)}${sev[f.severity](f.severity.padEnd(8))}${escapeControls(f.message).replace(/\r?\n|\r/g, ' ')}  ${c.dim(escapeControls(f.ruleId))}`);
      const text = lineText(r.source, starts, f.line).replace(/\t/g, ' ');
      const lineNo = String(f.line);
      const pad = ' '.repeat(lineNo.length);
      const cut = text.length > 160 ? excerpt(text, f.column - 1, f.endLine === f.line ? f.endColumn - 1 : text.length) : { text, from: f.column - 1, to: f.endLine === f.line ? f.endColumn - 1 : text.length };
      // Control characters print as \x1b or \u202e; the caret moves with them.
      const shown = escapeLine(cut.text, cut.from, cut.to);
      out.push(`    ${c.dim(`${lineNo} |`)} ${shown.text}`);
      out.push(`    ${c.dim(`${pad} |`)} ${' '.repeat(shown.from)}${sev[f.severity]('^'.repeat(Math.max(1, shown.to - shown.from)))}`);
      for (const s of f.suggestions) {
        const repl = s.replacement === undefined ? '' : s.replacement === '' ? ` ${c.dim('(delete it)')}` : `: ${c.green(escapeControls(JSON.stringify(s.replacement)))}`;
        out.push(`    ${c.dim('→')} ${escapeControls(s.message).replace(/\r?\n|\r/g, ' ')}${repl}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** The closing summary line (and the count of infos not shown). */
export function stylishSummary(s: Summary, fileCount: number, hiddenInfos: number, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  if (s.errors + s.warnings) {
    const mark = s.errors ? c.red.bold('✖') : c.yellow.bold('⚠');
    const info = s.infos ? `, ${plural(s.infos, 'info')}` : '';
    out.push(`${mark} ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${info} in ${plural(fileCount, 'file')}`);
  } else {
    const info = s.infos ? ` (${plural(s.infos, 'info')})` : '';
    out.push(`${c.green('✔')} no problems in ${plural(s.files, 'file')}${info}`);
  }
  if (hiddenInfos) out.push(c.dim(`(${plural(hiddenInfos, 'info')} not shown: identifiers with no patient context; --min-severity info lists them)`));
  return `${out.join('\n')}\n`;
}

/** A window of a long line around the match, with the match's new columns. */
function excerpt(text: string, from: number, to: number): { text: string; from: number; to: number } {
  const start = Math.max(0, from - 60);
  const end = Math.min(text.length, Math.max(to, from) + 60);
  const prefix = start > 0 ? '…' : '';
  return { text: `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`, from: from - start + prefix.length, to: Math.min(to, end) - start + prefix.length };
}
