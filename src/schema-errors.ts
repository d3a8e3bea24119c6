// Turns the first zod validation issue into a positioned, plain-words UserError.
import type { z } from 'zod';
import { UserError, didYouMean } from './errors.js';
import type { YamlSource } from './yaml-source.js';

/** Validate `src.value` with `schema`; on failure throw a UserError at the offending node. */
export function validateWith<T extends z.ZodTypeAny>(schema: T, src: YamlSource, what: string): z.infer<T> {
  const result = schema.safeParse(src.value);
  if (result.success) return result.data;
  // An unknown field explains a "missing" one (a typo), so it is reported first.
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0];
  const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  const field = path.length ? path.join('.') : what;
  let message: string;
  let pos = src.position(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const allowed = allowedKeys(schema, path);
      pos = src.position([...path, key], true);
      message = `unknown field "${[...path, key].join('.')}"${didYouMean(key, allowed)}; allowed: ${allowed.join(', ')}`;
      break;
    }
    case 'invalid_value':
      message = `"${field}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` +
        (typeof valueAt(src.value, path) === 'string' ? didYouMean(String(valueAt(src.value, path)), issue.values.map(String)) : '');
      break;
    case 'invalid_union': {
      const value = valueAt(src.value, path);
      const kindPath = [...path, 'kind'].join('.');
      message = value && typeof value === 'object' && 'kind' in (value as object) && path.length === 0
        ? `"kind" must be one of pattern, terms, entity, match${didYouMean(String((value as { kind: unknown }).kind), ['pattern', 'terms', 'entity', 'match'])}`
        : `"${field}" has the wrong shape: ${issue.message}${kindPath ? '' : ''}`;
      break;
    }
    case 'invalid_type':
      message = valueAt(src.value, path) === undefined
        ? `missing required field "${field}"`
        : `"${field}" must be ${article(issue.expected)}, not ${describe(valueAt(src.value, path))}`;
      if (valueAt(src.value, path) === undefined) pos = src.position(path.slice(0, -1));
      break;
    default:
      message = `"${field}": ${issue.message}`;
  }
  throw new UserError(`${what}: ${message}`, src.file, pos.line, pos.column);
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function article(expected: string): string {
  return ({ array: 'a list', object: 'a mapping', string: 'a string', number: 'a number', boolean: 'true or false' } as Record<string, string>)[expected] ?? expected;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'empty';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

/** The keys a strict object schema allows at `path` (best effort, for the hint). */
function allowedKeys(schema: z.ZodTypeAny, path: (string | number)[]): string[] {
  let s: any = schema;
  for (const p of path) {
    s = unwrap(s);
    if (s?.def?.type === 'object') s = s.shape[p];
    else if (s?.def?.type === 'record') s = s.def.valueType;
    else if (s?.def?.type === 'array') s = s.def.element;
    else return [];
  }
  s = unwrap(s);
  return s?.def?.type === 'object' ? Object.keys(s.shape) : [];
}

function unwrap(s: any): any {
  while (s && ['optional', 'default', 'nullable', 'pipe'].includes(s.def?.type)) s = s.def.innerType ?? s.def.in;
  if (s?.def?.type === 'union') return s.def.options.find((o: any) => unwrap(o)?.def?.type === 'object') ? unwrap(s.def.options.find((o: any) => unwrap(o)?.def?.type === 'object')) : s;
  return s;
}
