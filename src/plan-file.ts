/**
 * A plan read back from its JSON file: every field checked, ids of any spelling (`__proto__` too) kept.
 *
 * @module
 */
import * as z from 'zod/mini';
import { strictObject } from './internal/zod-object.js';
import { BangfuValidationError, type SafeResult } from './errors.js';
import { fromZod, isRecord, Issues, withKeyRenamed } from './internal/issues.js';
import type { Plan } from './plan.js';

const id = z.string().check(z.minLength(1));
/** A date as the plan writes it, `YYYY-MM-DD`. */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const finite = z.number().check(z.refine(Number.isFinite, { message: 'expected a finite number' }));
const tier = z.union([z.literal(0), z.literal(1)]);

/**
 * A record keyed by ids, each key kept as an own property whatever it is: `z.record` assigns keys
 * one by one, so a labourer or post whose id is `__proto__` would be dropped (or change the
 * prototype) and a valid plan rejected.
 */
function ownRecord<T extends z.ZodMiniType>(value: T): z.ZodMiniType<Record<string, z.output<T>>> {
  return z.pipe(
    z.unknown(),
    z.transform((input, payload) => {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        payload.issues.push({ code: 'custom', message: 'expected an object keyed by id', input });
        return z.NEVER;
      }
      const entries: [string, z.output<T>][] = [];
      for (const key of Object.keys(input)) {
        const r = value.safeParse((input as Record<string, unknown>)[key]);
        if (r.success) entries.push([key, r.data]);
        // Each issue as it is, under the key: its message is written in both languages with the
        // record's own issues.
        else
          for (const issue of r.error.issues)
            payload.issues.push({ ...issue, path: [key, ...issue.path] } as z.core.$ZodRawIssue);
      }
      // Object.fromEntries defines each key as an own data property, `__proto__` included.
      return Object.fromEntries(entries) as Record<string, z.output<T>>;
    }),
  ) as unknown as z.ZodMiniType<Record<string, z.output<T>>>;
}
const params = ownRecord(z.unknown());
const groupRule = z.enum(['same-employer', 'same-site', 'same-post']);
const failure = z.looseObject({
  code: z.enum(['no-common-option', 'no-capacity-left', 'worse-for-plan']),
});
/** A whole number, at least `min` when given. */
const int = (min?: number): z.ZodMiniNumber<number> =>
  min === undefined ? z.number().check(z.int()) : z.number().check(z.int()).check(z.minimum(min));
const objective = strictObject({
  priorityPlaced: int(0),
  placed: int(0),
  total: finite,
});

const duals = strictObject({
  kind: z.literal('duals'),
  tiers: z.array(int(0)),
  leftPotential: ownRecord(finite),
  rightPotential: ownRecord(finite),
  leftTierPotential: ownRecord(z.array(int())),
  rightTierPotential: ownRecord(z.array(int())),
});

const planSchema = strictObject({
  mode: z.enum(['optimal', 'stable', 'greedy']),
  asOf: day,
  options: strictObject({
    mode: z.enum(['optimal', 'stable', 'greedy']),
    minScore: finite,
    candidatesPerLabourer: z.optional(int(1)),
    groups: z.array(strictObject({ id, members: z.array(id), rule: groupRule })),
    keepTogether: z.optional(strictObject({ weight: finite })),
    exactGroupLimit: int(1),
  }),
  entries: z.array(
    z.discriminatedUnion('kind', [
      strictObject({
        kind: z.literal('placed'),
        labourer: id,
        post: id,
        employer: id,
        score: finite,
        bonus: finite,
        tier,
        group: z.optional(id),
      }),
      strictObject({
        kind: z.literal('unplaced'),
        labourer: id,
        tier,
        reasons: z
          .array(
            strictObject({
              code: z.enum([
                'labourer-excluded',
                'no-eligible-post',
                'below-min-score',
                'posts-filled',
                'group-not-placed-whole',
              ]),
              params,
            }),
          )
          .check(z.minLength(1)),
      }),
    ]),
  ),
  objective,
  certificate: z.optional(
    z.discriminatedUnion('kind', [
      duals,
      strictObject({ kind: z.literal('stable'), blockingPairs: z.tuple([]) }),
    ]),
  ),
  blockingPairs: z.optional(z.array(strictObject({ labourer: id, post: id }))),
  blockingPairCount: z.optional(int(0)),
  groups: z.array(
    z.discriminatedUnion('kind', [
      strictObject({
        kind: z.literal('placed'),
        group: id,
        rule: groupRule,
        at: id,
        options: int(0),
      }),
      strictObject({ kind: z.literal('not-placed'), group: id, rule: groupRule, why: failure }),
    ]),
  ),
  groupSearch: strictObject({
    method: z.enum(['none', 'exact', 'heuristic', 'first']),
    graph: z.enum(['candidates', 'groups-fixed', 'residual']),
    solves: int(0),
    upperBound: z.optional(objective),
    bound: z.optional(duals),
  }),
  summary: z.looseObject({}),
  kept: z.optional(
    strictObject({
      placements: z.array(
        strictObject({
          labourer: id,
          post: id,
          employer: id,
          since: day,
        }),
      ),
      options: strictObject({
        measureRetention: z.boolean(),
        months: z.number().check(z.minimum(0)),
        priorStrength: z.number().check(z.minimum(0)),
        filled: z.enum(['add-kept', 'includes-kept']),
      }),
    }),
  ),
});

