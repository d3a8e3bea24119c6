// Nothing the user wrote is lost: --output never replaces a draft, --fix keeps links, read-only files and
// foreign encodings, and a report that cannot be written is one line and exit 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir, withoutCi } from './helpers.js';

const DRAFT = 'Intake: SSN 412-38-7719, thanks!\n';
const FIXED = 'Intake: SSN [SSN removed], thanks!\n';
const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+|internal error/);

describe('--output never replaces an input', () => {
  const cases: [string, (dir: string) => string][] = [
    ['the draft itself', () => 'post.md'],
    ['a symbolic link to the draft', (dir) => (fs.symlinkSync('post.md', path.join(dir, 'link.json')), 'link.json')],
    ['a hard link to the draft', (dir) => (fs.linkSync(path.join(dir, 'post.md'), path.join(dir, 'hard.json')), 'hard.json')],
    ['the draft by its absolute path', (dir) => path.join(dir, 'post.md')],
    ['the config file', () => '.phi-lint.yaml'],
  ];
  it.each(cases)('-o %s: exit 2, one line, nothing written', (_name, target) => {
    const dir = tempDir({ 'post.md': DRAFT, '.phi-lint.yaml': 'rules: {}\n' });
    const out = target(dir);
    const r = runCli(['--format', 'json', '-o', out, 'post.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`phi-lint: ${out}: will not write the report over a file being linted (it would replace your draft); choose another --output file; nothing was written\n`);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(path.join(dir, 'post.md'), 'utf8')).toBe(DRAFT);
    expect(fs.readFileSync(path.join(dir, '.phi-lint.yaml'), 'utf8')).toBe('rules: {}\n');
  });
  it('-o a folder, a device or a broken link: refused before anything is written', () => {
    const dir = tempDir({ 'post.md': DRAFT, 'out/keep.txt': 'x' });
    fs.symlinkSync('nowhere/report.json', path.join(dir, 'dangling.json'));
    for (const [out, why] of [['out', 'it is a folder'], ['/dev/null', 'it is not a regular file']]) {
      const r = runCli(['-o', out, 'post.md'], { cwd: dir });
      expect([r.code, r.stderr]).toEqual([2, `phi-lint: ${out}: will not write the report there: ${why}; name a new file or an existing report file; nothing was written\n`]);
    }
    const r = runCli(['-o', 'dangling.json', 'post.md'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, 'phi-lint: dangling.json: will not write the report through a broken symbolic link; nothing was written\n']);
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['keep.txt']);
  });
  it('-o a new file or an earlier report is still written', () => {
    const dir = tempDir({ 'post.md': DRAFT, 'report.json': 'old report' });
    expect(runCli(['--format', 'json', '-o', 'report.json', 'post.md'], { cwd: dir }).code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).files[0].path).toBe('post.md');
    expect(runCli(['--format', 'json', '-o', 'new/r.json', 'post.md'], { cwd: dir }).code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'new', 'r.json'), 'utf8')).files).toHaveLength(1);
  });
});

