// --format junit: JUnit XML for CI dashboards, one test case per file and a failure element per finding.
import { allProblems } from './summary.js';
import type { FileResult } from '../types.js';

/** Escape text for XML content and attributes; control characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(results: FileResult[]): string {
  const failures = (r: FileResult) => allProblems(r).filter((f) => f.severity !== 'info');
  // `failures` counts failed test cases (files), not <failure> elements: readers compute passed = tests - failures.
  const failed = results.filter((r) => failures(r).length).length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="phi-lint" tests="${results.length}" failures="${failed}" errors="0">`];
  out.push(`  <testsuite name="phi-lint" tests="${results.length}" failures="${failed}" errors="0">`);
  for (const r of results) {
    const fs = failures(r);
    const name = xmlEscape(r.path);
    if (!fs.length) {
      out.push(`    <testcase classname="phi-lint" name="${name}" file="${name}"/>`);
      continue;
    }
    out.push(`    <testcase classname="phi-lint" name="${name}" file="${name}">`);
    for (const f of fs) {
      const where = `${r.path}:${f.line}:${f.column}`;
      out.push(`      <failure type="${xmlEscape(f.ruleId)}" message="${xmlEscape(`${f.severity}: ${f.message}`)}">${xmlEscape(`${where} ${f.severity} ${f.message} [${f.ruleId}]`)}</failure>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
