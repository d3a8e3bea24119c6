// Finds rule files (one rule per YAML file under <dir>/<pack>/), validates them and compiles them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, didYouMean } from '../errors.js';
import { validateWith } from '../schema-errors.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import type { CompiledRule } from './compiled.js';
import { compileRule } from './compile.js';
import { compileLexicons, readLexiconSources, type Lexicon, type LexiconSource } from './lexicons.js';
import { KNOWN_TYPES, schemas, type RuleSpec } from './schema.js';

/** The rules folder shipped with phi-lint. */
export { BUILTIN_RULES_DIR } from './builtin-dir.js';
import { BUILTIN_RULES_DIR } from './builtin-dir.js';

const KINDS = ['pattern', 'terms', 'entity', 'match', 'classifier'] as const;
const kindSchema = (kind: (typeof KINDS)[number]) => {
  const s = schemas();
  return { pattern: s.patternRuleSchema, terms: s.termsRuleSchema, entity: s.entityRuleSchema, match: s.matchRuleSchema, classifier: s.classifierRuleSchema }[kind];
};
const BUILTIN_PACK_CATEGORY: Record<string, 'phi' | 'professionalism'> = { phi: 'phi', professionalism: 'professionalism' };

/** Everything loaded from the rule folders. */
export interface RuleSet {
  rules: CompiledRule[];
  lexicons: Map<string, Lexicon>;
  /** SHA-256 of every rule and lexicon file read: changes whenever any of them does. */
  digest: string;
}

/** Rule files of a rules folder: `<dir>/<pack>/<stem>.yaml`, sorted; `lexicons/`, `people/` and `models/` are not packs. */
export function ruleFiles(dir: string): { id: string; pack: string; file: string }[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError(`rules folder not found: ${dir}`);
  const out: { id: string; pack: string; file: string }[] = [];
  for (const pack of fs.readdirSync(dir).sort()) {
    const packDir = path.join(dir, pack);
    if (pack === 'lexicons' || pack === 'people' || pack === 'models' || pack.startsWith('.') || !fs.statSync(packDir).isDirectory()) continue;
    for (const entry of fs.readdirSync(packDir).sort()) {
      if (!/\.ya?ml$/.test(entry)) continue;
      out.push({ id: `${pack}/${entry.replace(/\.ya?ml$/, '')}`, pack, file: path.join(packDir, entry) });
    }
  }
  return out;
}

/** A validated rule file, before compiling. */
export interface RuleSource {
  id: string;
  pack: string;
  file: string;
  category: 'phi' | 'professionalism';
  spec: RuleSpec;
  /** Positions for compile errors (absent for bundled rules, which were compiled when they were bundled). */
  src?: YamlSource;
  /** From a custom rules folder: its regexes run on RE2 (src/rules/linear-regex.ts). */
  custom?: boolean;
}

/** The built-in rules and lexicons, parsed and validated at build time (dist/builtin-rules.json). */
export interface Bundle {
  digest: string;
  lexicons: LexiconSource[];
  rules: RuleSource[];
}

const BUNDLE_FILE = fileURLToPath(new URL('../builtin-rules.json', import.meta.url));

/** SHA-256 of a rules folder's YAML files (paths and contents): cheap, no parsing. */
export function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const files = [
    ...(fs.existsSync(path.join(dir, 'lexicons')) ? fs.readdirSync(path.join(dir, 'lexicons')).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, 'lexicons', f)) : []),
    ...ruleFiles(dir).map((r) => r.file),
    // The people model's evidence and name shapes decide findings too: an edit to them must invalidate cached results.
    ...['evidence.yaml', 'name-shapes.yaml'].map((f) => path.join(dir, 'people', f)).filter((f) => fs.existsSync(f)),
    // So do the classifier's weights.
    ...(fs.existsSync(path.join(dir, 'models')) ? fs.readdirSync(path.join(dir, 'models')).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, 'models', f)) : []),
  ];
  for (const file of files) hash.update(`${path.relative(dir, file)}\u0000${fs.readFileSync(file, 'utf8')}\u0000`);
  return hash.digest('hex');
}

/** The bundle, when it exists and matches the built-in rules on disk (an edited rule falls back to YAML). */
function builtinBundle(dir: string): Bundle | undefined {
  try {
    const bundle = JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8')) as Bundle;
    if (bundle.digest !== folderDigest(dir)) return undefined;
    const abs = (f: string) => path.join(dir, f);
    return { ...bundle, lexicons: bundle.lexicons.map((l) => ({ ...l, file: abs(l.file) })), rules: bundle.rules.map((r) => ({ ...r, file: abs(r.file) })) };
  } catch {
    return undefined;
  }
}

