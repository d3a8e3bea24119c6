// The one error type users see: a plain-words problem with their input, printed on one line, exit code 2.

/** A problem with the user's input (paths, config, rule files). Printed without a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly file?: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'UserError';
  }
}

/** `file:line:col: message`, dropping the parts that are unknown. */
export function formatUserError(e: UserError): string {
  const where = e.file ? [e.file, e.line, e.line !== undefined ? e.column : undefined].filter((p) => p !== undefined).join(':') : '';
  return where ? `${where}: ${e.message}` : e.message;
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The closest candidate within a small edit distance, as ` (did you mean "x"?)`, or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

/** Why writing failed, in plain words: "the disk is full (ENOSPC)" rather than a stack trace. */
export function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up', EIO: 'an input/output error',
    EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the disk is read-only', EBADF: 'the output is closed',
    EFBIG: 'the file is too large', EISDIR: 'it is a folder',
  };
  return code ? `${why[code] ?? 'a system error'} (${code})` : String((e as Error)?.message ?? e);
}
