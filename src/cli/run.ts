// The lint command: discover files, lint each, apply fixes when asked, print the report, decide the exit code.
import path from 'node:path';
import { createDocument } from '../document/document.js';
import { lintDocument, type LintEnv } from '../engine/lint.js';
import { applyFixes, unifiedDiff } from '../fix/apply.js';
import { writeAtomic } from '../fix/write.js';
import { discoverFiles, readIgnoreFile } from '../files/discover.js';
import { readDraft } from '../files/read.js';
import { formatJson } from '../format/json.js';
import { formatStylish } from '../format/stylish.js';
import { summarize } from '../format/summary.js';
import { setup, type RuleOverride } from '../setup.js';
import { SEVERITY_RANK, type FileResult, type Severity } from '../types.js';
import { UserError } from '../errors.js';

/** Options of one lint run, as the CLI parsed them. */
export interface LintRunOptions {
  cwd: string;
  paths: string[];
  format: 'stylish' | 'json';
  configPath?: string;
  overrides: RuleOverride[];
  /** Findings below this are not reported (default: warning for stylish, info for machine formats). */
  minSeverity?: Severity;
  /** More warnings than this make the exit code 1 (default: no limit). */
  maxWarnings?: number;
  color: boolean;
  fix: boolean;
  fixDryRun: boolean;
  version: string;
}

interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Lint one text in memory; every finding, whatever its severity. */
export function lintOne(env: LintEnv, file: string, text: string): FileResult {
  const doc = createDocument(file, text);
  return { path: file, findings: lintDocument(doc, env), source: doc.text };
}

/** The minimum severity shown: as asked, else `warning` for people (stylish) and `info` for tools. */
export function effectiveMin(opts: Pick<LintRunOptions, 'minSeverity' | 'format'>): Severity {
  return opts.minSeverity ?? (opts.format === 'stylish' ? 'warning' : 'info');
}

function report(all: FileResult[], opts: LintRunOptions, io: Out): number {
  const min = effectiveMin(opts);
  const results = all.map((r) => ({ ...r, findings: r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min]) }));
  const hidden = summarize(all).infos - summarize(results).infos;
  io.stdout(opts.format === 'json' ? formatJson(results, opts.version) : formatStylish(results, opts.color, hidden));
  const s = summarize(results);
  if (s.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && s.warnings > opts.maxWarnings) {
    io.stderr(`phi-lint: ${s.warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}

/** Lint standard input. */
export async function lintText(text: string, name: string, opts: LintRunOptions, io: Out): Promise<number> {
  const { env } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: opts.overrides });
  const result = lintOne(env, name, text);
  if (opts.fixDryRun) {
    io.stdout(unifiedDiff(name, result.source, applyFixes(result.source, result.findings).text));
    return 0;
  }
  return report([result], opts, io);
}

/** Lint the files named on the command line. */
export async function lintFiles(opts: LintRunOptions, io: Out): Promise<number> {
  const { config, env } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: opts.overrides });
  const ignore = [
    ...readIgnoreFile(opts.cwd),
    ...config.ignore.map((g) => path.relative(opts.cwd, path.resolve(config.root, g)).split(path.sep).join('/') || g),
  ];
  const files = discoverFiles(opts.paths, { cwd: opts.cwd, extensions: config.extensions, ignore });
  if (!files.length) {
    const where = opts.paths.length && !(opts.paths.length === 1 && opts.paths[0] === '.') ? opts.paths.join(', ') : 'this folder';
    throw new UserError(`no drafts to lint in ${where} (looked for ${config.extensions.join(' ')} files)`);
  }
  const results: FileResult[] = [];
  let unreadable = 0;
  const diffs: string[] = [];
  for (const file of files) {
    const read = readDraft(path.resolve(opts.cwd, file));
    if (!read.ok) {
      if (read.skipped) io.stderr(`phi-lint: ${read.note.replace(path.resolve(opts.cwd, file), file)}\n`);
      else {
        unreadable++;
        io.stderr(`phi-lint: ${read.error.replace(path.resolve(opts.cwd, file), file)}\n`);
      }
      continue;
    }
    if (read.note) io.stderr(`phi-lint: warning: ${read.note.replace(path.resolve(opts.cwd, file), file)}\n`);
    let result = lintOne(env, file, read.text);
    if (opts.fix || opts.fixDryRun) {
      const fixed = applyFixes(result.source, result.findings);
      if (fixed.applied.length) {
        if (opts.fixDryRun) diffs.push(unifiedDiff(file, result.source, fixed.text));
        else if (writeAtomic(path.resolve(opts.cwd, file), fixed.text, result.source)) {
          // Report what is left after the fixes.
          result = lintOne(env, file, fixed.text);
        } else io.stderr(`phi-lint: warning: ${file} changed on disk while it was linted; not fixed\n`);
      }
    }
    results.push(result);
  }
  if (opts.fixDryRun) {
    io.stdout(diffs.join(''));
    return unreadable ? 2 : 0;
  }
  const code = report(results, opts, io);
  return unreadable ? 2 : code;
}
