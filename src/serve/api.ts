// The check page's API, without any HTTP: lint a pasted draft or a dropped file and say what the page shows.
import { lintFile } from '../engine/lint-file.js';
import type { LintEnv } from '../engine/lint.js';
import { readBuffer } from '../files/read.js';
import { allProblems } from '../format/summary.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../types.js';

/** An answer: the HTTP status and the JSON body. Errors are `{ error }` in plain words. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The name a pasted draft is linted under when the page gives none: Markdown, like standard input. */
export const PASTE_NAME = 'draft.md';

const fail = (status: number, error: string): ApiAnswer => ({ status, body: { error } });

/** The fields of a finding the page uses (the JSON report's, plus evidence when the engine gives it). */
function pageFinding(f: Finding) {
  const { key: _key, ...rest } = f as Finding & { evidence?: unknown };
  return rest;
}

/** Lint `text` as `name`; findings below `min` are left out, as the stylish report leaves out infos. */
export function lintForPage(env: LintEnv, name: string, text: string, min: Severity, note?: string): ApiAnswer {
  const result = lintFile(env, name, text);
  if (result.error) return fail(422, `${name}: ${result.error}`);
  const shown = allProblems(result).filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min]);
  const count = (s: Severity) => shown.filter((f) => f.severity === s).length;
  return {
    status: 200,
    body: {
      name,
      text: result.source,
      findings: shown.map(pageFinding),
      summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
      ...(note ? { note } : {}),
    },
  };
}

/** Decode a request body as UTF-8, refusing invalid bytes (a paste is always valid text). */
function utf8(body: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

/** A safe draft name from what the page sent: a file name only, no folders, at most 200 characters. */
export function draftName(raw: unknown): string | undefined {
  if (raw === undefined) return PASTE_NAME;
  if (typeof raw !== 'string') return undefined;
  const base = raw.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base && base.length <= 200 ? base : undefined;
}

/** POST /api/lint: the body is JSON `{ "text": "…", "name": "post.md" }` (name optional). */
export function lintRequest(env: LintEnv, body: Buffer, min: Severity): ApiAnswer {
  const json = utf8(body);
  if (json === undefined) return fail(400, 'The request is not valid UTF-8 text.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return fail(400, `The request is not valid JSON (${(e as Error).message}).`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail(400, 'The request must be a JSON object like {"text": "your draft"}.');
  const { text, name } = parsed as { text?: unknown; name?: unknown };
  if (typeof text !== 'string') return fail(400, 'The request needs a "text" field with the draft as a string.');
  const safeName = draftName(name);
  if (!safeName) return fail(400, 'The "name" field must be a file name of at most 200 characters.');
  return lintForPage(env, safeName, text, min);
}

/** POST /api/file: the body is the file's bytes, read exactly as the command line reads a file. */
export function fileRequest(env: LintEnv, body: Buffer, rawName: string | undefined, min: Severity): ApiAnswer {
  let decoded: string | undefined;
  try {
    decoded = rawName === undefined ? undefined : decodeURIComponent(rawName);
  } catch {
    return fail(400, 'The file name is not valid (X-File-Name must be URI-encoded).');
  }
  const name = draftName(decoded);
  if (!name || decoded === undefined) return fail(400, 'The request needs the file name in the X-File-Name header.');
  const read = readBuffer(body, name);
  if (!read.ok) return fail(415, read.error);
  return lintForPage(env, name, read.text, min, read.note);
}
