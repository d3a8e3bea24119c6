// Loads the people model's evidence (rules/people/evidence.yaml): weighted role cues and owner cues, compiled.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeRegExp } from '../document/search.js';
import { UserError } from '../errors.js';
import { compileCue, termsRegex, type Lexicon } from '../rules/lexicons.js';
import { BUILTIN_RULES_DIR } from '../rules/load.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { ROLES, type Role } from './types.js';

/** How a cue attaches to the person it is about (see the comments in evidence.yaml). */
export type Attach = 'before' | 'after' | 'clause' | 'possessed' | 'object';
const ATTACH: readonly Attach[] = ['before', 'after', 'clause', 'possessed', 'object'];

/** One compiled role cue. */
export interface RoleCue {
  role: Role;
  weight: number;
  strong: boolean;
  /** The cue says the person is in the organisation's care ("our patient", "admitted", "chose our team"). */
  care: boolean;
  /** The cue is a thing of the person's own, a condition ("her asthma"), not an event of care: it does not make a clinician our patient. */
  own: boolean;
  attach: Attach;
  /** Global regexes for clause/possessed/object; for before/after, one anchored regex over the neighbouring text. */
  regexes: RegExp[];
  /** What must not follow a match (the model's `notPatient`, sticky; see `followedBy`). */
  unless?: RegExp;
  /** The cue list as written, for messages. */
  source: string[];
}

/** The compiled evidence file. */
export interface EvidenceModel {
  file: string;
  threshold: number;
  cues: RoleCue[];
  roleNouns: Record<'patient' | 'relative' | 'person', string[]>;
  /** What after a capitalised pair makes it an eponym ("Gleason score"), from the eponym-after lexicon; anchored, not global. */
  eponymAfter?: RegExp;
  /** Plural nouns for groups of people, lower case ("patients", "babies"): care words about them are about nobody in particular. */
  groupNouns: Set<string>;
  /** Health terms in lower case ("parkinson's"): a capitalised word that spells one with its "'s" is a disease, not a person. */
  healthTerms: Set<string>;
  /** Matches at the start of the text after a role noun when a noun follows that makes it a modifier ("patient portal"). */
  modifier?: RegExp;
  owners: Record<'organisation' | 'contact' | 'event' | 'care', RegExp[]>;
  /**
   * What after a patient or care cue makes it something else ("admitted to the program", "came in second"),
   * sticky: tested where a match ends (see `followedBy`). Kept out of the cue regexes, which it made ten
   * times larger and slow to compile on a cold start.
   */
  notPatient?: RegExp;
  /** Cues that the author writing in the first person is a clinician (a nurse's post, a doctor's thread). */
  clinicianAuthor: RegExp[];
  /** A home where people live in our care, and the events of its residents (evidence.yaml `residentHome`); absent when not given. */
  residentHome?: { home: RegExp[]; events: RegExp[] };
  /** Shapes of a name that need no name list (rules/people/name-shapes.yaml). */
  nameShapes: NameShape[];
}

/** One name shape: a regex whose match (or whose group `name`) is a person's name. */
export interface NameShape {
  shape: string;
  regex: RegExp;
  group?: string;
  /** The label alone says a name follows, so lower-case words count; the name ends at the first ordinary word. Default false. */
  anyCase?: boolean;
  /** The name must open with a name word and ends at the first ordinary word (implied by anyCase). Default false. */
  trim?: boolean;
  /** Each capitalised word must be one a name list knows, never a not-a-name word. Default false. */
  listed?: boolean;
  /** With `listed`, a listed word counts even when it is also an ordinary word ("Hi Dean,"). Default false. */
  ordinary?: boolean;
}

export const NAME_SHAPES_FILE = path.join(BUILTIN_RULES_DIR, 'people', 'name-shapes.yaml');

/** The built-in people files, parsed at build time (dist/builtin-people.json), each with its text's digest. */
const PEOPLE_BUNDLE = fileURLToPath(new URL('../builtin-people.json', import.meta.url));
const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** What `npm run build` writes: the parsed built-in evidence and name shapes (a cold start parses no YAML). */
export function makePeopleBundle(): Record<string, { digest: string; value: unknown }> {
  return Object.fromEntries(
    [EVIDENCE_FILE, NAME_SHAPES_FILE].map((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [path.basename(file), { digest: digestOf(text), value: parseYamlSource(text, file).value }];
    }),
  );
}

/**
 * A people file's data: from the bundle when the file is a built-in one and unchanged since the build, else
 * parsed. Positions (for error messages only) parse the YAML when first asked for.
 */
