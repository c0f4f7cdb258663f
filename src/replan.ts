/**
 * Planning again after placement: the outcome records fed back into the dataset. Those still in
 * work keep their posts (fixed, the posts' openings reduced), those who left re-enter planning, a
 * labourer–employer pair that ended for cause is not planned again, and each employer is scored on
 * the retention its placements showed instead of the figure typed into the dataset.
 *
 * @module
 */
import { assign, type AssignOptions } from './assign.js';
import { BangfuValidationError } from './errors.js';
import { compareIds } from './compare.js';
import { Issues } from './internal/issues.js';
import { contextOf } from './internal/context.js';
import { deepFreeze } from './internal/freeze.js';
import { FOR_CAUSE, placementEnd, type Outcomes } from './outcomes.js';
import type { KeptPlacement, OutcomeOptions, Plan } from './plan.js';
import { employerRetention, type EmployerRetention } from './retention.js';
import type { CountyCode, Dataset, Employer, EndedForCause } from './types.js';
import { verifyPlan, type PlanVerdict, type PlanViolation, type VerifyOptions } from './verify-plan.js';

/** The outcome records applied to a dataset: what to plan, and what was kept or barred. */
export interface AppliedOutcomes {
  /**
   * The dataset to plan: without the labourers still in work (and without them in groups; a group
   * left empty is dropped), their posts' `filled` raised and their counties counted among the
   * employers' fellow villagers (with `filled: 'add-kept'`), the pairs ended for cause in
   * `endedForCause`, and employers' `measuredRetention` set.
   */
  readonly dataset: Dataset;
  /** Placements still in work (no end recorded; an unreachable labourer counts as in work), by labourer id. */
  readonly kept: readonly KeptPlacement[];
  /** Pairs ended for cause (dismissed, wages unpaid), by labourer id then employer id. */
  readonly endedForCause: readonly EndedForCause[];
  /** Each employer's measured retention (empty when `measureRetention` is false). */
  readonly employers: readonly EmployerRetention[];
  /** The options as applied, defaults filled in. */
  readonly options: Required<OutcomeOptions>;
}

const DEFAULTS: Required<OutcomeOptions> = {
  measureRetention: true,
  months: 6,
  priorStrength: 10,
  filled: 'add-kept',
};

function resolve(options: OutcomeOptions): Required<OutcomeOptions> {
  const o: Required<OutcomeOptions> = {
    measureRetention: options.measureRetention ?? DEFAULTS.measureRetention,
    months: options.months ?? DEFAULTS.months,
    priorStrength: options.priorStrength ?? DEFAULTS.priorStrength,
    filled: options.filled ?? DEFAULTS.filled,
  };
  if (!(Number.isFinite(o.months) && o.months >= 0))
    throw new RangeError(`applyOutcomes: months must be finite and ≥ 0, got ${o.months}`);
  if (!(Number.isFinite(o.priorStrength) && o.priorStrength >= 0))
    throw new RangeError(`applyOutcomes: priorStrength must be finite and ≥ 0, got ${o.priorStrength}`);
  if (o.filled !== 'add-kept' && o.filled !== 'includes-kept')
    throw new RangeError(
      `applyOutcomes: filled must be 'add-kept' or 'includes-kept', got ${String(o.filled)}`,
    );
  return o;
}

