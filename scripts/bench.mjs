#!/usr/bin/env node
// `npm run bench`: speed and memory of the CLI on a deterministic corpus of realistic drafts.
// Prints one table: MB/s, drafts/s, one-draft latency against `require('compromise')`, peak RSS, with and
// without workers and cache, beside a naive compromise pass; exits 1 if the modes' findings differ.
// usage: node scripts/bench.mjs [--drafts 1000] [--runs 5] [--big-mb 50 (0 skips the memory run)] [--format-drafts 200] [--keep DIR]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'phi-lint.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DRAFTS = arg('--drafts', 1000);
const RUNS = arg('--runs', 5);
const BIG_MB = arg('--big-mb', 50);

// Seeded generator (mulberry32), so every run lints the same corpus.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261122);
const pick = (a) => a[Math.floor(rand() * a.length)];
const num = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const FIRST = ['Maria', 'James', 'Aisha', 'Wei', 'Carlos', 'Priya', 'Emeka', 'Olga', 'Tom', 'Linda', 'Kenji', 'Fatima', 'Rosa', 'Dale'];
const LAST = ['Lopez', 'Okafor', 'Nguyen', 'Smith', 'Haddad', 'Kowalski', 'Bell', 'Chen', 'Reyes', 'Patel', 'Johnson', 'Kim'];
const CONDITION = ['knee replacement', 'bypass surgery', 'chemo', 'a broken hip', 'pneumonia', 'a stroke', 'gastric sleeve', 'lupus'];
const TOWN = ['Oak Park', 'Cedar Falls', 'Millbrook', 'Lake County', 'Fairview', 'Harlan'];
const name = () => `${pick(FIRST)} ${pick(LAST)}`;
// Most of a real draft is ordinary prose; a few paragraphs carry PHI or a professionalism problem.
const CLEAN = [
  () => `Flu shots are here for adults ${num(50, 65)} and older. Walk in Mon-Fri 8am-6pm at our Fairview clinic, no appointment needed.`,
  () => `Our community health fair is Saturday, May ${num(1, 28)}, 9am-1pm at ${num(100, 999)} Harbor Way. Blood pressure checks, A1C screenings and bike helmet fittings for kids. Questions? Call (773) 555-01${num(10, 99)}.`,
  () => `Nearly half of U.S. adults have high blood pressure, and the risk climbs with age. Check your numbers for free at any of our pharmacy kiosks, and talk to your doctor about what they mean.`,
  () => `Please join us in welcoming Dr. ${name()} to our cardiology team! Dr. ${pick(LAST)} completed a fellowship at Northwestern and starts seeing patients in March.`,
  () => `Nurses Week spotlight: ${name()}, RN, has worked nights in our ICU for ${num(2, 30)} years. "The patients and families are why I stay."`,
  () => `Thank you to the ${pick(LAST)} Family Foundation, whose $${num(10, 90)},000 grant funds free sports physicals for students across ${pick(TOWN)} this summer.`,
  () => `Sunscreen tip: SPF 30 or higher every day, reapply every two hours outdoors, and do not forget your ears and scalp. Book a skin check at clearviewderm.com.`,
  () => `Our Diabetes Prevention Program meets in Conference Room B every Wednesday at 6pm. Adults with prediabetes are welcome; no referral needed.`,
  () => `Holiday hours: our clinics close at noon on Christmas Eve and reopen December 26. For urgent problems, call the on-call line at (206) 555-01${num(10, 99)}.`,
  () => `In ${num(2019, 2025)} our teams delivered ${num(2000, 4000)} babies and performed ${num(5000, 9000)} surgeries. Read the full community benefit report at riverbendhealth.org/report.`,
];
const PROBLEM = [
  () => `Happy ${num(90, 104)}th birthday to our resident ${name()}! She moved into Room ${num(100, 450)} in ${num(2015, 2024)}.`,
  () => `Our patient ${name()}, ${num(20, 89)}, of ${pick(TOWN)} is home after ${pick(CONDITION)} on ${num(1, 12)}/${num(1, 28)}. #recovery`,
  () => `Hi ${pick(FIRST)}, we're sorry about the wait. Our records show you missed your ${num(1, 12)}/${num(1, 28)} appointment.`,
  () => `Our laser treatment is painless and guaranteed! 100% of clients love their results. Use code SAVE${num(10, 30)}.`,
  () => `Intake note: SSN ${num(100, 665)}-${num(10, 99)}-${num(1000, 9999)}, MRN ${num(1000000, 9999999)}. DELETE before posting.`,
  () => `Shift change vibes! You can totally see the board with room numbers behind us lol. The frequent flyer in bed ${num(1, 30)} is back.`,
];
function draft(i) {
  const parts = [];
  // About 3 KB a draft, like the newsletters and blog posts that make up most of a content repository.
  const n = num(17, 27);
  // One draft in three is clean; the others carry one or two problem paragraphs among ordinary prose.
  const problems = i % 3 === 0 ? 0 : num(1, 2);
  for (let k = 0; k < n; k++) parts.push(k < problems ? pick(PROBLEM)() : pick(CLEAN)());
  for (let k = parts.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [parts[k], parts[j]] = [parts[j], parts[k]];
  }
  return `---\ntitle: Draft ${i}\n---\n${parts.join('\n\n')}\n`;
}

