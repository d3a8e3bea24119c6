// Turns the command line's paths, folders and globs into the list of files to lint.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { UserError } from '../errors.js';

export const IGNORE_FILE = '.phi-lintignore';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** gitignore-style lines → fast-glob ignore patterns (relative to the folder the ignore file is in). */
export function ignorePatterns(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const dirOnly = line.endsWith('/');
    let p = line.replace(/\/$/, '');
    const anchored = p.startsWith('/') || p.includes('/');
    p = p.replace(/^\//, '');
    const base = anchored ? p : `**/${p}`;
    out.push(`${base}/**`);
    if (!dirOnly) out.push(base);
  }
  return out;
}

/** Ignore patterns from `.phi-lintignore` in `dir`, if it exists. */
export function readIgnoreFile(dir: string): string[] {
  const file = path.join(dir, IGNORE_FILE);
  return fs.existsSync(file) ? ignorePatterns(fs.readFileSync(file, 'utf8').split(/\r?\n/)) : [];
}

export interface DiscoverOptions {
  cwd: string;
  /** Extensions linted inside folders, with the dot. */
  extensions: string[];
  /** Extra ignore globs, relative to cwd. */
  ignore: string[];
  /** Called for each folder that cannot be read (permission denied): the rest of the tree is still searched. */
  onUnreadableFolder?: (folder: string, code: string) => void;
}

const isGlob = (p: string) => /[*?[\]{}]/.test(p);

/**
 * Files and links to files matching `pattern`. Links to folders are not followed (no loops, no escaping
 * the tree); links to files are kept, and a broken one is reported when it is read, not skipped silently.
 */
function entries(pattern: string, cwd: string, ignore: string[], caseInsensitive: boolean, onUnreadable?: DiscoverOptions['onUnreadableFolder']): string[] {
  const skipped: string[] = [];
  // fast-glob stops at the first folder it may not read; report that folder, leave it out, and search again.
  for (;;) {
    try {
      return fg
        .sync(pattern, { cwd, ignore: [...ignore, ...skipped], dot: false, onlyFiles: false, markDirectories: true, followSymbolicLinks: false, caseSensitiveMatch: !caseInsensitive })
        .filter((e) => !e.endsWith('/'));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if ((err.code !== 'EACCES' && err.code !== 'EPERM') || !err.path) throw e;
      const rel = path.relative(cwd, err.path).split(path.sep).join('/');
      const glob = fg.escapePath(rel);
      if (!rel || rel.startsWith('..') || skipped.includes(glob)) throw new UserError(`folder cannot be read (permission denied): ${rel || '.'}`);
      skipped.push(glob, `${glob}/**`);
      onUnreadable?.(rel, err.code);
    }
  }
}

/** Files to lint, relative to cwd where possible, sorted, without duplicates. */
export function discoverFiles(inputs: string[], opts: DiscoverOptions): string[] {
  const ignore = [...ALWAYS_IGNORED, ...opts.ignore];
  const exts = opts.extensions.map((e) => e.replace(/^\./, ''));
  const extGlob = exts.length === 1 ? `*.${exts[0]}` : `*.{${exts.join(',')}}`;
  const found = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    const posix = input.split(path.sep).join('/');
    if (isGlob(input)) {
      const matches = entries(posix, opts.cwd, ignore, false, opts.onUnreadableFolder);
      if (!matches.length) throw new UserError(`no files match the pattern "${input}"`);
      matches.forEach((m) => found.add(m));
      continue;
    }
    const abs = path.resolve(opts.cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UserError(code === 'ELOOP' ? `path is a symbolic link loop: ${input}` : code === 'EACCES' ? `path cannot be read (permission denied): ${input}` : `path not found: ${input}`);
    }
    if (stat.isDirectory()) {
      const base = fg.convertPathToPattern(path.relative(opts.cwd, abs) || '.');
      const pattern = base === '.' ? `**/${extGlob}` : `${base}/**/${extGlob}`;
      for (const m of entries(pattern, opts.cwd, ignore, true, opts.onUnreadableFolder)) found.add(m);
    } else if (!stat.isFile()) {
      throw new UserError(`not a regular file or folder: ${input}`);
    } else {
      // A file named on the command line is linted whatever its extension, unless ignored.
      const rel = path.relative(opts.cwd, abs).split(path.sep).join('/');
      if (rel.startsWith('..') || !fg.sync(fg.convertPathToPattern(rel), { cwd: opts.cwd, ignore, dot: true }).length) {
        if (rel.startsWith('..')) found.add(abs);
        continue;
      }
      found.add(rel);
    }
  }
  return [...found].sort();
}
