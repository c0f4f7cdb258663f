/**
 * Validation issues: a collector that never throws, reading raw input safely, and zod's issues
 * turned into bangfu's {@link ValidationIssue}s with messages in both languages.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { formatPath, type Bilingual, type ValidationIssue } from '../errors.js';
import { limitMessageZh } from './limits.js';

/** A path from the root of the input: keys and array indices. */
export type Path = readonly PropertyKey[];

/**
 * Collects issues; never throws.
 *
 * @example
 * const issues = new Issues();
 * issues.add(['posts', 3, 'pay'], 'missing', 'required: expected an object');
 * issues.list[0]?.path //=> 'posts[3].pay'
 */
export class Issues {
  readonly list: ValidationIssue[] = [];

  /** Adds an issue; the message in both languages where a caseworker reads it (datasets, spreadsheets). */
  add(path: Path, code: string, message: string | Bilingual, value?: unknown): void {
    const text = typeof message === 'string' ? { message } : { message: message.en, messageZh: message.zh };
    this.list.push(
      value === undefined
        ? { path: formatPath(path), code, ...text }
        : { path: formatPath(path), code, ...text, value },
    );
  }
}

// --- reading raw input safely --------------------------------------------------------------------

/**
 * Whether a value is a non-array object whose own keys can be read.
 *
 * @param value - Any value.
 * @returns True for objects other than arrays and null.
 * @example
 * isRecord({}) //=> true
 * isRecord([]) //=> false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A raw record with its own key `from` under the name `to`, in the same place, when it has `from`
 * and not `to` (a file written with an older name); anything else as it is. Keys are copied as own
 * data properties, so an id such as `__proto__` stays a key.
 *
 * @param value - Any value.
 * @param from - The older name.
 * @param to - Today's name.
 * @returns A copy with the key renamed, or `value` itself.
 * @example
 * withKeyRenamed({ worker: 'w1', post: 'p1' }, 'worker', 'labourer') //=> { labourer: 'w1', post: 'p1' }
 */
