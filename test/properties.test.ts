// Property tests over random Unicode drafts: no crash, exact offsets, agreeing line/column, sorted unique
// findings, and every formatter's output valid (JSON, SARIF, JUnit XML) for every draft.
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/document/document.js';
import { lineStarts, positionAt } from '../src/document/lines.js';
import { lintFile } from '../src/engine/lint-file.js';
import { applyFixes } from '../src/fix/apply.js';
import { reportWriter } from '../src/format/stream.js';
import { setup } from '../src/setup.js';
import type { FileResult } from '../src/types.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [] });

// Pieces that stress offsets and tokenising, mixed with fragments that trigger many rules.
const pieces = fc.constantFrom(
  '👩‍⚕️', '🏳️‍🌈', '👨‍👩‍👧‍👦', 'é', 'e\u0301', 'ß', 'İ', 'ﬁ', 'עברית', 'مرحبا', '\u200f', '\u200d', '\u0000', '\uFFFD',
  '\r\n', '\n', '\r', '\t', '  ', '#', '@', '![', '](x.jpg)', '```', '`', '<!--', '-->', '---\n', '**', '_',
  'Our patient ', 'Tommy Alvarez', 'Mr. Hollis', ', 94,', ' SSN 412-38-7719', ' MRN 00482913', ' on 3/14', ' today',
  ' (773) 555-0187', ' rdmiller1961@yahoo.com', ' gofundme.com/f/x', ' 73.152.40.118', ' Room 214', ' #PrayForJenny',
  ' guaranteed!', ' damn', ' DM me', 'Hi Mark, our records show your chemo', ' 2T1BURHE9JC014892', ' 14 Birch Lane, Fairview 60631',
  '<!-- phi-lint-disable-next-line -- ok -->\n', '<!-- phi-lint-disable phi/* -->',
);
const draft = fc.oneof(
  fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }), fc.integer({ min: 200, max: 3000 })).map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, n)),
);
const fileName = fc.constantFrom('draft.md', 'draft.txt', 'a b/draft.markdown', 'd<&>"\'.md');

const ctx = { version: '0.0.0', color: false, mask: false, rules: env.rules, root: process.cwd(), cwd: process.cwd() };
const render = (format: Parameters<typeof reportWriter>[0], r: FileResult, mask = false) => {
  const w = reportWriter(format, { ...ctx, mask });
  return w.start() + w.file(r) + w.end(0);
};

describe('random Unicode drafts', () => {
  it('never crash; findings are exact, positioned, sorted and unique', () => {
    fc.assert(
      fc.property(draft, fileName, (text, name) => {
        const r = lintFile(env, name, text, { reportUnusedDirectives: true });
        const doc = createDocument(name, text);
        const starts = lineStarts(doc.original);
        let prev: { offset: number; length: number } | undefined;
        const seen = new Set<string>();
        for (const f of r.findings) {
          expect(doc.original.slice(f.offset, f.offset + f.length)).toBe(f.text);
          expect(f.length).toBeGreaterThan(0);
          expect(positionAt(starts, f.offset)).toEqual({ line: f.line, column: f.column });
          expect(positionAt(starts, f.offset + f.length)).toEqual({ line: f.endLine, column: f.endColumn });
          if (prev) expect(f.offset > prev.offset || (f.offset === prev.offset && f.length >= prev.length)).toBe(true);
          const key = `${f.ruleId}:${f.offset}:${f.length}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          prev = f;
        }
        // Fixes apply cleanly and leave text outside them unchanged in length accounting.
        const fixed = applyFixes(doc.original, r.findings);
        expect(typeof fixed.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('every formatter gives valid output for every draft, masked or not', () => {
    fc.assert(
      fc.property(draft, fileName, fc.boolean(), (text, name, mask) => {
        const r = lintFile(env, name, text, { reportUnusedDirectives: true });
        const json = JSON.parse(render('json', r, mask));
        expect(json.files[0].findings.length).toBe(r.findings.length);
        const sarif = JSON.parse(render('sarif', r, mask));
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].results.length).toBe(r.findings.filter((f) => f.severity !== 'info').length + (r.directives?.length ?? 0) + r.findings.filter((f) => f.severity === 'info').length);
        const xml = render('junit', r, mask);
        expect(XMLValidator.validate(xml)).toBe(true);
        for (const format of ['stylish', 'compact', 'github'] as const) expect(typeof render(format, r, mask)).toBe('string');
        if (mask) for (const f of json.files[0].findings) expect(f.text.length).toBe(f.length);
      }),
      { numRuns: 150 },
    );
  });
});
