// Finds rule files (one rule per YAML file under <dir>/<pack>/), validates them and compiles them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, didYouMean } from '../errors.js';
import { validateWith } from '../schema-errors.js';
import type { Category } from '../types.js';
import { parseYamlSource } from '../yaml-source.js';
import type { CompiledRule } from './compiled.js';
import { compileRule } from './compile.js';
import { loadLexicons, type Lexicon } from './lexicons.js';
import { KNOWN_TYPES, entityRuleSchema, matchRuleSchema, patternRuleSchema, termsRuleSchema } from './schema.js';

/** The rules folder shipped with phi-lint. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

const KIND_SCHEMAS = { pattern: patternRuleSchema, terms: termsRuleSchema, entity: entityRuleSchema, match: matchRuleSchema } as const;
const BUILTIN_PACK_CATEGORY: Record<string, 'phi' | 'professionalism'> = { phi: 'phi', professionalism: 'professionalism' };

/** Everything loaded from the rule folders. */
export interface RuleSet {
  rules: CompiledRule[];
  lexicons: Map<string, Lexicon>;
  /** SHA-256 of every rule and lexicon file read: changes whenever any of them does. */
  digest: string;
}

/** Rule files of a rules folder: `<dir>/<pack>/<stem>.yaml`, sorted; `lexicons/` is not a pack. */
export function ruleFiles(dir: string): { id: string; pack: string; file: string }[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError(`rules folder not found: ${dir}`);
  const out: { id: string; pack: string; file: string }[] = [];
  for (const pack of fs.readdirSync(dir).sort()) {
    const packDir = path.join(dir, pack);
    if (pack === 'lexicons' || pack.startsWith('.') || !fs.statSync(packDir).isDirectory()) continue;
    for (const entry of fs.readdirSync(packDir).sort()) {
      if (!/\.ya?ml$/.test(entry)) continue;
      out.push({ id: `${pack}/${entry.replace(/\.ya?ml$/, '')}`, pack, file: path.join(packDir, entry) });
    }
  }
  return out;
}

/** Load and compile the rules of `dirs` (built-in first). Lexicons of all folders are shared. */
export function loadRules(dirs: string[]): RuleSet {
  const lexicons = loadLexicons(dirs.map((d) => path.join(d, 'lexicons')));
  const hash = createHash('sha256');
  for (const lex of [...lexicons.values()].sort((a, b) => a.name.localeCompare(b.name))) hash.update(`${lex.name}\u0000${JSON.stringify(lex.spec)}\u0000`);
  const rules: CompiledRule[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    for (const { id, pack, file } of ruleFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      hash.update(`${id}\u0000${text}\u0000`);
      const src = parseYamlSource(text, file);
      if (seen.has(id)) throw new UserError(`duplicate rule id "${id}" (also defined in ${seen.get(id)})`, file, 1, 1);
      seen.set(id, file);
      const raw = src.value;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError('rule file: the file must be a YAML mapping of rule fields', file, 1, 1);
      const kind = (raw as Record<string, unknown>).kind;
      if (kind === undefined) throw new UserError('rule file: missing required field "kind" (one of pattern, terms, entity, match)', file, 1, 1);
      if (typeof kind !== 'string' || !(kind in KIND_SCHEMAS)) {
        const pos = src.position(['kind']);
        throw new UserError(`rule file: "kind" must be one of pattern, terms, entity, match${didYouMean(String(kind), Object.keys(KIND_SCHEMAS))}`, file, pos.line, pos.column);
      }
      const spec = validateWith(KIND_SCHEMAS[kind as keyof typeof KIND_SCHEMAS], src, 'rule file');
      const category = spec.category ?? BUILTIN_PACK_CATEGORY[pack];
      if (!category) throw new UserError(`rule file: missing "category" (phi or professionalism); only the built-in packs phi/ and professionalism/ imply it`, file, 1, 1);
      const types = KNOWN_TYPES[category];
      if (!types.includes(spec.type)) {
        const pos = src.position(['type']);
        throw new UserError(`rule file: "type" "${spec.type}" is not a ${category} type${didYouMean(spec.type, types)}; allowed: ${types.join(', ')}`, file, pos.line, pos.column);
      }
      rules.push(compileRule(spec as never, id, category, src, lexicons));
    }
  }
  return { rules, lexicons, digest: hash.digest('hex') };
}
