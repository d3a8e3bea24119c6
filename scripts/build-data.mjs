#!/usr/bin/env node
// Build step after tsc: writes dist/builtin-rules.json (the built-in rules and lexicons, parsed and
// validated once), dist/builtin-people.json (the people model's evidence and name shapes, parsed) and
// dist/nlp-words.json (name lists from compromise's lexicon), so a run starts without parsing YAML or
// loading compromise. All are regenerated on every build; at run time a bundle that no longer matches
// rules/ is ignored.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { makeBundle, BUILTIN_RULES_DIR } = await import(path.join(root, 'dist', 'rules', 'load.js'));
const { nlpWords } = await import(path.join(root, 'dist', 'setup.js'));
const { lexiconOf } = await import(path.join(root, 'dist', 'nlp', 'compromise.js'));

const { makePeopleBundle } = await import(path.join(root, 'dist', 'analysis', 'evidence.js'));

const bundle = makeBundle(BUILTIN_RULES_DIR);
fs.writeFileSync(path.join(root, 'dist', 'builtin-people.json'), JSON.stringify(makePeopleBundle()));
fs.writeFileSync(path.join(root, 'dist', 'builtin-rules.json'), JSON.stringify(bundle));
const nlp = createRequire(import.meta.url)('compromise');
fs.writeFileSync(path.join(root, 'dist', 'nlp-words.json'), JSON.stringify(nlpWords(lexiconOf(nlp))));
console.log(`build: bundled ${bundle.rules.length} rules and ${bundle.lexicons.length} lexicons`);
