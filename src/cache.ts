// --cache: results of unchanged files are reused. Entries hold no matched text in clear: the text is
// re-read from the file (its offset and length are kept) and messages keep a placeholder for it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult, Finding } from './types.js';

/** The default cache file, under node_modules/.cache like other build tools'. */
export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'phi-lint');

const MATCH = '\u0000match\u0000';

interface Entry {
  /** SHA-256 of the file's text. */
  content: string;
  findings: Finding[];
  directives: Finding[];
}

interface CacheFile {
  phiLintCache: 1;
  /** Version + rules + lexicons + config + severities: see setup.ts. A different digest empties the cache. */
  digest: string;
  entries: Record<string, Entry>;
}

export interface Cache {
  get(path: string, text: string): FileResult | undefined;
  set(result: FileResult): void;
  save(): void;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const hide = (s: string, text: string) => (text ? s.split(text).join(MATCH) : s);
const show = (s: string, text: string) => s.split(MATCH).join(text);

function store(f: Finding): Finding {
  return {
    ...f,
    text: '',
    message: hide(f.message, f.text),
    suggestions: f.suggestions.map((s) => ({ ...s, message: hide(s.message, f.text), ...(s.replacement !== undefined ? { replacement: hide(s.replacement, f.text) } : {}) })),
    ...(f.fix ? { fix: { ...f.fix, replacement: hide(f.fix.replacement, f.text) } } : {}),
  };
}

function restore(f: Finding, source: string): Finding {
  const text = source.slice(f.offset, f.offset + f.length);
  return {
    ...f,
    text,
    message: show(f.message, text),
    suggestions: f.suggestions.map((s) => ({ ...s, message: show(s.message, text), ...(s.replacement !== undefined ? { replacement: show(s.replacement, text) } : {}) })),
    ...(f.fix ? { fix: { ...f.fix, replacement: show(f.fix.replacement, text) } } : {}),
  };
}

/** Open the cache at `location` (a file, or a folder that gets `cache.json`) for results made under `digest`. */
export function openCache(location: string, digest: string): Cache {
  const file = location.endsWith('.json') ? location : path.join(location, 'cache.json');
  let data: CacheFile = { phiLintCache: 1, digest, entries: {} };
  try {
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (read.phiLintCache === 1 && read.digest === digest && read.entries && typeof read.entries === 'object') data = read;
  } catch {
    // No cache yet, or an unreadable one: start empty (a cache is never worth failing a run for).
  }
  let dirty = false;
  return {
    get(p, text) {
      const e = data.entries[p];
      if (!e || e.content !== sha(text)) return undefined;
      return { path: p, source: text, findings: e.findings.map((f) => restore(f, text)), directives: e.directives.map((f) => restore(f, text)) };
    },
    set(r) {
      data.entries[r.path] = { content: sha(r.source), findings: r.findings.map(store), directives: (r.directives ?? []).map(store) };
      dirty = true;
    },
    save() {
      if (!dirty) return;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(data));
        fs.renameSync(tmp, file);
      } catch {
        // A read-only or full disk leaves the run's results intact; the next run just starts uncached.
      }
    },
  };
}
