// A linear sentence classifier (multinomial logistic regression) over featuresOf: loading its weights,
// scoring a sentence, naming what weighed most. Trained by scripts/train-classifier.mjs from
// rules/models/training/*.jsonl; the weights are data in rules/models/<name>.json.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** Trained weights: one row per feature, one column per label. */
export interface ClassifierModel {
  /** The labels, in column order; `none` is the label of harmless sentences. */
  labels: string[];
  /** Feature → weight per label (missing features weigh nothing). */
  weights: Record<string, number[]>;
  /** What it was trained on (counts per label, settings), for the record. */
  trained?: Record<string, unknown>;
}

/** One sentence's scores. */
export interface Scores {
  /** Probability per label (0..1, summing to 1). */
  p: Record<string, number>;
  /** Features present, for explanations. */
  features: string[];
}

const cache = new Map<string, ClassifierModel>();

/** The model stored at `file`, read once; a missing or malformed file is a UserError naming it. */
export function loadModel(file: string): ClassifierModel {
  let m = cache.get(file);
  if (m) return m;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as ClassifierModel;
  } catch (e) {
    throw new UserError(`cannot read the classifier model: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  if (!Array.isArray(m.labels) || typeof m.weights !== 'object' || m.weights === null) throw new UserError('not a classifier model (needs "labels" and "weights")', path.resolve(file));
  cache.set(file, m);
  return m;
}

/** Softmax of the summed weights of `features`. */
export function score(model: ClassifierModel, features: string[]): Scores {
  const z = model.labels.map(() => 0);
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let i = 0; i < z.length; i++) z[i] += w[i] ?? 0;
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return { p: Object.fromEntries(model.labels.map((l, i) => [l, e[i] / sum])), features };
}

/** The present features that pushed most towards `label` (against `none`), strongest first. */
export function strongest(model: ClassifierModel, features: string[], label: string, n = 3): string[] {
  const li = model.labels.indexOf(label);
  const ni = model.labels.indexOf('none');
  return features
    .map((f) => ({ f, w: (model.weights[f]?.[li] ?? 0) - (ni >= 0 ? model.weights[f]?.[ni] ?? 0 : 0) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w)
    .slice(0, n)
    .map((x) => x.f);
}
