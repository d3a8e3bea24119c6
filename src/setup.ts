// Prepares a lint run: config, rule folders, severity overrides, compromise and word lists.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRuleKeys, keyMatches, loadConfig, type Config } from './config/config.js';
import { UserError, didYouMean } from './errors.js';
import type { LintEnv } from './engine/lint.js';
import { compromise, lexiconOf } from './nlp/compromise.js';
import type { EntityResources } from './nlp/entities.js';
import { humanNames, type NameList } from './nlp/name-list.js';
import type { CompiledRule } from './rules/compiled.js';
import type { Lexicon } from './rules/lexicons.js';
import { BUILTIN_RULES_DIR, loadRules } from './rules/load.js';
import type { SeverityOrOff } from './types.js';

/** A `--rule ID=SEVERITY` override from the command line. */
export interface RuleOverride {
  key: string;
  severity: SeverityOrOff;
}

/** Parse `ID=SEVERITY` (severity one of error, warning, info, off). */
export function parseRuleOverride(arg: string): RuleOverride {
  const m = /^([^=\s]+)=(error|warning|info|off)$/.exec(arg.trim());
  if (!m) throw new UserError(`--rule expects ID=SEVERITY with SEVERITY one of error, warning, info, off (got "${arg}")`);
  return { key: m[1], severity: m[2] as SeverityOrOff };
}

/** Apply config and command-line severities; exact ids win over globs, the command line over the config. */
export function applySeverities(rules: CompiledRule[], config: Record<string, SeverityOrOff>, cli: RuleOverride[]): CompiledRule[] {
  const pick = (id: string): SeverityOrOff | undefined => {
    const fromList = (entries: [string, SeverityOrOff][]) =>
      entries.find(([k]) => k === id)?.[1] ?? entries.filter(([k]) => keyMatches(k, id)).at(-1)?.[1];
    return fromList(cli.map((o) => [o.key, o.severity])) ?? fromList(Object.entries(config));
  };
  return rules.flatMap((r) => {
    const s = pick(r.id);
    if (s === 'off') return [];
    return [s ? { ...r, severity: s } : r];
  });
}

const NOT_NAMES = [
  // Words compromise lists as given names that in drafts are almost always something else.
  'will', 'may', 'june', 'april', 'august', 'hope', 'faith', 'joy', 'summer', 'autumn', 'dawn', 'iris', 'rose', 'ruby',
  'jade', 'sky', 'sunny', 'rich', 'chase', 'hunter', 'skip', 'sage', 'harbor',
  'patience', 'eve', 'christian', 'page', 'brook', 'cliff', 'lane', 'park', 'wood', 'king',
  'earnest', 'penny', 'holly', 'ivy', 'cherry', 'misty', 'stormy', 'major', 'royal', 'precious', 'angel', 'honey', 'baby',
  'van', 'del', 'la', 'le', 'de', 'di', 'sol', 'star', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'dr', 'mr', 'mrs', 'ms',
  'medicare', 'medicaid', 'covid', 'god', 'lord', 'jesus', 'christ', 'happy', 'merry', 'dear', 'hi', 'hello', 'thanks', 'thank', 'congrats',
];

/** Word lists taken from compromise's lexicon: given names, surnames, and words that are not names. */
export interface NlpWords {
  firstNames: string[];
  /** Given names compromise tags only male, or only female: what "he" and "she" can refer to. */
  maleNames?: string[];
  femaleNames?: string[];
  lastNames: string[];
  commonWords: string[];
}

/** Sort compromise's lexicon into the word lists (build time writes them to dist/nlp-words.json). */
export function nlpWords(lexicon: Record<string, string | string[]>): NlpWords {
  const words: NlpWords = { firstNames: [], lastNames: [], commonWords: [], maleNames: [], femaleNames: [] };
  for (const [word, tags] of Object.entries(lexicon)) {
    const t = Array.isArray(tags) ? tags : [tags];
    if (t.some((x) => x === 'FirstName' || x === 'MaleName' || x === 'FemaleName')) words.firstNames.push(word);
    if (t.includes('MaleName') && !t.includes('FemaleName')) words.maleNames!.push(word);
    if (t.includes('FemaleName') && !t.includes('MaleName')) words.femaleNames!.push(word);
    if (t.includes('LastName')) words.lastNames.push(word);
    if (!t.some((x) => /Name$|^Person$|^Honorific$/.test(x))) words.commonWords.push(word);
  }
  return words;
}

