// The `phi-lint serve` command: loads the config and rules like a lint run, starts the page, runs until Ctrl-C.
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { setHashKey } from '../hash.js';
import { setup } from '../setup.js';
import { DEFAULT_MAX_BODY, startServer } from './server.js';

interface ServeCommandOptions {
  cwd: string;
  configPath?: string;
  port: number;
  /** Largest request in bytes (default 2 MB). */
  maxRequestSize?: number;
}

interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** "--port 0" to "--port 65535". */
export function parsePort(v: string): number {
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new UserError(`--port expects a port number from 0 to 65535 (got "${v}"); 0 picks any free port`);
  return Number(v);
}

/** Serve until SIGINT or SIGTERM; resolves to the exit code. */
export async function serveCommand(opts: ServeCommandOptions, io: Out): Promise<number> {
  const { env } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: [] });
  // Finding keys need a hash key; the page stores nothing, so a key for this run only, never a key file.
  setHashKey({ key: randomBytes(32).toString('hex'), source: 'ephemeral' });
  let server;
  try {
    server = await startServer({ env, port: opts.port, maxBody: opts.maxRequestSize ?? DEFAULT_MAX_BODY });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${opts.port} is in use; choose another with --port, or --port 0 for any free port`);
    if (code === 'EACCES') throw new UserError(`port ${opts.port} needs special rights; choose one above 1023 with --port`);
    throw e;
  }
  io.stdout(`phi-lint serve: open ${server.url}\n(only this computer can reach it; nothing is stored; press Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  io.stdout('phi-lint serve: stopped\n');
  return 0;
}
