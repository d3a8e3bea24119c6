// --cache: results of unchanged files are reused. Entries hold no matched text in clear: the text is
// re-read from the file (its offset and length are kept) and messages keep a placeholder for it.
// Findings are stored sorted as the engine sorts them (offset, length, rule), so a merge restores the order.
import fs from 'node:fs';
import path from 'node:path';
import { keyedHex } from './hash.js';
import type { FileResult, Finding } from './types.js';

/** The default cache file, under node_modules/.cache like other build tools'. */
export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'phi-lint');

const MATCH = '\u0000match\u0000';

/** A finding as stored: its messages and suggestions are indexes into the file's string table. */
type Stored = Omit<Finding, 'text' | 'message' | 'suggestions' | 'fix'> & { m: number; s: number; f?: number };

interface Entry {
  /** HMAC-SHA-256 of the file's text under the user's key. */
  content: string;
  /** Warnings and errors; the infos are in the separate info file. */
  findings: Stored[];
  /** How many info findings the file has. */
  infos: number;
  directives: Stored[];
}

interface CacheFile {
  phiLintCache: 3;
  /** Version + rules + lexicons + config + severities: see setup.ts. A different digest empties the cache. */
  digest: string;
  /** Messages, suggestion lists and fixes with the match as a placeholder; most findings share a few. */
  strings: string[];
  entries: Record<string, Entry>;
}

export interface Cache {
  /**
   * The cached result for the file at `abs` (an absolute path, so runs from any folder share it), reported
   * as `path`; only findings `keep` accepts are rebuilt (a stylish run never shows infos).
   */
  get(abs: string, path: string, text: string, keep?: (severity: Finding['severity']) => boolean): FileResult | undefined;
  set(abs: string, result: FileResult): void;
  save(): void;
}

const hide = (s: string, text: string) => (text ? s.split(text).join(MATCH) : s);
const show = (s: string, text: string) => s.split(MATCH).join(text);

/** Interns strings in the cache file's table. */
function interner(strings: string[]) {
  const index = new Map(strings.map((s, i) => [s, i]));
  return (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
}

function store(f: Finding, intern: (s: string) => number): Stored {
  const { text, message, suggestions, fix, ...rest } = f;
  const hidden = suggestions.map((x) => (x.replacement === undefined ? { message: hide(x.message, text) } : { message: hide(x.message, text), replacement: hide(x.replacement, text) }));
  const stored: Stored = { ...rest, m: intern(hide(message, text)), s: intern(JSON.stringify(hidden)) };
  if (fix) stored.f = intern(JSON.stringify({ ...fix, replacement: hide(fix.replacement, text) }));
  return stored;
}

/** Parsed suggestion lists and fixes, per string-table index (most findings share a handful). */
type Parsed = Map<number, { suggestions?: Finding['suggestions']; fix?: Finding['fix'] }>;

function restore(f: Stored, source: string, strings: string[], parsed: Parsed): Finding {
  const { m, s, f: fixIndex, ...rest } = f;
  const text = source.slice(f.offset, f.offset + f.length);
  let sug = parsed.get(s)?.suggestions;
  if (!sug) parsed.set(s, { suggestions: (sug = JSON.parse(strings[s]) as Finding['suggestions']) });
  const finding: Finding = {
    ...rest,
    text,
    message: show(strings[m], text),
    suggestions: sug.map((x) => (x.replacement === undefined ? { message: show(x.message, text) } : { message: show(x.message, text), replacement: show(x.replacement, text) })),
  };
  if (fixIndex !== undefined) {
    let fix = parsed.get(fixIndex)?.fix;
    if (!fix) parsed.set(fixIndex, { fix: (fix = JSON.parse(strings[fixIndex]) as NonNullable<Finding['fix']>) });
    finding.fix = { ...fix, replacement: show(fix.replacement, text) };
  }
  return finding;
}

/** Read one cache file if it is of this format and digest. */
function readFile<T extends { phiLintCache: number; digest: string }>(file: string, digest: string): T | undefined {
  try {
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
    return read.phiLintCache === 3 && read.digest === digest ? read : undefined;
  } catch {
    // No cache yet, or an unreadable one: start empty (a cache is never worth failing a run for).
    return undefined;
  }
}

/** The info findings, kept in a file of their own: only runs that show infos (JSON) read it. */
interface InfoFile {
  phiLintCache: 3;
  digest: string;
  entries: Record<string, Stored[]>;
}

/**
 * Open the cache at `location` (a folder, or a `.json` file beside which `-infos.json` is kept) for results
 * made under `digest`.
 */
export function openCache(location: string, digest: string): Cache {
  const file = location.endsWith('.json') ? location : path.join(location, 'cache.json');
  const infoFile = file.replace(/\.json$/, '-infos.json');
  const data: CacheFile = readFile<CacheFile>(file, digest) ?? { phiLintCache: 3, digest, strings: [], entries: {} };
  let infos: InfoFile | undefined;
  const infoData = () => (infos ??= readFile<InfoFile>(infoFile, digest) ?? { phiLintCache: 3, digest, entries: {} });
  const intern = interner(data.strings);
  const parsed: Parsed = new Map();
  let dirty = false;
  return {
    get(abs, p, text, keep = () => true) {
      const e = data.entries[abs];
      if (!e || e.content !== keyedHex(text)) return undefined;
      const stored = keep('info')
        ? [...e.findings, ...(infoData().entries[abs] ?? [])].sort((x, y) => x.offset - y.offset || x.length - y.length || x.ruleId.localeCompare(y.ruleId)) : e.findings.filter((f) => keep(f.severity));
      return {
        path: p,
        source: text,
        omittedInfos: keep('info') ? 0 : e.infos,
        findings: stored.map((f) => restore(f, text, data.strings, parsed)),
        directives: e.directives.map((f) => restore(f, text, data.strings, parsed)),
      };
    },
    set(abs, r) {
      const infoFindings = r.findings.filter((f) => f.severity === 'info');
      data.entries[abs] = {
        content: keyedHex(r.source),
        findings: r.findings.filter((f) => f.severity !== 'info').map((f) => store(f, intern)),
        infos: infoFindings.length,
        directives: (r.directives ?? []).map((f) => store(f, intern)),
      };
      infoData().entries[abs] = infoFindings.map((f) => store(f, intern));
      dirty = true;
    },
    save() {
      if (!dirty) return;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        for (const [target, content] of [[infoFile, infoData()], [file, data]] as const) {
          const tmp = `${target}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, JSON.stringify(content));
          fs.renameSync(tmp, target);
        }
      } catch {
        // A read-only or full disk leaves the run's results intact; the next run just starts uncached.
      }
    },
  };
}
