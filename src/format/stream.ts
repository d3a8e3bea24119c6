// Writes a report file by file as results arrive, so a large run never holds every document in memory.
import type { FileResult } from '../types.js';
import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { htmlReport } from './html.js';
import { jsonEnd, jsonFileText, jsonStart } from './json.js';
import { formatJunit } from './junit.js';
import { maskResults } from './mask.js';
import { formatSarif } from './sarif.js';
import { stylishFile, stylishSummary } from './stylish.js';
import { allProblems, summarize, type Summary } from './summary.js';
import type { FormatContext, FormatName } from './index.js';

/** A report in pieces: `file` for each result in order, then `end` once. */
export interface ReportWriter {
  start(): string;
  file(r: FileResult): string;
  /** `hiddenInfos`: infos --min-severity filtered out (stylish mentions them). */
  end(hiddenInfos: number): string;
  summary(): Summary;
}

/** The streaming writer of `format`. Formats that need every result first (SARIF, JUnit) keep them without their text. */
export function reportWriter(format: FormatName, ctx: Omit<FormatContext, 'hiddenInfos'>): ReportWriter {
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  let filesWithProblems = 0;
  let first = true;
  const kept: FileResult[] = [];
  const html = format === 'html' ? htmlReport(ctx.version, ctx.mask) : undefined;
  const count = (r: FileResult) => {
    const s = summarize([r]);
    summary.files += s.files;
    summary.errors += s.errors;
    summary.warnings += s.warnings;
    summary.infos += s.infos;
    if (allProblems(r).some((f) => f.severity !== 'info')) filesWithProblems++;
  };
  return {
    summary: () => ({ ...summary }),
    start: () => (format === 'json' ? jsonStart(ctx.version) : ''),
    file(raw) {
      const r = ctx.mask ? maskResults([raw])[0] : raw;
      count(r);
      switch (format) {
        case 'stylish':
          return stylishFile(r, ctx.color);
        case 'json': {
          const text = jsonFileText(r, first);
          first = false;
          return text;
        }
        case 'compact':
          return formatCompact([r]);
        case 'github':
          return formatGithub([r]).replace(/^phi-lint: .*\n$/m, '');
        case 'html':
          html!.file(r);
          return '';
        default:
          kept.push({ ...r, source: '' });
          return '';
      }
    },
    end(hiddenInfos) {
      switch (format) {
        case 'stylish':
          return stylishSummary(summary, filesWithProblems, hiddenInfos, ctx.color);
        case 'json':
          return jsonEnd(summary, first);
        case 'compact':
          return '';
        case 'github':
          return `phi-lint: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos in ${summary.files} files\n`;
        case 'sarif':
          return formatSarif(kept, ctx);
        case 'junit':
          return formatJunit(kept);
        case 'html':
          return html!.end();
      }
    },
  };
}