/**
 * Applies outcome records to the dataset they belong to, for planning again (see {@link replan}).
 *
 * - A placement with no end recorded (no `left`, no contact that found the labourer gone) is still
 *   in work: the labourer keeps the post, is left out of planning, and the post's openings are
 *   reduced by one (`filled` raised, unless `filled: 'includes-kept'` says the dataset counts it
 *   already); the labourer's county counts among the employer's fellow villagers likewise.
 * - A placement that ended for cause (dismissed, wages unpaid) bars that labourer from that
 *   employer (the hard rule `ended-for-cause`).
 * - Each employer with placements gets its retention at `months` measured by Kaplan–Meier and shrunk
 *   towards the programme's (`employerRetention`), which the score then uses in place of its
 *   `trackRecord`; an employer whose retention cannot be estimated keeps its typed figure.
 *
 * @param dataset - The dataset the outcomes were read against.
 * @param outcomes - Outcome records (`parseOutcomes`).
 * @param options - How to apply them.
 * @returns The dataset to plan, and what was kept and barred.
 * @throws BangfuValidationError when a labourer is in work at two posts at once
 *   (`in-work-twice`), or more labourers are in work at a post than it has openings
 *   (`openings-exceeded`), each naming the outcome record; RangeError for options out of range.
 * @example
 * const applied = applyOutcomes(ds, outcomes);
 * assign(applied.dataset) // plans those not in work
 *
 * Complexity: O(W + P + E + n log n) for E events and n placements.
 */
export function applyOutcomes(
  dataset: Dataset,
  outcomes: Outcomes,
  options: OutcomeOptions = {},
): AppliedOutcomes {
  const o = resolve(options);
  const { posts, labourers } = contextOf(dataset);
  const issues = new Issues();
  const kept: KeptPlacement[] = [];
  const keptAt = new Map<string, number>(); // labourer → record index
  // Per post: how many are in work there, and the first record that says so.
  const perPost = new Map<string, { n: number; first: number }>();
  const ended: EndedForCause[] = (dataset.endedForCause ?? []).map((e) => ({ ...e }));
  outcomes.outcomes.forEach((rec, i) => {
    const post = posts.get(rec.post);
    if (post === undefined || !labourers.has(rec.labourer)) {
      issues.add(
        ['outcomes', i],
        'unknown-placement',
        {
          en: `expected a labourer and a post of the dataset: '${rec.labourer}' at '${rec.post}'`,
          zh: `应为数据集中的劳动力和岗位：'${rec.labourer}' 在 '${rec.post}'`,
        },
        rec.labourer,
      );
      return;
    }
    const end = placementEnd(rec);
    if (end === undefined) {
      const first = keptAt.get(rec.labourer);
      if (first !== undefined) {
        issues.add(
          ['outcomes', i],
          'in-work-twice',
          {
            en: `expected a labourer in work at one post at a time: '${rec.labourer}' is also in work by outcomes[${first}]`,
            zh: `同一名劳动力同时只应在一个岗位在岗：'${rec.labourer}' 在 outcomes[${first}] 中也在岗`,
          },
          rec.labourer,
        );
        return;
      }
      keptAt.set(rec.labourer, i);
      kept.push({
        labourer: rec.labourer,
        post: rec.post,
        employer: post.employer,
        since: rec.events[0]!.on,
      });
      const at = perPost.get(rec.post);
      if (at === undefined) perPost.set(rec.post, { n: 1, first: i });
      else at.n++;
    } else if (end.reason !== undefined && FOR_CAUSE.includes(end.reason)) {
      ended.push({
        labourer: rec.labourer,
        employer: post.employer,
        post: rec.post,
        reason: end.reason as EndedForCause['reason'],
        on: end.on,
      });
    }
  });
  for (const [postId, { n, first }] of perPost) {
    const post = posts.get(postId)!;
    const room = o.filled === 'add-kept' ? post.openings - post.filled : post.filled;
    if (n > room) {
      issues.add(
        ['outcomes', first, 'post'],
        'openings-exceeded',
        o.filled === 'add-kept'
          ? {
              en: `expected at most the ${room} opening(s) left at '${postId}' (${post.openings} openings, ${post.filled} filled) to be in work: ${n} are`,
              zh: `岗位 '${postId}' 剩余 ${room} 个名额（共 ${post.openings} 个，已招 ${post.filled} 人），在岗记录却有 ${n} 条`,
            }
          : {
              en: `expected at most the ${room} filled opening(s) of '${postId}' to be in work: ${n} are`,
              zh: `岗位 '${postId}' 已招 ${room} 人，在岗记录却有 ${n} 条`,
            },
        n,
      );
    }
  }
  if (issues.list.length > 0) throw new BangfuValidationError(issues.list, 'outcomes');

  kept.sort((a, b) => compareIds(a.labourer, b.labourer));
  ended.sort(
    (a, b) =>
      compareIds(a.labourer, b.labourer) || compareIds(a.employer, b.employer) || compareIds(a.on, b.on),
  );
  const employers = o.measureRetention
    ? employerRetention(outcomes, dataset, { months: o.months, priorStrength: o.priorStrength })
    : [];
  // Only an employer whose own curve reaches the month has a measure; the others keep their typed figure.
  const measured = new Map(employers.filter((e) => Number.isFinite(e.measured)).map((e) => [e.employer, e]));

  // Fellow villagers added by the kept placements, by employer and county.
  const fellows = new Map<string, Map<string, number>>();
  if (o.filled === 'add-kept')
    for (const k of kept) {
      const county = labourers.get(k.labourer)!.originCounty;
      let m = fellows.get(k.employer);
      if (m === undefined) fellows.set(k.employer, (m = new Map()));
      m.set(county, (m.get(county) ?? 0) + 1);
    }

  const out: Dataset = {
    ...dataset,
    labourers: dataset.labourers.filter((w) => !keptAt.has(w.id)),
    posts:
      o.filled === 'add-kept'
        ? dataset.posts.map((p) => {
            const at = perPost.get(p.id);
            return at === undefined ? p : { ...p, filled: p.filled + at.n };
          })
        : [...dataset.posts],
    employers: dataset.employers.map((e) => withOutcomes(e, measured.get(e.id), fellows.get(e.id), o.months)),
    groups: dataset.groups
      .map((g) => ({ ...g, members: g.members.filter((m) => !keptAt.has(m)) }))
      .filter((g) => g.members.length > 0),
    endedForCause: ended,
  };
  // What is made here is frozen, like a parsed dataset (the rules and the index cache their facts
  // by the dataset); what comes from the caller's dataset is left as it was given.
  const given = new Set<object>([...dataset.posts, ...dataset.employers, ...dataset.groups]);
  for (const x of [...out.posts, ...out.employers, ...out.groups]) if (!given.has(x)) Object.freeze(x);
  const before = new Map(dataset.employers.map((e) => [e.id as string, e]));
  for (const e of out.employers) {
    if (given.has(e)) continue;
    if (e.workforceByOrigin !== before.get(e.id)?.workforceByOrigin) deepFreeze(e.workforceByOrigin);
    if (e.measuredRetention !== undefined) Object.freeze(e.measuredRetention);
  }
  for (const g of out.groups) if (!given.has(g)) Object.freeze(g.members);
  Object.freeze(out.labourers);
  Object.freeze(out.posts);
  Object.freeze(out.employers);
  Object.freeze(out.groups);
  return deepFreeze({ dataset: Object.freeze(out), kept, endedForCause: ended, employers, options: o });
}

