// The lint command: collect files (paths, staged blobs or stdin), lint each, fix, apply the baseline, report.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { applyBaseline, readBaseline, updatedBaseline, writeBaseline } from '../baseline.js';
import { lintFile } from '../engine/lint-file.js';
import type { LintEnv } from '../engine/lint.js';
import { UserError } from '../errors.js';
import { applyFixes, unifiedDiff } from '../fix/apply.js';
import { writeAtomic } from '../fix/write.js';
import { discoverFiles, readIgnoreFile } from '../files/discover.js';
import { readBuffer, readDraft, type ReadResult } from '../files/read.js';
import { findRepoRoot, repoRoot, stagedContent, stagedFiles } from '../files/staged.js';
import { render, shouldMask, type FormatName } from '../format/index.js';
import { summarize } from '../format/summary.js';
import { setup, type RuleOverride } from '../setup.js';
import { SEVERITY_RANK, type FileResult, type Severity } from '../types.js';

/** Options of one lint run, as the CLI parsed them. */
export interface LintRunOptions {
  cwd: string;
  paths: string[];
  format: FormatName;
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
  /** Write the report here; standard output gets the stylish report for people. */
  output?: string;
  /** Mask matched text; undefined: on when the CI environment variable is set. */
  mask?: boolean;
  /** Lint the staged (index) versions of the staged files. */
  staged?: boolean;
  /** Report only findings this baseline file does not record. */
  baseline?: string;
  /** Write the current findings to the baseline file. */
  updateBaseline?: boolean;
  reportUnusedDirectives?: boolean;
  env: NodeJS.ProcessEnv;
}

interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * The minimum severity shown: as asked, else `info` for the JSON report (tools filter for themselves) and
 * `warning` for every format people read, annotations and alerts included (infos there are noise).
 */
export function effectiveMin(opts: Pick<LintRunOptions, 'minSeverity'>, format: FormatName): Severity {
  return opts.minSeverity ?? (format === 'json' ? 'info' : 'warning');
}

/** Print (or write) the report and decide the exit code from what is shown. */
function report(all: FileResult[], opts: LintRunOptions, env: LintEnv, io: Out, root: string): number {
  const mask = shouldMask(opts.mask, opts.env);
  const view = (format: FormatName) => {
    const min = effectiveMin(opts, format);
    const results = all.map((r) => ({ ...r, findings: r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min]) }));
    const hiddenInfos = summarize(all).infos - summarize(results).infos;
    return { results, text: render(format, results, { version: opts.version, color: opts.color, mask, hiddenInfos, rules: env.rules, root, cwd: opts.cwd }) };
  };
  const main = view(opts.format);
  if (opts.output) {
    const file = path.resolve(opts.cwd, opts.output);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, main.text);
    } catch (e) {
      throw new UserError(`cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, opts.output);
    }
    io.stdout(opts.format === 'stylish' ? `phi-lint: report written to ${opts.output}\n` : view('stylish').text);
  } else {
    io.stdout(main.text);
  }
  const s = summarize(main.results);
  if (s.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && s.warnings > opts.maxWarnings) {
    io.stderr(`phi-lint: ${s.warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}

/** Apply --baseline / --update-baseline; returns the results to report (undefined when the baseline was written). */
function withBaseline(results: FileResult[], opts: LintRunOptions, io: Out): FileResult[] | undefined {
  if (!opts.baseline) {
    if (opts.updateBaseline) throw new UserError('--update-baseline needs --baseline FILE');
    return results;
  }
  const file = path.resolve(opts.cwd, opts.baseline);
  if (opts.updateBaseline) {
    const next = updatedBaseline(readBaseline(file, true, opts.baseline), results);
    writeBaseline(file, next);
    io.stderr(`phi-lint: baseline written to ${opts.baseline} (${next.entries.length} entries)\n`);
    return undefined;
  }
  return applyBaseline(results, readBaseline(file, false, opts.baseline));
}

/** Lint standard input. */
export async function lintText(text: string, name: string, opts: LintRunOptions, io: Out): Promise<number> {
  const { env } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: opts.overrides });
  const result = lintFile(env, name, text, { reportUnusedDirectives: opts.reportUnusedDirectives });
  if (opts.fixDryRun) {
    io.stdout(unifiedDiff(name, result.source, applyFixes(result.source, result.findings).text));
    return 0;
  }
  const results = withBaseline([result], opts, io);
  return results ? report(results, opts, env, io, opts.cwd) : 0;
}

