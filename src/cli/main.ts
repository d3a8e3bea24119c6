// The phi-lint command line: parses options, runs the linter or a subcommand, prints, returns the exit code.
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import { UserError, formatUserError, writeFailure } from '../errors.js';
import { lintText, lintFiles, type LintRunOptions } from './run.js';
import { listRules } from './rules-command.js';
import { testRules } from './test-rules-command.js';
import { parseRuleOverride, type RuleOverride } from '../setup.js';
import { FORMATS } from '../format/index.js';
import { DEFAULT_EXTENSIONS } from '../document/formats.js';
import { installHook } from './install-hook.js';
import { parsePort, serveCommand } from '../serve/command.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
export const VERSION = pkg.version;


interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  isTTY: boolean;
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** End the process now (after Ctrl-C, output still queued for a pipe nobody reads must not keep it alive). */
  exit?: (code: number) => void;
}

/** `phi-lint … | head`: when the reader goes away, stop quietly instead of printing an EPIPE trace. */
function quietOnClosedPipe(): void {
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    stdoutFailed(e);
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
}

/** `phi-lint > /dev/full`: one line and exit 2, whichever of the throw and the stream's error event comes first. */
function stdoutFailed(e: unknown): never {
  try {
    fs.writeSync(2, `phi-lint: cannot write the report to standard output: ${writeFailure(e)}\n`);
  } finally {
    process.exit(2);
  }
}

function defaultIo(): Io {
  quietOnClosedPipe();
  return {
    stdout: (s) => {
      try {
        process.stdout.write(s);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
        stdoutFailed(e);
      }
    },
    stderr: (s) => process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    exit: (c) => process.exit(c),
  };
}

const collect = (value: string, prev: RuleOverride[]) => [...prev, parseRuleOverride(value)];

/** "10MB", "500KB", "1048576", "0" → bytes. */
export function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(v.trim());
  if (!m) throw new UserError(`--max-file-size expects a size like 10MB, 500KB or 0 (got "${v}")`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  return Math.round(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]);
}

function intArg(name: string) {
  return (v: string) => {
    if (!/^\d+$/.test(v)) throw new UserError(`${name} expects a whole number (got "${v}")`);
    return Number(v);
  };
}

