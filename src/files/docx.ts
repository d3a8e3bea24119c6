// Reads the XML parts of a Word file (.docx, a zip archive) with a limit on how much it may decompress to.
//
// fflate (a small, maintained zip and deflate library) is streamed in small slices, so a zip bomb is stopped
// when its real decompressed size passes the limit, not after it has filled memory; mammoth would unzip the
// whole archive first and does not read comments' authors or the document properties we need.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Fflate = typeof import('fflate');

/** The parts phi-lint reads: the body, comments, and the core document properties. */
export const DOCX_PARTS = ['word/document.xml', 'word/comments.xml', 'docProps/core.xml'];

/** The parts' XML text, or the one-line reason the file cannot be read. */
export type DocxParts = { ok: true; parts: Map<string, string> } | { ok: false; error: string };

const SLICE = 16 * 1024;

/** Unzip the parts of `buf`; stops with an error once their decompressed size passes `maxBytes` (0: no limit). */
export function readDocxParts(buf: Buffer, maxBytes: number): DocxParts {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return { ok: false, error: 'not a Word file: it is not a .docx (zip) archive; save it from Word as .docx' };
  const { Unzip, UnzipInflate } = require('fflate') as Fflate;
  const parts = new Map<string, string>();
  let total = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    if (!DOCX_PARTS.includes(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = `not a readable Word file: the zip archive is damaged (${err.message})`;
        return;
      }
      total += data.length;
      if (maxBytes && total > maxBytes) {
        failure = `not linted: its text parts decompress to more than --max-file-size ${(maxBytes / 1024 / 1024).toFixed(1)} MB (a damaged file or a zip bomb)`;
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) parts.set(file.name, Buffer.concat(chunks).toString('utf8'));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < buf.length && !failure; at += SLICE) unzip.push(buf.subarray(at, at + SLICE), at + SLICE >= buf.length);
  } catch (e) {
    failure ??= `not a readable Word file: the zip archive is damaged (${(e as Error).message})`;
  }
  if (failure) return { ok: false, error: failure };
  if (!parts.has('word/document.xml')) return { ok: false, error: 'not a readable Word file: it has no document part (word/document.xml)' };
  return { ok: true, parts };
}
