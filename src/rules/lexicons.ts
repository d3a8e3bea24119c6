// Loads YAML lexicons (shared term lists) and compiles terms and cues into whole-word regular expressions.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { escapeRegExp } from '../document/search.js';
import { validateWith } from '../schema-errors.js';
import { parseYamlSource } from '../yaml-source.js';
import { unsafeRegexReason } from './regex-safety.js';
import { LinearRegExp, linearReason } from './linear-regex.js';
import { schemas, type LexiconSpec } from './schema.js';

/** A compiled lexicon: one regex that finds any of its terms (whole words) and its own patterns. */
export interface Lexicon {
  name: string;
  file: string;
  spec: LexiconSpec;
  /** Global regexes: the terms, the patterns, and the case-sensitive patterns (those that exist). */
  regexes: RegExp[];
}

/** Every regex of a lexicon. */
export const lexiconRegexes = (lex: Lexicon): RegExp[] => lex.regexes;

/** The first match of any of a lexicon's regexes in `text`, or undefined. */
export function firstMatch(lex: Lexicon, text: string): string | undefined {
  let best: RegExpExecArray | null = null;
  for (const re of lex.regexes) {
    re.lastIndex = 0;
    const m = re.exec(text);
    re.lastIndex = 0;
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best?.[0];
}

/** Needs the `u` flag: property escapes (\p{…}) or code-point escapes (\u{…}). */
export const needsUnicode = (source: string) => /\\[pP]\{|\\u\{/.test(source);

/** A term as a regex source: spaces match any run of white space or hyphens; optional English inflection. */
export function termSource(term: string, inflect: boolean): string {
  const body = escapeRegExp(term.trim()).replace(/\\?[ -]+/g, '[\\s-]+').replace(/'/g, "['’]");
  // Inflection: plural, possessive, verb endings; only after a letter so "Room 4" does not grow.
  return inflect && /[a-z]$/i.test(term) ? `${body}(?:s|es|ed|d|ing|['’]s)?` : body;
}

/**
 * Wrap alternatives so they only match whole words (letters, digits on neither side). Letters are the
 * Latin ranges, which lets the term regexes compile without the `u` flag: several times faster to compile,
 * and start-up time matters for a pre-commit hook.
 */
export function wholeWord(alternatives: string[]): string {
  const letter = 'A-Za-z0-9_\\u00C0-\\u024F';
  return `(?<![${letter}])(?:${alternatives.join('|')})(?![${letter}])`;
}

const INFLECTION = "(?:s|es|ed|d|ing|['’]s)?";

/**
 * Compile a list of terms (longest first, so "heart attack" wins over "heart"). With `inflect`, terms that
 * end in a letter take one shared inflection group rather than one each: the regex is a fraction of the
 * size, and V8 compiles it several times faster (start-up time matters for a pre-commit hook).
 */
export function termsRegex(terms: string[], opts: { inflect?: boolean; caseSensitive?: boolean; patterns?: string[] } = {}): RegExp {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const inflected = opts.inflect ? sorted.filter((t) => /[a-z]$/i.test(t)) : [];
  const plain = opts.inflect ? sorted.filter((t) => !/[a-z]$/i.test(t)) : sorted;
  // Terms ending in a digit or sign ("covid-19") go first so a shorter inflectable prefix does not win.
  const alts = [
    ...plain.map((t) => termSource(t, false)),
    ...(inflected.length ? [`(?:${inflected.map((t) => termSource(t, false)).join('|')})${INFLECTION}`] : []),
  ];
  const parts = [alts.length ? wholeWord(alts) : '', ...(opts.patterns ?? []).map((p) => `(?:${p})`)].filter(Boolean);
  const source = parts.join('|') || '(?!)';
  return new RegExp(source, `g${opts.caseSensitive ? '' : 'i'}${needsUnicode(source) ? 'u' : ''}`);
}

/** A lexicon as read from its file, before compiling. */
export interface LexiconSource {
  name: string;
  file: string;
  spec: LexiconSpec;
  /** From a custom rules folder: its patterns run on RE2, in linear time. */
  custom?: boolean;
}

/** Read and validate every `*.yaml` in `dir` as a lexicon named by its file stem; `custom` for folders other than the built-in one. */
export function readLexiconSources(dir: string, custom = false): LexiconSource[] {
  if (!fs.existsSync(dir)) return [];
  const out: LexiconSource[] = [];
  for (const entry of fs.readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const file = path.join(dir, entry);
    const src = parseYamlSource(fs.readFileSync(file, 'utf8'), file);
    const spec = validateWith(schemas().lexiconSchema, src, 'lexicon');
    for (const field of ['patterns', 'caseSensitivePatterns'] as const) {
      (spec[field] ?? []).forEach((p, i) => {
        const pos = () => src.position([field, i]);
        const unsafe = unsafeRegexReason(p);
        if (unsafe) throw new UserError(`lexicon: refused regex in "${field}[${i}]": ${unsafe}`, file, pos().line, pos().column);
        try {
          new RegExp(p, 'u');
        } catch (e) {
          throw new UserError(`lexicon: invalid regex in "${field}[${i}]": ${(e as Error).message.replace(/^Invalid regular expression: (?:\/.*\/[a-z]*: )?/s, '')}`, file, pos().line, pos().column);
        }
        const why = custom ? linearReason(p, field === 'patterns' && !spec.caseSensitive ? 'i' : '') : undefined;
        if (why) throw new UserError(`lexicon: regex in "${field}[${i}]" cannot be used in a custom rule: ${why}`, file, pos().line, pos().column);
      });
    }
    out.push({ name: entry.replace(/\.ya?ml$/, ''), file, spec, ...(custom ? { custom } : {}) });
  }
  return out;
}

/** Compile lexicons; a name may be defined only once across all folders. */
export function compileLexicons(sources: LexiconSource[]): Map<string, Lexicon> {
  const out = new Map<string, Lexicon>();
  for (const { name, file, spec, custom } of sources) {
    if (out.has(name)) throw new UserError(`lexicon "${name}" is defined twice (also in ${out.get(name)!.file})`, file, 1, 1);
    const flags = `g${spec.caseSensitive ? '' : 'i'}`;
    // Terms are escaped literals (linear); a custom lexicon's own patterns run on RE2.
    const Re = custom ? LinearRegExp : RegExp;
    const regexes = [termsRegex(spec.terms, { inflect: true, caseSensitive: spec.caseSensitive })];
    const patterns = (spec.patterns ?? []).map((p) => `(?:${p})`).join('|');
    if (patterns) regexes.push(new Re(patterns, `${flags}${needsUnicode(patterns) ? 'u' : ''}`));
    const exact = (spec.caseSensitivePatterns ?? []).map((p) => `(?:${p})`).join('|');
    if (exact) regexes.push(new Re(exact, `g${needsUnicode(exact) ? 'u' : ''}`));
    out.set(name, { name, file, spec, regexes });
  }
  return out;
}

/** Read, validate and compile the lexicons of each folder. */
export function loadLexicons(dirs: string[]): Map<string, Lexicon> {
  return compileLexicons(dirs.flatMap((d) => readLexiconSources(d)));
}

/**
 * Compile a cue: `@name` is a lexicon, `/source/flags` a regex, anything else a literal
 * whole-word term (case-insensitive). Throws a plain Error with the reason; callers add the position.
 */
export function compileCue(cue: string, lexicons: Map<string, Lexicon>, linear = false): RegExp[] {
  if (cue.startsWith('@')) {
    const lex = lexicons.get(cue.slice(1));
    if (!lex) throw new Error(`unknown lexicon "${cue.slice(1)}"; known: ${[...lexicons.keys()].join(', ')}`);
    return lexiconRegexes(lex);
  }
  const re = /^\/(.+)\/([imsu]*)$/s.exec(cue);
  if (re) {
    const unsafe = unsafeRegexReason(re[1]);
    if (unsafe) throw new Error(`refused regex: ${unsafe}`);
    const flags = `g${re[2]}${re[2].includes('u') || !needsUnicode(re[1]) ? '' : 'u'}`;
    const native = new RegExp(re[1], flags);
    if (!linear) return [native];
    const why = linearReason(re[1], flags);
    if (why) throw new Error(`cannot be used in a custom rule: ${why}`);
    return [new LinearRegExp(re[1], flags)];
  }
  return [termsRegex([cue], { inflect: true })];
}
