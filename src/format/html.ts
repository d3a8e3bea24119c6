// The --format html report: one self-contained page (no scripts, no network) with a summary and each draft highlighted.
import { createHash } from 'node:crypto';
import { IDENTIFIER_TYPES, TOPIC_TYPES, type FileResult, type Finding, type Severity } from '../types.js';
import { REPORT_CSS } from './html-style.js';
import { runsOf, worst } from './html-text.js';
import { maskText } from './mask.js';
import { allProblems, type Summary } from './summary.js';

/** Why a finding was reported, as the people model records it (optional: older results have none). */
export interface Evidence {
  text: string;
  /** UTF-16 offset of `text` in the draft, when it is in the draft. */
  offset?: number;
  why: string;
}

/** A finding that may carry evidence. */
export type FindingWithEvidence = Finding & { evidence?: Evidence[] };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe inside HTML elements and quoted attributes. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Plain words for identifier and topic ids, as a compliance lead would say them. */
export const TYPE_LABELS: Record<string, string> = {
  name: 'Names', geo: 'Places smaller than a state', date: 'Dates', age: 'Ages over 89', phone: 'Phone numbers', fax: 'Fax numbers',
  email: 'Email addresses', ssn: 'Social Security numbers', mrn: 'Medical record numbers', 'health-plan': 'Health plan numbers',
  account: 'Account numbers', license: 'Licence numbers', vehicle: 'Vehicle identifiers', device: 'Device identifiers', url: 'Web addresses',
  ip: 'IP addresses', biometric: 'Biometric identifiers', photo: 'Photos', 'other-id': 'Other identifying numbers',
  disparagement: 'Disparaging talk', 'medical-advice': 'Medical advice', 'outcome-claim': 'Outcome claims', 'review-response': 'Replies to reviews',
  confidentiality: 'Confidentiality', boundary: 'Boundaries', 'conflict-of-interest': 'Conflicts of interest', profanity: 'Profanity',
  'photo-consent': 'Photo consent',
};

const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const SEVERITY_LETTER: Record<Severity, string> = { error: 'E', warning: 'W', info: 'I' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Counts = Record<Severity, number>;
const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });

/** What the summary needs, gathered file by file. */
interface Tally {
  summary: Summary;
  byType: Map<string, Counts>;
  files: { path: string; anchor: string; counts: Counts }[];
}

/** The inline-highlighted text of one draft: every finding a <mark> followed by its lettered, numbered marker. */
function highlighted(source: string, problems: Finding[], fileNo: number): string {
  const runs = runsOf(source, problems);
  const lastRun = new Map<number, number>();
  const firstRun = new Map<number, number>();
  runs.forEach((run, r) => {
    for (const i of run.covering) {
      if (!firstRun.has(i)) firstRun.set(i, r);
      lastRun.set(i, r);
    }
  });
  let out = '';
  runs.forEach((run, r) => {
    const text = escapeHtml(source.slice(run.from, run.to));
    if (!run.covering.length) {
      out += text;
      return;
    }
    const starts = run.covering.filter((i) => firstRun.get(i) === r);
    const id = starts.length ? ` id="m-${fileNo}-${starts[0] + 1}"` : '';
    const sev = worst(problems, run.covering);
    const nums = run.covering.map((i) => i + 1).join(', ');
    out += `<mark class="${sev}"${id} data-f="${run.covering.map((i) => i + 1).join(' ')}" title="Finding ${nums}">${text}</mark>`;
    for (const i of run.covering.filter((i) => lastRun.get(i) === r)) {
      const f = problems[i];
      out += `<a class="marker ${f.severity}" href="#f-${fileNo}-${i + 1}" aria-label="${SEVERITY_LETTER[f.severity]}${i + 1} ${SEVERITY_WORD[f.severity]}: ${escapeHtml(f.message)}">${SEVERITY_LETTER[f.severity]}${i + 1}</a>`;
    }
  });
  return out;
}

