// The lint command: collect files (paths, staged blobs or stdin), lint them across cores, fix, apply the
// baseline, and stream the report file by file, so memory stays flat in the number of files.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { applyBaseline, keyMismatch, readBaseline, updatedBaseline, writeBaseline, type Baseline } from '../baseline.js';
import { DEFAULT_CACHE_LOCATION, openCache, type Cache } from '../cache.js';
import { hashKey, keyId } from '../hash.js';
import { canFix, describeFormat, formatOf } from '../document/formats.js';
import { readPhoto } from '../files/image.js';
import { referencedPhotos } from '../files/photo-refs.js';
import { lintFile, type LintFileOptions } from '../engine/lint-file.js';
import type { LintEnv } from '../engine/lint.js';
import { UserError, writeFailure } from '../errors.js';
import { checkOutputTarget } from './output-target.js';
import { applyFixes, unifiedDiff } from '../fix/apply.js';
import { dryRun } from '../fix/dry-run.js';
import { writeFixed } from '../fix/write.js';
import { MAX_FINDINGS_PER_FILE } from '../engine/lint.js';
import { discoverFiles, readIgnoreFile } from '../files/discover.js';
import { DEFAULT_MAX_FILE_SIZE, readBuffer, readDraft, sizeRefusal, type ReadResult } from '../files/read.js';
import { findRepoRoot, repoRoot, stagedContent, stagedFiles } from '../files/staged.js';
import { shouldMask, type FormatName } from '../format/index.js';
import { reportWriter } from '../format/stream.js';
import { lintInOrder } from '../run/pool.js';
import { setup, type RuleOverride, type SetupOptions } from '../setup.js';
import { SEVERITY_RANK, type FileResult, type Severity } from '../types.js';
import { progress, wantProgress } from './progress.js';

/** Options of one lint run, as the CLI parsed them. */
export interface LintRunOptions {
  cwd: string;
  paths: string[];
  format: FormatName;
  configPath?: string;
  overrides: RuleOverride[];
  /** Findings below this are not reported (default: info for json, warning for the other formats). */
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
  /** Ignore every disable comment (--no-inline-config). */
  noInlineConfig?: boolean;
  /** Reuse results of unchanged files (--cache), stored at `cacheLocation`. */
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads (--workers); default from the number of files and cores. */
  workers?: number;
  /** Files larger than this many bytes are refused (0: no limit; default 10 MB). */
  maxFileSize?: number;
  /** Set by a SIGINT during --fix: stop after the file being written. */
  interrupted?: () => boolean;
  stderrIsTTY?: boolean;
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

/** Where the report goes: its writer, the people-facing stylish writer beside it (--output), and the sinks. */
interface Sink {
  add(r: FileResult): void;
  finish(): { errors: number; warnings: number };
}

function openSink(opts: LintRunOptions, env: LintEnv, io: Out, root: string, inputs: string[] = []): Sink {
  const mask = shouldMask(opts.mask, opts.env);
  const ctx = { version: opts.version, color: opts.color, mask, rules: env.rules, root, cwd: opts.cwd };
  const make = (format: FormatName) => ({ format, min: effectiveMin(opts, format), writer: reportWriter(format, ctx), hidden: 0 });
  const main = make(opts.format);
  let fd: number | undefined;
  if (opts.output) {
    const file = path.resolve(opts.cwd, opts.output);
    checkOutputTarget(file, opts.output, inputs);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fd = fs.openSync(file, 'w');
    } catch (e) {
      throw new UserError(`cannot write the report: ${writeFailure(e)}`, opts.output);
    }
  }
  const human = opts.output && opts.format !== 'stylish' ? make('stylish') : undefined;
  const toMain = (s: string) => {
    if (!s) return;
    if (fd === undefined) return io.stdout(s);
    try {
      fs.writeSync(fd, s);
    } catch (e) {
      throw new UserError(`cannot write the report: ${writeFailure(e)}`, opts.output);
    }
  };
  const shown = (target: { min: Severity; hidden: number }, r: FileResult): FileResult => {
    const findings = r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[target.min]);
    target.hidden += (r.omittedInfos ?? 0) + r.findings.filter((f) => f.severity === 'info').length - findings.filter((f) => f.severity === 'info').length;
    return { ...r, findings };
  };
  toMain(main.writer.start());
  human && io.stdout(human.writer.start());
  return {
    add(r) {
      toMain(main.writer.file(shown(main, r)));
      if (human) io.stdout(human.writer.file(shown(human, r)));
    },
    finish() {
      toMain(main.writer.end(main.hidden));
      if (fd !== undefined) {
        fs.closeSync(fd);
        io.stdout(human ? human.writer.end(human.hidden) : `phi-lint: report written to ${opts.output}\n`);
      }
      return main.writer.summary();
    },
  };
}

