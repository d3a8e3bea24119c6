// Hostile or unlucky surroundings: a YAML bomb in a config or rule file, and folders the user may not read.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir, withoutCi } from './helpers.js';

const PHI = 'Our patient Tommy Alvarez starts chemo next week. MRN 00482913\n';
const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+|internal error/);

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
const REFUSED = 'refused: the YAML uses too many aliases (*name references to &name anchors), which would expand it enormously; write the values out instead';

describe('a YAML bomb', () => {
  it('in .phi-lint.yaml: one line naming the file, exit 2', () => {
    const dir = tempDir({ '.phi-lint.yaml': `${BOMB}\nrules: *h\n`, 'a.md': PHI });
    const r = runCli(['a.md'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, `phi-lint: ${path.join(dir, '.phi-lint.yaml')}: ${REFUSED}\n`]);
  });
  it('in a rule file: one line naming the file, exit 2', () => {
    const dir = tempDir({ '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'rules/team/bomb.yaml': `${BOMB}\nkind: pattern\n`, 'a.md': PHI });
    const r = runCli(['a.md'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, `phi-lint: ${path.join(dir, 'rules', 'team', 'bomb.yaml')}: ${REFUSED}\n`]);
  });
  it('in a draft\'s front matter: the draft is still linted', () => {
    const r = runCli(['--format', 'json', 'a.md'], { cwd: tempDir({ 'a.md': `---\n${BOMB}\ntitle: *h\n---\n${PHI}` }) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings.some((f: { type: string }) => f.type === 'mrn')).toBe(true);
  });
});

// Root reads every folder whatever its mode, so the CLI runs as the unprivileged user "nobody".
const nobody = (() => {
  if (process.getuid?.() !== 0) return undefined;
  const r = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' });
  return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout), gid: Number(g.stdout) } : undefined;
})();

describe('a folder that cannot be read', () => {
  it.skipIf(!nobody)('is reported by name, the rest of the tree is linted, exit 2 at the end (run as nobody)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-perm-'));
    const write = (rel: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), PHI);
    };
    ['top.md', 'drafts/a.md', 'drafts/secret/b.md', 'drafts/secret/inner/c.md', 'hr/private/d.md', 'hr/e.md'].forEach(write);
    spawnSync('chmod', ['-R', 'a+rX', dir]);
    fs.chmodSync(path.join(dir, 'drafts', 'secret'), 0o700);
    fs.chmodSync(path.join(dir, 'hr', 'private'), 0o700);
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', '.'], {
      cwd: dir, encoding: 'utf8', uid: nobody!.uid, gid: nobody!.gid,
      env: { ...withoutCi(process.env), HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'no-config'), PHI_LINT_HASH_KEY: 'a test key of at least sixteen characters' },
    });
    const lines = r.stderr.split('\n');
    // The folders come in the order the file system lists them; the summary comes last.
    expect(lines.slice(0, 2).sort()).toEqual([
      'phi-lint: drafts/secret: cannot read the folder (permission denied); the drafts in it were not linted',
      'phi-lint: hr/private: cannot read the folder (permission denied); the drafts in it were not linted',
    ]);
    expect(lines.slice(2)).toEqual(['phi-lint: 2 folders could not be read (see above); exit code 2', '']);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['drafts/a.md', 'hr/e.md', 'top.md']);
    expect(r.status).toBe(2);
    noTrace(r.stderr);
  });
});

describe('authorizationPattern: what a front-matter authorization must look like', () => {
  const story = (auth: string) => `---\nphi-lint:\n  authorization: ${auth}\n---\nOur patient Maria Lopez rang the bell after chemo today!\n`;
  const nameSeverity = (config: string, auth: string) => {
    const r = runCli(['--format', 'json', 'a.md'], { cwd: tempDir({ '.phi-lint.yaml': config, 'a.md': story(auth) }) });
    return (JSON.parse(r.stdout).files[0].findings as { type: string; severity: string }[]).find((f) => f.type === 'name')?.severity;
  };
  const TEAM = 'authorizationPattern: "AUTH-\\\\d{4}-\\\\d{3,}"\n';
  it.each([
    ['', 'form 118', 'warning'],
    [TEAM, 'form 118', 'error'],
    [TEAM, 'AUTH-2026-118', 'warning'],
    [TEAM, 'see AUTH-2026-118', 'error'],
  ])('config %j, authorization %j → %s', (config, auth, severity) => {
    expect(nameSeverity(config || 'rules: {}\n', auth)).toBe(severity);
  });
  it.each([
    ['(a+)\\\\1', 'a backreference'],
    ['(unclosed', 'not a regular expression'],
  ])('an unusable pattern %j is one positioned line, exit 2', (pattern, why) => {
    const dir = tempDir({ '.phi-lint.yaml': `rules: {}\nauthorizationPattern: "${pattern}"\n`, 'a.md': story('AUTH-2026-118') });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, '.phi-lint.yaml')}:2:`);
    expect(r.stderr).toContain(why);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noTrace(r.stderr);
  });
});
