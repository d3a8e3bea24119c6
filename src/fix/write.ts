// Writes a fixed file without losing anything: through symbolic links to their target, in place for hard-linked
// files (after a verified backup), atomically (temporary file + rename) otherwise; only the fixed spans change.
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../files/read.js';

/** What became of a fix: written, or refused with the reason in plain words (the file is untouched). */
export type WriteOutcome = { ok: true } | { ok: false; changed: boolean; reason: string };

const refuse = (reason: string, changed = false): WriteOutcome => ({ ok: false, changed, reason });

/**
 * Replace the text of `file` with `text`, only if its content is still `expected` (without a BOM). The bytes
 * outside the fixed spans, a BOM, the mode, the owner and every link to the file are kept. Refused, and the
 * file left untouched: read-only files, files that are not UTF-8 (they would be re-encoded), files changed since they were read.
 */
export function writeFixed(file: string, text: string, expected: string): WriteOutcome {
  // Through a symbolic link: fix the file it points to and keep the link.
  const real = fs.realpathSync(file);
  const stat = fs.statSync(real);
  if (!stat.isFile()) return refuse('it is not a regular file');
  // Root may write anything, so the mode bits decide, as for ESLint: a read-only draft stays as it is.
  if ((stat.mode & 0o222) === 0 || !writable(real)) return refuse('the file is read-only');
  const current = fs.readFileSync(real);
  const decoded = decodeText(current);
  if (decoded.encoding !== 'utf-8' || decoded.invalid) return refuse(`it is not UTF-8 text (${decoded.encoding === 'utf-8' ? 'it has invalid bytes' : decoded.encoding}), and fixing would re-encode it; fix it by hand or convert it to UTF-8 first`);
  if (decoded.nul) return refuse('it contains NUL bytes, which fixing would turn into spaces; fix it by hand');
  if (decoded.text !== expected) return refuse('it changed on disk while it was linted', true);
  const bom = current[0] === 0xef && current[1] === 0xbb && current[2] === 0xbf ? current.subarray(0, 3) : Buffer.alloc(0);
  const bytes = Buffer.concat([bom, Buffer.from(text, 'utf8')]);
  if (stat.nlink > 1) writeInPlace(real, bytes, current, stat);
  else replaceAtomically(real, bytes, stat);
  return { ok: true };
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const tempName = (file: string, what: string) => path.join(path.dirname(file), `.${path.basename(file)}.phi-lint-${what}-${process.pid}.tmp`);

/** A temporary file with the new bytes, renamed over the original: readers see the old or the new file, never half. */
function replaceAtomically(file: string, bytes: Buffer, stat: fs.Stats): void {
  const tmp = tempName(file, 'new');
  try {
    fs.writeFileSync(tmp, bytes, { mode: stat.mode, flag: 'wx' });
    fs.chmodSync(tmp, stat.mode);
    keepOwner(tmp, stat);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * A hard-linked file: renaming would leave the other names pointing at the unfixed text, so the bytes are
 * written into the file itself, after a backup copy of the original has been written and read back. If the
 * write fails the original is put back from that copy, and the copy is kept if even that fails.
 */
function writeInPlace(file: string, bytes: Buffer, original: Buffer, stat: fs.Stats): void {
  const backup = tempName(file, 'backup');
  fs.writeFileSync(backup, original, { mode: stat.mode & 0o600, flag: 'wx' });
  if (!fs.readFileSync(backup).equals(original)) {
    fs.rmSync(backup, { force: true });
    throw new Error(`could not make a verified backup copy of ${file}`);
  }
  try {
    overwrite(file, bytes);
  } catch (e) {
    try {
      overwrite(file, original);
    } catch {
      throw new Error(`writing ${file} failed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the original is saved as ${backup}`);
    }
    fs.rmSync(backup, { force: true });
    throw e;
  }
  fs.rmSync(backup, { force: true });
}

function overwrite(file: string, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  try {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, done);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Running as root, a renamed temporary file would belong to root: give it the draft's owner back. */
function keepOwner(file: string, stat: fs.Stats): void {
  if (process.getuid?.() !== 0 || (stat.uid === 0 && stat.gid === 0)) return;
  try {
    fs.chownSync(file, stat.uid, stat.gid);
  } catch {
    // Not allowed here (e.g. a filesystem without owners): the content matters more than the owner.
  }
}
