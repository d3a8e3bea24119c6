// The output formats and their shared settings; src/format/stream.ts writes them file by file.
import { createRequire } from 'node:module';
import type { CompiledRule } from '../rules/compiled.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact', 'junit', 'html'] as const;
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

/**
 * Whether output is masked: --mask / --no-mask win; otherwise on in any CI. ci-info (maintained, about 50
 * services) knows the variables each CI sets: Jenkins and TeamCity set no `CI`, Azure Pipelines sets
 * TF_BUILD, Buildkite BUILDKITE. It reads the process environment, so another `env` is judged by `CI` alone.
 */
export function shouldMask(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env === process.env) return (createRequire(import.meta.url)('ci-info') as { isCI: boolean }).isCI;
  const ci = (env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false';
}
