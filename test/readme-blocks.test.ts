// Every config, rule and command block in the README, run as written: a user copies them, so each must work.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir, withoutCi } from './helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
// The info string may carry more than the language (```html title=drafts/x.html).
const blocks = [...readme.matchAll(/^```([^\n]*)\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1].split(/\s/)[0], body: m[2] }));
const firstLine = (b: { body: string }) => b.body.split('\n')[0];
const block = (test: (b: { lang: string; body: string }) => boolean) => {
  const found = blocks.filter(test);
  expect(found.length).toBeGreaterThan(0);
  return found;
};

const PHI = 'Our patient Tommy Alvarez starts chemo next week. MRN 00482913\n';
const CLEAN = 'Our flu clinic is open every Saturday morning.\n';

const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });

/** The config block and the rule block, written where their first-line comments say. */
function configAndRule(index = 0): { dir: string; rulePath: string; ruleId: string; rule: string } {
  const config = block((b) => b.lang === 'yaml' && firstLine(b) === '# .phi-lint.yaml')[0].body;
  const ruleBlock = block((b) => b.lang === 'yaml' && /^# \S+\.yaml\s+→\s+id "/.test(firstLine(b)))[index];
  const [, rulePath, ruleId] = /^# (\S+\.yaml)\s+→\s+id "([^"]+)"/.exec(firstLine(ruleBlock))!;
  const dir = tempDir({ '.phi-lint.yaml': config, [rulePath]: ruleBlock.body, 'post.md': CLEAN });
  return { dir, rulePath, ruleId, rule: ruleBlock.body };
}

describe('README config and rule blocks', () => {
  it('the config block loads as written and lints a clean draft cleanly', () => {
    const { dir } = configAndRule();
    const r = runCli(['post.md'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
  const ruleBlocks = blocks.filter((b) => b.lang === 'yaml' && /^# \S+\.yaml\s+→\s+id "/.test(firstLine(b))).map((b, i) => [firstLine(b), i] as const);
  it('there are rule blocks', () => expect(ruleBlocks.length).toBeGreaterThan(1));
  it.each(ruleBlocks)('the rule block %s loads, passes its own examples and finds what it says', (_, index) => {
    const { dir, rulePath, ruleId, rule } = configAndRule(index);
    const tested = runCli(['test-rules', rulePath.split('/').slice(0, -2).join('/')], { cwd: dir });
    expect(tested.stderr).toBe('');
    expect(tested.code).toBe(0);
    const flag = (parseYaml(rule) as { examples: { flag: string[] } }).examples.flag[0];
    fs.writeFileSync(path.join(dir, 'flag.md'), `${flag}\n`);
    const r = runCli(['--format', 'json', 'flag.md'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain(ruleId);
  });
  it('the authorization front-matter example counts under the config block\'s authorizationPattern', () => {
    const { dir } = configAndRule();
    const front = block((b) => b.lang === 'markdown' && b.body.includes('authorization:'))[0].body;
    fs.writeFileSync(path.join(dir, 'story.md'), `${front}${PHI}`);
    const r = runCli(['--format', 'json', 'story.md'], { cwd: dir });
    const findings = JSON.parse(r.stdout).files[0].findings as { type: string; severity: string }[];
    expect(findings.find((f) => f.type === 'name')?.severity).toBe('warning');
    expect(findings.find((f) => f.type === 'mrn')?.severity).toBe('error');
  });
  it('the config block\'s organisation contact is in the safe reply suggested for a reply that confirms care', () => {
    const { dir } = configAndRule();
    const contact = (parseYaml(block((b) => b.lang === 'yaml' && firstLine(b) === '# .phi-lint.yaml')[0].body) as { organisation: { contact: string } }).organisation.contact;
    fs.writeFileSync(path.join(dir, 'reply.md'), 'Hi Dana, thanks for the review. Our records show your crown prep went smoothly on Monday.\n');
    const r = runCli(['--format', 'json', 'reply.md'], { cwd: dir });
    const review = (JSON.parse(r.stdout).files[0].findings as { type: string; suggestions: { message: string; replacement?: string }[] }[]).filter((f) => f.type === 'review-response');
    expect(review.length).toBeGreaterThan(0);
    expect(review.flatMap((f) => f.suggestions.map((s) => `${s.message} ${s.replacement ?? ''}`)).some((m) => m.includes(contact))).toBe(true);
  });
  it('the disable-comment example silences what it names, with its reasons', () => {
    const md = block((b) => b.lang === 'markdown' && b.body.includes('phi-lint-disable'))[0].body;
    const r = runCli(['--format', 'json', 'post.md'], { cwd: tempDir({ 'post.md': md }) });
    const file = JSON.parse(r.stdout).files[0];
    expect(file.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
    expect(file.directives).toBeUndefined();
  });
  it('the pre-commit framework block names the hook this repository ships', () => {
    const config = block((b) => b.lang === 'yaml' && firstLine(b) === 'repos:')[0].body;
    const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    const used = (parseYaml(config) as { repos: { hooks: { id: string }[] }[] }).repos[0].hooks.map((h) => h.id);
    expect(hooks.map((h) => h.id)).toEqual(expect.arrayContaining(used));
  });
  it('the lint-staged block is valid JSON whose glob takes Markdown drafts', () => {
    const json = JSON.parse(block((b) => b.lang === 'json' && b.body.includes('lint-staged'))[0].body);
    const [glob, command] = Object.entries(json['lint-staged'])[0] as [string, string];
    expect(glob).toContain('md');
    expect(command).toBe('phi-lint');
  });
  it('every relative link points at a file in the repository', () => {
    const prose = readme.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
    const links = [...prose.matchAll(/\]\((?!https?:|#|mailto:)([^)\s]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(fs.existsSync(path.join(ROOT, link)), link).toBe(true);
  });
});

/** Every `phi-lint …` command in sh blocks and in the CI YAML blocks, in README order, comments removed. */
const commands = blocks
  .filter((b) => b.lang === 'sh' || b.lang === 'yaml')
  .flatMap((b) => b.body.split('\n'))
  .map((l) => l.replace(/^\s*-\s*(?:run:\s*)?/, '').replace(/\s+#.*$/, '').trim())
  // `phi-lint serve` runs until stopped: test/serve.test.ts starts and stops it.
  .filter((l) => /^(?:npx )?phi-lint\s/.test(l) && !l.includes('||') && !/^(?:npx )?phi-lint serve\b/.test(l));

describe('README commands', () => {
  it('there are commands to run', () => expect(commands.length).toBeGreaterThan(4));
  it('each runs as written (exit 0 or 1: no unknown option, no bad input) in a repository with drafts', () => {
    const dir = tempDir({ 'drafts/story.md': PHI, 'drafts/event.md': CLEAN });
    fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    for (const command of commands) {
      const args = command.replace(/^npx /, '').split(/\s+/).slice(1);
      const r = runCli(args, { cwd: dir, env: { PHI_LINT_HASH_KEY: 'a test key of at least sixteen characters' } });
      expect([command, r.code === 0 || r.code === 1, r.stderr]).toEqual([command, true, expect.not.stringMatching(/unknown option|internal error|phi-lint: (?!warning|baseline written|report written)/)]);
    }
  });
  it('the plain pre-commit hook blocks a staged draft with PHI and lets a clean one through', () => {
    const hook = block((b) => b.lang === 'sh' && firstLine(b) === '#!/bin/sh')[0].body;
    const dir = tempDir({ 'post.md': PHI });
    git(dir, 'init', '-q');
    git(dir, 'config', 'user.email', 'comms@example.org');
    git(dir, 'config', 'user.name', 'Comms');
    fs.writeFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), hook, { mode: 0o755 });
    const bin = path.join(dir, '.bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(BIN, path.join(bin, 'phi-lint'));
    const env = { ...withoutCi(process.env), PATH: `${bin}${path.delimiter}${process.env.PATH}`, PHI_LINT_HASH_KEY: 'a test key of at least sixteen characters' };
    git(dir, 'add', 'post.md');
    const blocked = spawnSync('git', ['commit', '-qm', 'story'], { cwd: dir, encoding: 'utf8', env });
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('phi-lint found problems in the staged drafts');
    fs.writeFileSync(path.join(dir, 'post.md'), CLEAN);
    git(dir, 'add', 'post.md');
    expect(spawnSync('git', ['commit', '-qm', 'story'], { cwd: dir, encoding: 'utf8', env }).status).toBe(0);
  });
});
