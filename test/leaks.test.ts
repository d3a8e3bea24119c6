// Nothing leaked: keyed fingerprints, masked --fix-dry-run, masking in every CI, escaped control characters.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, tempDir } from './helpers.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const KEY_A = 'test-key-aaaaaaaaaaaaaaaaaaaaaaaa';
const KEY_B = 'test-key-bbbbbbbbbbbbbbbbbbbbbbbb';
const DRAFT = 'Our patient Marcus Delgado, SSN 123-45-6789, was seen at Mercy on 03/14/2026.\n';

/** A private config folder and key for one CLI run: nothing is written to the real home. */
const envWith = (home: string, key?: string) => ({ HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), PHI_LINT_HASH_KEY: key ?? '' });
const fingerprints = (sarif: string): string[] =>
  JSON.parse(sarif).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['phiLint/content/v1']);
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every plain SHA-256 an attacker would try: of the match, rule + match, the sentence, and the old content key. */
function guesses(d: string): Set<string> {
  const report = JSON.parse(runCli(['--format', 'json', '--no-mask', 'a.md'], { cwd: d, env: envWith(d, KEY_A) }).stdout);
  const sentence = DRAFT.trim();
  const out = new Set<string>([sha(sentence), sha(norm(sentence)), sha(DRAFT)]);
  for (const f of report.files[0].findings as { ruleId: string; text: string }[]) {
    for (const t of [f.text, norm(f.text)]) {
      out.add(sha(t));
      out.add(sha(`${f.ruleId}\u0000${t}`));
      out.add(sha(`${f.ruleId}\u0000${t}\u0000${norm(sentence)}`));
    }
  }
  return out;
}

const hexes = (s: string) => [...s.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]);

