/**
 * The boundary of bangfu: JSON input in, a validated {@link Dataset} out, or every problem at once.
 *
 * Two passes. The structural pass (zod) checks each record on its own: types, required fields,
 * strict keys, ranges, real dates, known division codes, and refuses posts that restrict applicants
 * by gender or ethnicity. The semantic pass checks what spans fields and records: duplicate ids,
 * references to employers, parks, skills and certificates, group members (labourers of the
 * dataset, each in one group at most), min ≤ max pairs, birth dates, and pay against the minimum
 * wage of the post's site. A record whose structure is broken is skipped by the
 * semantic pass; the others are still checked.
 *
 * @module
 */
import { deepFreeze } from './internal/freeze.js';
import * as z from 'zod/mini';
import { BangfuValidationError, type SafeResult } from './errors.js';
import {
  checkContext,
  checkEmployer,
  checkGroups,
  checkLabourer,
  checkPost,
  toEmployer,
  toGroup,
  toLabourer,
  toPost,
} from './internal/checks.js';
import { describe, fromZod, Issues, isRecord, own, type Path } from './internal/issues.js';
import { applyOverrides } from './internal/policy-overrides.js';
import { checkRestrictions } from './internal/restrictions.js';
import { todayIso } from './internal/dates.js';
import {
  datasetSchema,
  employerSchema,
  groupSchema,
  EARLIEST_DATE,
  isoDateSchema,
  LATEST_DATE,
  labourerSchema,
  policyOverrideSchema,
  postSchema,
} from './internal/schema.js';
import { dongguanPolicy } from './policy/dongguan.js';
import type { Policy } from './policy/types.js';
import type { Dataset, Employer, IsoDate, Labourer, PlacementGroup, Post } from './types.js';

/**
 * The JSON input of a dataset: the domain types with plain-string ids, several fields optional
 * and defaulted (see {@link parseDataset}), and an optional `policy` key of overrides.
 */
export type DatasetInput = z.input<typeof datasetSchema>;

/**
 * The JSON input of policy overrides (the `policy` key of a dataset, or the input of
 * {@link parsePolicy}): `mode` ('extend' by default, or 'replace'), and any of `id`, `name`,
 * `ageLaw`, `weights` (merged key by key) and the tables `retirement`, `minimumWages`, `pairings`,
 * `parks`, `bases`, `skills`, `certificates`, `trainings` in the shapes of `src/policy/types.ts`.
 */
export type PolicyInput = z.input<typeof policyOverrideSchema>;

/** Options of {@link parseDataset} and {@link safeParseDataset}. */
export interface ParseOptions {
  /**
   * The as-of date when the input has none. Give one (here or in the input) for reproducible results.
   * @defaultValue today's date in the local time zone
   */
  readonly asOf?: string;
  /**
   * The policy the dataset's `policy` overrides apply to.
   * @defaultValue {@link dongguanPolicy}
   */
  readonly policy?: Policy;
}

const TOP_KEYS = new Set(['$schema', 'asOf', 'labourers', 'employers', 'posts', 'groups', 'policy']);

function today(): IsoDate {
  return todayIso();
}

/** The raw array at `input[key]`, or undefined after reporting why it is not one. */
function rawArray(
  issues: Issues,
  input: Record<string, unknown>,
  key: string,
): readonly unknown[] | undefined {
  const value = own(input, key);
  if (value === undefined)
    issues.add([key], 'missing', { en: 'required: expected an array', zh: '必填：应为数组' });
  else if (!Array.isArray(value))
    issues.add(
      [key],
      'invalid-type',
      { en: `expected an array, received ${describe(value)}`, zh: `应为数组，收到的是 ${describe(value)}` },
      value,
    );
  else return value;
  return undefined;
}

/** The string ids of raw records, reporting each repeat at its second occurrence. */
function rawIds(issues: Issues, records: readonly unknown[] | undefined, table: string): Map<number, string> {
  const ids = new Map<number, string>();
  const first = new Map<string, number>();
  records?.forEach((record, i) => {
    const id = own(record, 'id');
    if (typeof id !== 'string' || id === '') return;
    ids.set(i, id);
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else
      issues.add(
        [table, i, 'id'],
        'duplicate-id',
        `expected a unique id: "${id}" is also the id of ${table}[${at}]`,
        id,
      );
  });
  return ids;
}

