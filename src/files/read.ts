// Reads a draft from disk: binary files are skipped, invalid UTF-8 is decoded with replacement characters and noted.
import fs from 'node:fs';

/** The outcome of reading one file. */
export type ReadResult =
  | { ok: true; text: string; /** a note for stderr, e.g. invalid UTF-8 */ note?: string }
  | { ok: false; skipped: true; note: string }
  | { ok: false; skipped: false; error: string };

/** Whether a buffer looks binary (a NUL byte in its first 8 KiB). */
export function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8192).includes(0);
}

/** Decode `buf` as UTF-8; invalid sequences become U+FFFD and are reported. */
export function decode(buf: Buffer): { text: string; invalid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), invalid: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(buf), invalid: true };
  }
}

/** Default --max-file-size: 10 MB (drafts are a few KB; a 10 MB file is an export or a mistake). */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The refusal for a file over the size limit (0 means no limit), or undefined. */
export function sizeRefusal(size: number, name: string, maxBytes: number): ReadResult | undefined {
  if (!maxBytes || size <= maxBytes) return undefined;
  return { ok: false, skipped: false, error: `${name}: not linted: ${mb(size)} is larger than --max-file-size ${mb(maxBytes)} (raise it, for example --max-file-size ${Math.ceil(size / 1024 / 1024) + 1}MB, or 0 for no limit)` };
}

/** Read `file` for linting; `name` is how messages call it (default the path); files over `maxBytes` are refused. */
export function readDraft(file: string, name = file, maxBytes = DEFAULT_MAX_FILE_SIZE): ReadResult {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, skipped: false, error: `${name}: cannot read the file (it is not a regular file)` };
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
    return { ok: false, skipped: false, error: `${name}: cannot read the file (${why})` };
  }
  return readBuffer(buf, name);
}

/** Decide what to do with bytes read from somewhere (a file, a staged blob). */
export function readBuffer(buf: Buffer, name: string): ReadResult {
  if (looksBinary(buf)) return { ok: false, skipped: true, note: `${name}: skipped, it looks like a binary file, not a text draft` };
  const { text, invalid } = decode(buf);
  return invalid ? { ok: true, text, note: `${name}: not valid UTF-8; invalid bytes were read as \uFFFD` } : { ok: true, text };
}
