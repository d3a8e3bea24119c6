// --fix-dry-run: the diff of the safe fixes (masked like every other output) and the errors they leave.
import { lintFile, type LintFileOptions } from '../engine/lint-file.js';
import type { LintEnv } from '../engine/lint.js';
import { maskResults, maskText } from '../format/mask.js';
import type { FileResult } from '../types.js';
import { applyFixes, unifiedDiff } from './apply.js';

/** What a dry run of one file shows and leaves. */
export interface DryRun {
  /** The unified diff ('' when no fix applies). */
  diff: string;
  /** The file as it would be after the fixes, linted again (the original result when nothing changes). */
  after: FileResult;
}

/**
 * The diff of `result`'s fixes. With `mask`, both sides show every matched span masked (a replacement
 * that quotes the match is masked too), exactly as the other formats mask them; offsets do not move.
 */
export function dryRun(env: LintEnv, result: FileResult, mask: boolean, opts: LintFileOptions): DryRun {
  const fixed = applyFixes(result.source, result.findings);
  if (!fixed.applied.length) return { diff: '', after: result };
  const after = lintFile(env, result.path, fixed.text, opts);
  if (!mask) return { diff: unifiedDiff(result.path, result.source, fixed.text), after };
  const masked = maskResults([result])[0];
  const hidden = masked.findings.map((f, i) => {
    const original = result.findings[i];
    if (!f.fix) return f;
    const replacement = original.text ? f.fix.replacement.split(original.text).join(maskText(original.text)) : f.fix.replacement;
    return { ...f, fix: { ...f.fix, replacement } };
  });
  return { diff: unifiedDiff(result.path, masked.source, applyFixes(masked.source, hidden).text), after };
}
