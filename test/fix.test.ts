// --fix loses nothing: overlapping fixes never both apply, a file changed on disk is not overwritten,
// the file mode is kept, and a second run changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, unifiedDiff } from '../src/fix/apply.js';
import { writeFixed } from '../src/fix/write.js';
import type { Finding } from '../src/types.js';
import { tempDir } from './helpers.js';

const f = (offset: number, length: number, replacement: string): Finding => ({
  ruleId: 'r', severity: 'error', category: 'phi', type: 'ssn', message: 'm', line: 1, column: offset + 1, endLine: 1,
  endColumn: offset + length + 1, offset, length, text: '', suggestions: [], fix: { offset, length, replacement },
});

describe('applyFixes', () => {
  const cases: [string, Finding[], string, number][] = [
    ['abc def ghi', [f(4, 3, 'X')], 'abc X ghi', 1],
    ['abc def ghi', [f(0, 3, '1'), f(8, 3, '3')], '1 def 3', 2],
    ['abc def ghi', [f(0, 7, 'A'), f(4, 3, 'B')], 'A ghi', 1],
    ['abc def ghi', [f(4, 3, 'B'), f(0, 7, 'A')], 'A ghi', 1],
    ['abc', [], 'abc', 0],
  ];
  it.each(cases)('%j with %# fixes', (text, fixes, expected, applied) => {
    const r = applyFixes(text, fixes);
    expect(r.text).toBe(expected);
    expect(r.applied).toHaveLength(applied);
  });
  it('renders a unified diff, empty when nothing changes', () => {
    expect(unifiedDiff('a.md', 'x\n', 'x\n')).toBe('');
    expect(unifiedDiff('a.md', 'SSN 1\n', 'SSN X\n')).toContain('-SSN 1\n+SSN X');
  });
});

describe('writeFixed', () => {
  it('replaces the file through a temporary file, keeping its mode and a BOM', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, '\ufeffold');
    fs.chmodSync(file, 0o604);
    expect(writeFixed(file, 'new', 'old')).toEqual({ ok: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('\ufeffnew');
    expect(fs.statSync(file).mode & 0o777).toBe(0o604);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });
  it('does not overwrite a file that changed on disk since it was read', () => {
    const dir = tempDir({ 'a.md': 'edited meanwhile' });
    expect(writeFixed(path.join(dir, 'a.md'), 'fixed', 'what we read')).toMatchObject({ ok: false, changed: true });
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('edited meanwhile');
  });
});
