// --format sarif: SARIF 2.1.0 for GitHub code scanning, with content fingerprints that survive moved lines.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { keyedHex } from '../hash.js';
import type { CompiledRule } from '../rules/compiled.js';
import { allProblems } from './summary.js';
import type { FileResult, Severity } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifContext {
  version: string;
  rules: CompiledRule[];
  /** Folder that artifact URIs are relative to (the repository root). */
  root: string;
  cwd: string;
}

const DIRECTIVE_RULE = {
  id: 'phi-lint/directive',
  name: 'PhiLintDirective',
  shortDescription: { text: 'A phi-lint disable comment without a reason, or one that silenced nothing.' },
  fullDescription: { text: 'Disable comments must say why after "--"; unused ones should be removed so they do not hide future problems.' },
  help: { text: 'Write <!-- phi-lint-disable-next-line RULE -- reason -->, or remove the comment.' },
  defaultConfiguration: { level: 'warning' },
};

/** The artifact location: relative to the repository root, or an absolute file URI outside it. */
function locationOf(file: string, ctx: SarifContext): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  const abs = path.resolve(ctx.cwd, file);
  const rel = path.relative(ctx.root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(results: FileResult[], ctx: SarifContext): string {
  const rules = ctx.rules;
  const index = new Map([...rules.map((r, i) => [r.id, i] as const), ['phi-lint/directive', rules.length] as const]);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'phi-lint',
            version: ctx.version,
            informationUri: 'https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/index.html',
            rules: [...rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description.split(/(?<=\.)\s/)[0] },
              fullDescription: { text: r.description },
              help: { text: `${r.description}${r.link ? ` See ${r.link}` : ''}`, markdown: `${r.description}${r.link ? `\n\n[${r.link}](${r.link})` : ''}` },
              ...(r.link ? { helpUri: r.link } : {}),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { category: r.category, type: r.type, tags: [r.category, r.type] },
            })), DIRECTIVE_RULE],
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          allProblems(r).map((f) => ({
            ruleId: f.ruleId,
            ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: locationOf(r.path, ctx),
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            partialFingerprints: { 'phiLint/content/v1': f.key ?? keyedHex(`${f.ruleId}\u0000${f.text}`) },
            properties: { category: f.category, type: f.type },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