const WORDS_FILE = fileURLToPath(new URL('./nlp-words.json', import.meta.url));

/** The word lists: prebuilt when the build wrote them (no need to load compromise), else from compromise. */
function loadWords(): NlpWords {
  try {
    return JSON.parse(fs.readFileSync(WORDS_FILE, 'utf8')) as NlpWords;
  } catch {
    return nlpWords(lexiconOf(compromise()));
  }
}

/** Word lists for the entity detectors: compromise's given names and surnames plus the first-names lexicon. */
function resources(words: NlpWords, lexicons: Map<string, Lexicon>): EntityResources {
  const firstNames = new Set<string>(words.firstNames);
  const lastNames = new Set<string>(words.lastNames);
  const notNames = new Set<string>(NOT_NAMES);
  const commonWords = new Set<string>(words.commonWords);
  for (const term of lexicons.get('first-names')?.spec.terms ?? []) firstNames.add(term.toLowerCase());
  for (const term of lexicons.get('not-name-words')?.spec.terms ?? []) notNames.add(term.toLowerCase());
  // Names in the first-names lexicon are real names even when the built-in list above doubts them.
  for (const term of lexicons.get('first-names')?.spec.terms ?? []) notNames.delete(term.toLowerCase());
  let all: NameList | undefined;
  const allNames = () => (all ??= humanNames());
  const wordNames = new Set<string>((lexicons.get('word-names')?.spec.terms ?? []).map((t) => t.toLowerCase()));
  const gender = new Map<string, 'm' | 'f'>([...(words.maleNames ?? []).map((w) => [w, 'm'] as const), ...(words.femaleNames ?? []).map((w) => [w, 'f'] as const)]);
  return { firstNames, lastNames, notNames, commonWords, wordNames, gender, allNames };
}

export interface SetupOptions {
  cwd: string;
  configPath?: string;
  overrides: RuleOverride[];
  /** Extra rule folders given on the command line (test-rules), used instead of the built-in ones. */
  ruleDirsOnly?: string[];
}

/** Everything a run needs: the config and a ready lint environment. */
export async function setup(opts: SetupOptions): Promise<{ config: Config; env: LintEnv; all: CompiledRule[]; digest: string }> {
  const config = loadConfig(opts.cwd, opts.configPath);
  const dirs = opts.ruleDirsOnly ? [BUILTIN_RULES_DIR, ...opts.ruleDirsOnly.map((d) => path.resolve(opts.cwd, d))] : [BUILTIN_RULES_DIR, ...config.ruleDirs];
  const { rules: all, lexicons, digest: rulesDigest } = loadRules([...new Set(dirs)]);
  const ids = all.map((r) => r.id);
  checkRuleKeys(config, ids);
  for (const o of opts.overrides) {
    if (!ids.some((id) => keyMatches(o.key, id))) throw new UserError(`--rule: unknown rule "${o.key}"${didYouMean(o.key, ids)}; run \`phi-lint rules\` to list them`);
  }
  const rules = applySeverities(all, config.rules, opts.overrides);
  const needsNlp = rules.some((r) => r.needsNlp);
  let words: EntityResources | undefined;
  const env: LintEnv = {
    rules,
    lexicons,
    // compromise loads on the first sentence that needs it, not here.
    nlp: needsNlp ? compromise : undefined,
    // The name lists load on the first draft that is linted: a run served from the cache never needs them.
    get resources() {
      words ??= resources(loadWords(), lexicons);
      return words;
    },
    allow: config.allow,
    formats: { csv: config.csv },
    allowDisablingIdentifiers: config.allowDisablingIdentifiers,
    codeSeverity: config.codeSeverity,
    authorizationPattern: config.authorizationPattern,
    organisation: config.organisation,
    knownRuleIds: all.map((r) => r.id),
  };
  // Everything that decides findings besides the text: cached results are only valid for the same digest.
  const digest = createHash('sha256')
    .update(JSON.stringify([rulesDigest, config.rules, config.allow, config.csv ?? null, config.allowDisablingIdentifiers, config.codeSeverity ?? null, config.authorizationPattern ?? null, config.organisation ?? null, opts.overrides, rules.map((r) => [r.id, r.severity])]))
    .digest('hex');
  return { config, env, all, digest };
}
