// Custom rules' regexes run on RE2 (re2js, pure JavaScript): linear time in the text whatever the pattern,
// so a rule folder cannot hang the linter with (a|aa)+$, (.*a){12}$ or nested bounded repeats. re2js over
// re2-wasm: no WASM start-up or memory to manage, and no native build. Built-in rules keep V8's regexes
// (faster, lookbehind) because a test proves each of them linear on adversarial input.
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

type Pattern = ReturnType<typeof RE2JSClass.compile>;
type Matcher = ReturnType<Pattern['matcher']>;

let engine: typeof RE2JSClass | undefined;
/** re2js, loaded on first use: runs with only built-in rules never need it. */
const re2 = (): typeof RE2JSClass => (engine ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JSClass }).RE2JS);

/** JavaScript escapes RE2 spells differently: \uXXXX and \u{X} are \x{X} there. */
function toRe2Syntax(source: string): string {
  return source.replace(/\\\\|\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (m, braced?: string, four?: string) => (braced ?? four ? `\\x{${braced ?? four}}` : m));
}

/**
 * RE2 programs larger than this (instructions; nested bounded repeats multiply them) are refused: matching
 * stays linear, but each character costs a step per instruction.
 */
export const MAX_PROGRAM_SIZE = 2000;

/** Why RE2 cannot run `source`, in plain words, or undefined when it can. `source` is valid JavaScript. */
export function linearReason(source: string, flags = ''): string | undefined {
  try {
    const size = compileRe2(source, flags).programSize();
    if (size > MAX_PROGRAM_SIZE) return `it is too large to match quickly (${size} steps per character, at most ${MAX_PROGRAM_SIZE}); lower the repeat counts, or split it into several rules`;
    return undefined;
  } catch (e) {
    const msg = (e as Error).message.replace(/^error parsing regexp: /, '');
    if (/\(\?<[=!]/.test(source)) return 'lookbehind ((?<= or (?<!) cannot run in linear time; custom rules use RE2 syntax: use \\b or a character class instead';
    if (/\(\?[=!]/.test(source)) return 'lookahead ((?= or (?!) cannot run in linear time; custom rules use RE2 syntax: use \\b or a character class instead';
    if (/\\[1-9]|\\k</.test(source)) return 'a backreference (\\1 or \\k<name>) cannot run in linear time; custom rules use RE2 syntax: repeat the group instead';
    return `RE2 (linear-time) syntax does not allow it: ${msg}`;
  }
}

function compileRe2(source: string, flags: string): Pattern {
  const R = re2();
  const f = (flags.includes('i') ? R.CASE_INSENSITIVE : 0) | (flags.includes('m') ? R.MULTILINE : 0) | (flags.includes('s') ? R.DOTALL : 0);
  return R.compile(toRe2Syntax(source), f);
}

/**
 * A RegExp whose matching runs on RE2. Everything that calls `exec` (test, matchAll, match, replace)
 * goes through RE2; `lastIndex`, `global` and the `d` flag's indices behave as with a native RegExp.
 */
export class LinearRegExp extends RegExp {
  private readonly pattern: Pattern;
  /** The last input and its matcher; `matcher` is undefined when the input has no match at all. */
  private matcherFor?: { input: string; matcher?: Matcher };

  constructor(source: string | LinearRegExp, flags?: string) {
    // Only the source and flags of the native RegExp are used; it never matches anything. matchAll copies a
    // regex through its species constructor, which for a subclass is the subclass: copies stay linear.
    super(source, flags ?? (source instanceof RegExp ? source.flags : ''));
    this.pattern = source instanceof LinearRegExp ? source.pattern : compileRe2(this.source, this.flags);
  }

  override exec(input: string): RegExpExecArray | null {
    const str = String(input);
    const start = this.global || this.sticky ? this.lastIndex : 0;
    if (start > str.length) {
      this.lastIndex = 0;
      return null;
    }
    // RE2's DFA answers "any match at all?" far faster than the matcher finds where: texts without a match
    // (most texts, for most rules) never start the matcher.
    if (this.matcherFor?.input !== str) this.matcherFor = { input: str, matcher: this.pattern.test(str) ? this.pattern.matcher(str) : undefined };
    const m = this.matcherFor.matcher;
    if (!m || !m.find(start) || (this.sticky && m.start() !== start)) {
      if (this.global || this.sticky) this.lastIndex = 0;
      return null;
    }
    const count = m.groupCount();
    const values: (string | undefined)[] = [];
    const indices: ([number, number] | undefined)[] = [];
    for (let g = 0; g <= count; g++) {
      const s = m.start(g);
      const e = m.end(g);
      const hit = s >= 0 && e >= 0;
      values.push(hit ? str.slice(s, e) : undefined);
      indices.push(hit ? [s, e] : undefined);
    }
    const result = values as unknown as RegExpExecArray;
    result.index = m.start();
    result.input = str;
    const names = this.pattern.namedGroups() as Record<string, number>;
    const hasNames = Object.keys(names).length > 0;
    result.groups = hasNames ? (Object.fromEntries(Object.entries(names).map(([n, i]) => [n, values[i]])) as Record<string, string>) : undefined;
    if (this.hasIndices) {
      const withNames = indices as unknown as RegExpIndicesArray;
      withNames.groups = hasNames ? Object.fromEntries(Object.entries(names).map(([n, i]) => [n, indices[i]])) as RegExpIndicesArray['groups'] : undefined;
      result.indices = withNames;
    }
    if (this.global || this.sticky) this.lastIndex = m.end();
    return result;
  }
}
