// The speed features must not change a single finding: workers, the cache, the rule bundle and the
// NLP prefilters are checked here for identical output; timing itself is measured by `npm run bench`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_FILE, NAME_SHAPES_FILE, makePeopleBundle } from '../src/analysis/evidence.js';
import { progress, wantProgress } from '../src/cli/progress.js';
import { requiredWords } from '../src/nlp/compromise.js';
import { BUILTIN_RULES_DIR, folderDigest, loadRules, makeBundle } from '../src/rules/load.js';
import { parseYamlSource } from '../src/yaml-source.js';
import { ROOT, runCli, tempDir } from './helpers.js';

/** A folder of many drafts made from the labeled corpus (enough to start workers). */
function corpusDir(copies: number): string {
  const drafts = fs.readFileSync(path.join(ROOT, 'fixtures', 'corpus', 'drafts.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
  const files: Record<string, string> = {};
  for (let i = 0; i < copies; i++) drafts.forEach((t, j) => (files[`d${i}-${String(j).padStart(3, '0')}.md`] = t));
  return tempDir(files);
}

describe('identical findings in every mode', () => {
  const dir = corpusDir(2);

  it('worker threads give exactly the single-threaded report', () => {
    const one = runCli(['--format', 'json', '--workers', '0', '.'], { cwd: dir }).stdout;
    const two = runCli(['--format', 'json', '--workers', '2', '.'], { cwd: dir }).stdout;
    expect(JSON.parse(one).files.length).toBe(fs.readdirSync(dir).filter((f) => f.endsWith('.md')).length);
    expect(JSON.parse(one).files.length).toBeGreaterThan(100);
    expect(two).toBe(one);
  });

  it('a cached second run gives the same report, re-lints changed files and stores no matched text', () => {
    const cache = path.join(dir, '.cache');
    const first = runCli(['--format', 'json', '--cache', '--cache-location', cache, '.'], { cwd: dir }).stdout;
    const second = runCli(['--format', 'json', '--cache', '--cache-location', cache, '.'], { cwd: dir }).stdout;
    expect(second).toBe(first);
    const stored = fs.readdirSync(cache).map((f) => fs.readFileSync(path.join(cache, f), 'utf8')).join('\n');
    expect(stored).not.toContain('Fatima Haddad');
    expect(stored).not.toContain('gwen.price58@gmail.com');
    const file = path.join(dir, 'd0-000.md');
    fs.writeFileSync(file, 'Intake: SSN 412-38-7719\n');
    const third = JSON.parse(runCli(['--format', 'json', '--cache', '--cache-location', cache, 'd0-000.md'], { cwd: dir }).stdout);
    expect(third.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('phi/ssn-labeled');
    const stylishCached = runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir }).stdout;
    expect(stylishCached).toBe(runCli(['.'], { cwd: dir }).stdout);
  });

  it('a damaged cache is ignored, never fatal', () => {
    const cache = path.join(dir, '.bad-cache');
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, 'cache.json'), '{not json');
    const r = runCli(['--format', 'json', '--cache', '--cache-location', cache, 'd1-001.md'], { cwd: dir });
    expect(r.code).not.toBe(2);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });
});

describe('rule bundle', () => {
  it('matches the rules on disk and compiles to the same rules as the YAML', () => {
    const bundle = makeBundle(BUILTIN_RULES_DIR);
    expect(bundle.digest).toBe(folderDigest(BUILTIN_RULES_DIR));
    const fromBundle = loadRules([BUILTIN_RULES_DIR]).rules.map((r) => [r.id, r.severity, r.type]);
    expect(fromBundle.length).toBe(bundle.rules.length);
  });
  it('an edited copy of the rules is read from YAML, not the stale bundle', () => {
    const dir = tempDir();
    fs.cpSync(BUILTIN_RULES_DIR, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'phi', 'ssn.yaml'));
    const { rules } = loadRules([dir]);
    expect(rules.find((r) => r.id === 'phi/ssn')).toBeUndefined();
  });
});

describe('people bundle (the evidence and name shapes, parsed at build time)', () => {
  it('holds exactly what the YAML files on disk say', () => {
    const bundle = makePeopleBundle();
    for (const file of [EVIDENCE_FILE, NAME_SHAPES_FILE]) {
      const text = fs.readFileSync(file, 'utf8');
      expect(bundle[path.basename(file)].digest).toBe(createHash('sha256').update(text).digest('hex'));
      expect(bundle[path.basename(file)].value).toEqual(parseYamlSource(text, file).value);
    }
  });
  it('an edit to the name shapes changes the rules digest, so cached results are not reused', () => {
    const dir = tempDir();
    fs.cpSync(BUILTIN_RULES_DIR, dir, { recursive: true });
    const before = folderDigest(dir);
    fs.appendFileSync(path.join(dir, 'people', 'name-shapes.yaml'), '\n# edited\n');
    expect(folderDigest(dir)).not.toBe(before);
  });
});

describe('NLP prefilter', () => {
  it('knows which words a compromise pattern requires', () => {
    expect(requiredWords('you (should|could|need to) (just)? (stop|skip) #Possessive? #Noun')).toEqual([['you'], ['should', 'could', 'need to'], ['stop', 'skip']]);
    expect(requiredWords('#Person+ (is|was) [#Value] years old')).toEqual([['is', 'was'], ['years'], ['old']]);
  });
});

describe('progress bar', () => {
  it('draws on a terminal for long human-format runs only, at most ten times a second', () => {
    expect(wantProgress(500, 'stylish', true, {})).toBe(true);
    expect(wantProgress(500, 'json', true, {})).toBe(false);
    expect(wantProgress(500, 'stylish', true, { CI: 'true' })).toBe(false);
    expect(wantProgress(500, 'stylish', false, {})).toBe(false);
    expect(wantProgress(10, 'stylish', true, {})).toBe(false);
    const out: string[] = [];
    let t = 0;
    const bar = progress(10, true, (s) => out.push(s), () => t);
    bar.tick(1);
    t = 50;
    bar.tick(2);
    t = 200;
    bar.tick(10);
    bar.clear();
    expect(out).toHaveLength(3);
    expect(out[1]).toContain('10/10 files');
    expect(out[2]).toMatch(/^\r +\r$/);
  });
});
