// Rule-file loading: every kind of mistake in a team's own rule file gives a positioned, plain message.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UserError, formatUserError } from '../src/errors.js';
import { BUILTIN_RULES_DIR, loadRules } from '../src/rules/load.js';
import { tempDir } from './helpers.js';

const base = (extra: string) =>
  `kind: pattern\nregex: 'foo'\ncategory: phi\ntype: name\nseverity: error\nmessage: Found {match}\ndescription: d\nexamples:\n  flag: [foo]\n${extra}`;

function loadError(files: Record<string, string>): string {
  const dir = tempDir(files);
  try {
    loadRules([BUILTIN_RULES_DIR, dir]);
  } catch (e) {
    if (e instanceof UserError) return formatUserError(e).replace(dir + path.sep, '');
    throw e;
  }
  return 'no error';
}

describe('rule files', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['unknown kind', { 'team/x.yaml': 'kind: patern\n' }, 'team/x.yaml:1:7: rule file: "kind" must be one of pattern, terms, entity, match (did you mean "pattern"?)'],
    ['missing kind', { 'team/x.yaml': 'type: name\n' }, 'team/x.yaml:1:1: rule file: missing required field "kind" (one of pattern, terms, entity, match)'],
    ['unknown field', { 'team/x.yaml': base('descripton: x\n') }, 'team/x.yaml:10:1: rule file: unknown field "descripton" (did you mean "description"?); allowed: kind, category, type, severity, message, infoMessage, description, link, suggest, fix, context, owner, draft, examples, target, regex, flags, group, validate'],
    ['invalid regex', { 'team/x.yaml': base('').replace("'foo'", "'(foo'") }, 'team/x.yaml:2:8: rule team/x: invalid regex in "regex": Unterminated group'],
    ['unknown type', { 'team/x.yaml': base('').replace('type: name', 'type: nam') }, 'team/x.yaml:4:7: rule file: "type" "nam" is not a phi type (did you mean "name"?); allowed: name, geo, date, age, phone, fax, email, ssn, mrn, health-plan, account, license, vehicle, device, url, ip, biometric, photo, other-id'],
    ['bad severity', { 'team/x.yaml': base('').replace('severity: error', 'severity: high') }, 'team/x.yaml:5:11: rule file: "severity" must be one of "error", "warning", "info"'],
    ['unknown validator', { 'team/x.yaml': base('validate: [lunh]\n') }, 'team/x.yaml:10:12: rule team/x: unknown validator "lunh"; known: iban, ssn, luhn, id-like, vin, mbi, ipv4, ipv6, calendar-date, nanp, not-trivial, has-digit'],
    ['missing category outside built-in packs', { 'team/x.yaml': base('').replace('category: phi\n', '') }, 'team/x.yaml:1:1: rule file: missing "category" (phi or professionalism); only the built-in packs phi/ and professionalism/ imply it'],
    ['duplicate id', { 'phi/ssn.yaml': base('') }, 'phi/ssn.yaml:1:1: duplicate rule id "phi/ssn" (also defined in ' + path.join(BUILTIN_RULES_DIR, 'phi', 'ssn.yaml') + ')'],
    ['malformed YAML', { 'team/x.yaml': 'kind: pattern\n  regex: [\n' }, 'team/x.yaml:1:7: invalid YAML: Nested mappings are not allowed in compact mappings'],
    ['examples missing', { 'team/x.yaml': base('').replace(/examples:\n {2}flag: \[foo\]\n/, '') }, 'team/x.yaml:1:1: rule file: missing required field "examples"'],
    ['a bad lexicon', { 'lexicons/mine.yaml': 'description: d\nsource: s\nterms: [a]\npatterns: ["(x"]\n' }, 'lexicons/mine.yaml:4:12: lexicon: invalid regex in "patterns[0]": Unterminated group'],
  ];
  it.each(cases)('%s', (_, files, expected) => {
    expect(loadError(files)).toBe(expected);
  });

  it('names an unknown lexicon and lists the known ones', () => {
    expect(loadError({ 'team/x.yaml': base("context:\n  any: ['@healthterms']\n") })).toMatch(
      /^team\/x\.yaml:11:9: rule team\/x: invalid cue "@healthterms": unknown lexicon "healthterms"; known: (?:[a-z-]+, )*health-terms(?:, [a-z-]+)*$/,
    );
  });

  it('loads a valid team rule with the built-in lexicons', () => {
    const dir = tempDir({ 'team/x.yaml': base("context:\n  any: ['@health-terms']\n") });
    const { rules } = loadRules([BUILTIN_RULES_DIR, dir]);
    expect(rules.find((r) => r.id === 'team/x')?.category).toBe('phi');
  });

  // A repeated entry does no harm at run time, but it hides which edit added a word and invites drift.
  it('lists every built-in lexicon entry once', () => {
    const dir = path.join(BUILTIN_RULES_DIR, 'lexicons');
    const repeated: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const lexicon = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      for (const key of ['terms', 'patterns', 'caseSensitivePatterns']) {
        const entries = (lexicon[key] as string[] | undefined) ?? [];
        entries.filter((e, i) => entries.indexOf(e) !== i).forEach((e) => repeated.push(`${file} ${key}: ${e}`));
      }
    }
    expect(repeated).toEqual([]);
  });
});
