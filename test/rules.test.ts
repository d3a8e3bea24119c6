// Every rule's YAML examples run as tests: "flag" examples must be reported, "pass" examples must stay quiet.
import { describe, expect, it } from 'vitest';
import { runExamples } from '../src/cli/test-rules-command.js';
import { setup } from '../src/setup.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [], configPath: undefined });

describe('built-in rules', () => {
  it('load at least 25 rules covering every identifier and topic id', async () => {
    const { IDENTIFIER_TYPES, TOPIC_TYPES } = await import('../src/types.js');
    expect(env.rules.length).toBeGreaterThanOrEqual(25);
    const types = new Set(env.rules.map((r) => r.type));
    for (const t of [...IDENTIFIER_TYPES, ...TOPIC_TYPES]) expect(types, t).toContain(t);
  });

  for (const rule of env.rules) {
    describe(rule.id, () => {
      it('has a message, a description, a link and at least one suggestion', () => {
        expect(rule.message.length).toBeGreaterThan(10);
        expect(rule.link).toMatch(/^https:\/\//);
        expect(rule.suggestions.length).toBeGreaterThan(0);
        // `flag` examples must be reported as warnings or errors, which an `info` rule never is.
        if (rule.defaultSeverity !== 'info') expect(rule.examples.flag.length).toBeGreaterThan(0);
        else expect(rule.examples.pass.length).toBeGreaterThan(0);
      });
      it('flags its "flag" examples and passes its "pass" examples', () => {
        const { failures } = runExamples([rule], env);
        expect(failures).toEqual([]);
      });
    });
  }
});