function run(args, opts = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/PEAK_RSS_KB (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN) / 1024;
  return { ms, rss, stdout: r.stdout, status: r.status };
}
// Measure peak RSS from inside the child, without changing phi-lint.
const RSS_HOOK = ['--import', `data:text/javascript,process.on('exit',()=>process.stderr.write('PEAK_RSS_KB '+process.resourceUsage().maxRSS+'\\n'))`];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const keepAt = process.argv.includes('--keep') ? path.resolve(process.argv[process.argv.indexOf('--keep') + 1]) : undefined;
const dir = keepAt ?? fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-bench-'));
fs.mkdirSync(dir, { recursive: true });
let bytes = 0;
for (let i = 0; i < DRAFTS; i++) {
  const text = draft(i);
  bytes += Buffer.byteLength(text);
  fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(5, '0')}.md`), text);
}
const one = path.join(dir, 'draft-00000.md');

const floor = [];
const single = [];
for (let i = 0; i < RUNS; i++) {
  floor.push(run(['-e', "require('compromise')"], { cwd: root }).ms);
  single.push(run([...RSS_HOOK, bin, '--format', 'json', one]));
}

// The same corpus in every mode; the findings must be identical (the JSON report, byte for byte).
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-bench-cache-'));
const modes = [
  ['main thread only (--workers 0)', ['--workers', '0']],
  ['worker threads (default)', []],
  ['--cache, first run', ['--cache', '--cache-location', cacheDir]],
  ['--cache, second run (unchanged)', ['--cache', '--cache-location', cacheDir]],
  ['--cache, second run, stylish', ['--cache', '--cache-location', cacheDir, '--format', 'stylish', '--no-color']],
].map(([name, extra]) => {
  const format = extra.includes('stylish') ? [] : ['--format', 'json'];
  const r = run([...RSS_HOOK, bin, ...format, ...extra, dir]);
  return { name, ...r, json: format.length ? r.stdout : undefined };
});
const reference = modes[0].json;
const identical = modes.every((m) => m.json === undefined || m.json === reference);
const report = JSON.parse(reference);
const findings = report.files.reduce((n, f) => n + f.findings.length, 0);
const mb = bytes / 1e6;

// The naive pass the design avoids: compromise with compromise-dates over every draft, nothing else.
const naiveScript = `const nlp=require('compromise');nlp.plugin(require('compromise-dates'));const fs=require('fs'),p=require('path');const d=${JSON.stringify(dir)};for(const f of fs.readdirSync(d)){const doc=nlp(fs.readFileSync(p.join(d,f),'utf8'));doc.people().json();doc.places().json();doc.dates().json();}`;
const naive = run(['-e', naiveScript], { cwd: root });

// Memory on a large corpus: the same drafts repeated to --big-mb megabytes, linted in one run.
let big;
if (BIG_MB > 0) {
  const bigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-bench-big-'));
  const files = fs.readdirSync(dir);
  let total = 0;
  for (let i = 0; total < BIG_MB * 1e6; i++) {
    const text = fs.readFileSync(path.join(dir, files[i % files.length]), 'utf8');
    fs.writeFileSync(path.join(bigDir, `d${String(i).padStart(6, '0')}.md`), text);
    total += Buffer.byteLength(text);
  }
  const r = run([...RSS_HOOK, bin, '--format', 'json', bigDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  big = { mb: total / 1e6, ...r };
  fs.rmSync(bigDir, { recursive: true, force: true });
}

// Input formats: the first drafts as web pages (inside a site's menus, footer and comment form) and as Word files.
const FORMAT_DRAFTS = Math.min(DRAFTS, arg('--format-drafts', 200));
const formatRuns = [];
{
  const { strToU8, zipSync } = await import('fflate');
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const dirs = { md: fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-bench-md-')), html: fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-bench-html-')), docx: fs.mkdtempSync(path.join(os.tmpdir(), 'phi-lint-bench-docx-')) };
  const size = { md: 0, html: 0, docx: 0 };
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).slice(0, FORMAT_DRAFTS);
  for (const [i, f] of files.entries()) {
    const md = fs.readFileSync(path.join(dir, f), 'utf8');
    const paras = md.replace(/^---[\s\S]*?---\n/, '').split(/\n\n+/).filter(Boolean);
    const html = `<!doctype html><html><head><title>Draft ${i}</title><script>track()</script></head><body><header><nav><a href="/">Home</a> <a href="/care">Find care</a> <a href="/about">About us</a></nav></header><main><article><h1>Draft ${i}</h1>\n${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n</article><section class="comments"><form><textarea></textarea><button>Post comment</button></form></section></main><footer><p>Riverbend Health, 450 Harbor Way. Copyright 2026.</p></footer></body></html>\n`;
    const docx = Buffer.from(zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`),
      'docProps/core.xml': strToU8(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Draft ${i}</dc:title></cp:coreProperties>`),
    }));
    const name = `draft-${String(i).padStart(5, '0')}`;
    fs.writeFileSync(path.join(dirs.md, `${name}.md`), md);
    fs.writeFileSync(path.join(dirs.html, `${name}.html`), html);
    fs.writeFileSync(path.join(dirs.docx, `${name}.docx`), docx);
    size.md += Buffer.byteLength(md);
    size.html += Buffer.byteLength(html);
    size.docx += docx.length;
  }
  for (const [kind, label] of [['md', 'Markdown'], ['html', 'HTML pages (with site furniture)'], ['docx', 'Word files (.docx)']]) {
    const r = run([...RSS_HOOK, bin, '--format', 'json', dirs[kind]], { stdio: ['ignore', 'pipe', 'pipe'] });
    const n = JSON.parse(r.stdout).files.reduce((k, f) => k + f.findings.length, 0);
    formatRuns.push([`${label}: ${FORMAT_DRAFTS} drafts, ${(size[kind] / 1e6).toFixed(2)} MB`, `${(r.ms / 1000).toFixed(2)} s, ${(size[kind] / 1e6 / (r.ms / 1000)).toFixed(2)} MB/s, ${(FORMAT_DRAFTS / (r.ms / 1000)).toFixed(0)} files/s, ${n} findings, peak RSS ${r.rss.toFixed(0)} MB`]);
    fs.rmSync(dirs[kind], { recursive: true, force: true });
  }
}

const rate = (ms) => `${(mb / (ms / 1000)).toFixed(2)} MB/s, ${(DRAFTS / (ms / 1000)).toFixed(0)} drafts/s`;
const first = modes[2].ms;
const rows = [
  ['corpus', `${DRAFTS} drafts, ${mb.toFixed(2)} MB, ${findings} findings (seeded, deterministic)`],
  ...modes.map((m) => [m.name, `${(m.ms / 1000).toFixed(2)} s, ${rate(m.ms)}, peak RSS ${m.rss.toFixed(0)} MB`]),
  ['cache: second run / first run', `${((modes[3].ms / first) * 100).toFixed(1)}% (json), ${((modes[4].ms / first) * 100).toFixed(1)}% (stylish)`],
  ['naive: compromise + compromise-dates over every draft', `${(naive.ms / 1000).toFixed(2)} s, ${rate(naive.ms)}`],
  ['phi-lint (workers) / naive', `${(modes[1].ms / naive.ms).toFixed(2)}x the time`],
  [`one draft, cold (median of ${RUNS})`, `${median(single.map((s) => s.ms)).toFixed(0)} ms, peak RSS ${median(single.map((s) => s.rss)).toFixed(0)} MB`],
  ["node -e \"require('compromise')\" (floor, median)", `${median(floor).toFixed(0)} ms`],
  ['one draft / floor', `${(median(single.map((s) => s.ms)) / median(floor)).toFixed(2)}x`],
  ...(big ? [[`large corpus (${big.mb.toFixed(0)} MB)`, `${(big.ms / 1000).toFixed(1)} s, ${(big.mb / (big.ms / 1000)).toFixed(2)} MB/s, peak RSS ${big.rss.toFixed(0)} MB`]] : []),
  ...formatRuns,
  ['findings identical across modes', identical ? 'yes' : 'NO'],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`| ${'measure'.padEnd(w)} | result |\n| ${'-'.repeat(w)} | --- |`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
fs.rmSync(cacheDir, { recursive: true, force: true });
if (!keepAt) fs.rmSync(dir, { recursive: true, force: true });
if (!identical) {
  console.error('bench: the modes gave different findings');
  process.exit(1);
}