/** Parses one raw record; issues are reported at `path`. */
function parseRecord<S extends z.ZodMiniType>(
  issues: Issues,
  schema: S,
  raw: unknown,
  path: Path,
  skip?: ReadonlySet<string>,
): z.output<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  if (skip === undefined || skip.size === 0) fromZod(issues, result.error, path, raw);
  else {
    const scratch = new Issues();
    fromZod(scratch, result.error, path, raw);
    for (const issue of scratch.list)
      if (!(issue.code === 'unknown-key' && skip.has(issue.path))) issues.list.push(issue);
  }
  return undefined;
}

/**
 * Validates dataset JSON and returns the {@link Dataset}, or every problem found.
 *
 * Defaults filled: `asOf` (the input's, else `options.asOf`, else today: give one for reproducible
 * output), labourer `skills`, `certificates`, `trainings`, `languages`, `mobility.preferred`,
 * `mobility.refused` ([]), `needsDormitory`, `cannotLeaveHome` (false), `availableFrom` (asOf);
 * employer `workforceByOrigin` ([]); `groups` ([]); post `filled` (0), `requiredSkills`, `optionalSkills`,
 * `requiredCertificates`, `languages` ([]), `minLevel` (5), `dormitory` and `meals`
 * ({ provided: false, monthlyCost: 0 }), `hazardous`, `trainsOnJob` (false).
 *
 * Every count (openings, filled, workforce and track-record counts, contract months, course days)
 * is a whole number at most 2^31 − 1 (2147483647), the largest the planner's `Int32Array` index
 * holds; a larger one is `out-of-range` with a message naming the limit.
 *
 * Issue codes: structural `missing`, `invalid-type`, `not-integer`, `out-of-range`, `absurd-value`,
 * `invalid-value`, `invalid-format`, `invalid-date`, `unknown-key`, `discriminatory-restriction`,
 * `bad-occupation-code`, `unknown-county`, `unknown-town`, `unknown-area`; semantic
 * `duplicate-id`, `unknown-employer`, `unknown-park`, `unknown-skill`, `unknown-certificate`,
 * `min-exceeds-max`, `date-in-future`, `cost-without-provision`, `below-minimum-wage`; groups
 * also `empty-group`, `unknown-labourer` (a member who is not a labourer of the dataset),
 * `duplicate-member` (listed twice in one group), `labourer-in-two-groups`, and `duplicate-id` at a
 * repeated group id; policy overrides also `loosens-law`, `invalid-weights`, `empty-period`.
 *
 * Groups (`{ id, members, rule, kind? }`) are families or fellow villagers placed together or not
 * at all: every member a labourer of the dataset (a labourer whose record is otherwise broken still
 * counts), in one group at most, each group with at least one member and its own id; a group's
 * issues have paths such as `groups[3].members[1]`.
 *
 * The input is never mutated and the dataset's objects are fresh and deeply frozen (facts about a
 * dataset are cached by identity; to change one, build a new object from it, as `{ ...dataset,
 * posts: [...] }`, which is a new dataset to every cache). Never throws.
 *
 * Complexity: O(n) in the size of the input, plus O(p·w) for p posts and w minimum-wage rows.
 *
 * @param input - Parsed JSON (any value).
 * @param options - The fallback as-of date and the base policy.
 * @returns `{ success: true, value }` or `{ success: false, issues }` with every problem.
 * @example
 * const r = safeParseDataset({ asOf: '2026-03-01', labourers: [], employers: [], posts: [{ id: 'p1' }] });
 * r.success //=> false
 * r.success ? [] : r.issues.map((i) => i.path).slice(0, 2) //=> ['posts[0].employer', 'posts[0].title']
 */
