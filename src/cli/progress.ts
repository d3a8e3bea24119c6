// A progress bar on standard error for long runs on a terminal; never in CI logs or machine-read output.

export interface Progress {
  tick(done: number): void;
  clear(): void;
}

const NONE: Progress = { tick: () => {}, clear: () => {} };

/** A bar for `total` files when `enabled`; redrawn at most ten times a second. */
export function progress(total: number, enabled: boolean, write: (s: string) => void, now = () => Date.now()): Progress {
  if (!enabled) return NONE;
  let last = -Infinity;
  let shown = false;
  return {
    tick(done) {
      const t = now();
      if (t - last < 100 && done < total) return;
      last = t;
      shown = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
    },
    clear() {
      if (shown) write(`\r${' '.repeat(60)}\r`);
    },
  };
}

/** Whether to show a bar: many files, a terminal on stderr, a human format, and not CI. */
export function wantProgress(files: number, format: string, stderrIsTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  const ci = (env.CI ?? '').trim().toLowerCase();
  return files >= 200 && format === 'stylish' && stderrIsTTY && (ci === '' || ci === 'false' || ci === '0');
}
