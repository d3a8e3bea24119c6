// `phi-lint install-hook`: writes a plain git pre-commit hook that lints the staged drafts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

const BIN = fileURLToPath(new URL('../../bin/phi-lint.js', import.meta.url));
export const HOOK_MARK = '# phi-lint pre-commit hook';

/** The hook script: this phi-lint if it is still there, else one on PATH, else the project's npx copy. */
export function hookScript(node: string, bin: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh
${HOOK_MARK} (written by \`phi-lint install-hook\`): lints the staged drafts and blocks the commit on errors.
# To skip it once: git commit --no-verify. To remove it: delete this file.
if [ -f ${q(bin)} ] && [ -x ${q(node)} ]; then
  exec ${q(node)} ${q(bin)} --staged
elif command -v phi-lint >/dev/null 2>&1; then
  exec phi-lint --staged
else
  exec npx --no-install phi-lint --staged
fi
`;
}

/** Write .git/hooks/pre-commit (or the folder core.hooksPath names); refuses to replace a hook unless `force`. */
export function installHook(opts: { cwd: string; force: boolean }, io: { stdout: (s: string) => void }): number {
  const r = spawnSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd: opts.cwd, encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new UserError('install-hook writes a git pre-commit hook, but this folder is not inside a git repository');
  const hooksDir = path.resolve(opts.cwd, r.stdout.trim());
  const file = path.join(hooksDir, 'pre-commit');
  if (fs.existsSync(file) && !opts.force) {
    const mine = fs.readFileSync(file, 'utf8').includes(HOOK_MARK);
    throw new UserError(`a pre-commit hook already exists${mine ? ' (phi-lint wrote it)' : ''}; use --force to replace it, or call phi-lint --staged from your hook`, file);
  }
  fs.mkdirSync(hooksDir, { recursive: true });
  fs.writeFileSync(file, hookScript(process.execPath, BIN), { mode: 0o755 });
  fs.chmodSync(file, 0o755);
  io.stdout(`phi-lint: pre-commit hook written to ${path.relative(opts.cwd, file) || file}\n`);
  return 0;
}