export function safeParseDataset(input: unknown, options: ParseOptions = {}): SafeResult<Dataset> {
  const issues = new Issues();
  if (!isRecord(input)) {
    issues.add(
      [],
      'invalid-type',
      {
        en: `expected a dataset object, received ${describe(input)}`,
        zh: `应为数据集对象，收到的是 ${describe(input)}`,
      },
      input,
    );
    return { success: false, issues: issues.list };
  }
  for (const key of Object.keys(input))
    if (!TOP_KEYS.has(key))
      issues.add(
        [key],
        'unknown-key',
        `unknown field "${key}": expected asOf, labourers, employers, posts, groups or policy`,
        input[key],
      );
  const schemaRef = own(input, '$schema');
  if (schemaRef !== undefined && typeof schemaRef !== 'string')
    issues.add(
      ['$schema'],
      'invalid-type',
      {
        en: `expected a string, received ${describe(schemaRef)}`,
        zh: `应为字符串，收到的是 ${describe(schemaRef)}`,
      },
      schemaRef,
    );

  // The as-of date.
  let asOf: IsoDate | undefined;
  const rawAsOf = own(input, 'asOf');
  if (rawAsOf !== undefined) {
    const r = isoDateSchema.safeParse(rawAsOf);
    if (r.success) asOf = r.data as IsoDate;
    else fromZod(issues, r.error, ['asOf'], rawAsOf);
  } else if (options.asOf !== undefined) {
    if (isoDateSchema.safeParse(options.asOf).success) asOf = options.asOf as IsoDate;
    else
      issues.add(
        ['asOf'],
        'invalid-date',
        `options.asOf: expected a real calendar date as YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}`,
        options.asOf,
      );
  } else asOf = today();

  // The policy: the base with the dataset's overrides.
  let policy: Policy | undefined = options.policy ?? dongguanPolicy;
  const rawPolicy = own(input, 'policy');
  if (rawPolicy !== undefined) {
    const r = policyOverrideSchema.safeParse(rawPolicy);
    if (r.success) policy = applyOverrides(issues, policy, r.data, ['policy']);
    else {
      fromZod(issues, r.error, ['policy'], rawPolicy);
      // Without a readable policy, the checks that depend on it are skipped rather than guessed.
      policy = undefined;
    }
  }

  const rawLabourers = rawArray(issues, input, 'labourers');
  const rawEmployers = rawArray(issues, input, 'employers');
  const rawPosts = rawArray(issues, input, 'posts');
  const employerIds = new Set(rawIds(issues, rawEmployers, 'employers').values());
  // Every labourer id given, broken records included, so that a group naming one is not also
  // reported as naming an unknown labourer.
  const labourerIds = new Set(rawIds(issues, rawLabourers, 'labourers').values());
  rawIds(issues, rawPosts, 'posts');
  const ctx = checkContext(asOf, policy, employerIds);
  // Only used to fill availableFrom when asOf itself is broken, in which case nothing is returned.
  const fill = asOf ?? ('1970-01-01' as IsoDate);

  const labourers: Labourer[] = [];
  rawLabourers?.forEach((raw, i) => {
    const data = parseRecord(issues, labourerSchema, raw, ['labourers', i]);
    if (data === undefined) return;
    const labourer = toLabourer(data, fill);
    checkLabourer(issues, ctx, labourer, ['labourers', i]);
    labourers.push(labourer);
  });
  const employers: Employer[] = [];
  rawEmployers?.forEach((raw, i) => {
    const data = parseRecord(issues, employerSchema, raw, ['employers', i]);
    if (data === undefined) return;
    const employer = toEmployer(data);
    checkEmployer(issues, employer, ['employers', i]);
    employers.push(employer);
  });
  const posts: Post[] = [];
  rawPosts?.forEach((raw, i) => {
    const restricted = checkRestrictions(issues, raw, ['posts', i]);
    const data = parseRecord(issues, postSchema, raw, ['posts', i], restricted);
    if (data === undefined) return;
    const post = toPost(data);
    checkPost(issues, ctx, post, ['posts', i]);
    posts.push(post);
  });

  // Groups: optional; each checked on its own, then the list against the labourers.
  const rawGroups = own(input, 'groups') === undefined ? [] : rawArray(issues, input, 'groups');
  const parsedGroups: (PlacementGroup | undefined)[] = [];
  rawGroups?.forEach((raw, i) => {
    const data = parseRecord(issues, groupSchema, raw, ['groups', i]);
    parsedGroups.push(data === undefined ? undefined : toGroup(data));
  });
  checkGroups(issues, labourerIds, parsedGroups, ['groups']);
  const groups = parsedGroups.filter((g): g is PlacementGroup => g !== undefined);

  if (issues.list.length > 0 || asOf === undefined || policy === undefined)
    return { success: false, issues: issues.list };
  // Deeply frozen: facts about a dataset are cached by identity, so it must not change once read.
  return { success: true, value: deepFreeze({ asOf, labourers, employers, posts, groups, policy }) };
}

