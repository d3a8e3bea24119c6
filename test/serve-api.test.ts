// The check page's API without HTTP: draft names, and the answers to good and bad requests.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintEnv } from '../src/engine/lint.js';
import { draftName, fileRequest, lintRequest } from '../src/serve/api.js';
import { setup } from '../src/setup.js';
import { tempDir } from './helpers.js';

let env: LintEnv;
beforeAll(async () => {
  env = (await setup({ cwd: tempDir(), overrides: [] })).env;
});

describe('draftName', () => {
  const cases: [unknown, string | undefined][] = [
    [undefined, 'draft.md'],
    ['post.txt', 'post.txt'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\post.md', 'post.md'],
    ['a\u0000b.md', 'ab.md'],
    ['', undefined],
    ['x'.repeat(201), undefined],
    [42, undefined],
  ];
  for (const [raw, want] of cases) it(JSON.stringify(raw)?.slice(0, 40) ?? 'undefined', () => expect(draftName(raw)).toBe(want));
});

describe('lintRequest and fileRequest', () => {
  const body = (o: unknown) => Buffer.from(JSON.stringify(o));
  it('a draft with a patient name: the finding, its text and the counts; no hashed key', () => {
    const a = lintRequest(env, body({ text: 'Our patient Marcus Delgado, 92, had his bypass on 11/14.' }), 'warning');
    expect(a.status).toBe(200);
    const findings = a.body.findings as { text: string; key?: string; offset: number }[];
    expect(findings.map((f) => f.text)).toContain('Marcus Delgado');
    expect(findings.every((f) => f.key === undefined)).toBe(true);
    expect((a.body.summary as { errors: number }).errors).toBe(findings.length);
  });
  it('min severity leaves infos out unless asked', () => {
    const text = 'Call us at 555-201-3344 to book a flu shot.';
    const all = lintRequest(env, body({ text }), 'info').body.findings as unknown[];
    const shown = lintRequest(env, body({ text }), 'warning').body.findings as unknown[];
    expect(shown.length).toBeLessThanOrEqual(all.length);
  });
  const bad: [string, () => ReturnType<typeof lintRequest>, number][] = [
    ['invalid UTF-8', () => lintRequest(env, Buffer.from([0x22, 0xc3, 0x28, 0x22]), 'warning'), 400],
    ['not JSON', () => lintRequest(env, Buffer.from('text=hello'), 'warning'), 400],
    ['null', () => lintRequest(env, Buffer.from('null'), 'warning'), 400],
    ['text is a number', () => lintRequest(env, body({ text: 5 }), 'warning'), 400],
    ['name is a folder only', () => lintRequest(env, body({ text: 'x', name: 'a/' }), 'warning'), 400],
    ['binary file', () => fileRequest(env, Buffer.from([1, 0, 2]), 'x.bin', 'warning'), 415],
    ['bad file-name encoding', () => fileRequest(env, Buffer.from('x'), '%E0%A4%A', 'warning'), 400],
  ];
  for (const [name, run, status] of bad) {
    it(`${name}: ${status} with a plain-words error`, () => {
      const a = run();
      expect(a.status).toBe(status);
      expect(typeof a.body.error).toBe('string');
      expect((a.body.error as string).length).toBeGreaterThan(10);
    });
  }
});
