// Ways around the check: every evasion of a draft gives the same findings as the plain draft, at the
// evaded characters (text in the JSON report is the exact original slice), and hidden characters are
// reported themselves.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const PLAIN = 'Our patient Marcus Delgado (SSN 123-45-6789, cell 773-555-0187, email marcus.delgado@gmail.com) was seen at Mercy today.\n';
const NAME = 'Marcus Delgado';
const SSN = '123-45-6789';
const PHONE = '773-555-0187';
const EMAIL = 'marcus.delgado@gmail.com';

/** How one character of a target is written in the evaded draft: text before it, the character itself, text after it. */
type Piece = [before: string, core: string, after: string];
type Evade = (c: string, i: number) => Piece;

/** The evaded draft and, for each plain offset, where that character's own text is in it. */
function evade(targets: [string, Evade][]): { text: string; start: number[]; end: number[] } {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  const owner = new Map<number, [Evade, number]>();
  for (const [target, fn] of targets) {
    const at = PLAIN.indexOf(target);
    for (let k = 0; k < target.length; k++) owner.set(at + k, [fn, k]);
  }
  for (let i = 0; i < PLAIN.length; i++) {
    const o = owner.get(i);
    const [before, core, after] = o ? o[0](PLAIN[i], o[1]) : ['', PLAIN[i], ''];
    text += before;
    start[i] = text.length;
    text += core;
    end[i] = text.length;
    text += after;
  }
  return { text, start, end };
}

const digitsFrom = (zero: number): Evade => (c) => ['', /\d/.test(c) ? String.fromCodePoint(zero + Number(c)) : c, ''];
const insertAfter = (ch: string, every = 2): Evade => (c, i) => ['', c, i % every === 0 && /\w/.test(c) ? ch : ''];
const swapChars = (table: Record<string, string>): Evade => (c) => ['', table[c] ?? c, ''];
const ssnAndPhone = (fn: Evade): [string, Evade][] => [[SSN, fn], [PHONE, fn]];

const EVASIONS: [string, [string, Evade][]][] = [
  ['zero-width spaces', [[NAME, insertAfter('\u200B')], [SSN, insertAfter('\u200B')], [EMAIL, insertAfter('\u200B', 3)]]],
  ['word joiners and zero-width no-break spaces', [[NAME, insertAfter('\u2060')], [PHONE, insertAfter('\uFEFF')]]],
  ['zero-width joiners and non-joiners', [[NAME, insertAfter('\u200D')], [SSN, insertAfter('\u200C')]]],
  ['soft hyphens', [[NAME, insertAfter('\u00AD', 3)]]],
  ['bidirectional controls', [[NAME, (c, i) => [i === 0 ? '\u2066' : '', c, i === 3 ? '\u200E' : i === NAME.length - 1 ? '\u2069' : '']], [SSN, insertAfter('\u202D', 4)]]],
  ['no-break and other Unicode spaces', [[NAME, swapChars({ ' ': '\u00A0' })], [`cell ${PHONE}`, swapChars({ ' ': '\u2009' })]]],
  ['fullwidth digits', ssnAndPhone(digitsFrom(0xff10))],
  ['Arabic-Indic digits', ssnAndPhone(digitsFrom(0x0660))],
  ['Devanagari digits', ssnAndPhone(digitsFrom(0x0966))],
  ['mathematical digits and letters', [[SSN, digitsFrom(0x1d7ce)], [NAME, (c) => ['', /[A-Za-z]/.test(c) ? String.fromCodePoint((/[A-Z]/.test(c) ? 0x1d400 : 0x1d41a) + c.toLowerCase().charCodeAt(0) - 97) : c, '']]]],
  ['Cyrillic look-alike letters', [[NAME, swapChars({ a: 'а', e: 'е', o: 'о', c: 'с', M: 'М' })], [EMAIL, swapChars({ a: 'а', o: 'о' })]]],
  ['Greek look-alike letters', [[NAME, swapChars({ M: 'Μ', o: 'ο' })]]],
  ['numeric HTML entities', [[NAME, (c, i) => ['', i % 3 === 0 ? `&#${c.charCodeAt(0)};` : c, '']], [EMAIL, swapChars({ '@': '&#64;', '.': '&#x2E;' })], [SSN, swapChars({ '-': '&#45;' })]]],
  ['named HTML entities', [[NAME, swapChars({ ' ': '&nbsp;' })], [EMAIL, swapChars({ '@': '&commat;', '.': '&period;' })]]],
  ['percent-encoding in the email', [[EMAIL, swapChars({ '@': '%40', '.': '%2E' })]]],
  ['Markdown emphasis inside a word', [[NAME, (c, i) => [i === 0 || i === 7 ? '**' : '', c, i === 2 || i === 9 ? '**' : '']]]],
  ['strikethrough inside a word', [[NAME, (c, i) => ['', c, i === 2 || i === 5 ? '~~' : '']]]],
  ['en and em dashes between digits', [[SSN, swapChars({ '-': '–' })], [PHONE, swapChars({ '-': '—' })]]],
  ['minus signs and non-breaking hyphens between digits', [[SSN, swapChars({ '-': '\u2212' })], [PHONE, swapChars({ '-': '\u2011' })]]],
  ['dots as separators', ssnAndPhone(swapChars({ '-': '.' }))],
];

