// A lint worker thread: sets up the same rules as the main thread, then lints the texts it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { lintFile } from '../engine/lint-file.js';
import { setHashKey } from '../hash.js';
import type { HashKey } from '../hash-key.js';
import { setup, type SetupOptions } from '../setup.js';
import type { Job } from './pool.js';

const data = workerData as { setup: SetupOptions; hashKey: HashKey };
// The main thread's key, so findings hash alike whichever thread linted them.
setHashKey(data.hashKey);
const { env } = await setup(data.setup);
parentPort!.on('message', (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, result: lintFile(env, job.path, job.text, job) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
