// Scheduler CSV files: message columns by header (or config), cells mapped to line:column, row and column named.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvView } from '../src/document/csv.js';
import { expectInEveryFormat, jsonFindings } from './format-reports.js';
import { runCli, tempDir } from './helpers.js';

const PHI_POST = 'Congrats to our patient Marcus Delgado, home after bypass surgery on 3/14! Call him at 555-201-3344.';
const CLEAN_POST = 'Flu shots are here for adults 65 and older. Walk in Mon-Fri, no appointment needed.';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Each scheduler's bulk-upload layout: header (none for Hootsuite) and a row with `post` as its message. */
const LAYOUTS: Record<string, { header?: string; row: (post: string) => string; column: string }> = {
  hootsuite: { row: (p) => `03/20/2026 10:00,${q(p)},https://example.org/story`, column: 'message' },
  buffer: { header: 'Text,Image URL,Tags,Posting Time', row: (p) => `${q(p)},https://cdn.example.org/flu.jpg,news,2026-03-20 10:00`, column: 'Text' },
  'sprout-social': { header: 'Date,Time,Network,Profile,Message,Link', row: (p) => `2026-03-20,10:00,Facebook,Saint Mary,${q(p)},https://example.org/story`, column: 'Message' },
  later: { header: 'Date,Time,Caption,Media URL', row: (p) => `2026-03-20,10:00 AM,${q(p)},https://cdn.example.org/flu.jpg`, column: 'Caption' },
};
const file = (layout: string, posts: string[]) => {
  const l = LAYOUTS[layout];
  return [...(l.header ? [l.header] : []), ...posts.map(l.row)].join('\r\n') + '\r\n';
};

describe('csvView', () => {
  it('reads the message, link and image cells; quoted newlines and doubled quotes map back to the file', () => {
    const text = 'Text,Image URL\n"Line one,\nand ""two"" here",pic.jpg\n';
    const v = csvView(text);
    expect(v.text).toBe('Line one,\nand "two" here\n\n![](pic.jpg)\n\n');
    const at = v.text.indexOf('"two"');
    const r = v.toSource(at, at + 5);
    expect(text.slice(r.start, r.end)).toBe('""two""');
    expect(v.placeAt(at)).toBe('row 2, column "Text"');
    expect(v.placeAt(v.text.indexOf('pic.jpg'))).toBe('row 2, column "Image URL"');
  });
  it('semicolon and tab delimiters, the config naming the column, and refusals', () => {
    expect(csvView('Datum;Bericht\n2026-01-01;Hallo Welt\n', { message: 'Bericht' }).text).toBe('Hallo Welt\n\n');
    expect(csvView('Text\tDate\nhello\t2026\n').text).toBe('hello\n\n');
    expect(csvView('Date,Notes\n2026-01-01,hi\n').error).toBe('no message column found in the header ("Date", "Notes"); name it in .phi-lint.yaml, for example csv: { message: "Notes" }');
    expect(csvView('Date,Notes\n1,2\n', { message: 'Post text' }).error).toBe('the config names the message column "Post text", but the header has "Date", "Notes"');
    expect(csvView('Text,Link\na,b\nc,d,e\n').error).toBe('line 3: this row has 3 cells but the first row has 2; every row needs the same columns');
    expect(csvView('Text,Link\n"open,b\n').error).toContain('a quoted cell is never closed');
    expect(csvView('Text\ncaf\uFFFD\n').error).toContain('not UTF-8 text');
  });
});

describe('scheduler CSV files through the CLI', () => {
  for (const layout of Object.keys(LAYOUTS)) {
    it(`${layout}: the message column is found by its header; findings name row and column in every format; the clean twin is clean`, () => {
      const dir = tempDir({ 'posts.csv': file(layout, [CLEAN_POST, PHI_POST]), 'clean.csv': file(layout, [CLEAN_POST, CLEAN_POST]) });
      const line = LAYOUTS[layout].header ? 3 : 2;
      expectInEveryFormat(dir, 'posts.csv', [
        { ruleId: 'phi/patient-name', line },
        { ruleId: 'phi/care-date', line },
        { ruleId: 'phi/contact-phone', line },
      ]);
      const { findings } = jsonFindings(dir, 'posts.csv');
      const src = fs.readFileSync(path.join(dir, 'posts.csv'), 'utf8');
      for (const f of findings) expect(src.slice(f.offset, f.offset + f.length)).toBe(f.text);
      const name = findings.find((f) => f.ruleId === 'phi/patient-name')!;
      expect(name.text).toBe('Marcus Delgado');
      expect(name.message).toContain(`(row ${line}, column "${LAYOUTS[layout].column}")`);
      expectInEveryFormat(dir, 'clean.csv', []);
    });
  }
  it('a layout of its own, named in the config; a quoted newline keeps lines and columns exact', () => {
    const csv = 'When,Post text,Channel\n2026-03-20,"Big week!\nOur patient Marcus Delgado starts chemo.",fb\n';
    const dir = tempDir({ 'plan.csv': csv, '.phi-lint.yaml': 'csv:\n  message: Post text\n' });
    const { findings } = jsonFindings(dir, 'plan.csv');
    const name = findings.find((f) => f.ruleId === 'phi/patient-name')!;
    expect([name.line, name.column, name.text]).toEqual([3, 13, 'Marcus Delgado']);
    expect(name.message).toContain('(row 2, column "Post text")');
  });
  it('--fix edits inside the cell and keeps the file a valid CSV', () => {
    const csv = 'Text,Link\n"Found a hearing aid (serial 1824X7731), ""call us""",https://example.org\n';
    const dir = tempDir({ 'found.csv': csv });
    runCli(['--fix', 'found.csv'], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, 'found.csv'), 'utf8')).toBe(csv.replace('1824X7731', '[serial removed]'));
  });
  it('ragged rows and text that is not UTF-8: a one-line error naming the file, the others still linted, exit 2', () => {
    const dir = tempDir({ 'ragged.csv': 'Text,Link\na,b\nc,d,e\n', 'ok.csv': `Text\n${q(PHI_POST)}\n` });
    fs.writeFileSync(path.join(dir, 'latin1.csv'), Buffer.from('Text\nCaf\xe9 au lait with our patient\n', 'latin1'));
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('phi-lint: warning:'))).toEqual([
      'phi-lint: latin1.csv: not UTF-8 text; save it from the spreadsheet as "CSV UTF-8" and lint it again',
      'phi-lint: ragged.csv: line 3: this row has 3 cells but the first row has 2; every row needs the same columns',
      'phi-lint: 2 files could not be linted (see above); exit code 2',
      '',
    ]);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['ok.csv']);
  });
});
