/**
 * The one error bangfu throws for bad input, and the issue type that describes each problem.
 *
 * @module
 */

/** One problem found in the input. */
export interface ValidationIssue {
  /** Where it is, as a path from the root: `posts[3].pay.baseMonthly`. */
  readonly path: string;
  /** A stable machine-readable code, e.g. `unknown-county`, `duplicate-id`, `below-minimum-wage`. */
  readonly code: string;
  /** What was expected, in plain English. */
  readonly message: string;
  /** The same in Chinese (zh-CN), for the issues of datasets and spreadsheets; see {@link issueMessage}. */
  readonly messageZh?: string;
  /** The offending value (as given), where there is one. */
  readonly value?: unknown;
}

const BRAND: unique symbol = Symbol.for('bangfu.validation-error') as never;

/** Whether a value carries the brand of a validation error of any copy of bangfu. */
function branded(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { [BRAND]?: unknown })[BRAND] === true &&
    Array.isArray((e as { issues?: unknown }).issues)
  );
}

/**
 * Thrown when input is refused at the boundary. Carries every problem at once in `issues`.
 *
 * `instanceof` recognises a validation error of any copy of the library (the CommonJS `bangfu` and
 * `bangfu/node` each bundle their own, and a bundler may hold two): the check is by a brand the
 * copies share, as {@link isBangfuValidationError} does.
 *
 * @example
 * try { parseDataset(json) } catch (e) { if (e instanceof BangfuValidationError) console.log(e.issues[0].path) }
 */
export class BangfuValidationError extends Error {
  override readonly name = 'BangfuValidationError';
  readonly issues: readonly ValidationIssue[];
  /** A brand shared by every copy of this class (see {@link isBangfuValidationError}). */
  readonly [BRAND] = true;

  /** `instanceof` by the shared brand, so that it answers alike whichever copy threw. */
  static override [Symbol.hasInstance](e: unknown): boolean {
    return branded(e);
  }

  constructor(issues: readonly ValidationIssue[], what = 'input') {
    const head = issues
      .slice(0, 5)
      .map((i) => `${i.path || '(root)'}: ${i.message}`)
      .join('; ');
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    super(`invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${head}${more}`);
    this.issues = issues;
  }
}

/**
 * Whether a value is a {@link BangfuValidationError}, also one thrown by another copy of the library
 * (a bundle that holds two, or the CommonJS and ES module builds side by side); `instanceof` answers
 * the same, by the same brand.
 *
 * @param e - Anything caught.
 * @returns True for a validation error of any copy of bangfu.
 * @example
 * try { parseDataset(json) } catch (e) { if (isBangfuValidationError(e)) console.log(e.issues[0].path) }
 */
export function isBangfuValidationError(e: unknown): e is BangfuValidationError {
  return branded(e);
}

/**
 * An issue's message in a language: the Chinese one where the issue has it, else the English.
 *
 * @param issue - A validation issue.
 * @param locale - `zh-CN` or `en`.
 * @returns The message.
 * @example
 * issueMessage({ path: 'posts[0].id', code: 'missing', message: 'required: expected a string', messageZh: '必填：应为字符串' }, 'zh-CN') //=> '必填：应为字符串'
 */
export function issueMessage(issue: ValidationIssue, locale: 'zh-CN' | 'en'): string {
  return locale === 'zh-CN' && issue.messageZh !== undefined ? issue.messageZh : issue.message;
}

/** A message in English and in Chinese. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** The result of a `safe…` function: the value, or every issue found. */
export type SafeResult<T> =
  | { readonly success: true; readonly value: T }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/** Formats a path of keys and indices as `posts[3].pay.baseMonthly`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
