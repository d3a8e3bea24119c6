// Where the built-in rules folder is (rules/ at the package root), for every module that reads from it.
import { fileURLToPath } from 'node:url';

/** Absolute path of the built-in rules folder, with a trailing separator. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
