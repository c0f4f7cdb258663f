#!/usr/bin/env node
/**
 * The `bangfu` command line: validate a dataset, rank posts or labourers, explain a pair, generate
 * sample data, print the dataset JSON Schema. Each command lives in `src/cli/<name>.ts`; this file
 * builds the program and wires it to the process.
 *
 * {@link main} runs in-process (tests call it with buffers) and returns the exit code: 0 done,
 * 2 bad usage or bad input (one line per problem on stderr), 1 an unexpected failure.
 *
 * @module
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { BangfuValidationError } from './errors.js';
import { registerAdvise } from './cli/advise.js';
import { registerAssign } from './cli/assign.js';
import { registerExplain } from './cli/explain.js';
import { registerImport } from './cli/import.js';
import { CliError, EXIT, issueLine, type CliIO } from './cli/io.js';
import { registerRank } from './cli/rank.js';
import { registerReport } from './cli/report.js';
import { registerRetention } from './cli/retention.js';
import { registerFollowUp } from './cli/follow-up.js';
import { registerOutcomes } from './cli/outcomes.js';
import { registerSample } from './cli/sample.js';
import { registerSchema } from './cli/schema.js';
import { registerSolve } from './cli/solve.js';
import { registerTrain } from './cli/train.js';
import { registerValidate } from './cli/validate.js';
import { registerVerify } from './cli/verify.js';

export type { CliIO } from './cli/io.js';

/** The commands, in the order `--help` lists them. Add a command by adding its register function. */
const COMMANDS: readonly ((program: Command, io: CliIO) => void)[] = [
  registerValidate,
  registerRank,
  registerExplain,
  registerAssign,
  registerVerify,
  registerReport,
  registerImport,
  registerSolve,
  registerAdvise,
  registerTrain,
  registerOutcomes,
  registerRetention,
  registerFollowUp,
  registerSample,
  registerSchema,
];

function buildProgram(io: CliIO): Command {
  const program = new Command('bangfu')
    .description('Match registered poor-household labourers to vetted employer posts.')
    .version(packageJson.version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  for (const register of COMMANDS) register(program, io);
  // Subcommands inherit output and exit handling only if set on each.
  for (const command of program.commands) {
    command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();
  }
  return program;
}

/** The CLI option that gives each API parameter a validation error may name. */
const OPTION_OF: Readonly<Record<string, string>> = { labourerId: '--labourer', postId: '--post' };

/** Options renamed when the person came to be called a labourer throughout: the old names still work. */
const RENAMED_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['--worker', '--labourer'],
  ['--workers', '--labourers'],
]);

/** The arguments with each renamed option under its new name (`--worker=w1` too), up to a `--`. */
function renamedOptions(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((a, i) => {
    if (end >= 0 && i >= end) return a;
    const eq = a.indexOf('=');
    const to = RENAMED_OPTIONS.get(eq < 0 ? a : a.slice(0, eq));
    return to === undefined ? a : eq < 0 ? to : `${to}${a.slice(eq)}`;
  });
}

/**
 * Runs the CLI on arguments, writing to the given writers.
 *
 * @param argv - The arguments after the program name (`process.argv.slice(2)`).
 * @param io - Where to write standard output and standard error.
 * @returns The exit code: 0 done, 2 bad usage or input, 1 unexpected failure.
 * @example
 * let out = '';
 * await main(['validate', 'dataset.json'], { stdout: (s) => (out += s), stderr: () => {} }) //=> 0
 * out //=> 'valid: 300 labourers, 40 employers, 200 posts, as of 2026-03-01\n'
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync(renamedOptions(argv), { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has written its message already; help and version end normally.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof CliError) {
      for (const line of e.lines) io.stderr(`${line}\n`);
      return e.exitCode;
    }
    if (e instanceof BangfuValidationError) {
      // An API parameter is named as the option that gave it.
      for (const issue of e.issues)
        io.stderr(`${issueLine({ ...issue, path: OPTION_OF[issue.path] ?? issue.path })}\n`);
      return EXIT.usage;
    }
    io.stderr(`bangfu: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.failure;
  }
}

/** Whether this module is the program being run (not imported by a test or another module). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// A worker thread started from this bundle (pricing) runs its own part, not the program.
if (isMainThread && isEntryPoint()) {
  // A reader that stops early (`bangfu sample … | head`) closes the pipe: that ends the output, as
  // for any Unix tool, quietly and with success, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // No top-level await: the bundle is also built as CommonJS.
  void main(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
