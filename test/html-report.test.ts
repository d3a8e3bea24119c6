// The HTML report without a browser: overlapping highlights, escaping, evidence, masking, the page's policy.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlReport, REPORT_CSP } from '../src/format/html.js';
import { runsOf } from '../src/format/html-text.js';
import { maskResults } from '../src/format/mask.js';
import type { FileResult, Finding } from '../src/types.js';
import { runCli, tempDir } from './helpers.js';

const finding = (offset: number, length: number, source: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'phi/test', severity: 'error', category: 'phi', type: 'name', message: `Found "${source.slice(offset, offset + length)}"`,
  line: 1, column: offset + 1, endLine: 1, endColumn: offset + length + 1, offset, length, text: source.slice(offset, offset + length), suggestions: [], ...extra,
});

describe('runsOf', () => {
  const cases: [string, { offset: number; length: number }[], [number, number, number[]][]][] = [
    ['no findings', [], [[0, 10, []]]],
    ['one in the middle', [{ offset: 2, length: 3 }], [[0, 2, []], [2, 5, [0]], [5, 10, []]]],
    ['overlapping', [{ offset: 1, length: 4 }, { offset: 3, length: 4 }], [[0, 1, []], [1, 3, [0]], [3, 5, [0, 1]], [5, 7, [1]], [7, 10, []]]],
    ['nested', [{ offset: 0, length: 10 }, { offset: 4, length: 2 }], [[0, 4, [0]], [4, 6, [0, 1]], [6, 10, [0]]]],
    ['zero length and past the end', [{ offset: 0, length: 0 }, { offset: 8, length: 9 }], [[0, 8, []], [8, 10, [1]]]],
  ];
  for (const [name, findings, want] of cases) {
    it(name, () => expect(runsOf('abcdefghij', findings).map((r) => [r.from, r.to, r.covering])).toEqual(want));
  }
});

describe('htmlReport', () => {
  const source = 'Thanks <Ana> & "Bo" for the <script>alert(1)</script> visit';
  const f = finding(8, 3, source, {
    suggestions: [{ message: 'Say instead', replacement: 'a <patient>' }, { message: 'Rewrite by hand' }],
    evidence: [{ text: 'visit', offset: 55, why: 'a visit is care' }],
  } as Partial<Finding>);
  const render = (r: FileResult, mask = false) => {
    const w = htmlReport('9.9.9', mask);
    w.file(mask ? maskResults([r])[0] : r);
    return w.end();
  };

  it('escapes the draft and every message; no script, no external address', () => {
    const html = render({ path: 'a<b>.md', source, findings: [f] });
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<script|\bsrc=|https?:\/\//);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a&lt;b&gt;.md');
    expect(html).toContain('<ins>a &lt;patient&gt;</ins>');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toMatch(/default-src 'none'/);
  });

  it('shows evidence when a finding has it, and nothing of the kind when it has none', () => {
    expect(render({ path: 'a.md', source, findings: [f] })).toContain('<span class="quote">visit</span>: a visit is care');
    const plain = render({ path: 'a.md', source, findings: [{ ...f, evidence: undefined } as Finding] });
    expect(plain).not.toContain('class="evidence"');
  });

  it('masks the draft, the match and the evidence under --mask', () => {
    const html = render({ path: 'a.md', source, findings: [f] }, true);
    expect(html).not.toMatch(/Ana/);
    expect(html).toContain('>A**</mark>');
    expect(html).toContain('<span class="quote">v****</span>: a visit is care');
  });

  it('counts by identifier and topic, and lists clean files', () => {
    const topic = finding(0, 6, source, { category: 'professionalism', type: 'profanity', severity: 'warning' });
    const w = htmlReport('1', false);
    w.file({ path: 'a.md', source, findings: [topic, f] });
    w.file({ path: 'clean.md', source: 'fine', findings: [] });
    const html = w.end();
    expect(html).toMatch(/Names <span class="rule">\(name\)<\/span><\/th><td class="n">1<\/td><td class="n">0<\/td>/);
    expect(html).toMatch(/Profanity <span class="rule">\(profanity\)<\/span><\/th><td class="n">0<\/td><td class="n">1<\/td>/);
    expect(html).toContain('No problems found.');
    expect(html).toContain('<strong>2</strong> files');
  });
});

describe('--format html from the command line', () => {
  it('-o writes the page and standard output gets the stylish report', () => {
    const dir = tempDir();
    const r = runCli(['fixtures/report', '--format', 'html', '-o', path.join(dir, 'out', 'report.html')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('phi/patient-name');
    const html = fs.readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('fixtures/report/review-reply.md');
  });

  it('standard input works too', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'post.md', '--format', 'html'], { input: 'Our patient Marcus Delgado, 92, had surgery on 11/14.' });
    expect(r.stdout).toContain('<mark class="error"');
    expect(r.stdout).toContain('post.md');
  });
});

describe('README: the HTML report', () => {
  it('the documented command writes the report', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = /## The HTML report[\s\S]*?```sh\n(.*)\n```/.exec(readme)?.[1];
    expect(block).toBe('phi-lint drafts/ --format html -o report.html');
    const dir = tempDir({ 'drafts/post.md': fs.readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'report', 'patient-story.md'), 'utf8') });
    const r = runCli(block!.split(' ').slice(1), { cwd: dir });
    expect(r.code).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('<mark class="error"');
    expect(fs.existsSync(path.resolve(import.meta.dirname, '..', 'docs', 'images', 'html-report.png'))).toBe(true);
  });
});
