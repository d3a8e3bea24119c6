// Test runner configuration: tests live in test/, run against the compiled code in dist/ and the sources.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests never touch the real home: the per-user hash key file goes to a temporary config folder, and a
// PHI_LINT_HASH_KEY from the outer environment is ignored (tests that need one set it).
const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-config-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: end-to-end tests spawn the CLI many times, and the 2-core CI machine may be busy.
    testTimeout: 120_000,
    pool: 'forks',
    env: { XDG_CONFIG_HOME: configHome, PHI_LINT_HASH_KEY: '' },
  },
});
