#!/usr/bin/env node
// `npm run eval`: scores phi-lint on its own labeled drafts and on the team's shared corpora.
// The scorer and the corpora live in ../shared (beside this repository); without it, this says so and stops.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const scorer = path.join(shared, 'tools', 'score-corpus.mjs');
const cli = `node ${JSON.stringify(path.join(root, 'bin', 'phi-lint.js'))}`;

if (!fs.existsSync(scorer)) {
  console.log(`npm run eval: the shared folder with the scorer and corpora is not here (looked for ${scorer}).`);
  console.log('It sits beside this repository in the team workspace; a plain clone does not have it, so there is nothing to score.');
  process.exit(0);
}

const runs = [
  { title: "phi-lint's own labeled drafts (fixtures/corpus)", corpus: path.join(root, 'fixtures', 'corpus', 'drafts.jsonl'), args: [] },
  { title: "phi-lint's held-out drafts (fixtures/holdout)", corpus: path.join(root, 'fixtures', 'holdout', 'drafts.jsonl'), args: [] },
  { title: 'team dev corpus (../shared/corpora/dev)', corpus: path.join(shared, 'corpora', 'dev', 'drafts.jsonl'), args: [] },
  { title: 'team dev2 corpus (../shared/corpora/dev2)', corpus: path.join(shared, 'corpora', 'dev2', 'drafts.jsonl'), args: [] },
];
// Blind rounds: drafts written without reading the rules (fixtures/blind/README.md).
for (const round of fs.readdirSync(path.join(root, 'fixtures', 'blind')).filter((d) => d.startsWith('round-')).sort()) {
  for (const f of fs.readdirSync(path.join(root, 'fixtures', 'blind', round)).filter((f) => f.endsWith('.jsonl')).sort()) {
    runs.push({ title: `blind ${round} ${f.replace('.jsonl', '')} (fixtures/blind)`, corpus: path.join(root, 'fixtures', 'blind', round, f), args: [] });
  }
}
for (const dir of fs.readdirSync(path.join(shared, 'corpora')).sort()) {
  const samples = path.join(shared, 'corpora', dir, 'samples.jsonl');
  // External corpora are bare identifiers without patient context: a quiet `info` detection is the right answer.
  if (fs.existsSync(samples)) runs.push({ title: `external corpus ${dir} (identifier recall per type, any severity)`, corpus: samples, args: ['--any-severity'] });
}

let failed = false;
for (const run of runs) {
  if (!fs.existsSync(run.corpus)) {
    console.log(`\n## ${run.title}\n(missing: ${run.corpus})`);
    continue;
  }
  console.log(`\n## ${run.title}`);
  const r = spawnSync(process.execPath, [scorer, '--corpus', run.corpus, '--cli', cli, ...run.args, ...process.argv.slice(2)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
