// `phi-lint test-rules`: runs each rule's `examples` (flag must be reported, pass must stay quiet).
import path from 'node:path';
import { createDocument } from '../document/document.js';
import { UserError } from '../errors.js';
import { lintDocument } from '../engine/lint.js';
import { EMPTY_ALLOW } from '../engine/postprocess.js';
import type { CompiledRule } from '../rules/compiled.js';
import { setup } from '../setup.js';
import type { LintEnv } from '../engine/lint.js';

interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** One failed example. */
export interface ExampleFailure {
  ruleId: string;
  file: string;
  expected: 'flag' | 'pass';
  example: string;
  got: string;
}

/**
 * Run the examples of `rules`. Each example is linted as a draft of its own with every loaded rule (so
 * rules that weigh other identifiers see them), and only the rule's own findings count: "flag" needs a
 * warning or error from it, "pass" needs none (an `info` is fine: it is the quiet, no-context answer).
 */
export function runExamples(rules: CompiledRule[], env: LintEnv): { passed: number; failures: ExampleFailure[] } {
  let passed = 0;
  const failures: ExampleFailure[] = [];
  const all: LintEnv = { ...env, rules: [...new Set([...env.rules, ...rules])], allow: EMPTY_ALLOW, keepContained: true };
  for (const rule of rules) {
    for (const expected of ['flag', 'pass'] as const) {
      for (const example of rule.examples[expected]) {
        const found = lintDocument(createDocument('example.md', example), all).filter((f) => f.ruleId === rule.id && f.severity !== 'info');
        const ok = expected === 'flag' ? found.length > 0 : found.length === 0;
        if (ok) passed++;
        else failures.push({ ruleId: rule.id, file: rule.file, expected, example, got: found.map((f) => `${f.severity} "${f.text}"`).join(', ') || 'nothing' });
      }
    }
  }
  return { passed, failures };
}

export async function testRules(opts: { cwd: string; configPath?: string; dirs: string[] }, io: Out): Promise<number> {
  const { env } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: [], ruleDirsOnly: opts.dirs.length ? opts.dirs : undefined });
  // With folders named, only their rules are tested (the built-in lexicons stay available to them).
  const dirs = opts.dirs.map((d) => path.resolve(opts.cwd, d) + path.sep);
  const rules = dirs.length ? env.rules.filter((r) => dirs.some((d) => r.file.startsWith(d))) : env.rules;
  if (!rules.length) throw new UserError(`no rule files found in ${opts.dirs.join(', ')} (expected <dir>/<pack>/<rule>.yaml)`);
  const { passed, failures } = runExamples(rules, env);
  for (const f of failures) {
    io.stdout(`✖ ${f.ruleId} (${f.file}): expected to ${f.expected === 'flag' ? 'flag' : 'pass'}: ${JSON.stringify(f.example)}; got ${f.got}\n`);
  }
  io.stdout(`${passed} passed, ${failures.length} failed\n`);
  return failures.length ? 1 : 0;
}
