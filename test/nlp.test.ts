// Entity detection and term compilation: exact, punctuation-trimmed UTF-16 offsets on real-world text.
import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/document/document.js';
import { compromise, tag } from '../src/nlp/compromise.js';
import { findEntities, type EntityKind } from '../src/nlp/entities.js';
import { compileCue, loadLexicons, termsRegex } from '../src/rules/lexicons.js';
import { humanNames, sortedNameList } from '../src/nlp/name-list.js';
import { setup } from '../src/setup.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [] });
const nlp = compromise();

function entities(kind: EntityKind, text: string): string[] {
  const doc = createDocument('x.md', text);
  let t: ReturnType<typeof tag> | undefined;
  return findEntities(kind, doc, () => (t ??= tag(nlp, doc.plain)), env.resources).map((r) => {
    expect(r.end).toBeGreaterThan(r.start);
    return text.slice(r.start, r.end);
  });
}

describe('findEntities', () => {
  const cases: [EntityKind, string, string[]][] = [
    ['person', '🎉👩‍⚕️ Happy birthday to Dorothy Pruitt, who turns 101!', ['Dorothy Pruitt']],
    ['person', 'Thank you Emeka Okafor for trusting us.\r\nMr. Hollis walked today.', ['Emeka Okafor', 'Mr. Hollis']],
    ['person', "Before & after of Jasmine's rhinoplasty.", ['Jasmine']],
    ['person', "Born at St. Brendan's; the ADA guidelines apply.", []],
    ['phone', 'Call (773) 555-0140 or 555-0172, or +46 (0)8 928 571 38.', ['(773) 555-0140', '555-0172', '+46 (0)8 928 571 38']],
    ['email', 'Write to rdmiller1961@yahoo.com.', ['rdmiller1961@yahoo.com']],
    ['url', 'See gofundme.com/f/tommy-fights-leukemia, and https://www.ScrapbookInsider.com.pt/ too.', ['gofundme.com/f/tommy-fights-leukemia', 'https://www.ScrapbookInsider.com.pt/']],
    ['handle', '@sarah.m.beck so glad! cc @jlarkin_22.', ['@sarah.m.beck', '@jlarkin_22']],
    ['hashtag', 'Go team #PrayForJenny #NICUstrong!', ['#PrayForJenny', '#NICUstrong']],
    ['age', 'A 34-year-old, 19yo, age 7, in her 90s, 94th birthday', ['34-year-old', '19yo', 'age 7', 'in her 90s', '94th birthday']],
  ];
  it.each(cases)('%s in %j', (kind, text, expected) => {
    expect(entities(kind, text)).toEqual(expected);
  });

  it('dates come from compromise-dates, without bare years', () => {
    const found = entities('date', 'She came in on March 3rd and again in 2019.');
    expect(found.some((d) => d.includes('March 3rd'))).toBe(true);
    expect(found).not.toContain('2019');
  });
});

describe('terms and cues', () => {
  const match = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[0]);
  it('matches whole words, longest first, with inflections', () => {
    const re = termsRegex(['heart', 'heart attack', 'stent'], { inflect: true });
    expect(match(re, 'Two heart attacks, three stents; sweetheart and hearty stay out.')).toEqual(['heart attacks', 'stents']);
  });
  it('matches phrases across hyphens and line breaks and curly apostrophes', () => {
    const re = termsRegex(["crohn's", 'c section'], { inflect: false });
    expect(match(re, 'Crohn’s and a c-section, or a C\nsection')).toEqual(['Crohn’s', 'c-section', 'C\nsection']);
  });
  it('compiles lexicon, regex and literal cues', () => {
    const lexicons = loadLexicons(['rules/lexicons']);
    const hit = (cue: string, text: string) => compileCue(cue, lexicons).some((re) => re.test(text));
    expect(hit('@health-terms', 'after her mastectomy')).toBe(true);
    expect(hit('@health-terms', 'seen in the ER tonight')).toBe(true);
    expect(hit('@health-terms', 'call or book online')).toBe(false);
    expect(hit('/\\bDr\\.\\s[A-Z]/', 'with Dr. Vance')).toBe(true);
    expect(hit('wristband', 'two wristbands')).toBe(true);
    expect(() => compileCue('@nope', lexicons)).toThrow(/unknown lexicon "nope"/);
  });
  it('ships large lexicons with source notes', () => {
    const lexicons = loadLexicons(['rules/lexicons']);
    expect(lexicons.get('health-terms')!.spec.terms.length).toBeGreaterThan(400);
    for (const lex of lexicons.values()) expect(lex.spec.source.length).toBeGreaterThan(10);
  });
});

describe('the large name list (sorted text, binary search)', () => {
  it.each([
    ['Aisha', true],
    ['A', true],
    ['Zoe', true],
    ['aisha', false],
    ['Aish', false],
    ['', false],
    ['Zzzzzz', false],
  ])('has(%j) is %s on a list with CRLF lines', (name, expected) => {
    expect(sortedNameList('A\r\nAisha\r\nBo\r\nZoe\r\n').has(name)).toBe(expected);
  });

  it('reads a list without a final newline, and the humannames package as shipped', () => {
    expect(sortedNameList('Ana\nBea').has('Bea')).toBe(true);
    const names = humanNames();
    expect(names.has('Marcus')).toBe(true);
    expect(names.has('Delgado')).toBe(true);
    expect(names.has('Xqzzv')).toBe(false);
  });
});
