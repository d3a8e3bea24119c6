// `phi-lint serve`: the check page on 127.0.0.1 only, for this computer's browser only (Host check, per-start token).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LintEnv } from '../engine/lint.js';
import type { Severity } from '../types.js';
import { fileRequest, lintRequest, type ApiAnswer } from './api.js';
import { pageHtml } from './page.js';

/** Settings of one server. */
export interface ServeOptions {
  env: LintEnv;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Largest request body in bytes (default 2 MB: drafts are a few KB). */
  maxBody?: number;
  /** Requests handled at once; more get 503 (default 64). */
  maxConcurrent?: number;
  /** Lowest severity the page shows (default warning, like the stylish report). */
  min?: Severity;
  /** Token for the API; default random per start. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Default request limit: 2 MB. */
export const DEFAULT_MAX_BODY = 2 * 1024 * 1024;
/** Bodies over the limit are read and thrown away up to this size, so the browser gets the 413; beyond it the connection is cut. */
const DRAIN_LIMIT = 128 * 1024 * 1024;

const ASSETS = new URL('../../web/', import.meta.url);
const asset = (name: string) => fs.readFileSync(new URL(name, ASSETS), 'utf8');

/** What the page may do: its own script, style and API, nothing from anywhere else, never framed. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: http.ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, a: ApiAnswer, extra: Record<string, string> = {}) =>
  send(res, a.status, 'application/json; charset=utf-8', JSON.stringify(a.body), extra);
const error = (res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}) => sendJson(res, { status, body: { error: message } }, extra);

/** Whether two strings are equal, in time that does not depend on where they differ. */
function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, or `too-large` once it passes `max` (the rest is read and dropped up to DRAIN_LIMIT, then the connection is cut). */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT) {
      req.socket.destroy();
      resolve('aborted');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > DRAIN_LIMIT) {
        req.socket.destroy();
        resolve('aborted');
      } else if (size > max) {
        over = true;
        chunks.length = 0;
      } else if (!over) chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve('aborted'));
  });
}

/** 2 MB, 500 KB, 300 bytes: the limit as people say it. */
const size = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;

/** Start the server; resolves once it listens. */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBody ?? DEFAULT_MAX_BODY;
  const maxConcurrent = opts.maxConcurrent ?? 64;
  const min = opts.min ?? 'warning';
  const page = pageHtml();
  const script = asset('serve.js');
  const style = asset('serve.css');
  let port = opts.port;
  let inFlight = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    // DNS rebinding: a page from another site that renamed itself to 127.0.0.1 still sends its own Host.
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      error(res, 403, `phi-lint serve answers only at http://127.0.0.1:${port}/ and http://localhost:${port}/.`);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      error(res, 403, 'Requests from other web pages are refused.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const api = url.pathname === '/api/lint' || url.pathname === '/api/file';
    if ((req.method === 'GET' || req.method === 'HEAD') && !api) {
      if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', page, { 'Content-Security-Policy': PAGE_CSP });
      if (url.pathname === '/serve.js') return send(res, 200, 'text/javascript; charset=utf-8', script);
      if (url.pathname === '/serve.css') return send(res, 200, 'text/css; charset=utf-8', style);
      if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      return error(res, 404, 'Not found. Open the address phi-lint serve printed.');
    }
    if (!api) return error(res, 404, 'Not found.');
    if (req.method !== 'POST') return error(res, 405, 'Use POST.', { Allow: 'POST' });
    if (!sameToken(req.headers['x-phi-lint-token'] as string | undefined, token)) {
      req.resume();
      return error(res, 401, 'Missing or wrong key: open the address phi-lint serve printed (it ends with #token=…).', { Connection: 'close' });
    }
    const body = await readBody(req, maxBody);
    if (body === 'aborted') return;
    if (body === 'too-large') return error(res, 413, `That is too large to check here: the limit is ${size(maxBody)}. Drafts are usually a few KB; check a shorter piece, or use the phi-lint command.`);
    const answer =
      url.pathname === '/api/lint'
        ? lintRequest(opts.env, body, min)
        : fileRequest(opts.env, body, req.headers['x-file-name'] as string | undefined, min);
    sendJson(res, answer);
  };

  const server = http.createServer((req, res) => {
    if (inFlight >= maxConcurrent) {
      req.resume();
      error(res, 503, 'phi-lint serve is busy; try again in a moment.', { 'Retry-After': '1', Connection: 'close' });
      return;
    }
    inFlight++;
    res.on('close', () => inFlight--);
    handle(req, res).catch((e: unknown) => {
      // A bug in one request must not stop the page: answer plainly and keep serving.
      error(res, 500, `phi-lint could not check this draft: ${(e as Error)?.message ?? e}`);
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      server.off('error', reject);
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
