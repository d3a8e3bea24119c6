// Tables for the document layer: line index, sentence splitting, Markdown views, span trimming.
import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/document/document.js';
import { lineStarts, lineText, positionAt } from '../src/document/lines.js';
import { markdownViews } from '../src/document/markdown.js';
import { splitParagraphs, splitSentences } from '../src/document/sentences.js';
import { trimRange } from '../src/document/spans.js';

describe('positionAt', () => {
  const cases: [string, number, [number, number]][] = [
    ['abc', 0, [1, 1]],
    ['abc', 2, [1, 3]],
    ['a\nb', 2, [2, 1]],
    ['a\r\nb', 3, [2, 1]],
    ['a\rb', 2, [2, 1]],
    ['🎉x\ny', 2, [1, 3]],
    ['x\r\n\r\nz', 5, [3, 1]],
  ];
  it.each(cases)('%j at %i is line:col %j', (text, offset, [line, column]) => {
    expect(positionAt(lineStarts(text), offset)).toEqual({ line, column });
  });
  it('returns a line without its ending', () => {
    const t = 'one\r\ntwo\nthree';
    expect(lineText(t, lineStarts(t), 1)).toBe('one');
    expect(lineText(t, lineStarts(t), 3)).toBe('three');
  });
});

describe('splitSentences', () => {
  const cases: [string, string[]][] = [
    ['Hi Mark. Our records show it.', ['Hi Mark.', 'Our records show it.']],
    ['Dr. Shah saw Mr. Lee today! Great.', ['Dr. Shah saw Mr. Lee today!', 'Great.']],
    ['Line one\nLine two', ['Line one', 'Line two']],
    ['Is it J.M. who won? Yes.', ['Is it J.M. who won?', 'Yes.']],
    ['Wow!! 🎉 Next one.', ['Wow!!', '🎉 Next one.']],
    ['Nearly half of U.S. adults agree.', ['Nearly half of U.S. adults agree.']],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(splitSentences(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
  it('splits paragraphs on blank lines (CRLF too)', () => {
    const t = 'a\r\n\r\nb\n\n\nc';
    expect(splitParagraphs(t).map((r) => t.slice(r.start, r.end))).toEqual(['a', 'b', 'c']);
  });
});

describe('markdownViews', () => {
  it('keeps front-matter values and blanks keys and fences', () => {
    const t = '---\ntitle: Our patient Ann\ntags: [a]\n---\nBody';
    const v = markdownViews(t, true);
    expect(v.prose.length).toBe(t.length);
    expect(v.prose).not.toContain('title:');
    expect(v.prose).toContain('Our patient Ann');
    expect(v.prose.endsWith('Body')).toBe(true);
    expect(v.frontMatter).toEqual({ title: 'Our patient Ann', tags: ['a'] });
  });
  it('keeps the text of fenced and inline code and HTML comments (they are published), blanking only their markers', () => {
    const t = 'A\n```js\nMRN 12345678\n```\nB `SSN 412-38-7719` C <!-- DOB 1/2/1950 -->\n~~~\nunclosed fence MRN 99999999';
    const v = markdownViews(t, true);
    expect(v.prose).toBe('A\n     \nMRN 12345678\n   \nB  SSN 412-38-7719  C      DOB 1/2/1950    \n   \nunclosed fence MRN 99999999');
  });
  it('blanks phi-lint disable comments whole: they are instructions, not prose', () => {
    const t = 'A <!-- phi-lint-disable-next-line phi/mrn -- consent on file --> B';
    expect(markdownViews(t, true).prose).toBe(`A ${' '.repeat(t.length - 4)} B`);
  });
  it('finds images with alt text and source, offsets into the original', () => {
    const t = 'Hi\n![Nora and her mom](nora.jpg) end';
    const v = markdownViews(t, true);
    expect(v.images).toEqual([{ offset: 3, length: 29, alt: 'Nora and her mom', altOffset: 5, src: 'nora.jpg' }]);
    expect(v.plain).toContain('Nora and her mom');
    expect(v.plain).not.toContain('nora.jpg');
  });
  it('keeps link text and hashtags, blanks emphasis and heading marks', () => {
    const t = '## Title\n**Bold** [our site](https://x.org) #PrayForJenny';
    const v = markdownViews(t, true);
    expect(v.plain).toContain('Title');
    expect(v.plain).toContain('Bold');
    expect(v.plain).toContain('our site');
    expect(v.plain).toContain('#PrayForJenny');
    expect(v.plain).not.toContain('**');
  });
  it('treats plain text files as prose', () => {
    expect(markdownViews('`x` **y**', false).plain).toBe('`x` **y**');
  });
});

describe('createDocument', () => {
  it('removes a BOM and reads the authorization from front matter', () => {
    const d = createDocument('a.md', '\ufeff---\nphi-lint:\n  authorization: HIPAA-AUTH-1\n---\nText');
    expect(d.text.startsWith('---')).toBe(true);
    expect(d.authorization).toBe('HIPAA-AUTH-1');
  });
});

describe('trimRange', () => {
  const cases: [string, string][] = [
    ['"Dorothy Pruitt,"', 'Dorothy Pruitt'],
    ['(age 7)', 'age 7'],
    ['(773) 555-0187.', '(773) 555-0187'],
    ['Mr. ', 'Mr.'],
    ['J.M., ', 'J.M.'],
    ['#PrayForJenny!', '#PrayForJenny'],
    ['@jlarkin_22:', '@jlarkin_22'],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    const r = trimRange(input, { start: 0, end: input.length });
    expect(input.slice(r.start, r.end)).toBe(expected);
  });
  it('drops a possessive when asked', () => {
    const t = "Jasmine's";
    const r = trimRange(t, { start: 0, end: t.length }, { possessive: true });
    expect(t.slice(r.start, r.end)).toBe('Jasmine');
  });
});
