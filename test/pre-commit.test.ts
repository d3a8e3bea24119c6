// The pre-commit framework hook (.pre-commit-hooks.yaml) installs from a clone of this repository and blocks
// a commit with PHI: `pre-commit try-repo` on a temporary git repository with a staged draft.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, withoutCi } from './helpers.js';

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = preCommit.status === 0;

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

describe('the pre-commit framework hook', () => {
  // .ci/run installs Debian's pre-commit; without it (a developer's machine) this test says why it is skipped.
  it.skipIf(!available)('installs with pre-commit try-repo and blocks a staged draft with PHI', () => {
    const work = tempDir();
    // A clone, as pre-commit users get it: committed files only, no node_modules, no dist/.
    const clone = path.join(work, 'phi-lint');
    git(work, 'clone', '--quiet', '--no-hardlinks', ROOT, clone);
    const repo = path.join(work, 'drafts');
    fs.mkdirSync(repo);
    git(repo, 'init', '--quiet');
    git(repo, 'config', 'user.email', 'comms@example.org');
    git(repo, 'config', 'user.name', 'Comms');
    fs.writeFileSync(path.join(repo, 'post.md'), 'Our patient Tommy Alvarez starts chemo next week. MRN 00482913\n');
    fs.writeFileSync(path.join(repo, 'clean.md'), 'Our flu clinic opens Monday at 9.\n');
    git(repo, 'add', 'post.md', 'clean.md');
    const r = spawnSync('pre-commit', ['try-repo', clone, 'phi-lint'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...withoutCi(process.env), PRE_COMMIT_HOME: path.join(work, 'pre-commit-cache'), PHI_LINT_HASH_KEY: 'a test key of at least sixteen characters', NO_COLOR: '1' },
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(out).not.toContain('An unexpected error has occurred');
    expect(out).toMatch(/phi-lint \(PHI and professionalism in drafts\)\.+Failed/);
    expect(out).toContain('post.md');
    expect(out).toContain('phi/mrn');
    expect(out).not.toContain('clean.md:');
    expect(r.status).toBe(1);
  }, 600_000);
});
