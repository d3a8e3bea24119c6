// Hostile custom rules: regexes that hang a backtracking engine run on RE2 (linear time), and what RE2
// cannot express is a one-line config error naming the rule file and line:col.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir, withoutCi } from './helpers.js';

const rule = (regex: string, extra = '') =>
  `kind: pattern\nregex: '${regex}'\ncategory: phi\ntype: other-id\nseverity: error\nmessage: m\ndescription: d\nexamples:\n  flag: []\n${extra}`;

/** Run the linter on `draft` with one custom rule; a hang is cut off by the guard (far above a normal run). */
function lintWith(ruleText: string, draft: string) {
  const dir = tempDir({ 'rules/team/evil.yaml': ruleText, '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'a.md': draft });
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', 'a.md'], { cwd: dir, encoding: 'utf8', timeout: 25_000, env: withoutCi(process.env) });
  return { dir, code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('custom rules run in linear time', () => {
  // Each of these took over 30 s on a draft like the one given, with the backtracking engine.
  it.each([
    ['(a|aa)+$', `${'a'.repeat(5000)}!`],
    ['(a|b|ab)*c', `${'ab'.repeat(3000)}!`],
    ['(\\w|\\d)+$', `${'1'.repeat(5000)}!`],
    ['(.*a){12}$', `${'a'.repeat(3000)}!`],
    ['((a{1,5}){1,5}){1,5}$', `${'a'.repeat(5000)}!`],
    ['[\\s\\S]*?[\\s\\S]*?[\\s\\S]*?!x', `${'a!'.repeat(3000)}`],
  ])('%s', (regex, draft) => {
    const r = lintWith(rule(regex), draft);
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'team/evil')).toEqual([]);
  });

  it('an RE2 rule still finds its matches, with named groups, flags and exact UTF-16 offsets', () => {
    const draft = '😀 Wristband BADGE #4471902 scanned. Badge 88123 too.\n';
    const r = lintWith(rule('badge\\s?#?(?<id>\\d{5,7})', 'flags: i\ngroup: id\n'), draft);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'team/evil');
    expect(found.map((f: { text: string; offset: number }) => [f.text, f.offset])).toEqual([['4471902', draft.indexOf('4471902')], ['88123', draft.indexOf('88123')]]);
  });

  it('cues and custom lexicon patterns run on RE2 too', () => {
    const lexicon = "description: d\nsource: s\nterms: [wristband]\npatterns: ['(x|xx)+y']\n";
    const text = rule('\\bcode (?<id>\\d{4})\\b', "group: id\ncontext:\n  any: ['@evil-lex', '/(a|aa)+$/']\n  scope: draft\n  otherwise: off\n");
    const dir = tempDir({ 'rules/team/evil.yaml': text, 'rules/lexicons/evil-lex.yaml': lexicon, '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'a.md': `code 1234 ${'x'.repeat(5000)}!\n\n${'a'.repeat(5000)}!` });
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', 'a.md'], { cwd: dir, encoding: 'utf8', timeout: 25_000, env: withoutCi(process.env) });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    fsWrite(dir, 'a.md', 'code 1234 on the wristband\n');
    const hit = JSON.parse(runCli(['--format', 'json', 'a.md'], { cwd: dir }).stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'team/evil');
    expect(hit.map((f: { text: string }) => f.text)).toEqual(['1234']);
  });
});

const fsWrite = (dir: string, rel: string, text: string) => fs.writeFileSync(path.join(dir, rel), text);

describe('what RE2 cannot express is a one-line config error', () => {
  const at = (dir: string, rel: string) => path.join(dir, ...rel.split('/'));
  it.each([
    ['(a+)\\1+$', 'a backreference (\\1 or \\k<name>) cannot run in linear time'],
    ['(?<x>a)\\k<x>', 'a backreference (\\1 or \\k<name>) cannot run in linear time'],
    ['foo(?=bar)', 'lookahead ((?= or (?!) cannot run in linear time'],
    ['(?<!x)foo', 'lookbehind ((?<= or (?<!) cannot run in linear time'],
    ['((a{1,10}){1,10}){1,10}$', 'it is too large to match quickly (2222 steps per character, at most 2000)'],
  ])('%s', (regex, reason) => {
    const dir = tempDir({ 'rules/team/evil.yaml': rule(regex), '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'a.md': 'hello' });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toContain(`phi-lint: ${at(dir, 'rules/team/evil.yaml')}:2:8: rule team/evil: regex in "regex" cannot be used in a custom rule: ${reason}`);
  });

  it('in a cue and in a lexicon pattern, with their line:col', () => {
    const cue = tempDir({ 'rules/team/evil.yaml': `${rule('foo')}context:\n  any: ['/(a)\\1/']\n`, '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'a.md': 'hello' });
    const c = runCli(['a.md'], { cwd: cue });
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^phi-lint: .*evil\.yaml:11:9: rule team\/evil: invalid cue "\/\(a\)\\1\/": cannot be used in a custom rule: a backreference/);
    const lex = tempDir({ 'rules/lexicons/evil.yaml': "description: d\nsource: s\nterms: [x]\npatterns:\n  - 'a(?=b)'\n", '.phi-lint.yaml': 'ruleDirs: [rules]\n', 'a.md': 'hello' });
    const l = runCli(['a.md'], { cwd: lex });
    expect(l.code).toBe(2);
    expect(l.stderr).toBe(`phi-lint: ${at(lex, 'rules/lexicons/evil.yaml')}:5:5: lexicon: regex in "patterns[0]" cannot be used in a custom rule: lookahead ((?= or (?!) cannot run in linear time; custom rules use RE2 syntax: use \\b or a character class instead\n`);
  });
});

describe('README', () => {
  it('the rule in "Writing a rule" runs as a custom rule on RE2 and passes its own examples', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = /```yaml\n# compliance\/phi-rules\/team\/wristband-barcode\.yaml[^\n]*\n([\s\S]*?)```/.exec(readme)![1];
    const dir = tempDir({ 'compliance/phi-rules/team/wristband-barcode.yaml': block });
    const r = runCli(['test-rules', 'compliance/phi-rules'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
