// phi-lint serve over HTTP: who it answers, the token, bad input, bursts, the config it lints with.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';
import { makeDocx } from './docx-fixture.js';
import { startServe, type Served } from './serve-helpers.js';

/** A raw request, so the Host header can be anything (fetch does not allow setting it). */
function request(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

let dir: string;
let s: Served;
const api = (body: Buffer | string, headers: Record<string, string> = {}, where = '/api/lint') =>
  request(s.port, { method: 'POST', path: where, headers: { Host: `127.0.0.1:${s.port}`, 'X-Phi-Lint-Token': s.token, 'Content-Type': 'application/json', ...headers }, body });
const lint = async (text: string) => {
  const r = await api(JSON.stringify({ text }));
  expect(r.status).toBe(200);
  return JSON.parse(r.body) as { findings: { ruleId: string; severity: string; text: string }[]; summary: { errors: number } };
};

beforeAll(async () => {
  // The nearest config where it was started applies: this one turns professionalism rules off.
  dir = tempDir({ '.phi-lint.yaml': "rules:\n  'professionalism/*': off\n" });
  s = await startServe(dir);
}, 180_000);
afterAll(async () => {
  await s?.stop();
});

describe('phi-lint serve', () => {
  it('prints an address on 127.0.0.1 with a token, and serves the page with a strict policy', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    const page = await request(s.port, { headers: { Host: `127.0.0.1:${s.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.body).not.toContain(s.token);
    for (const host of [`localhost:${s.port}`, `LOCALHOST:${s.port}`]) expect((await request(s.port, { headers: { Host: host } })).status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding), a wrong port, a foreign Origin', async () => {
    for (const host of [`evil.example:${s.port}`, `127.0.0.1:${s.port + 1}`, 'localhost', `127.0.0.1.evil.example:${s.port}`]) {
      const r = await request(s.port, { headers: { Host: host } });
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body).error).toContain(`http://127.0.0.1:${s.port}/`);
      const a = await api(JSON.stringify({ text: 'x' }), { Host: host });
      expect(a.status).toBe(403);
    }
    const cross = await api(JSON.stringify({ text: 'x' }), { Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });

  it('refuses the API without the token or with a wrong one', async () => {
    for (const token of [undefined, '', 'wrong', `${s.token}x`]) {
      const headers: Record<string, string> = { Host: `127.0.0.1:${s.port}`, 'Content-Type': 'application/json' };
      if (token !== undefined) headers['X-Phi-Lint-Token'] = token;
      const r = await request(s.port, { method: 'POST', path: '/api/lint', headers, body: '{"text":"Our patient Marcus Delgado"}' });
      expect(r.status).toBe(401);
      expect(r.body).not.toContain('Marcus');
    }
  });

  it('lints with the same engine and the config nearest to where it started', async () => {
    const text = 'So proud of our patient Marcus Delgado, 92, after his bypass on 11/14. Guaranteed to work!';
    const got = await lint(text);
    const cli = JSON.parse(runCli(['--stdin', '--stdin-filename', 'draft.md', '--format', 'json', '--min-severity', 'warning'], { cwd: dir, input: text }).stdout);
    expect(got.findings.map((f) => [f.ruleId, f.text])).toEqual(cli.files[0].findings.map((f: { ruleId: string; text: string }) => [f.ruleId, f.text]));
    expect(got.findings.some((f) => f.ruleId === 'phi/patient-name' && f.text === 'Marcus Delgado')).toBe(true);
    expect(got.findings.some((f) => f.ruleId.startsWith('professionalism/'))).toBe(false);
  });

  it('answers bad input clearly and keeps serving', async () => {
    const cases: [string, Promise<{ status: number; body: string }>, number, string][] = [
      ['a 50 MB paste', api(JSON.stringify({ text: 'a'.repeat(50 * 1024 * 1024) })), 413, 'too large'],
      ['invalid UTF-8', api(Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'not valid UTF-8'],
      ['malformed JSON', api('{"text": "unterminated'), 400, 'not valid JSON'],
      ['JSON that is not an object', api('[1,2]'), 400, 'JSON object'],
      ['no text field', api('{"name":"a.md"}'), 400, '"text" field'],
      ['a binary file', api(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), { 'X-File-Name': 'photo.png', 'Content-Type': 'application/octet-stream' }, '/api/file'), 415, 'binary'],
      ['a file without a name', api('hello', { 'Content-Type': 'application/octet-stream' }, '/api/file'), 400, 'X-File-Name'],
      ['GET on the API', request(s.port, { path: '/api/lint', headers: { Host: `127.0.0.1:${s.port}` } }), 405, 'POST'],
      ['an unknown path', request(s.port, { path: '/../../etc/passwd', headers: { Host: `127.0.0.1:${s.port}` } }), 404, 'Not found'],
    ];
    for (const [name, pending, status, words] of cases) {
      const r = await pending;
      expect([name, r.status]).toEqual([name, status]);
      expect(JSON.parse(r.body).error).toContain(words);
    }
    expect((await lint('Our patient Marcus Delgado, 92, had his bypass on 11/14.')).summary.errors).toBeGreaterThan(0);
  }, 120_000);

  it('reads a dropped file as the command line does: invalid UTF-8 is read with a note', async () => {
    const r = await api(Buffer.concat([Buffer.from('Our patient Marcus Delgado, 92, had his bypass on 11/14. '), Buffer.from([0xff])]), { 'X-File-Name': encodeURIComponent('my post.txt'), 'Content-Type': 'application/octet-stream' }, '/api/file');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.name).toBe('my post.txt');
    expect(body.note).toContain('not valid UTF-8');
    expect(body.text).toContain('\uFFFD');
  });

  it('reads a dropped Word file the way the command line does', async () => {
    const docx = makeDocx({ body: [{ p: 'Our patient Marcus Delgado, 92, finished cardiac rehab on 11/14 after his bypass.' }] });
    const r = await api(docx, { 'X-File-Name': 'post.docx', 'Content-Type': 'application/octet-stream' }, '/api/file');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { text: string; findings: { ruleId: string; text: string }[] };
    const where = tempDir({ '.phi-lint.yaml': "rules:\n  'professionalism/*': off\n" });
    fs.writeFileSync(path.join(where, 'post.docx'), docx);
    const cli = JSON.parse(runCli(['post.docx', '--format', 'json', '--min-severity', 'warning'], { cwd: where }).stdout);
    expect(body.findings.map((f) => [f.ruleId, f.text])).toEqual(cli.files[0].findings.map((f: { ruleId: string; text: string }) => [f.ruleId, f.text]));
    expect(body.findings.some((f) => f.text === 'Marcus Delgado')).toBe(true);
    // Edits of that text are linted as the same Word file's text.
    const again = await api(JSON.stringify({ text: body.text, name: 'post.docx' }));
    expect(JSON.parse(again.body).findings).toEqual(body.findings);
  });

  it('answers a burst of a thousand requests, each with a result or a clear "busy", and keeps serving', async () => {
    const body = JSON.stringify({ text: 'Our patient Marcus Delgado had his bypass on 11/14.' });
    const results = await Promise.all(Array.from({ length: 1000 }, () => api(body).catch((e: Error) => ({ status: 0, body: e.message }))));
    const statuses = new Map<number, number>();
    for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    expect([...statuses.keys()].every((k) => k === 200 || k === 503), JSON.stringify([...statuses])).toBe(true);
    expect(statuses.get(200)).toBeGreaterThan(0);
    for (const r of results.filter((x) => x.status === 503)) expect(JSON.parse(r.body).error).toContain('busy');
    expect((await lint('Our patient Marcus Delgado had his bypass on 11/14.')).summary.errors).toBeGreaterThan(0);
  }, 180_000);

  it('stores nothing: the folder it started in is unchanged', () => {
    expect(fs.readdirSync(dir)).toEqual(['.phi-lint.yaml']);
  });
});

describe('phi-lint serve: start-up problems', () => {
  it('a bad port is a one-line error', () => {
    const r = runCli(['serve', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('phi-lint: --port expects a port number from 0 to 65535 (got "70000"); 0 picks any free port\n');
  });
  it('a port in use is a one-line error', async () => {
    const r = runCli(['serve', '--port', String(s.port)], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`port ${s.port} is in use`);
  });
  it('a broken config stops it with the usual message', () => {
    const bad = tempDir({ '.phi-lint.yaml': 'rules: [' });
    const r = runCli(['serve', '--port', '0'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^phi-lint: .*\.phi-lint\.yaml/);
  });
});



describe('README: the check page', () => {
  it('documents the commands these tests start, and has the screenshot', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /## Check a draft in your browser[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter(Boolean).map((l) => l.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['phi-lint serve', 'phi-lint serve --port 0']);
    // startServe runs exactly the second line; the first is the default port, shown in the address.
    expect(block).toContain('http://127.0.0.1:4870/#token=');
    expect(runCli(['serve', '--help']).stdout).toContain('default 4870');
    expect(fs.existsSync(path.join(ROOT, 'docs', 'images', 'serve-page.png'))).toBe(true);
  });
});

describe('phi-lint serve --max-request-size', () => {
  it('a bad size is a one-line error naming the option', () => {
    for (const v of ['abc', '0', '12xyz']) {
      const r = runCli(['serve', '--port', '0', '--max-request-size', v]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`phi-lint: --max-request-size expects a size like 2MB or 500KB, more than 0 (got "${v}")\n`);
    }
  });
  it('a smaller limit refuses a draft over it', async () => {
    const small = await startServe(tempDir(), ['--max-request-size', '1KB']);
    try {
      const r = await request(small.port, { method: 'POST', path: '/api/lint', headers: { Host: `127.0.0.1:${small.port}`, 'X-Phi-Lint-Token': small.token }, body: JSON.stringify({ text: 'a'.repeat(2000) }) });
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error).toContain('the limit is 1 KB');
    } finally {
      await small.stop();
    }
  }, 180_000);
});
