// Splits a draft into runs of text and the findings covering each run, so overlapping findings highlight cleanly.
import type { Finding, Severity } from '../types.js';
import { SEVERITY_RANK } from '../types.js';

/** A run of the draft's text: `[from, to)` in UTF-16 offsets, with the indexes of the findings covering it. */
export interface Run {
  from: number;
  to: number;
  /** Indexes into the findings list, in list order; empty for plain text. */
  covering: number[];
}

/**
 * The runs of `text`, cut at every finding's start and end. Findings of length 0 or outside the text
 * cover no run (the report lists them without a highlight).
 */
export function runsOf(text: string, findings: Pick<Finding, 'offset' | 'length'>[]): Run[] {
  const cuts = new Set<number>([0, text.length]);
  const spans = findings.map((f, i) => ({ i, from: Math.max(0, f.offset), to: Math.min(text.length, f.offset + f.length) })).filter((s) => s.to > s.from);
  for (const s of spans) {
    cuts.add(s.from);
    cuts.add(s.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start enter as the sweep passes them and leave at their end.
  const byStart = [...spans].sort((a, b) => a.from - b.from);
  let next = 0;
  let open: typeof spans = [];
  const runs: Run[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p];
    const to = points[p + 1];
    open = open.filter((s) => s.to > from);
    while (next < byStart.length && byStart[next].from <= from) {
      if (byStart[next].to > from) open.push(byStart[next]);
      next++;
    }
    runs.push({ from, to, covering: open.map((s) => s.i).sort((a, b) => a - b) });
  }
  return runs;
}

/** The most severe severity among `findings[covering]`. */
export function worst(findings: Pick<Finding, 'severity'>[], covering: number[]): Severity {
  let best: Severity = 'info';
  for (const i of covering) if (SEVERITY_RANK[findings[i].severity] > SEVERITY_RANK[best]) best = findings[i].severity;
  return best;
}
