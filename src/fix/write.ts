// Writes a fixed file atomically: a temporary file in the same folder, then a rename; the file mode is kept.
import fs from 'node:fs';
import path from 'node:path';

/** Replace `file` with `text` only if its content is still `expected`; returns false when it changed on disk. */
export function writeAtomic(file: string, text: string, expected: string): boolean {
  const current = fs.readFileSync(file, 'utf8');
  const bom = current.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  if (current.replace(/^\ufeff/, '') !== expected) return false;
  const stat = fs.statSync(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.phi-lint-${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bom + text, { mode: stat.mode });
    fs.chmodSync(tmp, stat.mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return true;
}