/** A file to lint and how to read it. */
interface Source {
  path: string;
  read: () => ReadResult;
  /** On disk, so --fix may write it. */
  writable: boolean;
}

/** Lint the files named on the command line, or the staged files. */
export async function lintFiles(opts: LintRunOptions, io: Out): Promise<number> {
  const { config, env } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: opts.overrides });
  const ignore = [
    ...readIgnoreFile(opts.cwd),
    ...config.ignore.map((g) => path.relative(opts.cwd, path.resolve(config.root, g)).split(path.sep).join('/') || g),
  ];
  let sources: Source[];
  // SARIF paths are relative to the repository root when there is one.
  let root = opts.format === 'sarif' ? (findRepoRoot(opts.cwd) ?? opts.cwd) : opts.cwd;
  if (opts.staged) {
    if (opts.fix) throw new UserError('--fix cannot be combined with --staged (it would change the work tree, not what is staged); use --fix-dry-run');
    root = repoRoot(opts.cwd);
    const ignored = picomatch(ignore.length ? ignore : ['\u0000'], { dot: true });
    const within = opts.paths.map((p) => path.relative(opts.cwd, path.resolve(opts.cwd, p)).split(path.sep).join('/'));
    sources = stagedFiles(opts.cwd, config.extensions)
      .filter((f) => !ignored(f.path))
      .filter((f) => !within.length || within.some((w) => (w === '' ? !f.path.startsWith('../') : f.path === w || f.path.startsWith(`${w}/`))))
      .map((f) => ({ path: f.path, writable: false, read: () => readBuffer(stagedContent(root, f.repoPath), f.path) }));
    if (!sources.length) {
      io.stderr(`phi-lint: no staged drafts to lint (looked for ${config.extensions.join(' ')} files)\n`);
      return 0;
    }
  } else {
    const files = discoverFiles(opts.paths, { cwd: opts.cwd, extensions: config.extensions, ignore });
    if (!files.length) {
      const where = opts.paths.length && !(opts.paths.length === 1 && opts.paths[0] === '.') ? opts.paths.join(', ') : 'this folder';
      throw new UserError(`no drafts to lint in ${where} (looked for ${config.extensions.join(' ')} files)`);
    }
    sources = files.map((file) => ({ path: file, writable: true, read: () => readDraft(path.resolve(opts.cwd, file), file) }));
  }

  const results: FileResult[] = [];
  let unreadable = 0;
  const diffs: string[] = [];
  for (const src of sources) {
    const read = src.read();
    if (!read.ok) {
      if (read.skipped) io.stderr(`phi-lint: ${read.note}\n`);
      else {
        unreadable++;
        io.stderr(`phi-lint: ${read.error}\n`);
      }
      continue;
    }
    if (read.note) io.stderr(`phi-lint: warning: ${read.note}\n`);
    let result = lintFile(env, src.path, read.text, { reportUnusedDirectives: opts.reportUnusedDirectives });
    if (opts.fix || opts.fixDryRun) {
      const fixed = applyFixes(result.source, result.findings);
      if (fixed.applied.length) {
        if (opts.fixDryRun || !src.writable) diffs.push(unifiedDiff(src.path, result.source, fixed.text));
        else if (writeAtomic(path.resolve(opts.cwd, src.path), fixed.text, result.source)) {
          // Report what is left after the fixes.
          result = lintFile(env, src.path, fixed.text, { reportUnusedDirectives: opts.reportUnusedDirectives });
        } else io.stderr(`phi-lint: warning: ${src.path} changed on disk while it was linted; not fixed\n`);
      }
    }
    results.push(result);
  }
  if (opts.fixDryRun) {
    io.stdout(diffs.join(''));
    return unreadable ? 2 : 0;
  }
  const shown = withBaseline(results, opts, io);
  const code = shown ? report(shown, opts, env, io, root) : 0;
  return unreadable ? 2 : code;
}