/** An employer with its measured retention and the fellow villagers kept in work there. */
function withOutcomes(
  e: Employer,
  measured: EmployerRetention | undefined,
  added: ReadonlyMap<string, number> | undefined,
  months: number,
): Employer {
  if (measured === undefined && added === undefined) return e;
  let workforce = e.workforceByOrigin;
  if (added !== undefined) {
    const counts = new Map<string, number>(workforce.map((r) => [r.county, r.count]));
    for (const [county, n] of added) counts.set(county, (counts.get(county) ?? 0) + n);
    workforce = [...counts.entries()]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([county, count]) => ({ county: county as CountyCode, count }));
  }
  return {
    ...e,
    workforceByOrigin: workforce,
    ...(measured === undefined
      ? {}
      : { measuredRetention: { months, placements: measured.placements, rate: measured.shrunk } }),
  };
}

/**
 * A plan made again after placement: {@link applyOutcomes}, then `assign` on what is left. The
 * labourers still in work keep their posts (listed in `plan.kept`, with no entry of their own);
 * everyone else of the dataset is placed or unplaced with reasons, exactly as `assign` guarantees
 * for the reduced dataset (optimal, stable or greedy).
 *
 * @param dataset - The dataset.
 * @param outcomes - Outcome records read against it.
 * @param options - `assign`'s options, and how to apply the outcomes.
 * @returns The plan, with `kept`.
 * @throws BangfuValidationError as `applyOutcomes` and `assign` do.
 * @example
 * const plan = replan(ds, outcomes, { mode: 'optimal' });
 * verifyReplan(plan, ds, outcomes).ok //=> true
 */
