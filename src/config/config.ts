// The .phi-lint.yaml config: finding it (upward from the working directory), its schema, and checking rule ids.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { DEFAULT_EXTENSIONS } from '../document/formats.js';
import { UserError, didYouMean } from '../errors.js';
import { validateWith } from '../schema-errors.js';
import type { Severity, SeverityOrOff } from '../types.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { linearReason } from '../rules/linear-regex.js';

export const CONFIG_NAMES = ['.phi-lint.yaml', '.phi-lint.yml'];

function buildSchema(z: typeof Zod.z) {
  const list = z.array(z.string().min(1));
  return z.strictObject({
    /** Rule id or pack glob (`professionalism/*`) → severity or `off`. */
    rules: z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).default({}),
    /** Extra rule folders (laid out like rules/: one folder per pack, plus lexicons/), relative to the config file. */
    ruleDirs: list.default([]),
    allow: z.strictObject({
      names: list.default([]),
      phones: list.default([]),
      domains: list.default([]),
      addresses: list.default([]),
      hashtags: list.default([]),
      terms: list.default([]),
    }).default({ names: [], phones: [], domains: [], addresses: [], hashtags: [], terms: [] }),
    /** Globs of paths not to lint, relative to the config file. */
    ignore: list.default([]),
    /** Let disable comments hide never-publishable identifiers (SSN, MRN, plan, account, licence, plate, VIN); default false. */
    allowDisablingIdentifiers: z.boolean().default(false),
    /** The most severe a finding inside code blocks or inline code may be (default: as severe as in prose). */
    codeSeverity: z.enum(['error', 'warning', 'info']).optional(),
    /**
     * What a front-matter `phi-lint.authorization` must look like to count as a signed authorization: a
     * regular expression (RE2 syntax) the whole value must match. Default: letters, digits and separators
     * with at least one digit, 4 to 64 characters (AUTH-2026-118, "form 118"), so "x" or "yes" count for nothing.
     */
    authorizationPattern: z.string().min(1).optional(),
    /**
     * The organisation the drafts speak for: safe replies that phi-lint suggests name it and its private
     * contact ("please contact our patient relations team at (773) 555-0140").
     */
    organisation: z.strictObject({ name: z.string().min(1).optional(), contact: z.string().min(1).optional() }).optional(),
    /** File extensions to lint when a folder is given (default: every format phi-lint reads). */
    /** Scheduler CSV files whose column headers phi-lint does not know: which column holds the post's text, link and image. */
    csv: z.strictObject({ message: z.string().min(1).optional(), link: z.string().min(1).optional(), image: z.string().min(1).optional() }).optional(),
    extensions: z.array(z.string().regex(/^\.[A-Za-z0-9]+$/, 'an extension starts with a dot, like ".md"')).default(DEFAULT_EXTENSIONS),
  });
}

let schema: ReturnType<typeof buildSchema> | undefined;
/** The config schema; zod is loaded only when there is a config file to check. */
export const configSchema = () => (schema ??= buildSchema((createRequire(import.meta.url)('zod') as typeof Zod).z));


/** A loaded config. Paths in it are absolute. */
export interface Config {
  file?: string;
  /** Folder the config's relative paths are resolved against. */
  root: string;
  rules: Record<string, SeverityOrOff>;
  ruleDirs: string[];
  allow: Zod.infer<ReturnType<typeof configSchema>>['allow'];
  ignore: string[];
  extensions: string[];
  csv?: { message?: string; link?: string; image?: string };
  allowDisablingIdentifiers: boolean;
  codeSeverity?: Severity;
  /** The config's authorizationPattern (RE2 source, matched against the whole value); default built in. */
  authorizationPattern?: string;
  /** The config's organisation (name and private contact), for suggested safe replies. */
  organisation?: { name?: string; contact?: string };
  source?: YamlSource;
}

/** The nearest config file from `cwd` upward, or undefined. */
export function findConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Load the config at `explicit` (must exist) or the nearest one; defaults when there is none. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (explicit && !fs.existsSync(file!)) throw new UserError(`config file not found: ${explicit}`);
  if (!file) {
    return {
      root: cwd, rules: {}, ruleDirs: [], ignore: [], extensions: [...DEFAULT_EXTENSIONS], allowDisablingIdentifiers: false,
      allow: { names: [], phones: [], domains: [], addresses: [], hashtags: [], terms: [] },
    };
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read the config file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  const src = parseYamlSource(text, file);
  if (src.value === null || src.value === undefined) src.value = {};
  const data = validateWith(configSchema(), src, 'config');
  const root = path.dirname(file);
  if (data.authorizationPattern !== undefined) checkAuthorizationPattern(data.authorizationPattern, file, src);
  return { file, root, source: src, ...data, ruleDirs: data.ruleDirs.map((d) => path.resolve(root, d)) };
}

/** An authorizationPattern must be a regular expression that runs in linear time; else a positioned error. */
function checkAuthorizationPattern(source: string, file: string, src: YamlSource): void {
  const pos = src.position(['authorizationPattern']);
  let why: string | undefined;
  try {
    new RegExp(source, 'u');
    why = linearReason(source);
  } catch (e) {
    why = `it is not a regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  if (why) throw new UserError(`config: authorizationPattern cannot be used: ${why}`, file, pos.line, pos.column);
}

/** Whether a `rules` key matches a rule id: an exact id, a glob (`phi/*`), or `*` / `**` for every rule. */
export function keyMatches(key: string, id: string): boolean {
  if (!key.includes('*')) return key === id;
  if (key === '*' || key === '**') return true;
  const source = key
    .split('**')
    .map((part) => part.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`).test(id);
}

/** Every key of the config's `rules` must name a loaded rule or match one; else a positioned error. */
export function checkRuleKeys(config: Config, ids: string[]): void {
  for (const key of Object.keys(config.rules)) {
    if (ids.some((id) => keyMatches(key, id))) continue;
    const pos = config.source?.position(['rules', key], true) ?? { line: 1, column: 1 };
    throw new UserError(`config: unknown rule "${key}" in "rules"${didYouMean(key, ids)}; run \`phi-lint rules\` to list them`, config.file, pos.line, pos.column);
  }
}
