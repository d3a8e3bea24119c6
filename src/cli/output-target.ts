// Checks where --output may write before anything is opened: never over a draft being linted, never into a device or folder.
import fs from 'node:fs';
import { UserError } from '../errors.js';

/** The (device, inode) identity of `file` through links, or undefined when it does not exist. */
function identity(file: string): string | undefined {
  try {
    const s = fs.statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuse `file` (absolute; `shown` is how the user wrote it) as the report's destination when it is one of
 * `inputs` (the same file by device and inode, so through symbolic and hard links too), or anything but a
 * regular file or a path that does not exist yet. Throws a UserError (exit 2) before anything is written.
 */
export function checkOutputTarget(file: string, shown: string, inputs: Iterable<string>): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UserError(`cannot write the report there (${code ?? (e as Error).message}); nothing was written`, shown);
    // A link to nowhere would create a file wherever it points: refuse rather than guess.
    if (code === 'ENOENT' && isLink(file)) throw new UserError('will not write the report through a broken symbolic link; nothing was written', shown);
    return;
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : 'not a regular file';
    throw new UserError(`will not write the report there: it is ${what}; name a new file or an existing report file; nothing was written`, shown);
  }
  const target = `${stat.dev}:${stat.ino}`;
  for (const input of inputs) {
    if (identity(input) === target) {
      throw new UserError('will not write the report over a file being linted (it would replace your draft); choose another --output file; nothing was written', shown);
    }
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
