// Built-in rules keep V8's backtracking regexes only because this test shows each one linear: every
// pattern, lexicon pattern and cue runs over adversarial texts of growing length (runs of the characters
// and words the regex itself looks for, ending in a character that fails the match), and the time may
// grow about as fast as the text, never like its square. A ratio, not a wall-clock limit: growing the
// text 8× takes about 8× as long when linear, 64× when quadratic; the bound of 30 leaves room for noise,
// and a pair over it is measured again, longer, before it counts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCue, compileLexicons, needsUnicode, readLexiconSources } from '../src/rules/lexicons.js';
import { loadEvidence } from '../src/analysis/evidence.js';
import { ORG_AFTER, ORG_BEFORE } from '../src/analysis/org-names.js';
import { ORG_OR_PLACE_WORD, SURNAME_TOO } from '../src/nlp/entities.js';
import { SHAPES } from '../src/classify/features.js';
import { BUILTIN_RULES_DIR, readRuleSources } from '../src/rules/load.js';
import type { ConditionSpec, ContextSpec } from '../src/rules/schema.js';

const lexicons = compileLexicons(readLexiconSources(path.join(BUILTIN_RULES_DIR, 'lexicons')));

function cues(ctx: ContextSpec | undefined): string[] {
  const out: string[] = [...(ctx?.any ?? [])];
  const add = (c: ConditionSpec | ConditionSpec[] | undefined) => [c ?? []].flat().forEach((x) => out.push(...(x.any ?? [])));
  add(ctx?.require);
  add(ctx?.unless);
  add(ctx?.override);
  return out;
}

/** Every regex the built-in rules run: pattern rules (as compile.ts builds them), lexicons, `/regex/` cues. */
function builtinRegexes(): [string, RegExp][] {
  const out: [string, RegExp][] = [];
  for (const lex of lexicons.values()) lex.regexes.forEach((re, i) => out.push([`lexicon ${lex.name} #${i}`, re]));
  for (const r of readRuleSources(BUILTIN_RULES_DIR)) {
    const s = r.spec;
    if (s.kind === 'pattern') out.push([`rule ${r.id}`, new RegExp(s.regex, `dg${s.flags}${s.flags.includes('u') || !needsUnicode(s.regex) ? '' : 'u'}`)]);
    const own = [...cues(s.context), ...(s.kind === 'entity' ? s.exclude ?? [] : [])].filter((c) => c.startsWith('/'));
    for (const c of own) compileCue(c, lexicons).forEach((re) => out.push([`cue of ${r.id} ${c}`, re]));
  }
  // The people model's own regexes: its evidence cues (as compiled, anchored to a mention) and name shapes.
  const model = loadEvidence(lexicons);
  const global = (re: RegExp) => (re.global ? re : new RegExp(re.source, `${re.flags}g`));
  model.cues.forEach((c, i) => c.regexes.forEach((re, k) => out.push([`evidence cue ${i}.${k} (${c.role}, ${c.attach})`, global(re)])));
  for (const [k, list] of Object.entries(model.owners)) list.forEach((re, i) => out.push([`owner cue ${k} #${i}`, re]));
  if (model.modifier) out.push(['evidence modifiedNouns', global(model.modifier)]);
  model.clinicianAuthor.forEach((re, i) => out.push([`clinician cue #${i}`, re]));
  model.nameShapes.forEach((s) => out.push([`name shape ${s.shape}`, s.regex]));
  // The classifier's shapes, run on every sentence of every draft.
  for (const [name, s] of Object.entries(SHAPES)) out.push([`classifier shape ${name}`, global(s.re)]);
  for (const [name, re] of Object.entries({ ORG_OR_PLACE_WORD, SURNAME_TOO, ORG_AFTER, ORG_BEFORE })) out.push([`organisation words ${name}`, global(re)]);
  return out;
}

const UNITS = ['1', 'a', 'A', ' ', '-', '.', '@', '/', ':', '#', "'", '\t', 'a1', 'a ', '1 ', '1-', '1.', '1/', '1:', '(1', 'a.', 'a-', 'a,', 'A.', 'A ', 'Aa', 'aA', 'Aa ', 'AA ', 'aa@'];

/** Pump strings for `re`: the generic units, and each word of its source in a few spellings. */
function unitsFor(re: RegExp): string[] {
  const words = [...new Set(re.source.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !/^(?:u00|x[0-9a-f])/i.test(w)).slice(0, 40);
  return [...UNITS, ...words.flatMap((w) => [`${w} `, `${w}1`, `${w}: `, `${w}-`, `${w.toUpperCase()} `, `${w[0].toUpperCase()}${w.slice(1)} `])];
}

/** Fastest of `reps` full global scans of `text`, in nanoseconds. */
function scan(re: RegExp, text: string, reps: number): number {
  let best = Infinity;
  for (let k = 0; k < reps; k++) {
    const t = process.hrtime.bigint();
    re.lastIndex = 0;
    for (const _ of text.matchAll(re));
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  return best;
}

const pumped = (unit: string, length: number) => `${unit.repeat(Math.ceil(length / unit.length))}!`;
/** Time growth when the text grows 8×. */
const growth = (re: RegExp, unit: string, small: number, reps: number) => scan(re, pumped(unit, small * 8), reps) / Math.max(scan(re, pumped(unit, small), reps), 1);

describe('built-in regexes are linear on adversarial input', () => {
  const all = builtinRegexes();
  it('finds the built-in regexes', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.some(([name]) => name === 'rule phi/health-plan-id')).toBe(true);
  });
  it('no regex grows faster than about linearly', () => {
    const superlinear: string[] = [];
    for (const [name, re] of all) {
      for (const unit of unitsFor(re)) {
        if (growth(re, unit, 1000, 2) <= 30) continue;
        // Confirm with longer texts and more runs: a pause in the machine is not a quadratic regex.
        const again = growth(re, unit, 2000, 5);
        if (again > 30) superlinear.push(`${name} on ${JSON.stringify(unit)}…: 8× the text took ${again.toFixed(0)}× the time`);
      }
    }
    expect(superlinear).toEqual([]);
  }, 120_000);
  it('the check catches a quadratic and a cubic regex', () => {
    // A pause during the short run lowers the ratio, so the highest of three attempts is the regex's own.
    const best = (re: RegExp, small: number) => Math.max(...[0, 1, 2].map(() => growth(re, '1', small, 3)));
    expect(best(/\d+X/g, 1000)).toBeGreaterThan(30);
    expect(best(/[A-Z0-9]*\d[A-Z0-9]*X/g, 50)).toBeGreaterThan(30);
  });
});
