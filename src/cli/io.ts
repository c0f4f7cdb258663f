/**
 * What every `bangfu` subcommand shares: where output goes, how a bad option value or a bad
 * dataset becomes exit code 2 with one line per problem, and how a dataset file is loaded.
 *
 * @module
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { BangfuValidationError, issueMessage, type SafeResult, type ValidationIssue } from '../errors.js';
import { isIsoDate } from '../internal/dates.js';
import { JsonSyntaxError, describeJsonError, jsonPieces, parseJsonBytes } from '../internal/json-bytes.js';
import { EARLIEST_DATE, LATEST_DATE } from '../internal/schema.js';
import { readDataset } from '../node.js';
import { outcomesFromCsv } from '../io/outcomes-csv.js';
import { safeParseOutcomes, type Outcomes } from '../outcomes.js';
import type { Locale } from '../render.js';
import type { Dataset } from '../types.js';

/** Where the CLI writes: `process.stdout`/`process.stderr` in the bin, buffers in tests. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 done, 1 an unexpected failure, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failure: 1, usage: 2, partial: 3 } as const;

/** A failure the CLI reports as lines on stderr with an exit code, instead of a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly lines: readonly string[];
  readonly exitCode: number;

  constructor(lines: readonly string[], exitCode: number = EXIT.usage) {
    super(lines.join('\n'));
    this.lines = lines;
    this.exitCode = exitCode;
  }
}

/**
 * One issue as one line, path first, in a language (English by default):
 * `posts[3].pay.baseMonthly: expected … (got 1800) [below-minimum-wage]`, or in Chinese
 * `posts[3].pay.baseMonthly：应不低于…（填写的是 1800）[below-minimum-wage]`. The code stays as it is.
 */
export function issueLine(issue: ValidationIssue, locale: Locale = 'en'): string {
  const { value } = issue;
  const zh = locale === 'zh-CN';
  const shown =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? clip(JSON.stringify(value), MAX_VALUE)
      : undefined;
  const got = shown === undefined ? '' : zh ? `（填写的是 ${shown}）` : ` (got ${shown})`;
  const path = issue.path === '' ? (zh ? '（根）' : '(root)') : clip(issue.path, MAX_PATH);
  const message = clip(issueMessage(issue, locale), MAX_MESSAGE);
  const line = `${path}${zh ? '：' : ': '}${message}${got} [${issue.code}]`;
  return visible(line.replace(/\s*\n\s*/g, ' '));
}

/** The most characters of a value, a path and a message one line shows. */
const MAX_VALUE = 120;
const MAX_PATH = 200;
const MAX_MESSAGE = 400;

/** A long text cut to `max` characters, saying how much was left out. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * Control characters (which a terminal would act on: colours, cursor moves, a bell) written as
 * escapes, so that input cannot drive the terminal through an error message.
 */
function visible(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Options every dataset-reading command accepts. */
export interface DatasetOptions {
  readonly asOf?: string;
  /** The language of the problems reported (`zh-CN` by default, as the commands' output). */
  readonly lang?: Locale;
}

/**
 * Reads and validates a dataset file; an unreadable file or an invalid dataset becomes a
 * {@link CliError} (exit 2) with one line per problem.
 */
export function loadDataset(path: string, options: DatasetOptions = {}): Dataset {
  try {
    return readDataset(path, options.asOf === undefined ? {} : { asOf: options.asOf });
  } catch (e) {
    if (e instanceof BangfuValidationError)
      throw new CliError(e.issues.map((i) => issueLine(i, options.lang ?? 'zh-CN')));
    if (e instanceof Error && 'code' in e) {
      throw new CliError([
        options.lang === 'en'
          ? `${path}: cannot read the file: ${e.message}`
          : `${path}：无法读取文件：${e.message}`,
      ]);
    }
    throw e;
  }
}

/** Parses a whole number ≥ `min` for an option (commander argParser). */
export function integerOption(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\s*[+-]?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER
          ? `expected a whole number ≥ ${min}.`
          : `expected a whole number from ${min} to ${max}.`,
      );
    }
    return n;
  };
}

/** Parses a number in [lo, hi] for an option. */
export function numberOption(lo: number, hi: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < lo || n > hi) {
      throw new InvalidArgumentError(`expected a number from ${lo} to ${hi}.`);
    }
    return n;
  };
}

/** Parses `zh`, `zh-CN` or `en` for `--lang`. */
export function localeOption(value: string): Locale {
  if (value === 'zh' || value === 'zh-CN') return 'zh-CN';
  if (value === 'en') return 'en';
  throw new InvalidArgumentError('expected zh or en.');
}

/** Parses a real calendar date written `YYYY-MM-DD` for an option. */
export function dateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD.');
  if (value < EARLIEST_DATE || value > LATEST_DATE)
    throw new InvalidArgumentError(`expected a date from ${EARLIEST_DATE} to ${LATEST_DATE}.`);
  return value;
}