/** The exit code for what was shown: 1 on errors or too many warnings. */
function exitCode(s: { errors: number; warnings: number }, opts: LintRunOptions, io: Out): number {
  if (s.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && s.warnings > opts.maxWarnings) {
    io.stderr(`phi-lint: ${s.warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}

/** --baseline and --update-baseline. */
function baselineFor(opts: LintRunOptions, io: Out): { apply: (r: FileResult) => FileResult; record: (r: FileResult) => void; save: (io: Out) => void } {
  if (!opts.baseline) {
    if (opts.updateBaseline) throw new UserError('--update-baseline needs --baseline FILE');
    return { apply: (r) => r, record: () => {}, save: () => {} };
  }
  const file = path.resolve(opts.cwd, opts.baseline);
  const previous: Baseline = readBaseline(file, Boolean(opts.updateBaseline), opts.baseline);
  const mismatch = opts.updateBaseline ? undefined : keyMismatch(previous, opts.baseline);
  if (mismatch) io.stderr(`phi-lint: warning: ${mismatch}\n`);
  const seen: FileResult[] = [];
  return {
    apply: (r) => (opts.updateBaseline ? r : applyBaseline([r], previous)[0]),
    // Only what the baseline needs: rule ids and hashed keys, never the text.
    record: (r) => opts.updateBaseline && seen.push({ path: r.path, source: '', findings: r.findings.map((f) => ({ ...f, text: '', message: '' })) }),
    save: (io) => {
      if (!opts.updateBaseline) return;
      const next = updatedBaseline(previous, seen);
      writeBaseline(file, next);
      io.stderr(`phi-lint: baseline written to ${opts.baseline} (${next.entries.length} entries)\n`);
    },
  };
}

/** What lintFile needs from the command line. */
const lintOptions = (opts: LintRunOptions): LintFileOptions => ({ reportUnusedDirectives: opts.reportUnusedDirectives, noInlineConfig: opts.noInlineConfig });

/** Lint standard input. */
export async function lintText(text: string, name: string, opts: LintRunOptions, io: Out): Promise<number> {
  const { env } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: opts.overrides });
  hashKey();
  const result = lintFile(env, name, text, lintOptions(opts));
  if (result.error) {
    io.stderr(`phi-lint: ${name}: ${result.error}\n`);
    return 2;
  }
  const baseline = baselineFor(opts, io);
  if (opts.fixDryRun) {
    const { diff, after } = dryRun(env, result, shouldMask(opts.mask, opts.env), lintOptions(opts));
    io.stdout(diff);
    return errorsLeft([baseline.apply(after)], io);
  }
  baseline.record(result);
  if (opts.updateBaseline) {
    baseline.save(io);
    return 0;
  }
  const sink = openSink(opts, env, io, opts.cwd, [opts.configPath, opts.baseline].filter((p): p is string => Boolean(p)).map((p) => path.resolve(opts.cwd, p)));
  sink.add(baseline.apply(result));
  return exitCode(sink.finish(), opts, io);
}

/** --fix-dry-run: 1 when errors would remain after the fixes (no safe fix covers them), saying how many. */
function errorsLeft(results: FileResult[], io: Out): number {
  const files = results.filter((r) => r.findings.some((f) => f.severity === 'error'));
  if (!files.length) return 0;
  const n = files.reduce((sum, r) => sum + r.findings.filter((f) => f.severity === 'error').length, 0);
  io.stderr(`phi-lint: ${n} error${n === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'} would remain after these fixes (they need rewriting by hand); run phi-lint without --fix-dry-run to see them\n`);
  return 1;
}

/** A file to lint and how to read it. */
interface Source {
  path: string;
  read: () => ReadResult;
  /** For photos: what their metadata is read from (a path on disk, or the staged bytes). */
  photo?: () => Buffer | string;
  /** On disk, so --fix may write it. */
  writable: boolean;
}

/** The files to lint: the staged ones, or those the paths name. */
function collectSources(opts: LintRunOptions, config: Awaited<ReturnType<typeof setup>>['config'], io: Out): { sources: Source[]; root: string; unreadableFolders?: number } {
  const ignore = [
    ...readIgnoreFile(opts.cwd),
    ...config.ignore.map((g) => path.relative(opts.cwd, path.resolve(config.root, g)).split(path.sep).join('/') || g),
  ];
  if (opts.staged) {
    if (opts.fix) throw new UserError('--fix cannot be combined with --staged (it would change the work tree, not what is staged); use --fix-dry-run');
    const root = repoRoot(opts.cwd);
    // picomatch loads only for --staged: index paths cannot be globbed on disk.
    const picomatch = createRequire(import.meta.url)('picomatch') as typeof import('picomatch');
    const ignored = picomatch(ignore.length ? ignore : ['\u0000'], { dot: true });
    const within = opts.paths.map((p) => path.relative(opts.cwd, path.resolve(opts.cwd, p)).split(path.sep).join('/'));
    const exts = config.extensions.map((e) => e.toLowerCase());
    // As without --staged: a file named on the command line is linted whatever its extension; in folders, the config's extensions.
    const sources = stagedFiles(opts.cwd, [''])
      .filter((f) => (within.includes(f.path) || exts.some((e) => f.path.toLowerCase().endsWith(e))) && !ignored(f.path))
      .filter((f) => !within.length || within.some((w) => (w === '' ? !f.path.startsWith('../') : f.path === w || f.path.startsWith(`${w}/`))))
      .map((f) => ({
        path: f.path,
        writable: false,
        photo: () => stagedContent(root, f.repoPath),
        read: () => {
          const buf = stagedContent(root, f.repoPath);
          return sizeRefusal(buf.length, f.path, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) ?? readBuffer(buf, f.path, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
        },
      }));
    if (!sources.length) io.stderr(`phi-lint: no staged drafts to lint (looked for ${config.extensions.join(' ')} files)\n`);
    return { sources, root };
  }
  const denied: string[] = [];
  const files = discoverFiles(opts.paths, {
    cwd: opts.cwd, extensions: config.extensions, ignore,
    onUnreadableFolder: (folder) => {
      denied.push(folder);
      io.stderr(`phi-lint: ${folder}: cannot read the folder (permission denied); the drafts in it were not linted\n`);
    },
  });
  if (!files.length) {
    const where = opts.paths.length && !(opts.paths.length === 1 && opts.paths[0] === '.') ? opts.paths.join(', ') : 'this folder';
    throw new UserError(`no drafts to lint in ${where} (looked for ${config.extensions.join(' ')} files)`);
  }
  // SARIF paths are relative to the repository root when there is one.
  const root = opts.format === 'sarif' ? (findRepoRoot(opts.cwd) ?? opts.cwd) : opts.cwd;
  // Photos the drafts show are linted with them: their metadata can carry a patient's name or home.
  const all = [...files, ...referencedPhotos(files, opts.cwd)];
  return { sources: all.map((file) => ({ path: file, writable: true, photo: () => path.resolve(opts.cwd, file), read: () => readDraft(path.resolve(opts.cwd, file), file, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) })), root, unreadableFolders: denied.length };
}

/** Lint the files named on the command line, or the staged files. */
export async function lintFiles(opts: LintRunOptions, io: Out): Promise<number> {
  const setupOptions: SetupOptions = { cwd: opts.cwd, configPath: opts.configPath, overrides: opts.overrides };
  const { config, env, digest } = await setup(setupOptions);
  // Resolved before any worker starts: a bad PHI_LINT_HASH_KEY is a one-line error, and every thread uses one key.
  hashKey();
  const { sources, root, unreadableFolders = 0 } = collectSources(opts, config, io);
  if (!sources.length) return 0;
  // Photo metadata is read (asynchronously, only the metadata bytes) before linting; the rest is read as it is linted.
  for (const s of sources) {
    if (formatOf(s.path) !== 'image' || !s.photo) continue;
    const read = await readPhoto(s.photo(), s.path, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    s.read = () => read;
  }

  const cache: Cache | undefined = opts.cache
    ? openCache(path.resolve(opts.cwd, opts.cacheLocation ?? DEFAULT_CACHE_LOCATION), `${opts.version}:${digest}:${keyId()}:${opts.reportUnusedDirectives ? 1 : 0}${opts.noInlineConfig ? ':no-inline' : ''}`)
    : undefined;
  const baseline = baselineFor(opts, io);
  const inputs = [...sources.map((s) => path.resolve(opts.cwd, s.path)), config.file, opts.baseline && path.resolve(opts.cwd, opts.baseline)].filter((p): p is string => Boolean(p));
  const sink = opts.fixDryRun || opts.updateBaseline ? undefined : openSink(opts, env, io, root, inputs);
  const bar = progress(sources.length, wantProgress(sources.length, opts.format, Boolean(opts.stderrIsTTY), opts.env), io.stderr);
  const lintOpts = lintOptions(opts);
  // Findings below every shown severity are not rebuilt from the cache (baselines and fixes use warnings and errors).
  const floor = Math.min(SEVERITY_RANK[effectiveMin(opts, opts.format)], opts.output ? SEVERITY_RANK[effectiveMin(opts, 'stylish')] : 2);
  const keep = (s: Severity) => SEVERITY_RANK[s] >= floor;
  let unreadable = 0;
  const dryRunLeft: FileResult[] = [];

  // Texts are read as jobs are handed out; cached files never reach a worker.
  const cached = new Map<number, FileResult>();
  const next = (i: number) => {
    const read = sources[i].read();
    if (!read.ok) {
      unreadable++;
      io.stderr(`phi-lint: ${read.error}\n`);
      return undefined;
    }
    if (read.note) io.stderr(`phi-lint: warning: ${read.note}\n`);
    const hit = cache?.get(path.resolve(opts.cwd, sources[i].path), sources[i].path, read.text, keep);
    if (hit) {
      cached.set(i, hit);
      return undefined;
    }
    return { path: sources[i].path, text: read.text, ...lintOpts };
  };

  try {
    let done = 0;
    for await (const { index, result: linted } of lintInOrder(sources.length, next, { env, setup: setupOptions, workers: opts.workers })) {
      // Ctrl-C during --fix: every file written so far is complete (writes are atomic); stop here.
      if (opts.interrupted?.()) break;
      bar.tick(++done);
      let result = linted ?? cached.get(index);
      cached.delete(index);
      if (!result) continue;
      if (result.error) {
        unreadable++;
        io.stderr(`phi-lint: ${result.path}: ${result.error}\n`);
        continue;
      }
      if (linted) cache?.set(path.resolve(opts.cwd, sources[index].path), linted);
      if ((opts.fix || opts.fixDryRun) && !canFix(result.path) && result.findings.some((f) => f.fix)) {
        // The findings are in a text view of the file: writing it back would destroy a Word file or a photo.
        io.stderr(`phi-lint: ${result.path}: not fixed: --fix does not edit ${describeFormat(result.path)}; make the changes in the original${opts.fix ? '' : ' (nothing to show)'}\n`);
        result = { ...result, findings: result.findings.map(({ fix: _, ...f }) => f) };
        if (opts.fix) unreadable++;
      }
      if (opts.fixDryRun) {
        const { diff, after } = dryRun(env, result, shouldMask(opts.mask, opts.env), lintOpts);
        io.stdout(diff);
        // Only the error count is kept, not the texts.
        const left = baseline.apply(after).findings.filter((f) => f.severity === 'error');
        if (left.length) dryRunLeft.push({ path: after.path, source: '', findings: left.map((f) => ({ ...f, text: '', message: '' })) });
        continue;
      }
      if (opts.fix) {
        const outcome = fixFile(result, sources[index], opts, env, io);
        result = outcome.result;
        if (outcome.refused) unreadable++;
      }
      baseline.record(result);
      sink?.add(baseline.apply(result));
    }
  } finally {
    bar.clear();
    cache?.save();
  }
  if (opts.interrupted?.()) {
    io.stderr('phi-lint: interrupted; files already fixed were written completely, the rest are unchanged\n');
    return 130;
  }
  if (opts.fixDryRun) {
    const code = errorsLeft(dryRunLeft, io);
    return unreadable || unreadableFolders ? 2 : code;
  }
  baseline.save(io);
  const code = sink ? exitCode(sink.finish(), opts, io) : 0;
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (unreadable) io.stderr(`phi-lint: ${plural(unreadable, 'file')} could not be ${opts.fix ? 'linted or fixed' : 'linted'} (see above); exit code 2\n`);
  if (unreadableFolders) io.stderr(`phi-lint: ${plural(unreadableFolders, 'folder')} could not be read (see above); exit code 2\n`);
  return unreadable || unreadableFolders ? 2 : code;
}

/** --fix writes the file (see writeFixed) and re-lints it; --fix-dry-run prints the diff. A refusal is an error (exit 2). */
function fixFile(result: FileResult, src: Source, opts: LintRunOptions, env: LintEnv, io: Out): { result: FileResult; refused: boolean } {
  const fixed = applyFixes(result.source, result.findings);
  if (!fixed.applied.length) return { result, refused: false };
  if (opts.fixDryRun || !src.writable) {
    io.stdout(unifiedDiff(src.path, result.source, fixed.text));
    return { result, refused: false };
  }
  const written = writeFixed(path.resolve(opts.cwd, src.path), fixed.text, result.source);
  if (!written.ok) {
    io.stderr(written.changed ? `phi-lint: warning: ${src.path} changed on disk while it was linted; not fixed\n` : `phi-lint: ${src.path}: not fixed: ${written.reason}\n`);
    return { result, refused: !written.changed };
  }
  if (result.directives?.some((d) => d.ruleId === 'phi-lint/limit')) {
    io.stderr(`phi-lint: warning: ${src.path}: only the fixes among the first ${MAX_FINDINGS_PER_FILE.toLocaleString('en-US')} findings were made; run phi-lint --fix again for the rest\n`);
  }
  // Report what is left after the fixes.
  return { result: lintFile(env, src.path, fixed.text, lintOptions(opts)), refused: false };
}