interface JsonFinding { ruleId: string; offset: number; length: number; text: string }
const lint = (text: string) => {
  const r = runCli(['--stdin', '--stdin-filename', 'post.md', '--format', 'json', '--min-severity', 'warning'], { input: text });
  return JSON.parse(r.stdout).files[0] as { findings: JsonFinding[]; directives?: JsonFinding[] };
};

describe('evasions give the findings of the plain draft, at the evaded characters', () => {
  const plain = lint(PLAIN).findings;
  it('the plain draft has its findings', () => {
    expect(plain.map((f) => [f.ruleId, f.text])).toEqual([
      ['phi/patient-name', NAME], ['phi/ssn-labeled', SSN], ['phi/contact-phone', PHONE], ['phi/contact-email', EMAIL], ['phi/care-date-relative', 'today'],
    ]);
  });
  it.each(EVASIONS)('%s', (_name, targets) => {
    const e = evade(targets);
    expect(e.text).not.toBe(PLAIN);
    const got = lint(e.text).findings;
    const expected = plain.map((f) => {
      const start = e.start[f.offset];
      const end = e.end[f.offset + f.length - 1];
      return { ruleId: f.ruleId, offset: start, length: end - start, text: e.text.slice(start, end) };
    });
    expect(got.map(({ ruleId, offset, length, text }) => ({ ruleId, offset, length, text }))).toEqual(expected);
  });
});

describe('hidden characters are reported', () => {
  it('each run of invisible or bidirectional characters is a phi-lint/hidden-characters warning', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'post.md', '--format', 'json'], { input: 'Thanks Mar\u200B\u200Bcus and \u202EDelgado.\n' });
    const d = JSON.parse(r.stdout).files[0].directives as (JsonFinding & { severity: string; message: string; column: number })[];
    expect(d.map((x) => [x.ruleId, x.severity, x.column, x.length])).toEqual([['phi-lint/hidden-characters', 'warning', 11, 2], ['phi-lint/hidden-characters', 'warning', 21, 1]]);
    expect(d[0].message).toContain('zero-width space');
    expect(d[1].message).toContain('bidirectional control');
    const stylish = runCli(['--stdin', '--stdin-filename', 'post.md'], { input: 'Thanks Mar\u200Bcus.\n' });
    expect(stylish.stdout).toContain('phi-lint/hidden-characters');
    expect(stylish.code).toBe(0);
  });
  it('emoji joiners and plain drafts are not reported', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'post.md', '--format', 'json'], { input: 'Our family 👨‍👩‍👧 thanks the team!\n' });
    expect(JSON.parse(r.stdout).files[0].directives).toBeUndefined();
  });
});
