// Applies safe fixes to a text (in reverse order, skipping overlaps) and renders unified diffs for --fix-dry-run.
import { createRequire } from 'node:module';
import type { Finding } from '../types.js';

/** The fixed text and the fixes that were applied; overlapping fixes after the first are left for the next run. */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: Finding[] } {
  const fixable = findings.filter((f) => f.fix).sort((a, b) => a.fix!.offset - b.fix!.offset || b.fix!.length - a.fix!.length);
  const chosen: Finding[] = [];
  let lastEnd = -1;
  for (const f of fixable) {
    if (f.fix!.offset < lastEnd) continue;
    chosen.push(f);
    lastEnd = f.fix!.offset + f.fix!.length;
  }
  // One pass over the kept pieces: re-slicing the whole text per fix is quadratic in a file with thousands of fixes.
  const parts: string[] = [];
  let at = 0;
  for (const f of chosen) {
    parts.push(text.slice(at, f.fix!.offset), f.fix!.replacement);
    at = f.fix!.offset + f.fix!.length;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied: chosen };
}

/** A unified diff of one file's change ('' when nothing changes). */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  // Loaded on first use: only --fix-dry-run prints diffs.
  const { createTwoFilesPatch } = createRequire(import.meta.url)('diff') as typeof import('diff');
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 3 });
}