function readPeopleFile(file: string): YamlSource {
  const text = fs.readFileSync(file, 'utf8');
  let parsed: YamlSource | undefined;
  const parse = () => (parsed ??= parseYamlSource(text, file));
  if (file === EVIDENCE_FILE || file === NAME_SHAPES_FILE) {
    try {
      const entry = (JSON.parse(fs.readFileSync(PEOPLE_BUNDLE, 'utf8')) as Record<string, { digest: string; value: unknown }>)[path.basename(file)];
      if (entry && entry.digest === digestOf(text)) return { file, value: entry.value, position: (p, key) => parse().position(p, key) };
    } catch {
      // No bundle (a source checkout before `npm run build`): parse the YAML.
    }
  }
  return parse();
}

/** Read and compile the name shapes; errors name the file and the entry. */
export function loadNameShapes(file = NAME_SHAPES_FILE): NameShape[] {
  const src = readPeopleFile(file);
  const data = src.value as { shapes?: { shape: string; regex: string; group?: string; anyCase?: boolean; trim?: boolean; listed?: boolean; ordinary?: boolean }[] };
  return (data.shapes ?? []).map((s, i) => {
    try {
      return { shape: s.shape, regex: new RegExp(s.regex, s.group ? 'gdu' : 'gu'), group: s.group, anyCase: s.anyCase === true, trim: s.trim === true || s.anyCase === true, listed: s.listed === true, ordinary: s.ordinary === true };
    } catch (e) {
      const pos = src.position(['shapes', i, 'regex']);
      throw new UserError(`name shapes: invalid regex: ${(e as Error).message}`, file, pos.line, pos.column);
    }
  });
}

export const EVIDENCE_FILE = path.join(BUILTIN_RULES_DIR, 'people', 'evidence.yaml');

const sourceOf = (re: RegExp) => re.source;

/**
 * A cue that must stand right before a mention: the cue, then only determiners and fond adjectives
 * ("our own beloved"), then the mention. Tested on the few tokens before the mention.
 */
