// End to end: spawn bin/phi-lint.js on fixtures and check exit codes and output, as users and CI see them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const FIX = path.join(ROOT, 'fixtures', 'e2e');

describe('exit codes', () => {
  it('0 for a clean draft, with a one-line summary', () => {
    const r = runCli([path.join(FIX, 'clean.md')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ no problems in 1 file');
  });
  it('1 when there are errors', () => {
    expect(runCli([path.join(FIX, 'review-reply.md')]).code).toBe(1);
  });
  it('0 with warnings only, 1 once they exceed --max-warnings', () => {
    const f = path.join(FIX, 'warning-only.txt');
    expect(runCli([f]).code).toBe(0);
    const r = runCli(['--max-warnings', '1', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('more than --max-warnings 1 allows');
  });
  it('2 for a missing path, naming it', () => {
    const r = runCli(['no-such-draft.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('phi-lint: path not found: no-such-draft.md\n');
  });
  it('2 for a folder with no drafts', () => {
    const dir = tempDir({ 'notes.json': '{}' });
    const r = runCli(['.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no drafts to lint in this folder');
  });
  it('2 for a bad option value, in one line', () => {
    const r = runCli(['--format', 'xml', FIX]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('2 for a config error with file:line:col', () => {
    const dir = tempDir({ '.phi-lint.yaml': 'rules:\n  phi/patient-nam: off\n', 'a.md': 'hi' });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`phi-lint: ${path.join(dir, '.phi-lint.yaml')}:2:3: config: unknown rule "phi/patient-nam" in "rules" (did you mean "phi/patient-name"?); run \`phi-lint rules\` to list them\n`);
  });
});

describe('stylish output', () => {
  it('groups by file with line:col, severity, message, rule id, the line, a caret and suggestions', () => {
    const r = runCli([path.join(FIX, 'review-reply.md')], { cwd: ROOT });
    expect(r.stdout).toContain('fixtures/e2e/review-reply.md');
    expect(r.stdout).toMatch(/1:4 +error +Name of a patient .*phi\/patient-name/);
    expect(r.stdout).toContain('    1 | Hi Jordan, we');
    expect(r.stdout).toContain('      |    ^^^^^^');
    expect(r.stdout).toContain('→ Refer to the person without identifying them: "one of our patients"');
    expect(r.stdout).toMatch(/✖ \d+ errors, 0 warnings in 1 file/);
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('colours only on a terminal, never with NO_COLOR', () => {
    const r = runCli([path.join(FIX, 'review-reply.md')], { env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('hides infos by default and shows them with --min-severity info', () => {
    const f = path.join(FIX, 'event-post.md');
    expect(runCli([f]).stdout).toContain('not shown');
    expect(runCli(['--min-severity', 'info', f]).stdout).toMatch(/ info +/);
  });
});

describe('json output', () => {
  it('follows the report contract: every file listed, text equals the slice at offset', () => {
    const r = runCli(['--format', 'json', 'fixtures/e2e'], { cwd: ROOT });
    const report = JSON.parse(r.stdout);
    expect(report.tool).toEqual({ name: 'phi-lint', version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version });
    expect(report.files.map((f: { path: string }) => f.path).sort()).toEqual(
      ['clean.md', 'event-post.md', 'review-reply.md', 'warning-only.txt'].map((n) => `fixtures/e2e/${n}`),
    );
    let n = 0;
    for (const file of report.files) {
      const text = fs.readFileSync(path.join(ROOT, file.path), 'utf8');
      for (const f of file.findings) {
        n++;
        expect(Object.keys(f).slice(0, 13)).toEqual(['ruleId', 'severity', 'category', 'type', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'length', 'text', 'suggestions']);
        expect(text.slice(f.offset, f.offset + f.length)).toBe(f.text);
        expect(f.text).not.toMatch(/^[\s.,;:!?]|[\s.,;:!?]$/);
      }
    }
    expect(n).toBeGreaterThan(3);
    expect(report.summary.files).toBe(4);
  });
  it('reads standard input with --stdin and names it with --stdin-filename', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'post.md', '--format', 'json'], { input: 'Our patient Tommy Alvarez starts chemo next week.' });
    const report = JSON.parse(r.stdout);
    expect(report.files[0].path).toBe('post.md');
    expect(report.files[0].findings.map((f: { type: string }) => f.type)).toContain('name');
    expect(r.code).toBe(1);
  });
});

describe('options', () => {
  it('--rule turns a rule off or changes its severity', () => {
    const f = path.join(FIX, 'review-reply.md');
    const off = JSON.parse(runCli(['--format', 'json', '--rule', 'phi/*=off', '--rule', 'professionalism/*=off', f]).stdout);
    expect(off.files[0].findings).toEqual([]);
    const warn = JSON.parse(runCli(['--format', 'json', '--rule', 'phi/account-number=warning', f]).stdout);
    expect(warn.files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'phi/account-number').severity).toBe('warning');
  });
  it('--quiet reports errors only', () => {
    const r = runCli(['--quiet', '--format', 'json', path.join(FIX, 'warning-only.txt')]);
    expect(JSON.parse(r.stdout).files[0].findings).toEqual([]);
  });
  it('--fix-dry-run prints a diff and writes nothing; --fix writes atomically', () => {
    const dir = tempDir({ 'note.md': 'Intake: SSN 412-38-7719, thanks!\n' });
    const dry = runCli(['--fix-dry-run', 'note.md'], { cwd: dir });
    expect(dry.stdout).toContain('-Intake: SSN 412-38-7719, thanks!');
    expect(dry.stdout).toContain('+Intake: SSN [SSN removed], thanks!');
    expect(fs.readFileSync(path.join(dir, 'note.md'), 'utf8')).toBe('Intake: SSN 412-38-7719, thanks!\n');
    fs.chmodSync(path.join(dir, 'note.md'), 0o640);
    const fixed = runCli(['--fix', 'note.md'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'note.md'), 'utf8')).toBe('Intake: SSN [SSN removed], thanks!\n');
    expect(fs.statSync(path.join(dir, 'note.md')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['note.md']);
    expect(runCli(['--fix-dry-run', 'note.md'], { cwd: dir }).stdout).toBe('');
  });
  it('skips node_modules, .git, .phi-lintignore and config ignore paths; honours extensions', () => {
    const dir = tempDir({
      'a.md': 'SSN 412-38-7719',
      'node_modules/x/b.md': 'SSN 412-38-7719',
      'drafts/old/c.md': 'SSN 412-38-7719',
      'archive/d.md': 'SSN 412-38-7719',
      'e.html': 'SSN 412-38-7719',
      '.phi-lintignore': '# old drafts\ndrafts/old/\n',
      '.phi-lint.yaml': 'ignore: ["archive/**"]\n',
    });
    const files = (args: string[]) => JSON.parse(runCli(['--format', 'json', ...args], { cwd: dir }).stdout).files.map((f: { path: string }) => f.path);
    expect(files(['.'])).toEqual(['a.md', 'e.html']);
    expect(files(['e.html'])).toEqual(['e.html']);
    fs.writeFileSync(path.join(dir, '.phi-lint.yaml'), 'extensions: [".md"]\n');
    expect(files(['.'])).toEqual(['a.md', 'archive/d.md']);
  });
  it('lints globs', () => {
    const r = runCli(['--format', 'json', 'fixtures/e2e/*.txt'], { cwd: ROOT });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['fixtures/e2e/warning-only.txt']);
  });
  it('prints the version and help', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--format', '--config', '--rule', '--min-severity', '--quiet', '--max-warnings', '--no-color', '--fix', '--fix-dry-run', '--stdin', '--stdin-filename']) {
      expect(help.stdout).toContain(flag);
    }
  });
});

describe('subcommands', () => {
  it('rules lists every rule with category, type, severity and description', () => {
    const r = runCli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID +CATEGORY +TYPE +KIND +SEVERITY +DESCRIPTION/);
    expect(r.stdout).toMatch(/phi\/ssn +phi +ssn +pattern +error +US Social Security numbers/);
    const n = Number(/(\d+) rules\n$/.exec(r.stdout)?.[1]);
    expect(n).toBeGreaterThanOrEqual(25);
    expect(JSON.parse(runCli(['rules', '--format', 'json']).stdout)).toHaveLength(n);
  });
  it('test-rules passes on the built-in rules and fails on a broken team rule', () => {
    const ok = runCli(['test-rules']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^\d+ passed, 0 failed\n$/m);
    const dir = tempDir({
      'team/brand.yaml': "kind: terms\ncategory: professionalism\ntype: outcome-claim\nseverity: warning\nmessage: Avoid {match}\ndescription: d\nterms: [miracle]\nexamples:\n  flag: ['A wonder cure!']\n  pass: ['A miracle on ice']\n",
    });
    const bad = runCli(['test-rules', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✖ team/brand');
    expect(bad.stdout).toContain('expected to flag: "A wonder cure!"; got nothing');
    expect(bad.stdout).toContain('expected to pass: "A miracle on ice"; got warning "miracle"');
    expect(bad.stdout).toContain('0 passed, 2 failed');
  });
});