/**
 * Writes a file the user named; a failure becomes a {@link CliError} (exit 2) naming the file.
 *
 * @param path - The file.
 * @param data - Its content.
 * @param lang - The language of the problem told. @defaultValue 'en'
 */
export function writeOutputFile(path: string, data: string | Uint8Array, lang: Locale = 'en'): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw unwritable(path, e, lang);
  }
}

/**
 * A file the user named that could not be written, as a {@link CliError} naming it (exit 2).
 *
 * @param path - The file.
 * @param e - What writing it threw.
 * @param lang - The language of the problem told.
 * @returns The error to throw.
 */
export function unwritable(path: string, e: unknown, lang: Locale): CliError {
  const why = e instanceof Error ? e.message : String(e);
  return new CliError([
    lang === 'zh-CN' ? `${path}：无法写入文件：${why}` : `${path}: cannot write the file: ${why}`,
  ]);
}

/** Pretty JSON with a trailing newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Prints {@link json}'s text piece by piece: a province's dataset or plan is longer than the
 * longest string JavaScript makes.
 */
export function printJson(io: CliIO, value: unknown): void {
  for (const piece of jsonPieces(value)) io.stdout(piece);
}

/**
 * Writes {@link json}'s text to a file the user named, piece by piece; a failure becomes a
 * {@link CliError} (exit 2) naming the file.
 */
export function writeJsonFile(path: string, value: unknown, lang: Locale = 'en'): void {
  try {
    const fd = openSync(path, 'w');
    try {
      for (const piece of jsonPieces(value)) writeSync(fd, piece, null, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw unwritable(path, e, lang);
  }
}

/**
 * Reads and parses a JSON file; an unreadable file or bad JSON becomes a {@link CliError} (exit 2).
 *
 * @param path - The file.
 * @param lang - The language of the problem told. @defaultValue 'en'
 * @returns The parsed JSON.
 */
export function readJsonFile(path: string, lang: Locale = 'en'): unknown {
  const zh = lang === 'zh-CN';
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new CliError([zh ? `${path}：无法读取文件：${why}` : `${path}: cannot read the file: ${why}`]);
  }
  try {
    // Any size: a province's plan is longer than the longest string JavaScript makes.
    return parseJsonBytes(bytes);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const why = describeJsonError(bytes, e);
    throw new CliError([zh ? `${path}：不是有效的 JSON：${why.zh}` : `${path}: not valid JSON: ${why.en}`]);
  }
}

/**
 * Reads outcome records from a `.json` or `.csv` file against their dataset, every problem kept:
 * a spreadsheet's pointed at its file, rows and columns, a JSON file's at their paths in it. A JSON
 * file that cannot be read or parsed is a {@link CliError}, as for a dataset.
 *
 * @param path - The file.
 * @param dataset - The dataset the records belong to.
 * @param lang - The language of an unreadable file's problem.
 * @returns The outcomes, or every problem.
 */
export function readOutcomes(path: string, dataset: Dataset, lang: Locale): SafeResult<Outcomes> {
  const unreadable = (why: string): SafeResult<Outcomes> => ({
    success: false,
    issues: [
      {
        path: '',
        code: 'unreadable-file',
        message: `${path}: cannot read the file: ${why}`,
        messageZh: `${path}：无法读取文件：${why}`,
      },
    ],
  });
  if (path.toLowerCase().endsWith('.csv')) {
    // A spreadsheet, one row per event: problems pointed at their rows and columns.
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (e) {
      return unreadable(e instanceof Error ? e.message : String(e));
    }
    const sheet = outcomesFromCsv(bytes, { fileName: path });
    if (!sheet.success) return sheet;
    const r = safeParseOutcomes(sheet.value.input, dataset);
    return r.success ? r : { success: false, issues: sheet.value.locate(r.issues) };
  }
  // A JSON file: the problems keep their paths in the file (`outcomes[3].events[1].on`).
  return safeParseOutcomes(readJsonFile(path, lang), dataset);
}

/**
 * Loads outcome records (see {@link readOutcomes}); any problem becomes a {@link CliError} (exit 2),
 * one line each.
 *
 * @param path - The file.
 * @param dataset - The dataset the records belong to.
 * @param lang - The language of the problems told.
 * @returns The outcomes.
 */
export function loadOutcomes(path: string, dataset: Dataset, lang: Locale): Outcomes {
  const r = readOutcomes(path, dataset, lang);
  if (r.success) return r.value;
  // A spreadsheet's problems name the file in their paths already; a JSON file's are prefixed with it.
  const csv = path.toLowerCase().endsWith('.csv');
  const sep = lang === 'zh-CN' ? '：' : ': ';
  throw new CliError(
    r.issues.map((i) =>
      i.code === 'unreadable-file'
        ? issueMessage(i, lang)
        : csv
          ? issueLine(i, lang)
          : `${path}${sep}${issueLine(i, lang)}`,
    ),
  );
}