describe('keyed hashes', () => {
  it('SARIF fingerprints differ under two keys and none is a plain SHA-256 of the match, rule + match or sentence', () => {
    const d = tempDir({ 'a.md': DRAFT });
    const a = fingerprints(runCli(['--format', 'sarif', 'a.md'], { cwd: d, env: envWith(d, KEY_A) }).stdout);
    const again = fingerprints(runCli(['--format', 'sarif', 'a.md'], { cwd: d, env: envWith(d, KEY_A) }).stdout);
    const b = fingerprints(runCli(['--format', 'sarif', 'a.md'], { cwd: d, env: envWith(d, KEY_B) }).stdout);
    expect(a.length).toBeGreaterThanOrEqual(2);
    expect(again).toEqual(a);
    expect(b).toHaveLength(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]).not.toBe(a[i]);
    const bad = guesses(d);
    for (const fp of [...a, ...b]) expect(bad.has(fp)).toBe(false);
  });

  it('cache and baseline files hold no plain SHA-256 of the draft text and change with the key', () => {
    const d = tempDir({ 'a.md': DRAFT });
    const bad = guesses(d);
    const files = (key: string) => {
      fs.rmSync(path.join(d, 'c'), { recursive: true, force: true });
      fs.rmSync(path.join(d, 'b.json'), { force: true });
      expect(runCli(['--cache', '--cache-location', 'c', '--baseline', 'b.json', '--update-baseline', 'a.md'], { cwd: d, env: envWith(d, key) }).code).toBe(0);
      runCli(['--cache', '--cache-location', 'c', '--format', 'json', 'a.md'], { cwd: d, env: envWith(d, key) });
      // The cache's digest is of the rules and config, not of the draft: left out.
      return ['c/cache.json', 'c/cache-infos.json', 'b.json'].map((f) => fs.readFileSync(path.join(d, f), 'utf8').replace(/"digest":"[^"]*"/, '')).join('\n');
    };
    const a = hexes(files(KEY_A));
    const b = hexes(files(KEY_B));
    expect(a.length).toBeGreaterThanOrEqual(3);
    for (const h of [...a, ...b]) expect(bad.has(h)).toBe(false);
    expect(a.filter((h) => b.includes(h))).toEqual([]);
  });

  it('a baseline matches under its own key; under another it says its entries no longer match', () => {
    const d = tempDir({ 'a.md': DRAFT });
    expect(runCli(['--baseline', 'b.json', '--update-baseline', 'a.md'], { cwd: d, env: envWith(d, KEY_A) }).code).toBe(0);
    const same = runCli(['--baseline', 'b.json', 'a.md'], { cwd: d, env: envWith(d, KEY_A) });
    expect(same.code).toBe(0);
    expect(same.stderr).toBe('');
    const other = runCli(['--baseline', 'b.json', 'a.md'], { cwd: d, env: envWith(d, KEY_B) });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^phi-lint: warning: b\.json was made with a different hash key .* none of its \d+ entries match/);
  });

  it('without PHI_LINT_HASH_KEY a per-user key file is made once, mode 600, under XDG_CONFIG_HOME or ~/.config', () => {
    const d = tempDir({ 'a.md': DRAFT });
    const xdg = path.join(d, 'xdg');
    const run = (env: Record<string, string>) => fingerprints(runCli(['--format', 'sarif', 'a.md'], { cwd: d, env: { PHI_LINT_HASH_KEY: '', ...env } }).stdout);
    const first = run({ HOME: path.join(d, 'home'), XDG_CONFIG_HOME: xdg });
    const file = path.join(xdg, 'phi-lint', 'hash-key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(run({ HOME: path.join(d, 'home'), XDG_CONFIG_HOME: xdg })).toEqual(first);
    expect(fs.existsSync(path.join(d, 'home'))).toBe(false);
    // No XDG_CONFIG_HOME: ~/.config/phi-lint/hash-key, a different key.
    const home = run({ HOME: path.join(d, 'home'), XDG_CONFIG_HOME: '' });
    expect(fs.statSync(path.join(d, 'home', '.config', 'phi-lint', 'hash-key')).mode & 0o777).toBe(0o600);
    expect(home).not.toEqual(first);
    // The key never appears in a report.
    const key = fs.readFileSync(file, 'utf8').trim();
    for (const fmt of ['json', 'sarif', 'stylish']) {
      expect(runCli(['--format', fmt, 'a.md'], { cwd: d, env: { HOME: path.join(d, 'home'), XDG_CONFIG_HOME: xdg } }).stdout).not.toContain(key);
    }
  });

  it('a PHI_LINT_HASH_KEY too short to be secret is a one-line error', () => {
    const d = tempDir({ 'a.md': DRAFT });
    const r = runCli(['a.md'], { cwd: d, env: envWith(d, 'short') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('phi-lint: PHI_LINT_HASH_KEY is too short (5 characters); use at least 16 random characters, for example the output of: openssl rand -hex 32\n');
  });
});

describe('--fix-dry-run', () => {
  it('masks the diff in CI like every other output', () => {
    const d = tempDir({ 'a.md': DRAFT });
    const masked = runCli(['--fix-dry-run', 'a.md'], { cwd: d, env: { ...envWith(d, KEY_A), CI: 'true' } });
    expect(masked.stdout).toContain('+Our patient M***** D******, SSN [SSN removed]');
    expect(masked.stdout).not.toContain('Marcus');
    expect(masked.stdout).not.toContain('123-45-6789');
    expect(masked.stdout).not.toContain('6789');
    const plain = runCli(['--fix-dry-run', 'a.md'], { cwd: d, env: envWith(d, KEY_A) });
    expect(plain.stdout).toContain('-Our patient Marcus Delgado, SSN 123-45-6789');
    expect(runCli(['--fix-dry-run', '--mask', '--stdin'], { cwd: d, input: DRAFT, env: envWith(d, KEY_A) }).stdout).not.toContain('Marcus');
  });

  it('exits 1 when errors remain after the fixes, 0 when the fixes clear them', () => {
    const d = tempDir({ 'a.md': DRAFT, 'b.md': 'Please bring your card. Member SSN 123-45-6789 is on file.\n' });
    const left = runCli(['--fix-dry-run', 'a.md'], { cwd: d, env: envWith(d, KEY_A) });
    expect(left.code).toBe(1);
    expect(left.stderr).toMatch(/^phi-lint: \d+ errors? in 1 file would remain after these fixes/);
    const stdin = runCli(['--fix-dry-run', '--stdin'], { cwd: d, input: DRAFT, env: envWith(d, KEY_A) });
    expect(stdin.code).toBe(1);
    const cleared = runCli(['--fix-dry-run', 'b.md'], { cwd: d, env: envWith(d, KEY_A) });
    expect(cleared.stdout).toContain('+Please bring your card. Member SSN [SSN removed] is on file.');
    expect(cleared.code).toBe(0);
    expect(fs.readFileSync(path.join(d, 'b.md'), 'utf8')).toContain('123-45-6789');
  });
});

describe('masking in every CI', () => {
  const d = tempDir({ 'a.md': DRAFT });
  it.each([
    ['Jenkins', { JENKINS_URL: 'http://jenkins.example/', BUILD_ID: '42' }],
    ['Azure Pipelines', { TF_BUILD: 'True' }],
    ['TeamCity', { TEAMCITY_VERSION: '2024.1' }],
    ['Buildkite', { BUILDKITE: 'true' }],
    ['GitHub Actions', { GITHUB_ACTIONS: 'true' }],
    ['a generic CI', { CI: 'true' }],
  ])('%s', (_name, vars) => {
    const r = runCli(['a.md'], { cwd: d, env: { ...envWith(d, KEY_A), ...vars } });
    expect(r.stdout).toContain('M***** D******');
    expect(r.stdout).not.toContain('Marcus');
  });
  it('a desktop is not masked', () => {
    expect(runCli(['a.md'], { cwd: d, env: envWith(d, KEY_A) }).stdout).toContain('Marcus Delgado');
  });
});

describe('control characters in a draft', () => {
  const ESC = '\u001b';
  const hostile = `Our patient ${ESC}]0;owned${ESC}\\${ESC}[2J${ESC}[31mMarcus Delgado\u009b1m\u202e, SSN 123-45-6789\u0007.\n`;
  const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  it.each(['stylish', 'compact', 'github'])('%s prints them escaped, never raw', (fmt) => {
    const d = tempDir({ 'a.md': hostile, [`b${ESC}[31m.md`]: hostile });
    const r = runCli(['--format', fmt, '.'], { cwd: d, env: envWith(d, KEY_A) });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(raw);
    expect(r.stdout).toContain('\\x1b[31m');
  });
  it('stylish keeps the caret under the match', () => {
    const d = tempDir({ 'a.md': hostile });
    const lines = runCli(['a.md'], { cwd: d, env: envWith(d, KEY_A) }).stdout.split('\n');
    const i = lines.findIndex((l) => l.includes('phi/ssn'));
    const [line, caret] = [lines[i + 1], lines[i + 2]];
    const at = caret.indexOf('^');
    expect(line.slice(at, at + 11)).toBe('123-45-6789');
    expect(caret.slice(at)).toBe('^'.repeat(11));
  });
});

describe('README', () => {
  it('the GitHub Actions recipe passes the hash key from a secret to the phi-lint step', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = /```yaml\n(# \.github\/workflows\/phi-lint\.yml\n[\s\S]*?)```/.exec(readme)![1];
    const steps = parse(block).jobs.drafts.steps as { run?: string; env?: Record<string, string> }[];
    const step = steps.find((s) => s.run?.startsWith('phi-lint '));
    expect(step?.env).toEqual({ PHI_LINT_HASH_KEY: '${{ secrets.PHI_LINT_HASH_KEY }}' });
  });
});