export function replan(
  dataset: Dataset,
  outcomes: Outcomes,
  options: AssignOptions & { readonly outcomes?: OutcomeOptions } = {},
): Plan {
  const { outcomes: how, ...assignOptions } = options;
  const applied = applyOutcomes(dataset, outcomes, how);
  const plan = assign(applied.dataset, assignOptions);
  return { ...plan, kept: { placements: applied.kept, options: applied.options } };
}

/**
 * Checks a plan made by {@link replan} against the dataset and the same outcome records: the kept
 * placements are exactly those still in work, and the rest is `verifyPlan` on the dataset as the
 * outcomes left it (every rule, every score, optimality or stability).
 *
 * @param plan - The plan (`replan`, or read back with `parsePlan`).
 * @param dataset - The dataset.
 * @param outcomes - The outcome records.
 * @param options - As {@link verifyPlan}'s (`exhaustive`).
 * @returns Every violation found; `ok` when none.
 * @example
 * verifyReplan(replan(ds, outcomes), ds, outcomes).ok //=> true
 */
export function verifyReplan(
  plan: Plan,
  dataset: Dataset,
  outcomes: Outcomes,
  options: VerifyOptions = {},
): PlanVerdict {
  if (plan.kept === undefined) {
    const v: PlanViolation = {
      code: 'kept-mismatch',
      message: 'the plan was not made from outcome records (it keeps no placements); verify it without them',
      messageZh: '该方案并非依据跟踪记录制定（没有保留的在岗安置），请不带跟踪记录核验',
    };
    return { ok: false, violations: [v] };
  }
  let applied: AppliedOutcomes;
  try {
    applied = applyOutcomes(dataset, outcomes, plan.kept.options);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      violations: [{ code: 'options-invalid', message: why, messageZh: `无法应用跟踪记录：${why}` }],
    };
  }
  const violations: PlanViolation[] = [];
  const want = new Map(applied.kept.map((k) => [k.labourer as string, k]));
  const seen = new Set<string>();
  for (const k of plan.kept.placements) {
    const w = want.get(k.labourer);
    seen.add(k.labourer);
    if (w === undefined || w.post !== k.post || w.employer !== k.employer || w.since !== k.since)
      violations.push({
        code: 'kept-mismatch',
        labourer: k.labourer,
        post: k.post,
        message:
          w === undefined
            ? `'${k.labourer}' is kept at '${k.post}' but the outcome records do not show them in work there`
            : `'${k.labourer}' is kept at '${k.post}' since ${k.since}, but the outcome records show '${w.post}' since ${w.since}`,
        messageZh:
          w === undefined
            ? `方案保留 '${k.labourer}' 在 '${k.post}'，但跟踪记录显示其不在该岗位在岗`
            : `方案保留 '${k.labourer}' 在 '${k.post}'（自 ${k.since}），跟踪记录却是 '${w.post}'（自 ${w.since}）`,
      });
  }
  for (const k of applied.kept)
    if (!seen.has(k.labourer))
      violations.push({
        code: 'kept-mismatch',
        labourer: k.labourer,
        post: k.post,
        message: `'${k.labourer}' is in work at '${k.post}' by the outcome records but the plan does not keep them`,
        messageZh: `跟踪记录显示 '${k.labourer}' 在 '${k.post}' 在岗，方案却未保留`,
      });
  const { kept: _kept, ...rest } = plan;
  void _kept;
  const verdict = verifyPlan(rest, applied.dataset, options);
  violations.push(...verdict.violations);
  return { ok: violations.length === 0, violations };
}
