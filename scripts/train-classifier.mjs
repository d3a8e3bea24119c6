#!/usr/bin/env node
// Trains the professionalism sentence classifier: reads rules/models/training/*.jsonl ({text, label,
// channel} per line), fits a multinomial logistic regression over src/classify/features.ts, prints a
// five-fold cross-validation, and writes rules/models/professionalism.json. Deterministic: the same data
// gives the same weights. Run `npm run build` first (it uses the compiled feature code and lexicons).
//   node scripts/train-classifier.mjs [--check]   (--check: fail if the committed weights differ)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { featuresOf } = await import(path.join(root, 'dist', 'classify', 'features.js'));
const { loadRules, BUILTIN_RULES_DIR } = await import(path.join(root, 'dist', 'rules', 'load.js'));

const TRAINING = path.join(root, 'rules', 'models', 'training');
const OUT = path.join(root, 'rules', 'models', 'professionalism.json');
const SETTINGS = { epochs: 40, rate: 0.2, l2: 1e-4, minCount: 2, seed: 7, balance: 0.5 };
/** Channels of the training sentences as the kinds of draft the people model tells apart. */
const USE_KIND = false;
const KIND = { 'review-reply': 'review-reply', 'comment-reply': 'comment-reply', post: 'post', caption: 'post', 'dm-screenshot': 'post', article: 'article', newsletter: 'article' };

const { lexicons } = loadRules([BUILTIN_RULES_DIR]);
const examples = fs.readdirSync(TRAINING).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) =>
  fs.readFileSync(path.join(TRAINING, f), 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    const e = JSON.parse(l);
    if (typeof e.text !== 'string' || typeof e.label !== 'string') throw new Error(`${f}:${i + 1}: needs "text" and "label"`);
    return { text: e.text, label: e.label, features: featuresOf(e.text, lexicons, USE_KIND ? { kind: KIND[e.channel] } : {}) };
  }));
const labels = ['none', ...[...new Set(examples.map((e) => e.label))].filter((l) => l !== 'none').sort()];

/** A small seeded generator (mulberry32): the example order is shuffled the same way every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function train(set) {
  const counts = new Map();
  for (const e of set) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const keep = (f) => !/^[wb]:/.test(f) || counts.get(f) >= SETTINGS.minCount;
  const W = new Map();
  const row = (f) => {
    let r = W.get(f);
    if (!r) W.set(f, (r = new Float64Array(labels.length)));
    return r;
  };
  // Topics are rarer than harmless sentences; `balance` (0 none, 1 full) evens the classes out partly, so
  // the model neither ignores rare topics nor sees them everywhere.
  const perLabel = new Map(labels.map((l) => [l, set.filter((e) => e.label === l).length || 1]));
  const classWeight = new Map(labels.map((l) => [l, (set.length / (labels.length * perLabel.get(l))) ** SETTINGS.balance]));
  const order = set.map((_, i) => i);
  const random = rng(SETTINGS.seed);
  for (let epoch = 0; epoch < SETTINGS.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = SETTINGS.rate / (1 + epoch * 0.2);
    for (const idx of order) {
      const e = set[idx];
      const fs_ = e.features.filter(keep);
      const z = new Float64Array(labels.length);
      for (const f of fs_) {
        const r = W.get(f);
        if (r) for (let k = 0; k < z.length; k++) z[k] += r[k];
      }
      const max = Math.max(...z);
      let sum = 0;
      for (let k = 0; k < z.length; k++) sum += (z[k] = Math.exp(z[k] - max));
      const y = labels.indexOf(e.label);
      const cw = classWeight.get(e.label);
      for (const f of fs_) {
        const r = row(f);
        for (let k = 0; k < z.length; k++) {
          const grad = (z[k] / sum - (k === y ? 1 : 0)) * cw;
          r[k] -= rate * (grad + SETTINGS.l2 * r[k]);
        }
      }
    }
  }
  return W;
}

function predict(W, features) {
  const z = labels.map(() => 0);
  for (const f of features) {
    const r = W.get(f);
    if (r) for (let k = 0; k < z.length; k++) z[k] += r[k];
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

// Five-fold cross-validation: what the weights do on sentences they were not fitted to.
const folds = 5;
const tally = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
for (let k = 0; k < folds; k++) {
  const W = train(examples.filter((_, i) => i % folds !== k));
  examples.forEach((e, i) => {
    if (i % folds !== k) return;
    const p = predict(W, e.features);
    const best = labels[p.indexOf(Math.max(...p))];
    if (best === e.label) tally.get(e.label).tp++;
    else {
      tally.get(best).fp++;
      tally.get(e.label).fn++;
    }
  });
}
const cv = {};
for (const [l, t] of tally) {
  cv[l] = { precision: +(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3), recall: +(t.tp / Math.max(1, t.tp + t.fn)).toFixed(3), n: examples.filter((e) => e.label === l).length };
  console.log(`${l.padEnd(22)} n=${String(cv[l].n).padStart(4)}  cv precision ${cv[l].precision.toFixed(3)}  recall ${cv[l].recall.toFixed(3)}`);
}

const W = train(examples);
const weights = {};
for (const [f, r] of [...W.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const rounded = [...r].map((v) => Math.round(v * 1000) / 1000);
  if (rounded.some((v) => Math.abs(v) >= 0.01)) weights[f] = rounded;
}
const model = { labels, trained: { sentences: examples.length, settings: SETTINGS, crossValidation: cv }, weights };
const text = `${JSON.stringify(model)}\n`;
if (process.argv.includes('--check')) {
  const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
  console.log(same ? 'the committed weights match the training data' : 'the committed weights differ from what the training data gives: run node scripts/train-classifier.mjs');
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(OUT, text);
console.log(`wrote ${path.relative(root, OUT)}: ${Object.keys(weights).length} features, ${labels.length} labels, from ${examples.length} sentences`);