/** Run the CLI with `argv` (as process.argv); resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code = 0;
  let interrupted = false;
  const program = new Command('phi-lint');
  program
    .description('Find Protected Health Information and professionalism problems in social-media drafts before they are posted.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[paths...]', `files, folders or globs to lint (default: the current folder); folders are searched for ${DEFAULT_EXTENSIONS.join(' ')} files (the extensions setting narrows this)`)
    .addOption(new Option('-f, --format <name>', 'output format').choices([...FORMATS]).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file (standard output then shows the stylish report)')
    .option('-c, --config <file>', 'use this config file instead of the nearest .phi-lint.yaml')
    .option('--rule <id=severity>', 'set a rule\'s severity: error, warning, info or off (repeatable; ids or globs like "professionalism/*")', collect, [])
    .addOption(new Option('--min-severity <level>', 'report only findings at least this severe (default: info for json, warning for the other formats)').choices(['info', 'warning', 'error']))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings', intArg('--max-warnings'))
    .option('--no-color', 'plain output without colours')
    .option('--fix', 'apply the safe fixes to the files')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff; change nothing')
    .option('--stdin', 'lint standard input')
    .option('--stdin-filename <name>', 'the name to report for standard input (and to choose Markdown or text)')
    .option('--staged', 'lint the staged versions of the files staged for commit (git index), not the work tree')
    .option('--mask', 'mask matched text in every format (default in any CI)')
    .option('--no-mask', 'never mask matched text')
    .option('--baseline <file>', 'report only findings not recorded in this baseline file')
    .option('--update-baseline', 'write the current findings to the --baseline file')
    .option('--report-unused-disable-directives', 'warn about disable comments that silenced nothing')
    .option('--no-inline-config', 'ignore every disable comment in the drafts (for CI: nothing can be waved through)')
    .option('--cache', 'reuse the results of unchanged files from the last run')
    .option('--cache-location <path>', 'where the cache lives (a folder or a .json file; default node_modules/.cache/phi-lint)')
    .option('--max-file-size <size>', 'refuse files larger than this (bytes, or with KB/MB; 0 = no limit; default 10MB)', parseSize)
    .option('--workers <n>', 'worker threads for many files (default: by file count and cores; 0 = main thread only)', intArg('--workers'))
    .enablePositionalOptions()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s.replace(/^error: /, 'phi-lint: ')) })
    .exitOverride()
    .action(async (paths: string[], opts) => {
      const runOpts: LintRunOptions = {
        cwd: io.cwd,
        paths,
        format: opts.format,
        configPath: opts.config,
        overrides: opts.rule,
        minSeverity: opts.quiet ? 'error' : opts.minSeverity,
        maxWarnings: opts.maxWarnings,
        color: opts.color !== false && io.isTTY && !io.env.NO_COLOR,
        fix: Boolean(opts.fix),
        fixDryRun: Boolean(opts.fixDryRun),
        version: VERSION,
        output: opts.output,
        mask: opts.mask,
        staged: Boolean(opts.staged),
        baseline: opts.baseline,
        updateBaseline: Boolean(opts.updateBaseline),
        reportUnusedDirectives: Boolean(opts.reportUnusedDisableDirectives),
        noInlineConfig: opts.inlineConfig === false,
        cache: Boolean(opts.cache),
        cacheLocation: opts.cacheLocation,
        workers: opts.workers,
        maxFileSize: opts.maxFileSize,
        interrupted: () => interrupted,
        stderrIsTTY: io.stderrIsTTY,
        env: io.env,
      };
      if (opts.stdin) {
        if (paths.length) throw new UserError('--stdin lints standard input; do not also give paths');
        if (opts.staged) throw new UserError('--stdin and --staged cannot be combined');
        if (opts.fix) throw new UserError('--fix cannot write to standard input; use --fix-dry-run to see the changes');
        code = await lintText(await io.readStdin(), opts.stdinFilename ?? '-', runOpts, io);
      } else {
        if (opts.stdinFilename) throw new UserError('--stdin-filename goes with --stdin');
        // Ctrl-C during --fix finishes the file being written, so no file is ever left half-written.
        const onInt = () => {
          interrupted = true;
        };
        if (opts.fix) process.on('SIGINT', onInt);
        try {
          code = await lintFiles(runOpts, io);
        } finally {
          process.off('SIGINT', onInt);
        }
        if (interrupted) io.exit?.(code);
      }
    });

  program
    .command('rules')
    .description('list every loaded rule: id, category, type, default severity, description')
    .option('-c, --config <file>', 'config file (its ruleDirs and severities apply)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts) => {
      code = await listRules({ cwd: io.cwd, configPath: opts.config, format: opts.format }, io);
    });

  program
    .command('install-hook')
    .description('write a git pre-commit hook that runs phi-lint --staged and blocks commits with errors')
    .option('--force', 'replace an existing pre-commit hook')
    .action(async (opts) => {
      code = installHook({ cwd: io.cwd, force: Boolean(opts.force) }, io);
    });

  program
    .command('serve')
    .description('open a page on this computer to check a draft by pasting it or dropping a file')
    .option('-p, --port <n>', 'port on 127.0.0.1 (default 4870; 0 = any free port)', parsePort)
    .option('-c, --config <file>', 'use this config file instead of the nearest .phi-lint.yaml')
    .option('--max-request-size <size>', 'refuse drafts and files larger than this (bytes, or with KB/MB; default 2MB)', (v: string) => {
      let bytes = NaN;
      try {
        bytes = parseSize(v);
      } catch {
        // Reworded below: parseSize's message names --max-file-size.
      }
      if (!(bytes > 0)) throw new UserError(`--max-request-size expects a size like 2MB or 500KB, more than 0 (got "${v}")`);
      return bytes;
    })
    .action(async (opts) => {
      code = await serveCommand({ cwd: io.cwd, configPath: opts.config, port: opts.port ?? 4870, maxRequestSize: opts.maxRequestSize }, io);
    });

  program
    .command('test-rules')
    .description("run every rule's embedded examples; exit 1 on any failure")
    .argument('[dirs...]', 'extra rule folders to test, laid out like rules/ (default: the built-in rules and the config\'s ruleDirs)')
    .option('-c, --config <file>', 'config file')
    .action(async (dirs: string[], opts) => {
      code = await testRules({ cwd: io.cwd, configPath: opts.config, dirs }, io);
    });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UserError) {
      io.stderr(`phi-lint: ${formatUserError(e)}\n`);
      return 2;
    }
    if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') return code;
    io.stderr(`phi-lint: internal error: ${(e as Error)?.message ?? e}\nPlease report this with the command you ran.\n`);
    if (io.env.PHI_LINT_DEBUG) io.stderr(`${(e as Error)?.stack}\n`);
    return 2;
  }
}