describe('a report that cannot be written', () => {
  it('-o /dev/full: one line, exit 2', () => {
    const r = runCli(['-o', '/dev/full', 'post.md'], { cwd: tempDir({ 'post.md': DRAFT }) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noTrace(r.stderr);
  });
  it.skipIf(!fs.existsSync('/dev/full'))('> /dev/full: one line naming the full disk, exit 2, no stack trace', () => {
    const full = fs.openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [BIN, 'post.md'], { cwd: tempDir({ 'post.md': DRAFT }), stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: withoutCi(process.env) });
    fs.closeSync(full);
    expect([r.status, r.stderr]).toEqual([2, 'phi-lint: cannot write the report to standard output: the disk is full (ENOSPC)\n']);
  });
});

describe('--fix keeps links, permissions and bytes', () => {
  it('writes through a symbolic link to its target and keeps the link', () => {
    const dir = tempDir({ 'real/post.md': DRAFT });
    fs.symlinkSync('real/post.md', path.join(dir, 'post.md'));
    expect(runCli(['--fix', 'post.md'], { cwd: dir }).code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'post.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real', 'post.md'), 'utf8')).toBe(FIXED);
    expect(fs.readdirSync(path.join(dir, 'real'))).toEqual(['post.md']);
  });
  it('keeps hard links pointing at the fixed content', () => {
    const dir = tempDir({ 'post.md': DRAFT });
    fs.linkSync(path.join(dir, 'post.md'), path.join(dir, 'copy.txt'));
    const ino = fs.statSync(path.join(dir, 'post.md')).ino;
    expect(runCli(['--fix', 'post.md'], { cwd: dir }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'copy.txt'), 'utf8')).toBe(FIXED);
    expect(fs.statSync(path.join(dir, 'post.md')).ino).toBe(ino);
    expect(fs.readdirSync(dir).sort()).toEqual(['copy.txt', 'post.md']);
  });
  it('refuses a read-only file: exit 2, untouched, the others fixed', () => {
    const dir = tempDir({ 'locked.md': DRAFT, 'open.md': DRAFT });
    fs.chmodSync(path.join(dir, 'locked.md'), 0o444);
    const r = runCli(['--fix', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phi-lint: locked.md: not fixed: the file is read-only\n');
    expect(fs.readFileSync(path.join(dir, 'locked.md'), 'utf8')).toBe(DRAFT);
    expect(fs.statSync(path.join(dir, 'locked.md')).mode & 0o777).toBe(0o444);
    expect(fs.readFileSync(path.join(dir, 'open.md'), 'utf8')).toBe(FIXED);
  });
  it('refuses a Latin-1 file rather than re-encoding it', () => {
    const dir = tempDir();
    const latin1 = Buffer.from('Caf\xe9 intake: SSN 412-38-7719, merci\n', 'latin1');
    fs.writeFileSync(path.join(dir, 'note.md'), latin1);
    const r = runCli(['--fix', 'note.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phi-lint: note.md: not fixed: it is not UTF-8 text (it has invalid bytes)');
    expect(fs.readFileSync(path.join(dir, 'note.md')).equals(latin1)).toBe(true);
  });
  it('refuses a UTF-16 file rather than re-encoding it', () => {
    const dir = tempDir();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]);
    fs.writeFileSync(path.join(dir, 'note.md'), utf16);
    const r = runCli(['--fix', 'note.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phi-lint: note.md: not fixed: it is not UTF-8 text (utf-16le)');
    expect(fs.readFileSync(path.join(dir, 'note.md')).equals(utf16)).toBe(true);
  });
  it('changes no byte outside the fixed spans (BOM, CRLF, mixed line endings, astral characters)', () => {
    const dir = tempDir();
    const before = '\ufeff# Intake 🩺\r\nSSN 412-38-7719\rand\n\tSSN 518-44-1290  \r\n\u00a0end without newline';
    fs.writeFileSync(path.join(dir, 'note.md'), before);
    runCli(['--fix', 'note.md'], { cwd: dir });
    const after = fs.readFileSync(path.join(dir, 'note.md'));
    expect(after.equals(Buffer.from(before.replace('412-38-7719', '[SSN removed]').replace('518-44-1290', '[SSN removed]'), 'utf8'))).toBe(true);
  });
  it('says so when a file over the findings cap was not completely fixed', () => {
    const dir = tempDir({ 'dump.txt': 'Patient SSN 412-38-7719. '.repeat(20001) });
    const r = runCli(['--fix', '--format', 'json', 'dump.txt'], { cwd: dir });
    expect(r.stderr).toContain('phi-lint: warning: dump.txt: only the fixes among the first 20,000 findings were made; run phi-lint --fix again for the rest\n');
    expect(fs.readFileSync(path.join(dir, 'dump.txt'), 'utf8').match(/412-38-7719/g)).toHaveLength(1);
  });
});
