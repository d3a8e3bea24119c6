// The output formats and their shared settings; src/format/stream.ts writes them file by file.
import type { CompiledRule } from '../rules/compiled.js';

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

/** Whether output is masked: --mask / --no-mask win; otherwise on when the CI environment variable is set. */
export function shouldMask(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  const ci = (env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}