/** One finding's card: severity, place, message, the matched text, evidence and suggestions. */
function card(f: FindingWithEvidence, i: number, fileNo: number, mask: boolean): string {
  const n = i + 1;
  const back = f.length > 0 ? `<a href="#m-${fileNo}-${n}">line ${f.line}, column ${f.column}</a>` : `line ${f.line}`;
  const parts = [
    `<li class="finding ${f.severity}" id="f-${fileNo}-${n}">`,
    `<p><span class="badge ${f.severity}">${SEVERITY_LETTER[f.severity]}${n} ${SEVERITY_WORD[f.severity]}</span> <span class="where">${back}</span> <span class="rule">${escapeHtml(f.ruleId)}</span></p>`,
    `<p class="message">${escapeHtml(f.message)}</p>`,
  ];
  if (f.text) parts.push(`<p>Found: <span class="quote">${escapeHtml(f.text)}</span></p>`);
  if (f.evidence?.length) {
    parts.push('<p class="label">Why</p><ul class="evidence">');
    for (const e of f.evidence) {
      // Evidence quotes the draft; under masking it is masked like the match.
      const quoted = e.text ? `<span class="quote">${escapeHtml(mask ? maskText(e.text) : e.text)}</span>: ` : '';
      parts.push(`<li>${quoted}${escapeHtml(e.why)}</li>`);
    }
    parts.push('</ul>');
  }
  if (f.suggestions.length) {
    parts.push('<p class="label">What to write instead</p><ul class="suggestions">');
    for (const s of f.suggestions) {
      const repl = s.replacement === undefined ? '' : s.replacement === '' ? ' (delete it)' : `: <ins>${escapeHtml(s.replacement)}</ins>`;
      parts.push(`<li>${escapeHtml(s.message)}${repl}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</li>');
  return parts.join('');
}

/** One draft's section, and its counts added to the tally. */
function section(r: FileResult, fileNo: number, tally: Tally, mask: boolean): string {
  const problems = allProblems(r) as FindingWithEvidence[];
  const counts = zero();
  for (const f of problems) {
    counts[f.severity]++;
    tally.summary[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
    if (f.category === 'directive') continue;
    const t = tally.byType.get(`${f.category}:${f.type}`) ?? zero();
    t[f.severity]++;
    tally.byType.set(`${f.category}:${f.type}`, t);
  }
  tally.summary.files++;
  const anchor = `file-${fileNo}`;
  tally.files.push({ path: r.path, anchor, counts });
  const head = `<h2 id="${anchor}">${escapeHtml(r.path)} <span class="file-counts">${countWords(counts)}</span></h2>`;
  if (!problems.length) return `<section class="file" aria-labelledby="${anchor}">${head}<p class="clean">No problems found.</p></section>\n`;
  return [
    `<section class="file" aria-labelledby="${anchor}">${head}<div class="columns">`,
    `<pre class="draft">${highlighted(r.source, problems, fileNo)}</pre>`,
    `<ol class="findings" aria-label="Findings in ${escapeHtml(r.path)}">${problems.map((f, i) => card(f, i, fileNo, mask)).join('\n')}</ol>`,
    '</div></section>\n',
  ].join('\n');
}

function countWords(c: Counts): string {
  const parts = [c.error && plural(c.error, 'error'), c.warning && plural(c.warning, 'warning'), c.info && plural(c.info, 'info')].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no problems';
}

/** The summary: totals, then findings by identifier and by topic, then the files. */
function summaryHtml(t: Tally): string {
  const s = t.summary;
  const rows = (types: readonly string[], category: string) =>
    types
      .map((type) => ({ type, c: t.byType.get(`${category}:${type}`) }))
      .filter((x) => x.c)
      .map(({ type, c }) => `<tr><th scope="row">${escapeHtml(TYPE_LABELS[type] ?? type)} <span class="rule">(${type})</span></th><td class="n">${c!.error}</td><td class="n">${c!.warning}</td><td class="n">${c!.info}</td></tr>`);
  // Types outside the documented lists (custom rules) are still counted.
  const known = new Set<string>([...IDENTIFIER_TYPES.map((x) => `phi:${x}`), ...TOPIC_TYPES.map((x) => `professionalism:${x}`)]);
  const other = [...t.byType.keys()].filter((k) => !known.has(k));
  const table = (caption: string, body: string[]) =>
    body.length
      ? `<table><caption class="label">${caption}</caption><thead><tr><th scope="col">Kind</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Infos</th></tr></thead><tbody>${body.join('')}</tbody></table>`
      : '';
  const phiRows = [...rows(IDENTIFIER_TYPES, 'phi'), ...other.filter((k) => k.startsWith('phi:')).flatMap((k) => rows([k.slice(4)], 'phi'))];
  const topicRows = [...rows(TOPIC_TYPES, 'professionalism'), ...other.filter((k) => !k.startsWith('phi:')).flatMap((k) => rows([k.slice(k.indexOf(':') + 1)], k.slice(0, k.indexOf(':'))))];
  const files = t.files
    .map((f) => `<tr><th scope="row"><a href="#${f.anchor}">${escapeHtml(f.path)}</a></th><td class="n">${f.counts.error}</td><td class="n">${f.counts.warning}</td><td class="n">${f.counts.info}</td></tr>`)
    .join('');
  return [
    '<section aria-labelledby="summary"><h2 id="summary">Summary</h2>',
    `<ul class="totals"><li><strong>${s.files}</strong> ${s.files === 1 ? 'file' : 'files'}</li><li><strong>${s.errors}</strong> ${s.errors === 1 ? 'error' : 'errors'}</li><li><strong>${s.warnings}</strong> ${s.warnings === 1 ? 'warning' : 'warnings'}</li>${s.infos ? `<li><strong>${s.infos}</strong> ${s.infos === 1 ? 'info' : 'infos'}</li>` : ''}</ul>`,
    s.errors + s.warnings + s.infos === 0 ? '<p class="clean">No problems found in any file.</p>' : '',
    `<div class="tables">${table('Patient information, by identifier', phiRows)}${table('Professionalism, by topic', topicRows)}</div>`,
    `<table><caption class="label">Files</caption><thead><tr><th scope="col">File</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Infos</th></tr></thead><tbody>${files}</tbody></table>`,
    '<p class="lead">In the drafts below, E marks an error (solid underline), W a warning (dashed), I an info (dotted). Each marker links to its explanation.</p>',
    '</section>',
  ].join('\n');
}

const styleHash = createHash('sha256').update(REPORT_CSS).digest('base64');
/** The report's policy: nothing but its own inline stylesheet may load; no script, no request, no form. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;

/** The whole page around the summary and the sections. */
function page(version: string, tally: Tally, sections: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>phi-lint report: ${plural(tally.summary.errors, 'error')}, ${plural(tally.summary.warnings, 'warning')}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    '<header><h1>phi-lint report</h1><p class="lead">Protected health information and professionalism problems in social-media drafts. Fix every error before posting.</p></header>',
    '<main>',
    summaryHtml(tally),
    ...sections,
    '</main>',
    `<footer>Made by phi-lint ${escapeHtml(version)}. This report quotes the drafts: share it only with people allowed to read them.</footer>`,
    '</body></html>\n',
  ].join('\n');
}

/**
 * The HTML report, file by file: `file` keeps each draft's rendered section (not its result), `end` returns
 * the page, because the summary at the top needs every file first. Results arrive already masked when asked.
 */
export function htmlReport(version: string, mask: boolean) {
  const tally: Tally = { summary: { files: 0, errors: 0, warnings: 0, infos: 0 }, byType: new Map(), files: [] };
  const sections: string[] = [];
  return {
    file(r: FileResult): void {
      sections.push(section(r, tally.files.length + 1, tally, mask));
    },
    end: (): string => page(version, tally, sections),
  };
}
