// Workflow end to end with real git repositories and real files: staged linting, the hook, CI formats,
// masking, disable comments and baselines.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/format/github.js';
import { maskText } from '../src/format/mask.js';
import { runCli, tempDir } from './helpers.js';

const PHI = 'Our patient Tommy Alvarez starts chemo next week. MRN 00482913\n';
const CLEAN = 'Our flu clinic is open every Saturday morning.\n';

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function repo(files: Record<string, string> = {}): string {
  const dir = tempDir(files);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'test@example.org');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

const jsonPaths = (stdout: string) => JSON.parse(stdout).files.map((f: { path: string }) => f.path);

describe('--staged', () => {
  it('lints the staged blobs of added, modified, copied and renamed files, not the work tree; skips deleted ones', () => {
    const dir = repo({ 'keep.md': CLEAN, 'old name.md': CLEAN, 'gone.md': CLEAN, 'notes.csv': PHI });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    fs.writeFileSync(path.join(dir, 'keep.md'), PHI); // modified and staged…
    git(dir, 'add', 'keep.md');
    fs.writeFileSync(path.join(dir, 'keep.md'), CLEAN); // …then cleaned in the work tree only
    fs.writeFileSync(path.join(dir, 'new draft.md'), PHI);
    git(dir, 'add', 'new draft.md');
    git(dir, 'mv', 'old name.md', 'new name.md');
    git(dir, 'rm', '-q', 'gone.md');
    fs.writeFileSync(path.join(dir, 'unstaged.md'), PHI);
    const r = runCli(['--staged', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(jsonPaths(r.stdout)).toEqual(['keep.md', 'new draft.md', 'new name.md']);
    const keep = JSON.parse(r.stdout).files[0];
    expect(keep.findings.map((f: { type: string }) => f.type)).toContain('mrn');
  });

  it('reports paths relative to a subfolder and honours paths given with it', () => {
    const dir = repo({ 'a/x.md': PHI, 'b/y.md': PHI });
    git(dir, 'add', '.');
    const r = runCli(['--staged', '--format', 'json', '.'], { cwd: path.join(dir, 'a') });
    expect(jsonPaths(r.stdout)).toEqual(['x.md']);
  });

  it('says so outside a git repository, with exit code 2', () => {
    const r = runCli(['--staged'], { cwd: tempDir({ 'a.md': PHI }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('phi-lint: --staged lints the files staged for a commit, but this folder is not inside a git repository\n');
  });

  it('lints a staged file named on the command line whatever its extension, like a path without --staged', () => {
    const dir = repo({ 'notes.log': PHI, 'a.md': CLEAN });
    git(dir, 'add', '.');
    const r = runCli(['--staged', '--format', 'json', 'notes.log', 'a.md'], { cwd: dir });
    expect(jsonPaths(r.stdout)).toEqual(['a.md', 'notes.log']);
    expect(r.code).toBe(1);
  });

  it('a staged UTF-16 draft is linted; a staged file that cannot be read as text is reported by name, exit 2', () => {
    const dir = repo({ 'a.md': CLEAN });
    fs.writeFileSync(path.join(dir, 'wide.md'), Buffer.from(`\ufeff${PHI}`, 'utf16le'));
    fs.writeFileSync(path.join(dir, 'logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 4]));
    git(dir, 'add', '.');
    const r = runCli(['--staged', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toContain('phi-lint: logo.md: not linted: it cannot be read as text');
    const wide = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path === 'wide.md');
    expect(wide.findings.map((f: { type: string }) => f.type)).toContain('mrn');
    expect(r.code).toBe(2);
  });

  it('exits 0 with a note when nothing relevant is staged', () => {
    const dir = repo({ 'data.json': PHI });
    git(dir, 'add', '.');
    const r = runCli(['--staged'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no staged drafts to lint');
  });
});

describe('pre-commit hook', () => {
  it('install-hook writes a hook that blocks a commit with PHI and lets a clean one through', () => {
    const dir = repo({ 'post.md': CLEAN });
    expect(runCli(['install-hook'], { cwd: dir }).code).toBe(0);
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    expect(fs.statSync(hook).mode & 0o111).not.toBe(0);
    git(dir, 'add', '.');
    expect(spawnSync('git', ['commit', '-qm', 'clean'], { cwd: dir, env: { ...process.env, CI: '' } }).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'post.md'), PHI);
    git(dir, 'add', '.');
    const blocked = spawnSync('git', ['commit', '-qm', 'phi'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('phi/patient-name');
    expect(git(dir, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
  });

  it('refuses to overwrite an existing hook unless --force', () => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho mine\n');
    const r = runCli(['install-hook'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a pre-commit hook already exists; use --force to replace it');
    expect(fs.readFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain('echo mine');
    expect(runCli(['install-hook', '--force'], { cwd: dir }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain('--staged');
  });

  it('the documented plain hook recipe blocks a commit too', () => {
    const dir = repo({ 'post.md': CLEAN });
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const recipe = /```sh\n(#!\/bin\/sh\n# phi-lint: plain pre-commit hook[\s\S]*?)```/.exec(readme)?.[1];
    expect(recipe).toBeDefined();
    const bin = path.resolve(import.meta.dirname, '..', 'bin', 'phi-lint.js');
    fs.writeFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), recipe!.replace(/\bphi-lint\b(?= --staged)/, `"${process.execPath}" "${bin}"`), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'post.md'), PHI);
    git(dir, 'add', '.');
    const blocked = spawnSync('git', ['commit', '-qm', 'phi'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(blocked.status).not.toBe(0);
  });
});

describe('CI formats', () => {
  const dir = () => tempDir({ 'drafts/a post.md': PHI, 'drafts/clean.md': CLEAN });

  it('sarif: SARIF 2.1.0 with rules, levels, repo-relative URIs, regions and content fingerprints', () => {
    const d = repo({ 'drafts/a post.md': PHI });
    const sarif = JSON.parse(runCli(['--format', 'sarif', 'drafts'], { cwd: path.join(d) }).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'phi/mrn');
    expect(rule.shortDescription.text).toBeTruthy();
    expect(rule.fullDescription.text).toBeTruthy();
    expect(rule.help.text).toBeTruthy();
    expect(rule.helpUri).toMatch(/^https:/);
    expect(rule.defaultConfiguration.level).toBe('error');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'phi/mrn');
    expect(result.level).toBe('error');
    expect(result.message.text).toContain('medical record number');
    const loc = result.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe('drafts/a%20post.md');
    expect(loc.region).toEqual({ startLine: 1, startColumn: 55, endLine: 1, endColumn: 63 });
    expect(result.partialFingerprints['phiLint/content/v1']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sarif fingerprints do not change when lines move', () => {
    const d = repo({ 'a.md': PHI });
    const fp = () => JSON.parse(runCli(['--format', 'sarif', 'a.md'], { cwd: d }).stdout).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['phiLint/content/v1']);
    const before = fp();
    fs.writeFileSync(path.join(d, 'a.md'), `New intro line.\n\n${PHI}`);
    expect(fp()).toEqual(before);
  });

  it('github: workflow commands with escaped messages and properties', () => {
    const r = runCli(['--format', 'github', 'drafts'], { cwd: dir() });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=drafts\/a post\.md,line=1,endLine=1,col=13,endColumn=26,title=phi\/patient-name::Name of a patient/);
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('compact: file:line:col: severity: message [rule]', () => {
    const r = runCli(['--format', 'compact', 'drafts'], { cwd: dir() });
    expect(r.stdout.split('\n')[0]).toMatch(/^drafts\/a post\.md:1:13: error: Name of a patient .* \[phi\/patient-name\]$/);
  });

  it('junit: one test case per file and a failure per finding', () => {
    const xml = runCli(['--format', 'junit', 'drafts'], { cwd: dir() }).stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('<testcase classname="phi-lint" name="drafts/clean.md" file="drafts/clean.md"/>');
    expect((xml.match(/<failure /g) ?? []).length).toBeGreaterThanOrEqual(3);
    // Test-result readers compute passed = tests - failures, on the root and on the suite: failed files, not findings.
    for (const tag of ['testsuites', 'testsuite']) {
      const [, tests, failures] = new RegExp(`<${tag} [^>]*tests="(\\d+)" failures="(\\d+)"`).exec(xml)!;
      expect([Number(tests), Number(failures)]).toEqual([2, 1]);
    }
    for (const [, value] of xml.matchAll(/\w+="([^"]*)"/g)) expect(value).not.toMatch(/[<>&](?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('--output writes the report to a file and keeps standard output for people', () => {
    const d = dir();
    const r = runCli(['--format', 'sarif', '--output', 'out/report.sarif', 'drafts'], { cwd: d });
    expect(r.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(d, 'out', 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(r.stdout).toContain('✖');
  });
});

describe('masking', () => {
  it('masks letters and digits but keeps the first letter of each word and the length', () => {
    expect(maskText('Marcus Delgado')).toBe('M***** D******');
    expect(maskText('412-38-7719')).toBe('###-##-####');
    expect(maskText('Zoë Ng')).toBe('Z** N*');
  });

  it('masks every format when CI is set; JSON keeps exact offsets; --no-mask turns it off', () => {
    const d = tempDir({ 'a.md': PHI });
    const masked = JSON.parse(runCli(['--format', 'json', 'a.md'], { cwd: d, env: { CI: 'true' } }).stdout).files[0].findings;
    const plain = JSON.parse(runCli(['--format', 'json', 'a.md'], { cwd: d }).stdout).files[0].findings;
    expect(masked.map((f: { offset: number; length: number }) => [f.offset, f.length])).toEqual(plain.map((f: { offset: number; length: number }) => [f.offset, f.length]));
    expect(masked.find((f: { type: string }) => f.type === 'mrn').text).toBe('########');
    const all = ['stylish', 'json', 'sarif', 'github', 'compact', 'junit'].map((fmt) => runCli(['--format', fmt, 'a.md'], { cwd: d, env: { CI: 'true' } }).stdout).join('\n');
    expect(all).not.toContain('Tommy Alvarez');
    expect(all).not.toContain('00482913');
    expect(runCli(['--no-mask', 'a.md'], { cwd: d, env: { CI: 'true' } }).stdout).toContain('Tommy Alvarez');
    expect(runCli(['--mask', 'a.md'], { cwd: d }).stdout).not.toContain('Tommy Alvarez');
  });
});

describe('disable comments', () => {
  const lint = (text: string, file = 'a.md', extra: string[] = []) => {
    const d = tempDir({ [file]: text });
    const r = runCli(['--format', 'json', ...extra, file], { cwd: d });
    return JSON.parse(r.stdout).files[0];
  };

  it('disable-next-line with a reason silences the next line for the named rule only', () => {
    const f = lint(`<!-- phi-lint-disable-next-line phi/patient-name -- signed authorization #118 -->\n${PHI}`);
    expect(f.findings.map((x: { ruleId: string }) => x.ruleId)).not.toContain('phi/patient-name');
    expect(f.findings.map((x: { ruleId: string }) => x.ruleId)).toContain('phi/mrn');
    expect(f.directives).toBeUndefined();
  });

  it('disable / enable blocks, rule globs, and plain-text # comments', () => {
    // The MRN in PHI is never publishable, so no comment hides it (see the next tests); the rest follows the comments.
    const f = lint(`<!-- phi-lint-disable phi/* -- approved story -->\n${PHI}<!-- phi-lint-enable -->\n${PHI}`);
    expect(f.findings.filter((x: { type: string }) => x.type !== 'mrn').every((x: { line: number }) => x.line === 4)).toBe(true);
    const t = lint(`# phi-lint-disable-next-line -- approved by compliance\n${PHI}`, 'a.txt');
    expect(t.findings.map((x: { type: string }) => x.type)).toEqual(['mrn']);
  });

  it('a comment without a reason is a warning and suppresses nothing', () => {
    const f = lint(`<!-- phi-lint-disable-next-line phi/patient-name -->\n${PHI}`);
    expect(f.findings.map((x: { ruleId: string }) => x.ruleId)).toContain('phi/patient-name');
    expect(f.directives).toHaveLength(1);
    expect(f.directives[0]).toMatchObject({ ruleId: 'phi-lint/directive', severity: 'warning', line: 1 });
    expect(f.directives[0].message).toContain('no reason');
  });

  it('never-publishable identifiers cannot be disabled inline, unless the config allows it', () => {
    for (const [line, type] of [['SSN 412-38-7719', 'ssn'], ['MRN 00482913', 'mrn'], ['Plate 7ABC123 in the lot', 'vehicle']]) {
      const text = `<!-- phi-lint-disable-next-line -- approved -->\nPatient note: ${line}\n`;
      const f = lint(text);
      expect(f.findings.map((x: { type: string }) => x.type)).toContain(type);
      expect(f.directives[0].message).toMatch(/^This disable comment cannot hide .*: they must never be published/);
    }
    const d = tempDir({ '.phi-lint.yaml': 'allowDisablingIdentifiers: true\n', 'a.md': '<!-- phi-lint-disable-next-line phi/mrn -- approved -->\nMRN 00482913\n' });
    const r = JSON.parse(runCli(['--format', 'json', 'a.md'], { cwd: d }).stdout).files[0];
    expect([r.findings, r.directives]).toEqual([[], undefined]);
  });

  it('a disable comment naming an unknown rule is reported, with a did-you-mean', () => {
    const f = lint(`<!-- phi-lint-disable-next-line phi/patient-nam -- signed authorization #118 -->\n${PHI}`);
    expect(f.findings.map((x: { ruleId: string }) => x.ruleId)).toContain('phi/patient-name');
    expect(f.directives[0].message).toBe('This disable comment names "phi/patient-nam", which is not a rule (did you mean "phi/patient-name"?), so it hides nothing; run `phi-lint rules` to list them.');
  });

  it('--no-inline-config ignores every disable comment', () => {
    const text = `<!-- phi-lint-disable phi/* -- approved story -->\nOur patient Tommy Alvarez starts chemo next week.\n`;
    expect(lint(text).findings).toEqual([]);
    const f = lint(text, 'a.md', ['--no-inline-config']);
    expect(f.findings.map((x: { ruleId: string }) => x.ruleId)).toContain('phi/patient-name');
  });

  it('--report-unused-disable-directives reports comments that silenced nothing', () => {
    const f = lint(`<!-- phi-lint-disable-next-line phi/ssn -- old note -->\n${CLEAN}`, 'a.md', ['--report-unused-disable-directives']);
    expect(f.directives[0].message).toContain('silenced nothing');
    expect(lint(`<!-- phi-lint-disable-next-line phi/ssn -- old note -->\n${CLEAN}`).directives).toBeUndefined();
  });
});

describe('baselines', () => {
  it('records findings as salted hashes, reports only new ones, survives moved lines, drops stale entries', () => {
    const d = tempDir({ 'a.md': PHI, 'b.md': CLEAN });
    const w = runCli(['--baseline', 'phi-baseline.json', '--update-baseline', '.'], { cwd: d });
    expect(w.code).toBe(0);
    const text = fs.readFileSync(path.join(d, 'phi-baseline.json'), 'utf8');
    expect(text).not.toContain('Tommy');
    expect(text).not.toContain('00482913');
    const baseline = JSON.parse(text);
    expect(baseline.salt).toMatch(/^[0-9a-f]{32}$/);
    const n = baseline.entries.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(runCli(['--baseline', 'phi-baseline.json', '.'], { cwd: d }).code).toBe(0);
    fs.writeFileSync(path.join(d, 'a.md'), `A new first line.\n\n${PHI}`);
    expect(runCli(['--baseline', 'phi-baseline.json', '.'], { cwd: d }).code).toBe(0);
    fs.writeFileSync(path.join(d, 'b.md'), 'Intake: SSN 412-38-7719\n');
    const r = JSON.parse(runCli(['--format', 'json', '--baseline', 'phi-baseline.json', '.'], { cwd: d }).stdout);
    expect(r.files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId))).toEqual(['phi/ssn-labeled']);
    fs.writeFileSync(path.join(d, 'a.md'), CLEAN);
    runCli(['--baseline', 'phi-baseline.json', '--update-baseline', '.'], { cwd: d });
    const after = JSON.parse(fs.readFileSync(path.join(d, 'phi-baseline.json'), 'utf8'));
    expect(after.salt).toBe(baseline.salt);
    expect(after.entries.every((e: { path: string }) => e.path === 'b.md')).toBe(true);
  });

  it('names a missing baseline file', () => {
    const r = runCli(['--baseline', 'nope.json', '.'], { cwd: tempDir({ 'a.md': CLEAN }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('phi-lint: baseline file not found: nope.json (create it with --update-baseline)\n');
  });
});

describe('README CI recipes run as documented', () => {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
  const block = (marker: string) => {
    const m = new RegExp('```yaml\\n# ' + marker.replace(/[.]/g, '\\.') + '\\n([\\s\\S]*?)```').exec(readme);
    expect(m, marker).not.toBeNull();
    return m![1];
  };
  const phiLintArgs = (yaml: string) => {
    const line = yaml.split('\n').find((l) => /^\s*-\s*(?:run:\s*)?phi-lint\s/.test(l));
    expect(line).toBeDefined();
    return line!.replace(/^\s*-\s*(?:run:\s*)?phi-lint\s+/, '').split(/\s+/);
  };

  it('the GitHub Actions step writes a SARIF file the upload step can read', () => {
    const d = repo({ 'drafts/post.md': PHI, 'drafts/ok.md': CLEAN });
    const args = phiLintArgs(block('.github/workflows/phi-lint.yml'));
    const r = runCli(args, { cwd: d, env: { CI: 'true', GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(d, 'phi-lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('drafts/post.md');
    expect(JSON.stringify(sarif)).not.toContain('Tommy Alvarez');
    expect(r.stdout).not.toContain('Tommy Alvarez');
  });

  it('the GitLab CI job writes a JUnit report', () => {
    const d = repo({ 'drafts/post.md': PHI, 'drafts/ok.md': CLEAN });
    const args = phiLintArgs(block('.gitlab-ci.yml'));
    const r = runCli(args, { cwd: d, env: { CI: 'true', GITLAB_CI: 'true' } });
    expect(r.code).toBe(1);
    const xml = fs.readFileSync(path.join(d, 'phi-lint-junit.xml'), 'utf8');
    expect(xml).toContain('<testcase classname="phi-lint" name="drafts/ok.md" file="drafts/ok.md"/>');
    expect(xml).toContain('<failure type="phi/patient-name"');
    expect(xml).not.toContain('Tommy Alvarez');
  });
});
