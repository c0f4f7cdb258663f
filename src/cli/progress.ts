/**
 * A progress bar on standard error for long commands (assign, verify, report, import). It is drawn
 * only when standard error is a terminal and `--quiet` is not given, so logs, pipes and tests never
 * see the carriage returns. Each step (a label) has its own bar and, once it has run a moment, an
 * estimate of the time it has left, from how fast it has gone so far.
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
  /**
   * Shows `done` of `total`, with what is being done. Redraws only when the step, the percentage or
   * the time left as shown changes (a caller may update on every item).
   */
  update(done: number, total: number, label?: string): void;
  /** Clears the bar's line. */
  done(): void;
}

const WIDTH = 28;
/** A step is given this long before its time left is estimated (early rates mislead). */
const ETA_AFTER_MS = 500;

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
 * Time left as text: `ETA 12s`, `ETA 3m05s`, `ETA 1h02m`.
 *
 * @param ms - Milliseconds.
 * @returns The text.
 * @example
 * formatEta(185_000) //=> 'ETA 3m05s'
 */
export function formatEta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `ETA ${s}s`;
  if (s < 3600) return `ETA ${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `ETA ${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * Makes a progress bar for a command.
 *
 * @param io - Where to draw (standard error).
 * @param options - `quiet` turns it off; `label` is shown before the bar until an update names
 * another; `now` is the clock in milliseconds (tests give their own). @defaultValue now: performance.now
 * @returns The progress display (inert unless standard error is a terminal and not quiet).
 * @example
 * const progress = createProgress(io, { quiet: false, label: 'report' });
 * progress.update(512, 1024); // stderr: "\rreport [##############--------------]  50% 512/1024"
 * progress.done();
 */
export function createProgress(
  io: ProgressIO,
  options: { readonly quiet?: boolean; readonly label: string; readonly now?: () => number },
): Progress {
  const enabled = options.quiet !== true && stderrIsTTY(io);
  const now = options.now ?? (() => performance.now());
  let shown = '';
  let drawn = false;
  let step = '';
  let started = 0;
  return {
    enabled,
    update(done, total, label = options.label) {
      if (!enabled) return;
      const t = now();
      if (label !== step) {
        step = label;
        started = t;
      }
      const share = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
      const percent = Math.floor(share * 100);
      const elapsed = t - started;
      const eta =
        share > 0 && share < 1 && elapsed >= ETA_AFTER_MS
          ? ` ${formatEta((elapsed * (1 - share)) / share)}`
          : '';
      const filled = Math.round(share * WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
      const key = `${label}|${percent}|${eta}`;
      if (key === shown) return;
      shown = key;
      io.stderr(`\r\x1b[2K${label} [${bar}] ${String(percent).padStart(3)}% ${done}/${total}${eta}`);
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
