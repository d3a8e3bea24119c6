// A lint worker thread: sets up the same rules as the main thread, then lints the texts it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { lintFile } from '../engine/lint-file.js';
import { setup, type SetupOptions } from '../setup.js';
import type { Job } from './pool.js';

const { env } = await setup(workerData as SetupOptions);
parentPort!.on('message', (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, result: lintFile(env, job.path, job.text, { reportUnusedDirectives: job.reportUnusedDirectives }) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