function beforeRegex(res: RegExp[]): RegExp {
  const filler = "(?:[\\s,:]+(?:the|our|my|a|an|own|new|beloved|former|longtime|long-time|dear|sweet|favorite|favourite|wonderful|amazing|incredible|retired|late)){0,3}";
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${res.map(sourceOf).join('|')})${filler}[\\s,:]*$`, `iu`);
}

/** A cue that must follow a mention, after at most a possessive ending and a comma. */
function afterRegex(res: RegExp[]): RegExp {
  return new RegExp(`^(?:['’]s?)?(?:${res.map(sourceOf).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

function caseOf(res: RegExp[]): boolean {
  return res.every((r) => !r.flags.includes('i'));
}

/** `^[\s-]+(?:portal|experience|…)\b`: what after a role noun makes it a modifier of the next noun. */
function modifiedNounsRegex(words: string[]): RegExp | undefined {
  if (!words.length) return undefined;
  return new RegExp(`^[\\s-]+(?:${words.map(escapeRegExp).join('|')})\\b`, 'iu');
}

/** A lexicon's patterns (written anchored, "^…") as one non-global regex for testing the text after a match. */
function anchoredPatterns(lex: Lexicon | undefined): RegExp | undefined {
  const patterns = lex?.spec.patterns ?? [];
  return patterns.length ? new RegExp(patterns.map((p) => `(?:${p})`).join('|'), lex!.spec.caseSensitive ? 'u' : 'iu') : undefined;
}

/** Read and compile the evidence file; errors name the file and the entry. */
export function loadEvidence(lexicons: Map<string, Lexicon>, file = EVIDENCE_FILE): EvidenceModel {
  const src = readPeopleFile(file);
  const data = src.value as {
    threshold?: number;
    cues?: { role: string; weight: number; strong?: boolean; care?: boolean; own?: boolean; attach: string; any: string[] }[];
    roleNouns?: Record<string, string[]>;
    owners?: Record<string, string[]>;
    notPatient?: string[];
    modifiedNouns?: string[];
    groupNouns?: string[];
    residentHome?: { home?: string[]; events?: string[] };
  };
  const fail = (msg: string, keyPath: (string | number)[]) => {
    const pos = src.position(keyPath);
    return new UserError(`evidence: ${msg}`, file, pos.line, pos.column);
  };
  // With one cue, `keyPath` already names it.
  const compile = (cues: string[], keyPath: (string | number)[]) =>
    cues.flatMap((c, i) => {
      try {
        return compileCue(c, lexicons);
      } catch (e) {
        throw fail((e as Error).message, typeof keyPath.at(-1) === 'number' ? keyPath : [...keyPath, i]);
      }
    });
  // Plain words of a list go in one regex: one pass over a long draft instead of one per word (the lists
  // have up to a hundred words), a word listed twice counts once, and the regex compiles in a fraction of
  // the time (a cold start compiles them all).
  const searched = (cues: string[], keyPath: (string | number)[]) => {
    const words = cues.filter((w) => !/^[@/]/.test(w));
    return [
      ...cues.flatMap((w, k) => (/^[@/]/.test(w) ? compile([w], [...keyPath, k]) : [])),
      ...(words.length ? [termsRegex(words, { inflect: true })] : []),
    ];
  };
  // Patient and care cues never match where what follows makes them something else ("admitted to the program").
  let notPatient: RegExp | undefined;
  const modifier = modifiedNounsRegex(data.modifiedNouns ?? []);
  const notList = [...(data.notPatient ?? []), ...(modifier ? [`(?<=\\b(?:patients?|residents?|clients?))${modifier.source.slice(1)}`] : [])];
  try {
    notPatient = notList.length ? new RegExp(notList.map((x) => `(?:${x})`).join('|'), 'iuy') : undefined;
  } catch (e) {
    throw fail(`invalid regex in "notPatient": ${(e as Error).message}`, ['notPatient']);
  }
  const cues: RoleCue[] = (data.cues ?? []).map((c, i) => {
    if (!ROLES.includes(c.role as Role)) throw fail(`unknown role "${c.role}" (known: ${ROLES.join(', ')})`, ['cues', i, 'role']);
    if (!ATTACH.includes(c.attach as Attach)) throw fail(`unknown attach "${c.attach}" (known: ${ATTACH.join(', ')})`, ['cues', i, 'attach']);
    if (typeof c.weight !== 'number') throw fail('"weight" must be a number', ['cues', i]);
    const attach = c.attach as Attach;
    const res = searched(c.any ?? [], ['cues', i, 'any']);
    let regexes = res;
    if (attach === 'before' || attach === 'after') {
      // Case-sensitive cues (titles, credentials) and the rest are kept apart: "Dr" must not match "dr".
      const exact = res.filter((r) => !r.flags.includes('i'));
      const loose = res.filter((r) => r.flags.includes('i'));
      const make = attach === 'before' ? beforeRegex : afterRegex;
      regexes = [
        ...(loose.length ? [make(loose)] : []),
        ...(exact.length ? [new RegExp(make(exact).source, caseOf(exact) ? 'u' : 'iu')] : []),
      ];
    }
    // An apposition ("Tamsin Reyes, our patient experience manager") is read the same way.
    const unless = c.role === 'patient' && attach !== 'before' ? notPatient : undefined;
    return { role: c.role as Role, weight: c.weight, strong: !!c.strong, care: !!c.care, own: !!c.own, attach, regexes, unless, source: c.any ?? [] };
  });
  const owners = Object.fromEntries(
    (['organisation', 'contact', 'event', 'care'] as const).map((k) => [k, searched(data.owners?.[k] ?? [], ['owners', k])]),
  ) as EvidenceModel['owners'];
  const nouns = data.roleNouns ?? {};
  return {
    file,
    threshold: data.threshold ?? 2,
    cues,
    roleNouns: { patient: nouns.patient ?? [], relative: nouns.relative ?? [], person: nouns.person ?? [] },
    groupNouns: new Set((data.groupNouns ?? []).map((w) => w.toLowerCase())),
    eponymAfter: anchoredPatterns(lexicons.get('eponym-after')),
    owners,
    notPatient,
    modifier,
    healthTerms: new Set((lexicons.get('health-terms')?.spec.terms ?? []).map((t) => t.toLowerCase())),
    clinicianAuthor: searched((data as { clinicianAuthor?: string[] }).clinicianAuthor ?? [], ['clinicianAuthor']),
    residentHome: data.residentHome ? { home: searched(data.residentHome.home ?? [], ['residentHome', 'home']), events: searched(data.residentHome.events ?? [], ['residentHome', 'events']) } : undefined,
    nameShapes: loadNameShapes(),
  };
}

/** Whether the sticky `re` matches `text` at offset `at` (a match that ends at `at` is then not a cue). */
export function followedBy(re: RegExp | undefined, text: string, at: number): boolean {
  if (!re) return false;
  re.lastIndex = at;
  return re.test(text);
}
