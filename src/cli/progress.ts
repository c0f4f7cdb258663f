/**
 * A progress bar on standard error for long commands (assign, report, import). It is drawn only
 * when standard error is a terminal and `--quiet` is not given, so logs, pipes and tests never see
 * the carriage returns.
 *
 * @module
 */
import type { CliIO } from './io.js';

/** {@link CliIO} that may say whether its standard error is a terminal (tests say so explicitly). */
export interface ProgressIO extends CliIO {
  /** Whether standard error is a terminal; when absent, the process's own standard error decides. */
  readonly stderrIsTTY?: boolean;
}

/** A progress display; every method does nothing when the bar is off. */
export interface Progress {
  /** Whether the bar is drawn. */
  readonly enabled: boolean;
  /** Shows `done` of `total`, with what is being done. Redraws only when the shown percentage changes. */
  update(done: number, total: number, label?: string): void;
  /** Clears the bar's line. */
  done(): void;
}

const WIDTH = 28;

/**
 * Whether a command's standard error is a terminal.
 *
 * @param io - The command's writers.
 * @returns `io.stderrIsTTY` if given, else whether the process's standard error is a TTY.
 */
export function stderrIsTTY(io: ProgressIO): boolean {
  const flag = io.stderrIsTTY;
  return flag ?? process.stderr.isTTY;
}

/**
 * Makes a progress bar for a command.
 *
 * @param io - Where to draw (standard error).
 * @param options - `quiet` turns it off; `label` is shown before the bar until an update names another.
 * @returns The progress display (inert unless standard error is a terminal and not quiet).
 * @example
 * const progress = createProgress(io, { quiet: false, label: 'report' });
 * progress.update(512, 1024); // stderr: "\rreport [##############--------------]  50% 512/1024"
 * progress.done();
 */
export function createProgress(
  io: ProgressIO,
  options: { readonly quiet?: boolean; readonly label: string },
): Progress {
  const enabled = options.quiet !== true && stderrIsTTY(io);
  let shown = '';
  let drawn = false;
  return {
    enabled,
    update(done, total, label = options.label) {
      if (!enabled) return;
      const share = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
      const percent = Math.floor(share * 100);
      const key = `${label}|${percent}`;
      if (key === shown) return;
      shown = key;
      const filled = Math.round(share * WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
      io.stderr(`\r\x1b[2K${label} [${bar}] ${String(percent).padStart(3)}% ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (!enabled || !drawn) return;
      io.stderr('\r\x1b[2K');
      drawn = false;
      shown = '';
    },
  };
}