/** Read and validate the rule files of a folder (YAML, zod), with positioned errors. */
export function readRuleSources(dir: string): RuleSource[] {
  const out: RuleSource[] = [];
  for (const { id, pack, file } of ruleFiles(dir)) {
    const src = parseYamlSource(fs.readFileSync(file, 'utf8'), file);
    const raw = src.value;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError('rule file: the file must be a YAML mapping of rule fields', file, 1, 1);
    const kind = (raw as Record<string, unknown>).kind;
    if (kind === undefined) throw new UserError('rule file: missing required field "kind" (one of pattern, terms, entity, match)', file, 1, 1);
    if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
      const pos = src.position(['kind']);
      throw new UserError(`rule file: "kind" must be one of pattern, terms, entity, match${didYouMean(String(kind), KINDS)}`, file, pos.line, pos.column);
    }
    const spec = validateWith(kindSchema(kind as (typeof KINDS)[number]), src, 'rule file') as RuleSpec;
    const category = spec.category ?? BUILTIN_PACK_CATEGORY[pack];
    if (!category) throw new UserError(`rule file: missing "category" (phi or professionalism); only the built-in packs phi/ and professionalism/ imply it`, file, 1, 1);
    const types = KNOWN_TYPES[category];
    if (!types.includes(spec.type)) {
      const pos = src.position(['type']);
      throw new UserError(`rule file: "type" "${spec.type}" is not a ${category} type${didYouMean(spec.type, types)}; allowed: ${types.join(', ')}`, file, pos.line, pos.column);
    }
    out.push({ id, pack, file, category, spec, src });
  }
  return out;
}

const noPosition = (file: string): YamlSource => ({ file, value: undefined, position: () => ({ line: 1, column: 1 }) });

/**
 * Load and compile the rules of `dirs` (built-in first). Lexicons of all folders are shared. The built-in
 * folder comes from the prebuilt bundle when it matches the files on disk, so no YAML is parsed.
 */
export function loadRules(dirs: string[]): RuleSet {
  const hash = createHash('sha256');
  const lexiconSources: LexiconSource[] = [];
  const ruleSources: RuleSource[] = [];
  for (const [i, dir] of dirs.entries()) {
    const bundle = i === 0 && path.resolve(dir) === path.resolve(BUILTIN_RULES_DIR) ? builtinBundle(dir) : undefined;
    if (bundle) {
      hash.update(`bundle\u0000${bundle.digest}\u0000`);
      lexiconSources.push(...bundle.lexicons);
      ruleSources.push(...bundle.rules);
      continue;
    }
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError(`rules folder not found: ${dir}`);
    hash.update(`${dir}\u0000${folderDigest(dir)}\u0000`);
    // Every folder after the first (the built-in one) is custom: its regexes run on RE2.
    const custom = i > 0;
    lexiconSources.push(...readLexiconSources(path.join(dir, 'lexicons'), custom));
    ruleSources.push(...readRuleSources(dir).map((r) => (custom ? { ...r, custom } : r)));
  }
  const lexicons = compileLexicons(lexiconSources);
  const seen = new Map<string, string>();
  const rules: CompiledRule[] = [];
  for (const r of ruleSources) {
    if (seen.has(r.id)) throw new UserError(`duplicate rule id "${r.id}" (also defined in ${seen.get(r.id)})`, r.file, 1, 1);
    seen.set(r.id, r.file);
    rules.push(compileRule(r.spec, r.id, r.category, r.src ?? noPosition(r.file), lexicons, !r.src, r.custom));
  }
  return { rules, lexicons, digest: hash.digest('hex') };
}

/** The bundle of a rules folder (what `npm run build` writes for the built-in rules); paths relative to it. */
export function makeBundle(dir: string): Bundle {
  const lexicons = readLexiconSources(path.join(dir, 'lexicons'));
  const rules = readRuleSources(dir);
  // Compile once here so a bundled rule can never fail to compile at run time.
  const compiled = compileLexicons(lexicons);
  for (const r of rules) compileRule(r.spec, r.id, r.category, r.src!, compiled);
  const rel = (f: string) => path.relative(dir, f);
  return {
    digest: folderDigest(dir),
    lexicons: lexicons.map((l) => ({ ...l, file: rel(l.file) })),
    rules: rules.map(({ src: _src, ...r }) => ({ ...r, file: rel(r.file) })),
  };
}
