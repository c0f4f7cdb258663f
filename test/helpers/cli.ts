/**
 * Runs the CLI in-process with captured output, for the CLI tests.
 */
import { main } from '../../src/cli.js';

/** What a CLI run printed and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `bangfu <argv>` in this process.
 *
 * @param argv - The arguments after `bangfu`.
 * @param tty - Whether standard error counts as a terminal (progress bars); left out, the process's own.
 */
export async function runCli(argv: readonly string[], tty?: boolean): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    ...(tty === undefined ? {} : { stderrIsTTY: tty }),
  } as Parameters<typeof main>[1]);
  return { code, out, err };
}
