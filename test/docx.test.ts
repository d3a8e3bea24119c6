// Word files: body, tables, tracked insertions, comments, alt text and properties in a labelled text view; bad files refused.
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxView } from '../src/document/docx.js';
import { readDocxParts } from '../src/files/docx.js';
import { makeDocx, type DocxSpec } from './docx-fixture.js';
import { expectInEveryFormat, jsonFindings } from './format-reports.js';
import { runCli, tempDir } from './helpers.js';

const PHI: DocxSpec = {
  body: [
    { p: 'Cardiac rehab week', heading: true },
    { p: 'Our cardiac rehab class meets every Tuesday morning.' },
    { p: 'Our patient ', inserted: 'Marcus Delgado finished cardiac rehab on March 3rd.', deleted: 'Tom Baker', comment: 0 },
    { table: [['Milestone', 'Note'], ['Discharge', 'SSN 412-38-7719 on the form']] },
    { p: '', imageAlt: 'Marcus Delgado and his mom in the rehab gym' },
  ],
  comments: [{ author: 'Dana Reviewer', text: 'Did the patient sign? His MRN is 00482913.' }],
  core: { title: 'Rehab week post', creator: 'Jane Writer' },
};
const CLEAN: DocxSpec = {
  body: [
    { p: 'Cardiac rehab week', heading: true },
    { p: 'Our cardiac rehab class meets every Tuesday morning.' },
    { p: 'Ask your cardiologist ', inserted: 'whether rehab is right for you.' },
    { table: [['Day', 'Class'], ['Tuesday', 'Strength']] },
    { p: '', imageAlt: 'Exercise bikes by the window' },
  ],
  comments: [{ author: 'Dana Reviewer', text: 'Looks good to post.' }],
  core: { title: 'Rehab week post', creator: 'Jane Writer' },
};
const view = (spec: DocxSpec) => {
  const r = readDocxParts(makeDocx(spec), 10 * 1024 * 1024);
  if (!r.ok) throw new Error(r.error);
  return docxView(r.parts);
};

describe('docxView', () => {
  it('labels every block with its paragraph number; reads insertions, not deletions; tables, alt text, comments and properties', () => {
    expect(view(PHI)).toBe(
      [
        '<!-- paragraph 1 (heading) -->\nCardiac rehab week',
        '<!-- paragraph 2 -->\nOur cardiac rehab class meets every Tuesday morning.',
        '<!-- paragraph 3 -->\nOur patient Marcus Delgado finished cardiac rehab on March 3rd.',
        '<!-- paragraph 4 (table) -->\nMilestone',
        '<!-- paragraph 5 (table) -->\nNote',
        '<!-- paragraph 6 (table) -->\nDischarge',
        '<!-- paragraph 7 (table) -->\nSSN 412-38-7719 on the form',
        '<!-- paragraph 8, image alt text -->\n![Marcus Delgado and his mom in the rehab gym](image)',
        '<!-- comment 1 by Dana Reviewer -->\nDid the patient sign? His MRN is 00482913.',
        '<!-- document property: title -->\nRehab week post',
        '<!-- document property: author -->\nAuthor: Jane Writer',
      ].join('\n\n') + '\n',
    );
  });
  it('refuses what is not a Word file, a zip without a document part, and a zip bomb (by its real decompressed size)', () => {
    expect(readDocxParts(Buffer.from('plain text, not a zip'), 1000)).toEqual({ ok: false, error: 'not a Word file: it is not a .docx (zip) archive; save it from Word as .docx' });
    expect(readDocxParts(Buffer.from(zipSync({ 'word/other.xml': strToU8('<x/>') })), 1000)).toEqual({ ok: false, error: 'not a readable Word file: it has no document part (word/document.xml)' });
    const bomb = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 6 }));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const r = readDocxParts(bomb, 1024 * 1024);
    expect(r).toEqual({ ok: false, error: 'not linted: its text parts decompress to more than --max-file-size 1.0 MB (a damaged file or a zip bomb)' });
  });
});

describe('Word files through the CLI', () => {
  it('reports line:column in the text view and the paragraph, comment or property in the message, in every format; the clean twin is clean', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'post.docx'), makeDocx(PHI));
    fs.writeFileSync(path.join(dir, 'clean.docx'), makeDocx(CLEAN));
    const { findings } = jsonFindings(dir, 'post.docx');
    const shown = findings.filter((f) => f.severity !== 'info');
    expectInEveryFormat(dir, 'post.docx', shown.map((f) => ({ ruleId: f.ruleId, line: f.line })));
    const byRule = (id: string) => shown.find((f) => f.ruleId === id)!;
    expect(byRule('phi/patient-name').message).toMatch(/\(paragraph 3\)$/);
    expect(byRule('phi/patient-name').line).toBe(8);
    expect(byRule('phi/ssn-labeled').message).toMatch(/\(paragraph 7 \(table\)\)$/);
    expect(byRule('phi/mrn').message).toMatch(/\(comment 1 by Dana Reviewer\)$/);
    expect(shown.some((f) => f.ruleId === 'phi/patient-photo' && /paragraph 8, image alt text/.test(f.message))).toBe(true);
    expect(shown.map((f) => f.text)).not.toContain('Tom Baker');
    expectInEveryFormat(dir, 'clean.docx', []);
  });
  it('--fix refuses Word files with a clear message and leaves them byte for byte', () => {
    const dir = tempDir();
    const bytes = makeDocx(PHI);
    fs.writeFileSync(path.join(dir, 'post.docx'), bytes);
    const r = runCli(['--fix', 'post.docx'], { cwd: dir });
    expect(r.stderr).toContain('phi-lint: post.docx: not fixed: --fix does not edit Word files (it would damage them); make the changes in the original\n');
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'post.docx')).equals(bytes)).toBe(true);
    const dry = runCli(['--fix-dry-run', 'post.docx'], { cwd: dir });
    expect(dry.stdout).toBe('');
  });
  it('a corrupt Word file: one line naming it, the other files still linted, exit 2', () => {
    const dir = tempDir({ 'broken.docx': 'this is not a zip', 'post.md': 'Our patient Marcus Delgado starts chemo.' });
    fs.writeFileSync(path.join(dir, 'empty.docx'), Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>') })));
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'phi-lint: broken.docx: not a Word file: it is not a .docx (zip) archive; save it from Word as .docx\n' +
        'phi-lint: empty.docx: not a readable Word file: it has no document part (word/document.xml)\n' +
        'phi-lint: 2 files could not be linted (see above); exit code 2\n',
    );
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['post.md']);
  });
});
