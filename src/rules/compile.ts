// Compiles validated rule specs into matchers: regexes, term lists, entity queries and compromise patterns.
import fs from 'node:fs';
import path from 'node:path';
import type { YamlSource } from '../yaml-source.js';
import type { LintDocument } from '../document/document.js';
import type { Range } from '../document/sentences.js';
import { featuresOf, featureWords } from '../classify/features.js';
import { loadModel, score, strongest, type Scores } from '../classify/model.js';
import { BUILTIN_RULES_DIR } from './builtin-dir.js';
import { UserError } from '../errors.js';
import { trimRange } from '../document/spans.js';
import type { Category } from '../types.js';
import { compileCue, lexiconRegexes, needsUnicode, termsRegex, type Lexicon } from './lexicons.js';
import { requiredWords } from '../nlp/compromise.js';
import { unsafeRegexReason } from './regex-safety.js';
import { LinearRegExp, linearReason } from './linear-regex.js';
import type { CompiledContext, CompiledRule, Condition, MatchInput, RuleMatch } from './compiled.js';
import type { ConditionSpec, ContextSpec, RuleSpec } from './schema.js';
import { TRANSFORMS } from './transforms.js';
import { VALIDATORS } from './validators.js';

interface CompileEnv {
  /** The rule was validated and checked at build time (the bundle). */
  checked?: boolean;
  /** A custom rule (not from the built-in folder): its regexes run on RE2, in linear time. */
  custom?: boolean;
  id: string;
  category: Category;
  src: YamlSource;
  lexicons: Map<string, Lexicon>;
}

const fail = (env: CompileEnv, path: (string | number)[], message: string): never => {
  const pos = env.src.position(path);
  throw new UserError(`rule ${env.id}: ${message}`, env.src.file, pos.line, pos.column);
};

function compileConditions(env: CompileEnv, spec: ConditionSpec | ConditionSpec[] | undefined, path: (string | number)[]): Condition[] {
  if (!spec) return [];
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((c, i) => ({
    regexes: (c.any ?? []).flatMap((cue, j) => {
      const cuePath = Array.isArray(spec) ? [...path, i, 'any', j] : [...path, 'any', j];
      try {
        return compileCue(cue, env.lexicons, env.custom);
      } catch (e) {
        return fail(env, cuePath, `invalid cue "${cue}": ${(e as Error).message}`);
      }
    }),
    scope: c.scope,
    before: c.before ?? 40,
    after: c.after ?? 40,
    ...(c.about ? { about: c.about } : {}),
  }));
}

function compileContext(env: CompileEnv, ctx: ContextSpec | undefined): CompiledContext | undefined {
  if (!ctx) return undefined;
  const require = compileConditions(env, ctx.require, ['context', 'require']);
  if (ctx.any) {
    require.push(...compileConditions(env, { any: ctx.any, scope: ctx.scope ?? 'sentence', before: ctx.before, after: ctx.after }, ['context']));
  }
  return {
    require,
    unless: compileConditions(env, ctx.unless, ['context', 'unless']),
    override: compileConditions(env, ctx.override, ['context', 'override']),
    otherwise: ctx.otherwise,
    alone: ctx.alone,
  };
}

/** Matches of `re` in the image syntax of every image (target `images`): the whole image is the span. */
function imageMatches(input: MatchInput, re: RegExp): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const img of input.doc.images) {
    re.lastIndex = 0;
    if (re.test(input.doc.prose.slice(img.offset, img.offset + img.length))) out.push({ start: img.offset, end: img.offset + img.length });
  }
  re.lastIndex = 0;
  return out;
}

