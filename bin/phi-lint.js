#!/usr/bin/env node
// Command-line entry point: runs the compiled CLI in dist/ (built by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('phi-lint: the compiled code is missing (dist/). Run `npm install` or `npm run build` in the phi-lint folder first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