/**
 * A plan file written before the person was called a labourer throughout (`worker` in its
 * entries, blocking pairs and kept placements, `candidatesPerWorker`, the reason code
 * `worker-excluded` and its count in the summary), read as today's: each old name is taken only
 * where the new one is absent, so a file in today's form passes through unchanged. Anything else is
 * left for the schema to judge.
 *
 * @param input - Parsed JSON of a plan file.
 * @returns The same value if it is not a plan of the old form; otherwise a copy with today's names.
 * @example
 * upgradeLegacyPlan({ entries: [{ kind: 'placed', worker: 'w1' }] }) //=> { entries: [{ kind: 'placed', labourer: 'w1' }] }
 */
export function upgradeLegacyPlan(input: unknown): unknown {
  if (!isRecord(input) || !Array.isArray(input['entries'])) return input;
  const legacy = input['entries'].some(
    (e) => isRecord(e) && Object.hasOwn(e, 'worker') && !Object.hasOwn(e, 'labourer'),
  );
  if (!legacy) return input;
  const reason = (r: unknown): unknown =>
    isRecord(r) && r['code'] === 'worker-excluded' ? { ...r, code: 'labourer-excluded' } : r;
  const entry = (e: unknown): unknown => {
    const x = withKeyRenamed(e, 'worker', 'labourer');
    return isRecord(x) && Array.isArray(x['reasons']) ? { ...x, reasons: x['reasons'].map(reason) } : x;
  };
  const out: Record<string, unknown> = { ...input, entries: input['entries'].map(entry) };
  if (isRecord(input['options']))
    out['options'] = withKeyRenamed(input['options'], 'candidatesPerWorker', 'candidatesPerLabourer');
  if (Array.isArray(input['blockingPairs']))
    out['blockingPairs'] = input['blockingPairs'].map((b) => withKeyRenamed(b, 'worker', 'labourer'));
  const summary = input['summary'];
  if (isRecord(summary) && isRecord(summary['unplacedByReason']))
    out['summary'] = {
      ...summary,
      unplacedByReason: withKeyRenamed(summary['unplacedByReason'], 'worker-excluded', 'labourer-excluded'),
    };
  const kept = input['kept'];
  if (isRecord(kept) && Array.isArray(kept['placements']))
    out['kept'] = {
      ...kept,
      placements: kept['placements'].map((k) => withKeyRenamed(k, 'worker', 'labourer')),
    };
  return out;
}

/**
 * Reads a plan back from JSON, refusing anything that is not shaped like one (all problems at once).
 * The facts in it are not checked here: {@link verifyPlan} does that against the dataset.
 *
 * @param input - Parsed JSON.
 * @returns The plan, or every issue with its path.
 * @example
 * safeParsePlan({}).success //=> false
 *
 * Complexity: O(size of the input).
 */
export function safeParsePlan(input: unknown): SafeResult<Plan> {
  const r = planSchema.safeParse(upgradeLegacyPlan(input));
  if (r.success) return { success: true, value: r.data as unknown as Plan };
  const issues = new Issues();
  fromZod(issues, r.error, [], input);
  return { success: false, issues: issues.list };
}

/**
 * Reads a plan back from JSON (see {@link safeParsePlan}).
 *
 * @param input - Parsed JSON.
 * @returns The plan.
 * @throws BangfuValidationError with every issue and its path (`entries[3].post`).
 * @example
 * parsePlan(JSON.parse(JSON.stringify(assign(ds)))).entries.length === ds.labourers.length //=> true
 *
 * Complexity: O(size of the input).
 */
export function parsePlan(input: unknown): Plan {
  const r = safeParsePlan(input);
  if (!r.success) throw new BangfuValidationError(r.issues, 'plan');
  return r.value;
}
