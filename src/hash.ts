// The one content hash the linter stores and prints (cache entries, finding keys, fingerprints, baselines).
import { createHash } from 'node:crypto';

/** SHA-256 of `s` (UTF-8) as 64 lowercase hex digits. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');
