// Files that are not text (Word files): read into the text view the rules lint, or a one-line error naming the file.
import { docxView } from '../document/docx.js';
import { formatOf } from '../document/formats.js';
import { readDocxParts } from './docx.js';
import type { ReadResult } from './read.js';

/** The text view of `buf` when `name` is a binary format phi-lint reads; undefined for text files. */
export function binaryView(buf: Buffer, name: string, maxBytes: number): ReadResult | undefined {
  const kind = formatOf(name);
  // Photos are read asynchronously before linting (src/files/image.ts); elsewhere they are binary files, as before.
  if (kind !== 'docx') return undefined;
  const read = readDocxParts(buf, maxBytes);
  if (!read.ok) return { ok: false, skipped: false, error: `${name}: ${read.error}` };
  try {
    return { ok: true, text: docxView(read.parts) };
  } catch (e) {
    return { ok: false, skipped: false, error: `${name}: not a readable Word file: ${(e as Error).message.split('\n')[0]}` };
  }
}
