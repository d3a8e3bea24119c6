// Lints many texts across CPU cores (worker threads plus the main thread) and yields results in input order.
// Hand-written rather than tinypool/piscina: one message type, ordered results and the main thread
// sharing the work need about as much code as configuring a general pool would.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFile, type LintFileOptions } from '../engine/lint-file.js';
import type { LintEnv } from '../engine/lint.js';
import { hashKey } from '../hash.js';
import type { SetupOptions } from '../setup.js';
import type { FileResult } from '../types.js';

/** One text to lint. */
export interface Job extends LintFileOptions {
  id: number;
  path: string;
  text: string;
}

/** A job's input, produced on demand so only texts in flight are in memory. */
export type JobSource = () => Omit<Job, 'id'> | undefined;

export interface PoolOptions {
  env: LintEnv;
  setup: SetupOptions;
  /** Worker threads to start (default: cores - 1, at most 3; 0 lints on the main thread only). */
  workers?: number;
}

/** Below this many texts, starting workers (each loads the rules and compromise) costs more than it saves. */
export const PARALLEL_THRESHOLD = 40;

/** How many workers a run of `count` texts should use. */
export function workerCount(count: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, requested);
  if (count < PARALLEL_THRESHOLD) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(3, Math.max(0, cores - 1));
}

/**
 * Lint `count` texts, each fetched with `next(i)` (undefined: skip it), in parallel; results come back in
 * input order, exactly as a single-threaded run would give them.
 */
export async function* lintInOrder(count: number, next: (i: number) => Omit<Job, 'id'> | undefined, opts: PoolOptions): AsyncGenerator<{ index: number; result?: FileResult }> {
  const n = workerCount(count, opts.workers);
  if (n === 0) {
    for (let i = 0; i < count; i++) {
      const job = next(i);
      yield { index: i, result: job ? lintFile(opts.env, job.path, job.text, job) : undefined };
      // Back to the event loop between files, so a Ctrl-C (a signal event) is seen after this file, not after all of them.
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const done = new Map<number, FileResult | undefined>();
  let nextIndex = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const take = (): Job | undefined => {
    while (nextIndex < count) {
      const i = nextIndex++;
      const job = next(i);
      if (job) return { id: i, ...job };
      done.set(i, undefined);
    }
    return undefined;
  };
  const workerUrl = new URL('./worker.js', import.meta.url);
  const workers: Worker[] = [];
  // Workers start with the first text that needs linting, so a run served from the cache starts none.
  const startWorkers = () => {
    if (workers.length) return;
    for (let k = 0; k < n; k++) addWorker(new Worker(workerUrl, { workerData: { setup: opts.setup, hashKey: hashKey() } }));
  };
  const addWorker = (w: Worker) => {
    workers.push(w);
    const feed = () => {
      const job = take();
      if (job) w.postMessage(job);
      notify();
    };
    w.on('message', (msg: { ready?: boolean; id?: number; result?: FileResult; error?: string }) => {
      if (msg.error !== undefined) failure ??= new Error(msg.error);
      else if (msg.id !== undefined) done.set(msg.id, msg.result);
      feed();
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
  };
  try {
    let emitted = 0;
    while (emitted < count) {
      if (failure) throw failure;
      if (done.has(emitted)) {
        const result = done.get(emitted);
        done.delete(emitted);
        yield { index: emitted++, result };
        continue;
      }
      // The main thread lints too while the workers start up and run.
      const job = take();
      if (job) {
        if (count - job.id >= PARALLEL_THRESHOLD) startWorkers();
        done.set(job.id, lintFile(opts.env, job.path, job.text, job));
        await new Promise((r) => setImmediate(r));
        continue;
      }
      // take() may have marked skipped texts as done; wait only for texts a worker still has.
      if (done.has(emitted)) continue;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
