/**
 * Node-only helpers: read a dataset from a JSON file, write JSON to a file. The core (`bangfu`)
 * never touches the file system; this entry point (`bangfu/node`) does.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BangfuValidationError } from './errors.js';
import { parseDataset } from './parse.js';
import type { Policy } from './policy/types.js';
import type { Dataset } from './types.js';

/** Options of {@link readDataset}: those of `parseDataset`. */
export interface ReadDatasetOptions {
  /**
   * The as-of date used when the file has none.
   * @defaultValue today's date
   */
  readonly asOf?: string;
  /**
   * The policy the file's `policy` overrides apply to.
   * @defaultValue dongguanPolicy
   */
  readonly policy?: Policy;
}

/**
 * Reads a JSON dataset file and validates it.
 *
 * A file that cannot be read throws the file system's error (e.g. `ENOENT`); a file that is not
 * JSON throws a {@link BangfuValidationError} with one issue at path `''`, code `invalid-json`; a
 * JSON document that is not a valid dataset throws a {@link BangfuValidationError} with every issue.
 *
 * @param path - The file's path.
 * @param options - The fallback as-of date and the base policy.
 * @returns The validated dataset.
 * @example
 * const dataset = readDataset('dataset.json');
 * dataset.labourers.length //=> 300
 */
export function readDataset(path: string, options: ReadDatasetOptions = {}): Dataset {
  const text = readFileSync(path, 'utf8');
  return parseDataset(parseJson(text, path), options);
}

/**
 * Parses JSON text, turning a syntax error into a {@link BangfuValidationError} (code `invalid-json`).
 *
 * @param text - The JSON text (a leading byte-order mark is ignored).
 * @param what - What the text is, for the message (a file path).
 * @returns The parsed value.
 * @example
 * parseJson('{"a":1}', 'x.json') //=> { a: 1 }
 */
export function parseJson(text: string, what = 'input'): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new BangfuValidationError(
      [{ path: '', code: 'invalid-json', message: `expected a JSON document in ${what}: ${detail}` }],
      'JSON',
    );
  }
}

/**
 * Writes a value as JSON (two-space indent, trailing newline) to a file, replacing it.
 *
 * @param path - The file's path.
 * @param value - Any JSON-serialisable value.
 * @example
 * writeJson('sample.json', generateSample({ workers: 10, posts: 5 }));
 */
export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

export { rankAllParallel, type ParallelOptions } from './node/batch.js';