/** Image matches of several regexes, each image once, in order. */
function dedupeImages(matches: RuleMatch[]): RuleMatch[] {
  const seen = new Map(matches.map((m) => [m.start, m]));
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

function patternFinder(env: CompileEnv, spec: Extract<RuleSpec, { kind: 'pattern' }>): (input: MatchInput) => RuleMatch[] {
  // Bundled built-in rules were checked when they were bundled (and by the tests).
  const unsafe = env.checked ? undefined : unsafeRegexReason(spec.regex);
  if (unsafe) fail(env, ['regex'], `refused regex in "regex": ${unsafe}`);
  let re: RegExp;
  const flags = `dg${spec.flags}${spec.flags.includes('u') || !needsUnicode(spec.regex) ? '' : 'u'}`;
  try {
    re = new RegExp(spec.regex, flags);
  } catch (e) {
    return fail(env, ['regex'], `invalid regex in "regex": ${(e as Error).message.replace(/^Invalid regular expression: (?:\/.*\/[a-z]*: )?/s, '')}`);
  }
  if (env.custom) {
    const why = linearReason(spec.regex, flags);
    if (why) fail(env, ['regex'], `regex in "regex" cannot be used in a custom rule: ${why}`);
    re = new LinearRegExp(spec.regex, flags);
  }
  const validators = (spec.validate ?? []).map((name, i) => VALIDATORS[name] ?? fail(env, ['validate', i], `unknown validator "${name}"; known: ${Object.keys(VALIDATORS).join(', ')}`));
  const group = spec.group;
  for (const name of typeof group === 'string' ? [group] : Array.isArray(group) ? group : []) {
    if (!spec.regex.includes(`(?<${name}>`)) fail(env, ['group'], `"group" names "${name}", but the regex has no group (?<${name}>...)`);
  }
  if (spec.target === 'images') return (input) => imageMatches(input, re);
  return ({ doc }) => {
    const out: RuleMatch[] = [];
    for (const m of doc.prose.matchAll(re)) {
      if (m[0] === '') continue;
      let start = m.index;
      let text = m[0];
      if (group !== undefined) {
        const where = typeof group === 'number'
          ? m.indices?.[group]
          : (Array.isArray(group) ? group : [group]).map((g) => m.indices?.groups?.[g]).find((w) => w !== undefined);
        if (!where) continue;
        start = where[0];
        text = doc.prose.slice(where[0], where[1]);
      }
      const r = trimRange(doc.prose, { start, end: start + text.length });
      if (r.end <= r.start) continue;
      const value = doc.prose.slice(r.start, r.end);
      if (validators.every((v) => v(value))) out.push({ ...r, groups: m.groups ? { ...m.groups } : undefined });
    }
    return out;
  };
}

function termsFinder(env: CompileEnv, spec: Extract<RuleSpec, { kind: 'terms' }>): { find: (input: MatchInput) => RuleMatch[]; replacements: Map<string, string> } {
  const replacements = new Map<string, string>();
  const terms: string[] = [];
  for (const t of spec.terms ?? []) {
    if (typeof t === 'string') terms.push(t);
    else {
      terms.push(t.term);
      if (t.replacement !== undefined) replacements.set(t.term.toLowerCase(), t.replacement);
    }
  }
  const lexRes: RegExp[] = (spec.lexicons ?? []).flatMap((name, i) => {
    const lex = env.lexicons.get(name);
    return lex ? lexiconRegexes(lex) : fail(env, ['lexicons', i], `unknown lexicon "${name}"; known: ${[...env.lexicons.keys()].join(', ')}`);
  });
  if (!terms.length && !lexRes.length) fail(env, ['kind'], 'a terms rule needs "terms" or "lexicons"');
  const own = terms.length ? termsRegex(terms, { inflect: spec.inflect, caseSensitive: spec.caseSensitive }) : undefined;
  const all = [...(own ? [own] : []), ...lexRes];
  if (spec.target === 'images') {
    // A custom lexicon's patterns run on RE2 and cannot be joined into one native regex.
    if (all.some((r) => r instanceof LinearRegExp)) {
      return { find: (input) => dedupeImages(all.flatMap((re) => imageMatches(input, re))), replacements };
    }
    const source = all.map((r) => r.source).join('|');
    const joined = new RegExp(source, `g${spec.caseSensitive ? '' : 'i'}${needsUnicode(source) ? 'u' : ''}`);
    return { find: (input) => imageMatches(input, joined), replacements };
  }
  return {
    replacements,
    find: ({ doc }) => all.flatMap((re) => [...doc.plain.matchAll(re)].map((m) => trimRange(doc.plain, { start: m.index, end: m.index + m[0].length }))),
  };
}

/** Each document's unit scores per model and unit: the rules of one model share one scoring pass. */
const sentenceScores = new WeakMap<LintDocument, Map<string, { range: Range; scores: Scores }[]>>();

/** Model files live in the built-in rules folder, next to the rules that use them. */
export const MODELS_DIR = path.join(BUILTIN_RULES_DIR, 'models');

function classifierFinder(env: CompileEnv, spec: Extract<RuleSpec, { kind: 'classifier' }>): (input: MatchInput) => RuleMatch[] {
  const file = path.join(MODELS_DIR, `${spec.model}.json`);
  if (!fs.existsSync(file)) fail(env, ['model'], `unknown model "${spec.model}"; known: ${fs.existsSync(MODELS_DIR) ? fs.readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).join(', ') : 'none'}`);
  const model = loadModel(file);
  if (!model.labels.includes(spec.label) || spec.label === 'none') fail(env, ['label'], `the model "${spec.model}" has no label "${spec.label}"; its labels: ${model.labels.filter((l) => l !== 'none').join(', ')}`);
  const lexicons = env.lexicons;
  return (input) => {
    const { doc } = input;
    let byModel = sentenceScores.get(doc);
    if (!byModel) sentenceScores.set(doc, (byModel = new Map()));
    const key = `${spec.model}\u0000${spec.unit}`;
    let scored = byModel.get(key);
    if (!scored) {
      const a = input.analysis();
      scored = (spec.unit === 'paragraph' ? doc.paragraphs : doc.sentences)
        .map((s) => trimRange(doc.plain, s))
        .filter((r) => r.end > r.start && !a.inFurniture(r.start))
        .map((range) => ({ range, scores: score(model, featuresOf(doc.plain.slice(range.start, range.end), lexicons)) }));
      byModel.set(key, scored);
    }
    const threshold = spec.thresholds?.[input.analysis().kind] ?? spec.threshold;
    return scored
      .filter((s) => s.scores.p[spec.label] >= threshold)
      .map((s) => ({ ...s.range, groups: { why: strongest(model, s.scores.features, spec.label).map(featureWords).filter(Boolean).join('; ') || 'its wording as a whole' } }));
  };
}

const TYPE_WORDS: Record<string, string> = {
  name: 'A name', geo: 'A place or address', date: 'A date', age: 'An age', phone: 'A phone number', fax: 'A fax number',
  email: 'An email address', url: 'A link', ip: 'An IP address', photo: 'An image', 'other-id': 'A room, bed or case number',
  biometric: 'A biometric identifier', 'photo-consent': 'An image',
};

/** The note for a finding that context made quiet: what was found and why it is only information. */
export function defaultInfoMessage(category: Category, type: string): string {
  const what = TYPE_WORDS[type] ?? (category === 'phi' ? 'A possible identifier' : 'Possibly problematic wording');
  return category === 'phi'
    ? `${what} ("{match}"), but nothing here ties it to a patient's care (or it belongs to staff, an event or the organisation); shown for information.`
    : `${what} ("{match}") that is usually fine in this context; shown for information.`;
}

/** Compile one validated spec. `src` gives positions for errors. */
export function compileRule(spec: RuleSpec, id: string, category: Category, src: YamlSource, lexicons: Map<string, Lexicon>, checked = false, custom = false): CompiledRule {
  const env: CompileEnv = { id, category, src, lexicons, checked, custom };
  const suggestions = spec.suggest ? (Array.isArray(spec.suggest) ? spec.suggest : [spec.suggest]) : [];
  suggestions.forEach((s, i) => {
    if (s.transform && !TRANSFORMS[s.transform]) fail(env, Array.isArray(spec.suggest) ? ['suggest', i, 'transform'] : ['suggest', 'transform'], `unknown transform "${s.transform}"; known: ${Object.keys(TRANSFORMS).join(', ')}`);
  });
  if (spec.fix?.transform && !TRANSFORMS[spec.fix.transform]) fail(env, ['fix', 'transform'], `unknown transform "${spec.fix.transform}"; known: ${Object.keys(TRANSFORMS).join(', ')}`);
  if (spec.fix && spec.fix.replacement === undefined && !spec.fix.transform) fail(env, ['fix'], '"fix" needs "replacement" or "transform"');
  let find: (input: MatchInput) => RuleMatch[];
  let needsNlp = false;
  let termReplacements: Map<string, string> | undefined;
  switch (spec.kind) {
    case 'pattern':
      find = patternFinder(env, spec);
      break;
    case 'terms': {
      const t = termsFinder(env, spec);
      find = t.find;
      termReplacements = t.replacements;
      break;
    }
    case 'entity': {
      const excludes = (spec.exclude ?? []).flatMap((cue, i) => {
        try {
          return compileCue(cue, lexicons, custom);
        } catch (e) {
          return fail(env, ['exclude', i], `invalid cue "${cue}": ${(e as Error).message}`);
        }
      });
      needsNlp = ['person', 'mention', 'place', 'organization', 'date', 'value'].includes(spec.entity);
      find = ({ doc, entities }) =>
        entities(spec.entity).filter((r) => !excludes.some((re) => {
          re.lastIndex = 0;
          const t = doc.plain.slice(r.start, r.end);
          const m = re.exec(t);
          re.lastIndex = 0;
          return m !== null && m[0].length === t.length;
        }));
      break;
    }
    case 'classifier':
      needsNlp = true;
      find = classifierFinder(env, spec);
      break;
    case 'match': {
      needsNlp = true;
      const patterns = Array.isArray(spec.match) ? spec.match : [spec.match];
      const required = patterns.map((p) =>
        requiredWords(p).map((alts) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.map((w) => w.replace(/[’']/g, "['’]").replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu')),
      );
      // compromise tags only the sentences that contain every plain word the pattern requires.
      find = ({ doc, tagged }) =>
        patterns.flatMap((p, i) => {
          const sentences = doc.sentences.filter((s) => required[i].every((re) => re.test(doc.plain.slice(s.start, s.end))));
          return sentences.length ? tagged(sentences).match(p).map((r) => trimRange(doc.plain, r)) : [];
        });
      break;
    }
  }
  const replacementFor = termReplacements;
  const withTermReplacement = replacementFor && replacementFor.size
    ? (input: MatchInput) => find(input).map((m) => {
        const r = replacementFor.get(input.doc.plain.slice(m.start, m.end).toLowerCase());
        return r === undefined ? m : { ...m, groups: { ...m.groups, replacement: r } };
      })
    : find;
  return {
    id,
    file: src.file,
    kind: spec.kind,
    category,
    type: spec.type,
    severity: spec.severity,
    defaultSeverity: spec.severity,
    message: spec.message,
    infoMessage: spec.infoMessage ?? defaultInfoMessage(category, spec.type),
    description: spec.description,
    link: spec.link,
    suggestions,
    fix: spec.fix,
    context: compileContext(env, spec.context),
    owner: spec.owner,
    draft: spec.draft,
    examples: spec.examples,
    needsNlp: needsNlp || !!spec.owner,
    find: withTermReplacement,
  };
}

