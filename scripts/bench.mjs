#!/usr/bin/env node
// `npm run bench`: speed and memory of the CLI on a deterministic corpus of realistic drafts.
// Prints one table: MB/s, drafts/s, one-draft latency against `require('compromise')`, peak RSS.
// usage: node scripts/bench.mjs [--drafts 1000] [--runs 5] [--keep DIR (write the corpus there and keep it)]
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
  const n = num(10, 16);
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
const full = run([...RSS_HOOK, bin, '--format', 'json', dir]);
const report = JSON.parse(full.stdout);
const findings = report.files.reduce((n, f) => n + f.findings.length, 0);
const mb = bytes / 1e6;

const rows = [
  ['corpus', `${DRAFTS} drafts, ${mb.toFixed(2)} MB, ${findings} findings`],
  ['throughput', `${(mb / (full.ms / 1000)).toFixed(2)} MB/s, ${(DRAFTS / (full.ms / 1000)).toFixed(0)} drafts/s (${(full.ms / 1000).toFixed(2)} s, process start to exit)`],
  ['peak RSS, full corpus', `${full.rss.toFixed(0)} MB`],
  ['one draft, cold (median of ' + RUNS + ')', `${median(single.map((s) => s.ms)).toFixed(0)} ms, peak RSS ${median(single.map((s) => s.rss)).toFixed(0)} MB`],
  ["node -e \"require('compromise')\" (floor)", `${median(floor).toFixed(0)} ms`],
  ['one draft / floor', `${(median(single.map((s) => s.ms)) / median(floor)).toFixed(2)}x`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`| ${'measure'.padEnd(w)} | result |\n| ${'-'.repeat(w)} | --- |`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
if (!keepAt) fs.rmSync(dir, { recursive: true, force: true });
