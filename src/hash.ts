// The hashes the linter stores and prints. Anything computed from draft text (finding keys, SARIF
// fingerprints, baseline entries, cache entries) is an HMAC under the user's key (src/hash-key.ts), so it
// cannot be reversed by trying every SSN or name; plain SHA-256 is for rule files and config only.
import { createHash, createHmac } from 'node:crypto';
import { resolveHashKey, type HashKey } from './hash-key.js';

/** SHA-256 of `s` (UTF-8) as 64 lowercase hex digits. Never for draft text: use keyedHex. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

let current: HashKey | undefined;

/** Use `key` for this process (worker threads get the main thread's key). */
export function setHashKey(key: HashKey): void {
  current = key;
}

/** The key in use, resolved from the environment or the key file on first use. */
export function hashKey(): HashKey {
  if (!current) {
    current = resolveHashKey(process.env);
    if (current.source === 'ephemeral') {
      process.stderr.write(
        `phi-lint: warning: cannot keep a hash key in ${current.file} (${current.problem}); this run's fingerprints and baseline entries will not match later runs. Set PHI_LINT_HASH_KEY to a secret of at least 16 characters.\n`,
      );
    }
  }
  return current;
}

/** HMAC-SHA-256 of `s` under the user's key, as 64 lowercase hex digits. */
export const keyedHex = (s: string): string => createHmac('sha256', hashKey().key).update(s).digest('hex');

/** A short public id of the key (an HMAC of a constant): tells whether a baseline or cache was made with it. */
export const keyId = (): string => keyedHex('phi-lint key id').slice(0, 16);
