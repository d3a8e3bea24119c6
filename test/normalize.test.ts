// The normalised view (src/document/normalize.ts): one row per evasion, and offsets that map back exactly.
import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/document/document.js';
import { normalize } from '../src/document/normalize.js';

describe('normalize', () => {
  it.each([
    ['zero-width space', 'Mar\u200Bcus', 'Marcus'],
    ['zero-width joiner and non-joiner between letters', 'Ma\u200Drc\u200Cus', 'Marcus'],
    ['word joiner and BOM', 'Mar\u2060c\uFEFFus', 'Marcus'],
    ['soft hyphen', 'Del\u00ADgado', 'Delgado'],
    ['bidirectional controls', '\u2066Mar\u202Ecus\u2069 \u200E', 'Marcus '],
    ['no-break and other Unicode spaces', 'Marcus\u00A0Delgado\u2009Jr\u202Fok\u3000x', 'Marcus Delgado Jr ok x'],
    ['fullwidth digits', '１２３-４５-６７８９', '123-45-6789'],
    ['Arabic-Indic digits', '٣٤٥-٦٧-٨٩٠١', '345-67-8901'],
    ['extended Arabic-Indic and Devanagari digits', '۷۷۳ ७७३', '773 773'],
    ['mathematical bold letters and digits', '𝐌𝐚𝐫𝐜𝐮𝐬 𝟕𝟕𝟑', 'Marcus 773'],
    ['fullwidth letters', 'Ｍａｒｃｕｓ', 'Marcus'],
    ['Cyrillic look-alikes in a Latin word', 'Маrcus Dеlgаdо', 'Marcus Delgado'],
    ['Greek look-alikes in a Latin word', 'Μarcus Ηοward', 'Marcus Howard'],
    ['a word of look-alikes only', 'АХО', 'AXO'],
    ['numeric HTML entities', '&#77;arcus &#x44;elgado', 'Marcus Delgado'],
    ['named HTML entities', 'marcus&commat;example&period;com a&nbsp;b', 'marcus@example.com a b'],
    ['percent-encoding in an email', 'marcus%2Edelgado%40gmail.com', 'marcus.delgado@gmail.com'],
    ['percent-encoding in a link', 'https://x.org/p?n=Marcus%20Delgado', 'https://x.org/p?n=Marcus%20Delgado'],
    ['Markdown emphasis inside a word', '**Mar**cus M*arc*us Mar~~cus~~ **Del**gado', 'Marcus Marcus Marcus Delgado'],
    ['en and em dashes, minus signs and non-breaking hyphens between digits', '123–45—6789 773\u2212555\u20110187', '123-45-6789 773-555-0187'],
    ['dots between the digit groups of an SSN or phone', '123.45.6789 and 773.555.0187', '123-45-6789 and 773-555-0187'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it.each([
    ['Russian words stay Russian', 'Спасибо, доктор'],
    ['emoji sequences keep their joiners', 'family 👨‍👩‍👧 day'],
    ['markup-making entities stay as written', '&lt;!-- x --&gt; &#60;b&#62; &amp;'],
    ['dashes and dots outside numbers', 'well-known — really. Version 1.2.3, 3.5 mg, 192.168.1.10'],
    ['emphasis around whole words', '**Marcus** and *Delgado*'],
    ['a plain percent sign', '50% off, 100%'],
    ['a word censored with asterisks', 'f***ing brutal, f*ck, s**t'],
  ])('leaves %s alone', (_name, input) => {
    expect(normalize(input).text).toBe(input);
  });

  it('maps spans back to the exact original characters', () => {
    const input = 'Hi Mar\u200Bcus &#68;elgado! SSN １２３–４５–６７８９.';
    const n = normalize(input);
    const at = (word: string) => {
      const s = n.text.indexOf(word);
      return input.slice(n.map.toOriginalStart(s), n.map.toOriginalEnd(s + word.length));
    };
    expect(n.text).toBe('Hi Marcus Delgado! SSN 123-45-6789.');
    expect(at('Marcus Delgado')).toBe('Mar\u200Bcus &#68;elgado');
    expect(at('Mar')).toBe('Mar');
    expect(at('cus')).toBe('cus');
    expect(at('Delgado')).toBe('&#68;elgado');
    expect(at('elgado')).toBe('elgado');
    expect(at('123-45-6789')).toBe('１２３–４５–６７８９');
    expect(n.map.toNormalized(input.indexOf('!'))).toBe(n.text.indexOf('!'));
  });

  it('normalises every view of a document alike; code is linted (it is published), its backticks are not', () => {
    const doc = createDocument('a.md', 'Hi **Mar**cus `M&#97;rcus` ![M&#97;rcus](x.png)\n');
    expect(doc.text).toBe('Hi Marcus `Marcus` ![Marcus](x.png)\n');
    expect(doc.prose).toBe('Hi Marcus  Marcus  ![Marcus](x.png)\n');
    expect(doc.plain.slice(0, 10)).toBe('Hi Marcus ');
    expect(doc.prose.length).toBe(doc.text.length);
    expect(doc.plain.length).toBe(doc.text.length);
    expect(doc.images).toEqual([{ offset: 19, length: 16, alt: 'Marcus', altOffset: 21, src: 'x.png' }]);
    expect(doc.original).toBe('Hi **Mar**cus `M&#97;rcus` ![M&#97;rcus](x.png)\n');
  });
});
