// Starts `phi-lint serve --port 0` as a user would and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './helpers.js';

export interface Served {
  url: string;
  origin: string;
  port: number;
  token: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Spawn the server in `cwd` and wait (up to two minutes, for a loaded machine) for its address. */
export function startServe(cwd: string, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, CI: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no address in 120 s:\n${out}`)), 120_000);
    const look = () => {
      const m = /open (http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      resolve({
        url: m[1],
        origin: `http://127.0.0.1:${m[2]}`,
        port: Number(m[2]),
        token: m[3],
        child,
        output: () => out,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', look);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}
