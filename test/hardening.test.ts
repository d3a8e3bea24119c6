// Hardening end to end: every bad input gives a clear message and the right exit code, never a stack
// trace, never a hang, never a lost or half-written file, never network access.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir, withoutCi } from './helpers.js';

const PHI = 'Our patient Tommy Alvarez starts chemo next week. MRN 00482913\n';
const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+/);

describe('bad input', () => {
  it('a missing path: exit 2, the path named', () => {
    const r = runCli(['nope.md'], { cwd: tempDir() });
    expect([r.code, r.stderr]).toEqual([2, 'phi-lint: path not found: nope.md\n']);
  });

  it('a folder with no drafts: exit 2, a clear message', () => {
    const r = runCli(['docs'], { cwd: tempDir({ 'docs/a.xyz': 'x' }) });
    expect([r.code, r.stderr]).toEqual([2, 'phi-lint: no drafts to lint in docs (looked for .md .markdown .mdx .txt .html .htm .csv .docx .jpg .jpeg .png .heic .webp .tiff .tif files)\n']);
  });

  it('a binary file is an error naming it (exit 2), not a silent pass; the others linted', () => {
    const dir = tempDir({ 'a.md': PHI });
    fs.writeFileSync(path.join(dir, 'logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.stderr).toBe('phi-lint: logo.md: not linted: it cannot be read as text (it looks like a binary file, not a draft); remove it or exclude it with ignore\nphi-lint: 1 file could not be linted (see above); exit code 2\n');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.md']);
    expect(r.code).toBe(2);
  });

  it('invalid UTF-8 is linted with replacement characters and a warning naming the file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.concat([Buffer.from('Our patient \xff'.replace('\xff', ''), 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from(' Tommy Alvarez had chemo today\n')]));
    const r = runCli(['--format', 'json', 'bad.md'], { cwd: dir });
    expect(r.stderr).toBe('phi-lint: warning: bad.md: not valid UTF-8; invalid bytes were read as \uFFFD\n');
    const f = JSON.parse(r.stdout).files[0].findings.find((x: { type: string }) => x.type === 'name');
    expect(f.text).toBe('Tommy Alvarez');
    expect(f.column).toBe(16);
  });

  it('a BOM and CRLF line endings give correct line:col', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'crlf.md'), '\ufeffLine one.\r\n\r\nOur patient Tommy Alvarez had chemo today.\r\n');
    const f = JSON.parse(runCli(['--format', 'json', 'crlf.md'], { cwd: dir }).stdout).files[0].findings.find((x: { type: string }) => x.type === 'name');
    expect([f.line, f.column, f.offset]).toEqual([3, 13, 25]);
  });

  it('an empty file is linted and clean', () => {
    const r = runCli(['--format', 'json', 'empty.md'], { cwd: tempDir({ 'empty.md': '' }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toEqual([{ path: 'empty.md', findings: [] }]);
  });

  it('a file over --max-file-size is refused with a clear message; the limit can be raised', () => {
    const dir = tempDir({ 'a.md': PHI, 'big.md': `${'Routine text about our flu clinic. '.repeat(40000)}\n${PHI}` });
    const r = runCli(['--max-file-size', '1MB', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phi-lint: big.md: not linted: 1.3 MB is larger than --max-file-size 1.0 MB (raise it, for example --max-file-size 3MB, or 0 for no limit)');
    expect(r.stderr).toContain('1 file could not be linted');
    expect(r.stdout).toContain('a.md');
    const raised = runCli(['--format', 'json', '--max-file-size', '0', 'big.md'], { cwd: dir });
    expect(JSON.parse(raised.stdout).files[0].findings.some((f: { type: string }) => f.type === 'mrn')).toBe(true);
    expect(runCli(['--max-file-size', 'lots', '.'], { cwd: dir }).stderr).toBe('phi-lint: --max-file-size expects a size like 10MB, 500KB or 0 (got "lots")\n');
  });

  it('a file with more than 20,000 findings is cut there, with a warning, not exhausted memory', () => {
    const r = runCli(['--format', 'json', 'dump.txt'], { cwd: tempDir({ 'dump.txt': 'Patient SSN 412-38-7719. '.repeat(25000) }) });
    const file = JSON.parse(r.stdout).files[0];
    expect(file.findings).toHaveLength(20000);
    expect(file.directives[0].message).toContain('phi-lint stopped after 20,000 findings in this file');
    expect(r.code).toBe(1);
  });

  it('a 100,000-line file is linted', () => {
    const lines = Array.from({ length: 100000 }, (_, i) => (i === 99999 ? 'Our patient Tommy Alvarez had chemo today.' : `Line ${i} of our newsletter.`));
    const r = runCli(['--format', 'json', 'long.md'], { cwd: tempDir({ 'long.md': lines.join('\n') }) });
    const name = JSON.parse(r.stdout).files[0].findings.find((f: { type: string }) => f.type === 'name');
    expect(name.line).toBe(100000);
  });

  it('symbolic link loops and links out of the tree do not hang; links to files are linted', () => {
    const dir = tempDir({ 'drafts/a.md': PHI, 'other/b.md': PHI });
    fs.symlinkSync('..', path.join(dir, 'drafts', 'up'));
    fs.symlinkSync('loop2', path.join(dir, 'drafts', 'loop1'));
    fs.symlinkSync('loop1', path.join(dir, 'drafts', 'loop2'));
    fs.symlinkSync('../other/b.md', path.join(dir, 'drafts', 'b-link.md'));
    let deep = path.join(dir, 'drafts');
    for (let i = 0; i < 60; i++) deep = path.join(deep, `level${i}`);
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'deep.md'), PHI);
    const r = runCli(['--format', 'json', 'drafts'], { cwd: dir });
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toContain('drafts/a.md');
    expect(paths).toContain('drafts/b-link.md');
    expect(paths.some((p: string) => p.endsWith('deep.md'))).toBe(true);
    expect(paths.every((p: string) => !p.includes('up/'))).toBe(true);
    expect(runCli(['drafts/loop1'], { cwd: dir }).stderr).toBe('phi-lint: path is a symbolic link loop: drafts/loop1\n');
  });

  it('unreadable files are named, the others still linted, exit 2 at the end', () => {
    const dir = tempDir({ 'a.md': PHI });
    fs.symlinkSync('missing.md', path.join(dir, 'broken.md'));
    fs.mkdirSync(path.join(dir, 'folder.md'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phi-lint: broken.md: cannot read the file (file not found (a broken link?))');
    if (fifo.status === 0) expect(r.stderr).toContain('phi-lint: pipe.md: cannot read the file (it is not a regular file)');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.md']);
    noTrace(r.stderr);
  });

  it('output cut by a closed pipe ends quietly, without an EPIPE trace', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`d${i}.md`] = PHI;
    const dir = tempDir(files);
    const child = spawn(process.execPath, [BIN, '--format', 'json', '.'], { cwd: dir, env: withoutCi(process.env) });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('SIGINT during --fix with output into a pipe nobody reads: exit 130, every file untouched or completely fixed', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`d${String(i).padStart(3, '0')}.md`] = `Intake note ${i}: SSN 412-38-7719, please delete.\n${PHI}`;
    const dir = tempDir(files);
    const fixedText = (n: string) => files[n].replace('412-38-7719', '[SSN removed]').replace('00482913', '[MRN removed]');
    // Standard output is a pipe this test never reads, so the report backs up in the child as it would for a stuck reader.
    const child = spawn(process.execPath, [BIN, '--fix', '--workers', '0', '--format', 'json', '.'], { cwd: dir, env: withoutCi(process.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Interrupt once the first file is fixed: the handler is installed and most files are still to do, however slow the machine.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (fs.readFileSync(path.join(dir, 'd000.md'), 'utf8') === fixedText('d000.md')) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    expect(child.kill('SIGINT')).toBe(true);
    const code = await closed;
    expect(code).toBe(130);
    expect(stderr).toBe('phi-lint: interrupted; files already fixed were written completely, the rest are unchanged\n');
    const names = fs.readdirSync(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const states = names.map((n) => {
      const text = fs.readFileSync(path.join(dir, n), 'utf8');
      expect([files[n], fixedText(n)]).toContain(text);
      return text === files[n] ? 'untouched' : 'fixed';
    });
    expect(states).toContain('untouched');
  });
});

describe('hostile or broken rules', () => {
  const rule = (regex: string) =>
    `kind: pattern\nregex: '${regex}'\ncategory: phi\ntype: name\nseverity: error\nmessage: m\ndescription: d\nexamples:\n  flag: [aaa]\n`;
  it('a catastrophic-backtracking pattern is refused at load with the file, field and reason', () => {
    const dir = tempDir({ 'rules/team/evil.yaml': rule('(\\w+\\s?)+$'), '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'a.md': 'hello' });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`phi-lint: ${path.join(dir, 'rules', 'team', 'evil.yaml')}:2:8: rule team/evil: refused regex in "regex": the repeated group (\\w+\\s?)+ contains another unbounded repeat (*, + or {n,}), which can take exponential time; bound one of them, for example {1,20}\n`);
  });
  it('a catastrophic regex cue in a context is refused too', () => {
    const bad = `${rule('foo')}context:\n  any: ['/(a|a)*b/']\n`;
    const dir = tempDir({ 'rules/team/evil.yaml': bad, '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'a.md': 'hello' });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid cue "/(a|a)*b/": refused regex: the repeated group (a|a)* offers the same alternative twice');
  });
});

describe('no PHI leaks', () => {
  it('never opens a network connection', () => {
    const guard = "data:text/javascript,import net from 'node:net';import dns from 'node:dns';import http from 'node:http';import https from 'node:https';" +
      "const no=()=>{throw new Error('network access attempted')};for(const m of [net,http,https])for(const k of ['connect','createConnection','request','get'])if(m[k])m[k]=no;dns.lookup=no;";
    const dir = tempDir({ 'a.md': PHI });
    const r = spawnSync(process.execPath, ['--import', guard, BIN, '--format', 'sarif', '--cache', '.'], { cwd: dir, encoding: 'utf8', env: withoutCi(process.env) });
    expect(r.stderr).not.toContain('network access attempted');
    expect(JSON.parse(r.stdout).version).toBe('2.1.0');
  });
  it('error messages name files, never their contents', () => {
    const dir = tempDir({ '.phi-lint.yaml': 'rules: [Tommy Alvarez 00482913\n', 'a.md': PHI });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Tommy');
  });
});
