// Baselines: record today's findings as salted, keyed content hashes, then report only what is new.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { UserError } from './errors.js';
import { keyId, keyedHex } from './hash.js';
import type { FileResult, Finding } from './types.js';

/** The baseline file: a salt and, per finding, its rule, file and a salted hash (never the matched text). */
export interface Baseline {
  phiLintBaseline: 1;
  /** Random per baseline file; hashes of short matches cannot be looked up in a precomputed table. */
  salt: string;
  /** Which hash key made the entries (src/hash.ts keyId); absent in baselines from before keyed hashes. */
  keyId?: string;
  entries: BaselineEntry[];
}

export interface BaselineEntry {
  ruleId: string;
  path: string;
  /** HMAC(key; salt, path, finding key): stable when lines move, useless without the key. */
  hash: string;
}

/** The salted, keyed fingerprint of a finding in `path`. */
export function fingerprint(salt: string, path: string, f: Finding): string {
  return keyedHex(`${salt}\u0000${path}\u0000${f.key ?? `${f.ruleId}\u0000${f.text}`}`);
}

/** Why the baseline's entries cannot match this run's findings, or undefined when its key is the current one. */
export function keyMismatch(b: Baseline, name: string): string | undefined {
  if (!b.entries.length || b.keyId === keyId()) return undefined;
  return `${name} was made with a different hash key (PHI_LINT_HASH_KEY or the key file changed, or it predates keyed hashes), so none of its ${b.entries.length} entries match and every finding is reported as new; restore the key, or record a new baseline with --update-baseline`;
}

/** Read a baseline; a missing file is an empty baseline only when `allowMissing` (for --update-baseline). */
export function readBaseline(file: string, allowMissing: boolean, name = file): Baseline {
  if (!fs.existsSync(file)) {
    if (allowMissing) return { phiLintBaseline: 1, salt: randomBytes(16).toString('hex'), keyId: keyId(), entries: [] };
    throw new UserError(`baseline file not found: ${name} (create it with --update-baseline)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`the baseline is not valid JSON: ${(e as Error).message}`, name);
  }
  const b = data as Partial<Baseline>;
  if (b?.phiLintBaseline !== 1 || typeof b.salt !== 'string' || !Array.isArray(b.entries)) {
    throw new UserError('this is not a phi-lint baseline (expected "phiLintBaseline": 1, "salt" and "entries")', name);
  }
  return b as Baseline;
}

/** Results without the findings the baseline records (each entry excuses one finding). */
export function applyBaseline(results: FileResult[], baseline: Baseline): FileResult[] {
  const counts = new Map<string, number>();
  for (const e of baseline.entries) counts.set(e.hash, (counts.get(e.hash) ?? 0) + 1);
  return results.map((r) => ({
    ...r,
    findings: r.findings.filter((f) => {
      const h = fingerprint(baseline.salt, r.path, f);
      const n = counts.get(h) ?? 0;
      if (n === 0) return true;
      counts.set(h, n - 1);
      return false;
    }),
  }));
}

/**
 * The baseline after this run: entries of the files linted now are replaced by their current warnings and
 * errors (so stale ones go); entries of files not linted in this run are kept.
 */
export function updatedBaseline(previous: Baseline, results: FileResult[]): Baseline {
  const linted = new Set(results.map((r) => r.path));
  const kept = previous.entries.filter((e) => !linted.has(e.path));
  const fresh = results.flatMap((r) =>
    r.findings.filter((f) => f.severity !== 'info').map((f) => ({ ruleId: f.ruleId, path: r.path, hash: fingerprint(previous.salt, r.path, f) })),
  );
  const entries = [...kept, ...fresh].sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.hash.localeCompare(b.hash));
  return { phiLintBaseline: 1, salt: previous.salt, keyId: keyId(), entries };
}

/** Write the baseline (pretty JSON, stable order, so diffs in review are small). */
export function writeBaseline(file: string, baseline: Baseline): void {
  fs.writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
