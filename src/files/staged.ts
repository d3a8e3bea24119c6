// --staged: the staged (index) versions of added, copied, modified and renamed files, read from git itself.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UserError } from '../errors.js';

/** A staged file: its path relative to the working folder and the blob's text as staged. */
export interface StagedFile {
  path: string;
  /** Path relative to the repository root (what git calls it). */
  repoPath: string;
}

function git(args: string[], cwd: string, encoding: 'utf8' | 'buffer' = 'utf8') {
  const r = spawnSync('git', args, { cwd, encoding: encoding === 'utf8' ? 'utf8' : undefined, maxBuffer: 1 << 30 });
  if (r.error) throw new UserError(`--staged needs git, and git could not be run: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}`);
  return r;
}

/** The repository root of `cwd`, or undefined outside a repository (or without git). */
export function findRepoRoot(cwd: string): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  return !r.error && r.status === 0 ? r.stdout.trim() : undefined;
}

/** The repository root of `cwd`, or a clear error outside a repository. */
export function repoRoot(cwd: string): string {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  if (r.status !== 0) throw new UserError('--staged lints the files staged for a commit, but this folder is not inside a git repository');
  return (r.stdout as string).trim();
}

/** Staged files (added, copied, modified, renamed; not deleted), optionally limited to `extensions`. */
export function stagedFiles(cwd: string, extensions: string[]): StagedFile[] {
  const root = repoRoot(cwd);
  const r = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames'], cwd);
  if (r.status !== 0) throw new UserError(`git could not list the staged files: ${String(r.stderr).trim().split('\n')[0]}`);
  const exts = extensions.map((e) => e.toLowerCase());
  return (r.stdout as string)
    .split('\0')
    .filter(Boolean)
    .filter((p) => exts.some((e) => p.toLowerCase().endsWith(e)))
    .map((repoPath) => ({ repoPath, path: path.relative(cwd, path.join(root, repoPath)).split(path.sep).join('/') }));
}

/** The staged content of a file (the blob in the index, not the work tree); `root` is the repository root. */
export function stagedContent(root: string, repoPath: string): Buffer {
  const r = git(['cat-file', 'blob', `:${repoPath}`], root, 'buffer');
  if (r.status !== 0) throw new UserError(`git could not read the staged version of ${repoPath}`);
  return r.stdout as unknown as Buffer;
}
