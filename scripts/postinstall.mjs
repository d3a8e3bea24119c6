// After `npm install` in a checkout (src/ present), build dist/; an installed package ships dist/ and skips this.
// A postinstall script rather than `prepare`: `npm pack` runs prepare and prints its output on standard output,
// where tools such as the pre-commit framework read the tarball's name.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  // Standard output goes to standard error: whatever reads npm's output sees only npm's own lines.
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { stdio: ['ignore', 2, 2] })
    : spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
