// Test helper for the input formats: lint one file through the CLI in every output format and check that each
// report names the same places.
import { expect } from 'vitest';
import { runCli } from './helpers.js';

/** One expected finding: rule id and 1-based line (and column where given). */
export interface Expected {
  ruleId: string;
  line: number;
  column?: number;
}

/** The findings of `file` (in `dir`) from the JSON report. */
export function jsonFindings(dir: string, file: string, extra: string[] = []) {
  const r = runCli(['--format', 'json', ...extra, file], { cwd: dir });
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout);
  return { code: r.code, findings: report.files[0].findings as { ruleId: string; line: number; column: number; endLine: number; endColumn: number; offset: number; length: number; text: string; severity: string; message: string; place?: string; fix?: unknown }[] };
}

/**
 * Lint `file` in every output format: the JSON report's errors and warnings are `expected` (in order), and
 * stylish, compact, GitHub, SARIF and JUnit report each of them at the same line and column.
 */
export function expectInEveryFormat(dir: string, file: string, expected: Expected[]): void {
  const { code, findings } = jsonFindings(dir, file);
  const shown = findings.filter((f) => f.severity !== 'info');
  expect(shown.map((f) => ({ ruleId: f.ruleId, line: f.line, ...(expected.find((e) => e.ruleId === f.ruleId && e.line === f.line)?.column ? { column: f.column } : {}) }))).toEqual(expected);
  const errors = shown.some((f) => f.severity === 'error');
  expect(code).toBe(errors ? 1 : 0);

  const stylish = runCli(['--no-color', file], { cwd: dir });
  const compact = runCli(['--format', 'compact', file], { cwd: dir });
  const github = runCli(['--format', 'github', file], { cwd: dir });
  const sarif = JSON.parse(runCli(['--format', 'sarif', file], { cwd: dir }).stdout);
  const junit = runCli(['--format', 'junit', file], { cwd: dir });
  for (const r of [stylish, compact, github, junit]) expect(r.code).toBe(code);
  const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
  expect(results.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn])).toEqual(shown.map((f) => [f.ruleId, f.line, f.column]));
  for (const f of shown) {
    expect(stylish.stdout).toContain(`${f.line}:${f.column} `);
    expect(compact.stdout).toContain(`${file}:${f.line}:${f.column}: ${f.severity}: `);
    expect(github.stdout).toContain(`file=${file},line=${f.line},endLine=${f.endLine},col=${f.column},endColumn=${f.endColumn},title=${f.ruleId}::`);
    expect(junit.stdout).toContain(`${file}:${f.line}:${f.column} ${f.severity} `);
  }
  if (!shown.length) {
    expect(junit.stdout).toContain('failures="0"');
    expect(github.stdout).not.toContain('::error');
  }
}
