// Test helpers: temporary folders and running the built CLI as a user would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'phi-lint.js');

/** A fresh temporary folder with the given files (path → content). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Run bin/phi-lint.js with `args` in `cwd`; stdin optional. */
export function runCli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
    // CI is cleared so output is unmasked unless a test asks for masking.
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: '', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
