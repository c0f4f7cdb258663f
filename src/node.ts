/**
 * Node-only helpers: read a dataset or any JSON file (of any size up to 4 GB), write a plan to a
 * file, rank in parallel over worker threads. The core (`bangfu`) never touches the file system;
 * this entry point (`bangfu/node`) does.
 *
 * @module
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { BangfuValidationError } from './errors.js';
import { JsonSyntaxError, describeJsonError, parseJsonBytes } from './internal/json-bytes.js';
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
 * Reads a JSON dataset file and validates it. A file of any size the machine's memory holds is read
 * (a province's dataset, a million labourers, is longer than the longest string JavaScript makes):
 * see {@link readJson}.
 *
 * A file that cannot be read throws the file system's error (e.g. `ENOENT`); a file that is not
 * JSON throws a {@link BangfuValidationError} with one issue at path `''`, code `invalid-json`,
 * naming the line and column; a JSON document that is not a valid dataset throws a
 * {@link BangfuValidationError} with every issue.
 *
 * @param path - The file's path.
 * @param options - The fallback as-of date and the base policy.
 * @returns The validated dataset.
 * @example
 * const dataset = readDataset('dataset.json');
 * dataset.labourers.length //=> 300
 */
export function readDataset(path: string, options: ReadDatasetOptions = {}): Dataset {
  return parseDataset(readJson(path), options);
}

/**
 * Reads a JSON file of any size (up to 4 GB, what one buffer holds): the value `JSON.parse` would
 * give for its text, a leading byte-order mark ignored. The elements of its arrays (and of its
 * members' arrays: a dataset's labourers and posts, a plan's entries) are parsed one by one, so a
 * file longer than the longest string JavaScript makes (about 512 MB) is read all the same.
 *
 * A file that cannot be read throws the file system's error; a file that is not JSON throws a
 * {@link BangfuValidationError} with one issue at path `''`, code `invalid-json`, saying what is
 * wrong at which line and column.
 *
 * @param path - The file's path.
 * @returns The parsed value.
 * @example
 * parsePlan(readJson('plan.json'))
 */
export function readJson(path: string): unknown {
  const bytes = readFileSync(path);
  try {
    return parseJsonBytes(bytes);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw invalidJson(path, bytes, e);
    throw e;
  }
}

/** The error of a syntax error in a JSON document, with its line and column. */
function invalidJson(what: string, bytes: Uint8Array, e: JsonSyntaxError): BangfuValidationError {
  const { en, zh } = describeJsonError(bytes, e);
  return new BangfuValidationError(
    [
      {
        path: '',
        code: 'invalid-json',
        message: `expected a JSON document in ${what}: ${en}`,
        messageZh: `${what} 应为 JSON 文档：${zh}`,
      },
    ],
    'JSON',
  );
}

/**
 * Parses JSON text, turning a syntax error into a {@link BangfuValidationError} (code
 * `invalid-json`) that says what is wrong at which line and column.
 *
 * @param text - The JSON text (a leading byte-order mark is ignored).
 * @param what - What the text is, for the message (a file path).
 * @returns The parsed value.
 * @example
 * parseJson('{"a":1}', 'x.json') //=> { a: 1 }
 */
export function parseJson(text: string, what = 'input'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    // Where and what, from a check of the grammar (the engine's own message quotes the text).
    const bytes = new TextEncoder().encode(body);
    try {
      parseJsonBytes(bytes);
    } catch (f) {
      if (f instanceof JsonSyntaxError) throw invalidJson(what, bytes, f);
    }
    const detail = e instanceof Error ? e.message : String(e);
    throw new BangfuValidationError(
      [
        {
          path: '',
          code: 'invalid-json',
          message: `expected a JSON document in ${what}: ${detail}`,
          messageZh: `${what} 应为 JSON 文档：${detail}`,
        },
      ],
      'JSON',
    );
  }
}

/**
 * Writes a plan as JSON to a file without building the whole text in memory: the plan's fields in
 * order, each labourer's entry on a line of its own. A plan of a million labourers is larger than
 * the longest string the JavaScript engine can hold; written this way it never has to be one.
 * `parsePlan(JSON.parse(text))` reads it back.
 *
 * @param path - The file's path (replaced).
 * @param plan - The plan (any JSON object whose `entries` is an array).
 * @example
 * writePlanJson('plan.json', assign(dataset));
 */
export function writePlanJson(path: string, plan: object): void {
  const fd = openSync(path, 'w');
  try {
    let buffer = '';
    const flush = (force: boolean): void => {
      if (buffer.length === 0 || (!force && buffer.length < 1 << 20)) return;
      writeSync(fd, buffer, null, 'utf8');
      buffer = '';
    };
    const fields = Object.entries(plan).filter(([, v]) => v !== undefined);
    buffer += '{\n';
    fields.forEach(([key, value], i) => {
      buffer += `  ${JSON.stringify(key)}: `;
      if (key === 'entries' && Array.isArray(value)) {
        buffer += '[';
        value.forEach((entry: unknown, k) => {
          buffer += `${k === 0 ? '' : ','}\n    ${JSON.stringify(entry)}`;
          flush(false);
        });
        buffer += value.length === 0 ? ']' : '\n  ]';
      } else buffer += JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
      buffer += i + 1 < fields.length ? ',\n' : '\n';
      flush(false);
    });
    buffer += '}\n';
    flush(true);
  } finally {
    closeSync(fd);
  }
}

export { rankAllParallel, type ParallelOptions } from './node/batch.js';
export { createPricingPool, type PricingPool, type PricingPoolOptions } from './node/pricing-pool.js';