export function withKeyRenamed(value: unknown, from: string, to: string): unknown {
  if (!isRecord(value) || !Object.hasOwn(value, from) || Object.hasOwn(value, to)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k === from ? to : k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/**
 * The own property `key` of a raw value, or undefined; inherited properties are never read.
 *
 * @param value - Any value.
 * @param key - A key or array index.
 * @returns The property's value, or undefined.
 * @example
 * own({ a: 1 }, 'a') //=> 1
 * own({}, 'toString') //=> undefined
 */
export function own(value: unknown, key: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  return (value as Record<PropertyKey, unknown>)[key];
}

/**
 * The raw value at a path below `root`, or undefined.
 *
 * @param root - Any value.
 * @param path - Keys and indices from the root.
 * @returns The value there, or undefined if the path leads nowhere.
 * @example
 * valueAt({ posts: [{ id: 'p1' }] }, ['posts', 0, 'id']) //=> 'p1'
 */
function valueAt(root: unknown, path: Path): unknown {
  let here = root;
  for (const key of path) {
    here = own(here, key);
    if (here === undefined) return undefined;
  }
  return here;
}

/**
 * A short description of a raw value's type for messages; never calls a user `toString`.
 *
 * @param value - Any value.
 * @returns `null`, `array`, `NaN`, `Infinity`, or the `typeof` name.
 * @example
 * describe([]) //=> 'array'
 * describe('x') //=> 'string'
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  }
  return typeof value;
}

// --- zod issues ----------------------------------------------------------------------------------

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a finite number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

const EXPECTED_ZH: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '有限数值',
  int: '整数',
  boolean: 'true 或 false',
  array: '数组',
  object: '对象',
};

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v) ?? String(typeof v)).join(', ');
}

/** What a missing field should have been. */
function expectation(issue: z.core.$ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_type':
      return {
        en: `expected ${EXPECTED[issue.expected] ?? issue.expected}`,
        zh: `应为${EXPECTED_ZH[issue.expected] ?? issue.expected}`,
      };
    case 'invalid_value':
      return {
        en: `expected one of ${quoteList(issue.values)}`,
        zh: `应为以下之一：${quoteList(issue.values)}`,
      };
    case 'invalid_union':
      return issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined
        ? {
            en: `expected ${issue.discriminator} to be one of ${quoteList(issue.options)}`,
            zh: `${issue.discriminator} 应为以下之一：${quoteList(issue.options)}`,
          }
        : { en: 'expected a value', zh: '应有值' };
    default:
      return { en: 'expected a value', zh: '应有值' };
  }
}

/** The message of a custom check: its Chinese text travels in the zod issue's `params.zh`. */
function customText(issue: z.core.$ZodIssue): Bilingual | string {
  const zh = own(own(issue, 'params'), 'zh');
  return typeof zh === 'string' ? { en: issue.message, zh } : issue.message;
}

/**
 * Converts the issues of a failed zod parse of `raw` (found at `prefix`) into validation issues.
 * The value of each issue is read from `raw`, so it is what the user gave. An unknown-keys issue
 * becomes one issue per key, its path naming the key.
 *
 * @param issues - Where the converted issues are added.
 * @param error - The zod error.
 * @param prefix - The path of `raw` from the root.
 * @param raw - The value that was parsed.
 * @returns Nothing; issues go to `issues`.
 * @example
 * fromZod(issues, postSchema.safeParse({}).error!, ['posts', 0], {})
 * issues.list[0] //=> { path: 'posts[0].id', code: 'missing', message: 'required: expected a string' }
 */
export function fromZod(issues: Issues, error: z.core.$ZodError, prefix: Path, raw: unknown): void {
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    const value = valueAt(raw, issue.path);
    if (value === undefined && issue.code !== 'unrecognized_keys') {
      const e = expectation(issue);
      issues.add(path, 'missing', { en: `required: ${e.en}`, zh: `必填：${e.zh}` });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        const expectedZh = EXPECTED_ZH[issue.expected] ?? issue.expected;
        if (issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value))
          issues.add(path, 'not-integer', { en: 'expected an integer', zh: '应为整数' }, value);
        else
          issues.add(
            path,
            'invalid-type',
            {
              en: `expected ${expected}, received ${describe(value)}`,
              zh: `应为${expectedZh}，收到的是 ${describe(value)}`,
            },
            value,
          );
        break;
      }
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const op = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
        const b = String(bound);
        // A bound that explains itself (the index limit of counts) carries its own message, which
        // like every message here starts with "expected"; zod's defaults do not.
        const text: Bilingual =
          issue.origin === 'string'
            ? issue.code === 'too_small' && Number(bound) === 1
              ? { en: 'expected a non-empty string', zh: '应为非空字符串' }
              : { en: `expected a string of length ${op} ${b}`, zh: `应为长度 ${op} ${b} 的字符串` }
            : issue.origin === 'array'
              ? { en: `expected an array of length ${op} ${b}`, zh: `应为长度 ${op} ${b} 的数组` }
              : { en: `expected a number ${op} ${b}`, zh: `应为 ${op} ${b} 的数` };
        issues.add(
          path,
          'out-of-range',
          issue.message.startsWith('expected ')
            ? { en: issue.message, zh: limitMessageZh(issue.message) ?? text.zh }
            : text,
          value,
        );
        break;
      }
      case 'invalid_format':
        issues.add(
          path,
          'invalid-format',
          issue.pattern === undefined
            ? { en: `expected ${issue.format}`, zh: `格式应为 ${issue.format}` }
            : { en: `expected a string matching ${issue.pattern}`, zh: `应为符合 ${issue.pattern} 的字符串` },
          value,
        );
        break;
      case 'invalid_value':
        issues.add(path, 'invalid-value', expectation(issue), value);
        break;
      case 'invalid_union':
        if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined)
          issues.add(path, 'invalid-value', expectation(issue), value);
        else issues.add(path, 'invalid-value', customText(issue), value);
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys)
          issues.add(
            [...path, key],
            'unknown-key',
            {
              en: `unknown field "${key}": fields are strict, check the spelling`,
              zh: `未知字段 "${key}"：字段名须完全一致，请检查拼写`,
            },
            own(value, key),
          );
        break;
      case 'custom': {
        const code = own(issue.params, 'code');
        issues.add(path, typeof code === 'string' ? code : 'invalid', customText(issue), value);
        break;
      }
      default:
        issues.add(path, 'invalid', customText(issue), value);
    }
  }
}
