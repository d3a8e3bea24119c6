// The secret key of every hash of draft text: PHI_LINT_HASH_KEY, else a per-user key file made on first use.
// A plain SHA-256 of a short match (an SSN, a phone number) is undone by trying every value in seconds;
// an HMAC under a key that is never in a report or the repository cannot be.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors.js';

/** The environment variable that holds the key (CI: a secret). */
export const HASH_KEY_ENV = 'PHI_LINT_HASH_KEY';
/** Fewer characters than this can be guessed together with the match. */
export const MIN_KEY_LENGTH = 16;

/** Where the key came from, for messages. */
export interface HashKey {
  key: string;
  source: 'env' | 'file' | 'ephemeral';
  /** The key file (source `file`), or the file that could not be made (source `ephemeral`). */
  file?: string;
  /** Why no key file could be kept (source `ephemeral`). */
  problem?: string;
}

/** The per-user key file: $XDG_CONFIG_HOME/phi-lint/hash-key, else ~/.config/phi-lint/hash-key. */
export function keyFilePath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME?.trim() || os.homedir(), '.config');
  return path.join(base, 'phi-lint', 'hash-key');
}

function readKeyFile(file: string): string {
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < MIN_KEY_LENGTH) {
    throw new UserError(`the hash key file is empty or too short; delete it and phi-lint makes a new one (baselines made with the old key will no longer match), or set ${HASH_KEY_ENV}`, file);
  }
  // Only its owner may read it; tighten a copy that was made readable to others.
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return key;
}

/**
 * The key from the environment, else the key file, created (mode 600) when missing. Creation is atomic
 * (a complete temporary file linked into place), so concurrent runs agree on one key. When no file can be
 * kept (read-only home), a random key for this run only, with the reason.
 */
export function resolveHashKey(env: NodeJS.ProcessEnv): HashKey {
  const fromEnv = env[HASH_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.trim().length < MIN_KEY_LENGTH) {
      throw new UserError(`${HASH_KEY_ENV} is too short (${fromEnv.trim().length} characters); use at least ${MIN_KEY_LENGTH} random characters, for example the output of: openssl rand -hex 32`);
    }
    return { key: fromEnv.trim(), source: 'env' };
  }
  const file = keyFilePath(env);
  try {
    return { key: readKeyFile(file), source: 'file', file };
  } catch (e) {
    if (e instanceof UserError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return ephemeral(file, e);
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      // Another run made it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    return { key: readKeyFile(file), source: 'file', file };
  } catch (e) {
    if (e instanceof UserError) throw e;
    return ephemeral(file, e);
  }
}

function ephemeral(file: string, e: unknown): HashKey {
  return { key: randomBytes(32).toString('hex'), source: 'ephemeral', file, problem: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
}
