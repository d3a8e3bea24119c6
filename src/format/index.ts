// Chooses the formatter for --format and applies masking first: every format is built from the same findings.
import type { CompiledRule } from '../rules/compiled.js';
import type { FileResult } from '../types.js';
import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { maskResults } from './mask.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Everything a formatter may need besides the results. */
export interface FormatContext {
  version: string;
  color: boolean;
  /** Mask matched text (CI logs): see mask.ts. */
  mask: boolean;
  /** Infos filtered out by --min-severity (stylish mentions them). */
  hiddenInfos: number;
  rules: CompiledRule[];
  /** Repository root for SARIF URIs, and the working folder paths are relative to. */
  root: string;
  cwd: string;
}

/** Render `results` in `format`. */
export function render(format: FormatName, results: FileResult[], ctx: FormatContext): string {
  const shown = ctx.mask ? maskResults(results) : results;
  switch (format) {
    case 'stylish':
      return formatStylish(shown, ctx.color, ctx.hiddenInfos);
    case 'json':
      return formatJson(shown, ctx.version);
    case 'sarif':
      return formatSarif(shown, ctx);
    case 'github':
      return formatGithub(shown);
    case 'compact':
      return formatCompact(shown);
    case 'junit':
      return formatJunit(shown);
  }
}

/** Whether output is masked: --mask / --no-mask win; otherwise on when the CI environment variable is set. */
export function shouldMask(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  const ci = (env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}
