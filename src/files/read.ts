// Reads a draft from disk: UTF-8 or UTF-16 text is decoded (odd bytes noted), anything else is an error naming the file.
import fs from 'node:fs';
import { binaryView } from './binary.js';

/** The outcome of reading one file. */
export type ReadResult =
  | { ok: true; text: string; /** a note for stderr, e.g. invalid UTF-8 */ note?: string }
  | { ok: false; /** always false: nothing is skipped silently (kept so older call sites still type-check) */ skipped?: false; /** why it was not linted, naming the file */ error: string };

/** How a draft's bytes were decoded. */
export interface Decoded {
  text: string;
  /** utf-8, or utf-16le / utf-16be (by a byte-order mark, or by the NUL bytes of BOM-less UTF-16). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Some bytes were not valid in that encoding and were read as U+FFFD. */
  invalid: boolean;
  /** NUL bytes (not UTF-16) were read as spaces, so nothing can hide text behind them. */
  nul: boolean;
  /** Too many NULs, control characters or invalid bytes to be a text draft. */
  binary: boolean;
}

/** The encoding BOM-less bytes look like: UTF-16 when every other byte of the first 8 KiB is mostly NUL. */
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 8192) >> 1;
  if (n < 1) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (buf[2 * i] === 0) even++;
    if (buf[2 * i + 1] === 0) odd++;
  }
  if (odd >= n * 0.3 && even <= n * 0.02) return 'utf-16le';
  if (even >= n * 0.3 && odd <= n * 0.02) return 'utf-16be';
  return undefined;
}

function decodeAs(encoding: Decoded['encoding'], buf: Buffer): { text: string; invalid: boolean } {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(buf), invalid: false };
  } catch {
    return { text: new TextDecoder(encoding).decode(buf), invalid: true };
  }
}

/**
 * Decode a draft's bytes: UTF-8 (BOM dropped), UTF-16 by its BOM or by its NUL pattern; invalid sequences
 * become U+FFFD and NUL bytes spaces (both noted). The one place bytes become text, for linting and for --fix.
 */
export function decodeText(buf: Buffer): Decoded {
  const encoding: Decoded['encoding'] =
    buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le'
    : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be'
    : buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 'utf-8'
    : (sniffUtf16(buf) ?? 'utf-8');
  const { text, invalid } = decodeAs(encoding, buf);
  const sample = text.slice(0, 8192);
  // eslint-disable-next-line no-control-regex
  const odd = sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\uFFFD]/g)?.length ?? 0;
  const nul = text.includes('\u0000');
  return { text: nul ? text.replace(/\u0000/g, ' ') : text, encoding, invalid, nul, binary: sample.length > 0 && odd > sample.length * 0.1 };
}

/** Default --max-file-size: 10 MB (drafts are a few KB; a 10 MB file is an export or a mistake). */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The refusal for a file over the size limit (0 means no limit), or undefined. */
export function sizeRefusal(size: number, name: string, maxBytes: number): ReadResult | undefined {
  if (!maxBytes || size <= maxBytes) return undefined;
  return { ok: false, error: `${name}: not linted: ${mb(size)} is larger than --max-file-size ${mb(maxBytes)} (raise it, for example --max-file-size ${Math.ceil(size / 1024 / 1024) + 1}MB, or 0 for no limit)` };
}

/** Read `file` for linting; `name` is how messages call it (default the path); files over `maxBytes` are refused. */
export function readDraft(file: string, name = file, maxBytes = DEFAULT_MAX_FILE_SIZE): ReadResult {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, error: `${name}: cannot read the file (it is not a regular file)` };
    const refused = sizeRefusal(stat.size, name, maxBytes);
    if (refused) return refused;
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EISDIR' ? 'it is a folder'
      : code === 'ENOENT' ? 'file not found (a broken link?)'
      : code === 'ELOOP' ? 'a symbolic link loop'
      : (code ?? 'cannot read');
    return { ok: false, error: `${name}: cannot read the file (${why})` };
  }
  return readBuffer(buf, name, maxBytes);
}

/** Decide what to do with bytes read from somewhere (a file, a staged blob): text to lint, or an error naming it. */
export function readBuffer(buf: Buffer, name: string, maxBytes = DEFAULT_MAX_FILE_SIZE): ReadResult {
  // Word files are read through their text view; maxBytes limits what they may decompress to.
  const view = binaryView(buf, name, maxBytes);
  if (view) return view;
  const d = decodeText(buf);
  if (d.binary) return { ok: false, error: `${name}: not linted: it cannot be read as text (it looks like a binary file, not a draft); remove it or exclude it with ignore` };
  const notes = [
    d.invalid && (d.encoding === 'utf-8' ? 'not valid UTF-8; invalid bytes were read as \uFFFD' : `not valid ${d.encoding.toUpperCase()}; invalid bytes were read as \uFFFD`),
    d.nul && 'it contains NUL bytes; they were read as spaces',
  ].filter(Boolean);
  return notes.length ? { ok: true, text: d.text, note: `${name}: ${notes.join('; ')}` } : { ok: true, text: d.text };
}
