// Ways around the check that must not work: odd encodings and NUL bytes, code and comments, inline disables,
// staged files. Each is linted or reported, never a silent pass.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/files/read.js';
import { runCli, tempDir } from './helpers.js';

const PHI = 'Our patient Tommy Alvarez starts chemo next week. MRN 00482913\n';
const types = (stdout: string) => JSON.parse(stdout).files.flatMap((f: { findings: { type: string }[] }) => f.findings.map((x) => x.type));

describe('decodeText', () => {
  const cases: [string, Buffer, string, string][] = [
    ['UTF-8', Buffer.from('héllo'), 'héllo', 'utf-8'],
    ['UTF-8 with BOM', Buffer.from('\ufeffhéllo'), 'héllo', 'utf-8'],
    ['UTF-16LE with BOM', Buffer.from('\ufeffhéllo', 'utf16le'), 'héllo', 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.from('\ufeffhéllo', 'utf16le').swap16(), 'héllo', 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from('hello there', 'utf16le'), 'hello there', 'utf-16le'],
    ['UTF-16BE without BOM', Buffer.from('hello there', 'utf16le').swap16(), 'hello there', 'utf-16be'],
    ['a NUL byte in UTF-8', Buffer.from('SSN 412\u000038-7719'), 'SSN 412 38-7719', 'utf-8'],
  ];
  it.each(cases)('%s', (_name, buf, text, encoding) => {
    const d = decodeText(buf);
    expect([d.text, d.encoding, d.binary]).toEqual([text, encoding, false]);
  });
  it('a PNG header is binary', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])).binary).toBe(true);
  });
});

describe('encodings and NUL bytes are no way around the check', () => {
  const encodings: [string, Buffer][] = [
    ['UTF-16LE with BOM', Buffer.from(`\ufeff${PHI}`, 'utf16le')],
    ['UTF-16BE with BOM', Buffer.from(`\ufeff${PHI}`, 'utf16le').swap16()],
    ['UTF-16LE without BOM', Buffer.from(PHI, 'utf16le')],
    ['UTF-16BE without BOM', Buffer.from(PHI, 'utf16le').swap16()],
  ];
  it.each(encodings)('%s is decoded and linted', (_name, bytes) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'post.md'), bytes);
    const r = runCli(['--format', 'json', 'post.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(types(r.stdout)).toEqual(expect.arrayContaining(['name', 'mrn']));
  });
  it('a NUL byte near the top does not skip the file: linted, with a warning naming it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'post.md'), Buffer.concat([Buffer.from('Hi\u0000\n'), Buffer.from(PHI)]));
    const r = runCli(['--format', 'json', 'post.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('phi-lint: warning: post.md: it contains NUL bytes; they were read as spaces\n');
    expect(types(r.stdout)).toContain('mrn');
  });
  it('a text draft behind a binary-looking header is still linted', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'post.md'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), Buffer.from(PHI.repeat(3))]));
    const r = runCli(['--format', 'json', 'post.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(types(r.stdout)).toContain('mrn');
  });
});

describe('code and comments are published, so they are linted', () => {
  const cases: [string, string][] = [
    ['a fenced code block', 'Our intake template:\n```text\nMRN 00482913\n```\n'],
    ['an unclosed fence', 'Our intake template:\n```\nMRN 00482913, SSN 412-38-7719\n'],
    ['inline code', 'Copy this: `MRN 00482913` into the form.\n'],
    ['an HTML comment that is not a phi-lint directive', 'Great news today! <!-- MRN 00482913 -->\n'],
    ['an unclosed HTML comment', 'Great news today! <!-- MRN 00482913\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    const r = runCli(['--format', 'json', 'post.md'], { cwd: tempDir({ 'post.md': text }) });
    expect(r.code).toBe(1);
    expect(types(r.stdout)).toContain('mrn');
  });
});

describe('codeSeverity', () => {
  it('lowers findings inside code only when the config says so; prose keeps its severity', () => {
    const text = 'Template:\n```\nMRN 00482913\n```\nAnd `MRN 00482915` inline. MRN 00482914 in prose.\n';
    const sev = (config?: string) => {
      const r = runCli(['--format', 'json', 'post.md'], { cwd: tempDir({ 'post.md': text, ...(config ? { '.phi-lint.yaml': config } : {}) }) });
      return JSON.parse(r.stdout).files[0].findings.filter((f: { type: string }) => f.type === 'mrn').map((f: { text: string; severity: string }) => `${f.text} ${f.severity}`);
    };
    expect(sev()).toEqual(['00482913 error', '00482915 error', '00482914 error']);
    expect(sev('codeSeverity: warning\n')).toEqual(['00482913 warning', '00482915 warning', '00482914 error']);
  });
});
