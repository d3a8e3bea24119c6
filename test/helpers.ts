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

/** Every variable by which ci-info (what phi-lint uses) recognises a CI service: cleared so tests run as on a desktop. */
export const CI_VARIABLES: string[] = (() => {
  const vendors = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'ci-info', 'vendors.json'), 'utf8')) as { env: unknown }[];
  const names = new Set(['CI', 'BUILD_ID', 'BUILD_NUMBER', 'CI_APP_ID', 'CI_BUILD_ID', 'CI_BUILD_NUMBER', 'CI_NAME', 'CONTINUOUS_INTEGRATION', 'RUN_ID']);
  for (const v of vendors) {
    for (const e of [v.env].flat() as (string | Record<string, unknown>)[]) {
      if (typeof e === 'string') names.add(e);
      else if (typeof e.env === 'string') names.add(e.env);
      else if (Array.isArray(e.any)) e.any.forEach((k) => names.add(String(k)));
      else Object.keys(e).forEach((k) => names.add(k));
    }
  }
  return [...names];
})();

/** `env` without the variables that make phi-lint think it runs in CI. */
export function withoutCi(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !CI_VARIABLES.includes(k)) out[k] = v;
  return out;
}

/** Run bin/phi-lint.js with `args` in `cwd`; stdin optional. */
export function runCli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
    // Every CI variable is cleared so output is unmasked unless a test asks for masking.
    env: { ...withoutCi(process.env), NO_COLOR: '', FORCE_COLOR: '', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
