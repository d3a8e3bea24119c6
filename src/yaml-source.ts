// Parses YAML with positions, so config and rule-file errors can name line:col.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import { UserError } from './errors.js';

let loaded: typeof Yaml | undefined;
/** The yaml package, loaded on first use (a run without config or rule files to parse never needs it). */
export function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}

/** A parsed YAML file: its plain value plus a way to find where any path in it was written. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** 1-based line and column of the node at `path` (or of its key when `key` is true). */
  position(path: (string | number)[], key?: boolean): { line: number; column: number };
}

/** Parse `text` (read from `file`); a syntax error becomes a positioned UserError. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair } = yaml();
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    const msg = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UserError(`invalid YAML: ${msg}`, file, pos.line, pos.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // A "billion laughs" file: aliases of aliases that would expand to gigabytes. yaml stops it; say so plainly.
    if (/alias/i.test((e as Error).message)) throw new UserError('refused: the YAML uses too many aliases (*name references to &name anchors), which would expand it enormously; write the values out instead', file);
    throw new UserError(`invalid YAML: ${(e as Error).message.split('\n')[0]}`, file);
  }
  const position = (path: (string | number)[], key = false) => {
    let node: unknown = doc.contents;
    let keyNode: unknown = undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        keyNode = undefined;
        node = node.items[part];
      } else break;
    }
    const target = (key && keyNode ? keyNode : node ?? keyNode) as Node | undefined;
    const offset = target?.range?.[0] ?? 0;
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return { file, value, position };
}