/**
 * Validates dataset JSON and returns the {@link Dataset}; throws {@link BangfuValidationError}
 * carrying every problem otherwise. See {@link safeParseDataset} for defaults and issue codes.
 *
 * Complexity: O(n) in the size of the input, plus O(p·w) for p posts and w minimum-wage rows.
 *
 * @param input - Parsed JSON (any value).
 * @param options - The fallback as-of date (give one for reproducible output) and the base policy.
 * @returns The validated dataset, with defaults filled and the policy overrides applied.
 * @throws {BangfuValidationError} If the input has any problem; nothing else is thrown.
 * @example
 * const dataset = parseDataset({ asOf: '2026-03-01', labourers: [], employers: [], posts: [] });
 * dataset.policy.id //=> dongguanPolicy.id
 * parseDataset({ labourers: 1 }) // throws BangfuValidationError: labourers: expected an array, …
 */
export function parseDataset(input: unknown, options: ParseOptions = {}): Dataset {
  const result = safeParseDataset(input, options);
  if (!result.success) throw new BangfuValidationError(result.issues, 'dataset');
  return result.value;
}

/**
 * Applies policy overrides (JSON) to a base policy and validates the result, returning every
 * problem instead of throwing. 'extend' (default) adds rows to the base tables, a row with a base
 * row's key replacing it (key: `id`; minimum wages: area and `from`; pairings: origin county and
 * `from`; retirement: `from`); 'replace' makes each given table the whole table. `ageLaw` and
 * `weights` are merged key by key in both modes. The law's age limits may be tightened, never
 * loosened.
 *
 * Complexity: O(b + g) for b base rows and g given rows.
 *
 * @param input - The overrides (any value).
 * @param base - The policy they apply to.
 * @returns `{ success: true, value }` with the effective policy, or every issue found.
 * @example
 * const r = safeParsePolicy({ weights: { skills: 0, pay: 0, origin: 0, employer: 0 } });
 * r.success ? [] : r.issues.map((i) => i.code) //=> ['invalid-weights']
 */
export function safeParsePolicy(input: unknown, base: Policy = dongguanPolicy): SafeResult<Policy> {
  const issues = new Issues();
  const r = policyOverrideSchema.safeParse(input);
  if (!r.success) {
    fromZod(issues, r.error, [], input);
    return { success: false, issues: issues.list };
  }
  const policy = applyOverrides(issues, base, r.data, []);
  return issues.list.length > 0 ? { success: false, issues: issues.list } : { success: true, value: policy };
}

/**
 * Applies policy overrides (JSON) to a base policy and validates the result; throws
 * {@link BangfuValidationError} with every problem otherwise. See {@link safeParsePolicy}.
 *
 * Complexity: O(b + g) for b base rows and g given rows.
 *
 * @param input - The overrides (any value).
 * @param base - The policy they apply to.
 * @returns The effective policy.
 * @throws {BangfuValidationError} If the overrides have any problem.
 * @example
 * parsePolicy({ weights: { skills: 1 } }).weights.skills //=> 1
 */
export function parsePolicy(input: unknown, base: Policy = dongguanPolicy): Policy {
  const result = safeParsePolicy(input, base);
  if (!result.success) throw new BangfuValidationError(result.issues, 'policy');
  return result.value;
}

/**
 * The JSON Schema (draft 2020-12) of the dataset input, for editors and other languages. It
 * describes the structure; checks that span records (duplicate ids, references, minimum wage) are
 * only made by {@link parseDataset}.
 *
 * @returns A fresh JSON Schema object.
 * @example
 * datasetJsonSchema().title //=> 'bangfu dataset'
 * Object.keys(datasetJsonSchema().properties as object) //=> ['$schema', 'asOf', 'labourers', 'employers', 'posts', 'groups', 'policy']
 */
export function datasetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
