// Config loading: defaults, discovery upward, positioned errors with did-you-mean, severity overrides.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRuleKeys, findConfig, keyMatches, loadConfig } from '../src/config/config.js';
import { UserError, formatUserError } from '../src/errors.js';
import { applySeverities, parseRuleOverride } from '../src/setup.js';
import type { CompiledRule } from '../src/rules/compiled.js';
import { tempDir } from './helpers.js';

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return formatUserError(e);
    throw e;
  }
  throw new Error('no error');
};

describe('loadConfig', () => {
  it('uses defaults when there is no config', () => {
    const dir = tempDir();
    const c = loadConfig(dir);
    expect(c.file).toBeUndefined();
    expect(c.extensions).toEqual(['.md', '.markdown', '.mdx', '.txt', '.html', '.htm', '.csv', '.docx', '.jpg', '.jpeg', '.png', '.heic', '.webp', '.tiff', '.tif']);
  });

  it('finds the nearest config upward and resolves ruleDirs against it', () => {
    const dir = tempDir({ '.phi-lint.yaml': 'ruleDirs: [team-rules]\n', 'a/b/x.md': '' });
    expect(findConfig(path.join(dir, 'a', 'b'))).toBe(path.join(dir, '.phi-lint.yaml'));
    expect(loadConfig(path.join(dir, 'a', 'b')).ruleDirs).toEqual([path.join(dir, 'team-rules')]);
  });

  const bad: [string, string][] = [
    ['rulez:\n  x: off\n', '.phi-lint.yaml:1:1: config: unknown field "rulez" (did you mean "rules"?); allowed: rules, ruleDirs, allow, ignore, allowDisablingIdentifiers, codeSeverity, authorizationPattern, organisation, csv, extensions'],
    ['rules:\n  phi/ssn: fatal\n', '.phi-lint.yaml:2:12: config: "rules.phi/ssn" must be one of "error", "warning", "info", "off"'],
    ['extensions: .md\n', '.phi-lint.yaml:1:13: config: "extensions" must be a list, not string ".md"'],
    ['allow:\n  phone: []\n', '.phi-lint.yaml:2:3: config: unknown field "allow.phone" (did you mean "phones"?); allowed: names, phones, domains, addresses, hashtags, terms'],
    ['extensions: [md]\n', '.phi-lint.yaml:1:14: config: "extensions.0": an extension starts with a dot, like ".md"'],
    ['rules: [\n', '.phi-lint.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ];
  it.each(bad)('reports %j with file, line:col and a plain message', (text, expected) => {
    const dir = tempDir({ '.phi-lint.yaml': text });
    expect(errorOf(() => loadConfig(dir))).toBe(`${path.join(dir, expected.split(':')[0])}:${expected.split(':').slice(1).join(':')}`);
  });

  it('rejects unknown rule ids with a suggestion', () => {
    const dir = tempDir({ '.phi-lint.yaml': 'rules:\n  phi/patient-nam: off\n' });
    const c = loadConfig(dir);
    expect(errorOf(() => checkRuleKeys(c, ['phi/patient-name', 'phi/ssn']))).toBe(
      `${path.join(dir, '.phi-lint.yaml')}:2:3: config: unknown rule "phi/patient-nam" in "rules" (did you mean "phi/patient-name"?); run \`phi-lint rules\` to list them`,
    );
  });

  it('names a missing --config file', () => {
    expect(errorOf(() => loadConfig(tempDir(), 'nope.yaml'))).toBe('config file not found: nope.yaml');
  });

  it('treats an empty file as the defaults', () => {
    const dir = tempDir({ '.phi-lint.yaml': '' });
    expect(loadConfig(dir).rules).toEqual({});
    fs.rmSync(dir, { recursive: true });
  });
});

describe('severities', () => {
  const rule = (id: string): CompiledRule => ({ id, severity: 'error', defaultSeverity: 'error' }) as CompiledRule;
  const rules = [rule('phi/ssn'), rule('phi/patient-name'), rule('professionalism/profanity')];

  it.each([
    ['phi/*', 'phi/ssn', true], ['phi/*', 'professionalism/profanity', false], ['phi/ssn', 'phi/ssn', true], ['*', 'phi/ssn', true],
  ] as const)('key %s matches %s: %s', (key, id, expected) => expect(keyMatches(key, id)).toBe(expected));

  it('applies globs, then exact ids, and lets the command line win', () => {
    const out = applySeverities(rules, { 'phi/*': 'warning', 'professionalism/profanity': 'off' }, [parseRuleOverride('phi/ssn=error')]);
    expect(out.map((r) => [r.id, r.severity])).toEqual([['phi/ssn', 'error'], ['phi/patient-name', 'warning']]);
  });

  it('rejects malformed --rule values', () => {
    expect(errorOf(() => parseRuleOverride('phi/ssn'))).toBe('--rule expects ID=SEVERITY with SEVERITY one of error, warning, info, off (got "phi/ssn")');
  });
});
