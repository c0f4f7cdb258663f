/**
 * Retention of placements: how many stay in work, month by month, estimated from outcome records
 * with right-censoring (a placement still in work, or not heard of since, counts until the last day
 * it was known in work), by Kaplan–Meier with Greenwood intervals, for the programme or by group.
 *
 * @module
 */
import { compareIds, priorityTier } from './compare.js';
import { areaContains, provinceOf } from './divisions.js';
import { contextOf, siteArea } from './internal/context.js';
import { compareIso, daysBetween } from './internal/dates.js';
import {
  FOR_CAUSE,
  lastKnownInWork,
  placementEnd,
  type Outcomes,
  type PlacementOutcome,
} from './outcomes.js';
import { netPay } from './score/pay.js';
import { requirementCredit } from './score/skills.js';
import {
  kaplanMeier,
  survivalAt,
  type SurvivalAt,
  type SurvivalCurve,
  type SurvivalObservation,
} from './stats/kaplan-meier.js';
import type { Park } from './policy/types.js';
import type { Dataset, IsoDate, Labourer, Post } from './types.js';

/** Days in an average month (365.25 / 12): durations are told in months. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** The months at which retention is read unless told otherwise: 1, 3, 6 and 12. */
export const RETENTION_MONTHS: readonly number[] = [1, 3, 6, 12];

/**
 * How placements are grouped: the whole programme, by employer, post, origin county, priority tier,
 * or by a fact at placement — `pay` (the net pay against the labourer's minimum: `at-or-above`,
 * `below`), `distance` (`home-county`, `home-province`, `other-province`), `trained` (a course
 * completed before starting: `yes`, `no`), `skills` (the post's required skills as the labourer
 * held them on starting: `met`, `gap` where one earns less than full credit, `none-required`),
 * `fellows` (someone from the labourer's county already at the employer on starting, by the
 * dataset's workforce or another placement then in work: `with-fellows`, `no-fellows`).
 */
export type RetentionBy =
  | 'programme'
  | 'employer'
  | 'post'
  | 'origin-county'
  | 'tier'
  | 'pay'
  | 'distance'
  | 'trained'
  | 'skills'
  | 'fellows';

/** Every grouping of {@link retention}, in the order they are listed. */
export const RETENTION_GROUPINGS: readonly RetentionBy[] = [
  'programme',
  'employer',
  'post',
  'origin-county',
  'tier',
  'pay',
  'distance',
  'trained',
  'skills',
  'fellows',
];

/** Options of {@link retention}. */
export interface RetentionOptions {
  /** @defaultValue 'programme' */
  readonly by?: RetentionBy;
  /** Months at which to read the curves. @defaultValue {@link RETENTION_MONTHS} */
  readonly months?: readonly number[];
  /** Confidence level of the intervals. @defaultValue 0.95 */
  readonly level?: number;
}

/** Retention of one group of placements. */
export interface RetentionRow {
  /** The group's key (an employer id, a county code, `0`/`1` for a tier, a fact's value; `all`). */
  readonly key: string;
  readonly placements: number;
  /** Placements known to have ended. */
  readonly left: number;
  /** Of those, ended for cause (dismissed, wages unpaid). */
  readonly leftForCause: number;
  /** The curve read at each month asked for (`months` months after starting). */
  readonly at: readonly (SurvivalAt & { readonly months: number })[];
  readonly curve: SurvivalCurve;
}

/** Retention by group, in key order. */
export interface RetentionReport {
  readonly asOf: string;
  readonly by: RetentionBy;
  readonly months: readonly number[];
  readonly rows: readonly RetentionRow[];
}

/**
 * A placement as a survival observation: months from its start to its end (the event), or to the
 * last day it was known in work (censored).
 *
 * @param o - A placement's outcome.
 * @returns The observation.
 * @example
 * observationOf({ labourer: 'w1', post: 'p1', events: [{ kind: 'started', on: '2026-01-01' }, { kind: 'left', on: '2026-03-02', reason: 'pay' }] }).event //=> true
 */
export function observationOf(o: PlacementOutcome): SurvivalObservation {
  const start = o.events[0]!.on;
  const end = placementEnd(o);
  return end === undefined
    ? { time: daysBetween(start, lastKnownInWork(o)) / DAYS_PER_MONTH, event: false }
    : { time: daysBetween(start, end.on) / DAYS_PER_MONTH, event: true };
}

/**
 * Retention of the placements of an outcomes file, for the programme or by group: each group's
 * Kaplan–Meier curve (months since starting), read at 1, 3, 6 and 12 months by default with its
 * interval and the number still followed then. A month beyond a group's longest follow-up is not
 * estimable (`estimable: false`), never extrapolated.
 *
 * @param outcomes - Outcome records read by `parseOutcomes` against `dataset`.
 * @param dataset - The dataset the placements belong to.
 * @param options - Grouping, months, confidence level.
 * @returns One row per group, in key order.
 * @throws RangeError for a month that is not a finite number ≥ 0, or an unknown grouping.
 * @example
 * retention(outcomes, ds).rows[0].at[2] //=> { months: 6, survival: 0.8, … }
 *
 * Complexity: O(E + n log n) for E events and n placements.
 */
export function retention(
  outcomes: Outcomes,
  dataset: Dataset,
  options: RetentionOptions = {},
): RetentionReport {
  const by = options.by ?? 'programme';
  const months = options.months ?? RETENTION_MONTHS;
  for (const m of months)
    if (!(Number.isFinite(m) && m >= 0))
      throw new RangeError(`retention: months must be finite and ≥ 0, got ${m}`);
  const keyOf = grouping(by, dataset, outcomes);
  const { observations, ends } = factsOf(outcomes);
  const groups = new Map<string, number[]>();
  outcomes.outcomes.forEach((o, i) => {
    const key = keyOf(o, i);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(i);
  });
  const rows = [...groups.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([key, list]): RetentionRow => {
      const curve = kaplanMeier(
        list.length === observations.length ? observations : list.map((i) => observations[i]!),
        options.level === undefined ? {} : { level: options.level },
      );
      let left = 0;
      let leftForCause = 0;
      for (const i of list) {
        const end = ends[i];
        if (end === undefined) continue;
        left++;
        if (end.reason !== undefined && FOR_CAUSE.includes(end.reason)) leftForCause++;
      }
      return {
        key,
        placements: list.length,
        left,
        leftForCause,
        at: months.map((m) => ({ months: m, ...survivalAt(curve, m) })),
        curve,
      };
    });
  return { asOf: dataset.asOf, by, months, rows };
}

/** Each placement's survival observation and end, computed once per outcomes object. */
const factsCache = new WeakMap<
  Outcomes,
  { readonly observations: readonly SurvivalObservation[]; readonly ends: readonly PlacementEnd[] }
>();

type PlacementEnd = ReturnType<typeof placementEnd>;

function factsOf(outcomes: Outcomes): {
  readonly observations: readonly SurvivalObservation[];
  readonly ends: readonly PlacementEnd[];
} {
  let facts = factsCache.get(outcomes);
  if (facts === undefined) {
    facts = { observations: outcomes.outcomes.map(observationOf), ends: outcomes.outcomes.map(placementEnd) };
    factsCache.set(outcomes, facts);
  }
  return facts;
}

/** The key of a placement under a grouping. */
function grouping(
  by: RetentionBy,
  dataset: Dataset,
  outcomes: Outcomes,
): (o: PlacementOutcome, i: number) => string {
  const { labourers: labourer, posts: post, parks } = contextOf(dataset);
  const w = (o: PlacementOutcome): Labourer => labourer.get(o.labourer)!;
  const p = (o: PlacementOutcome): Post => post.get(o.post)!;
  switch (by) {
    case 'programme':
      return () => 'all';
    case 'employer':
      return (o) => p(o).employer;
    case 'post':
      return (o) => o.post;
    case 'origin-county':
      return (o) => w(o).originCounty;
    case 'tier':
      return (o) => String(priorityTier(w(o)));
    case 'pay':
      return (o) => (payBelowMinimum(w(o), p(o), parks) ? 'below' : 'at-or-above');
    case 'distance':
      return (o) => distanceFromHome(w(o), p(o), parks);
    case 'trained':
      return (o) => (trainedBefore(w(o), o.events[0]!.on) ? 'yes' : 'no');
    case 'skills':
      return (o) => skillGap(dataset, w(o), p(o), o.events[0]!.on);
    case 'fellows': {
      const withFellows = fellowsOnStarting(outcomes, dataset);
      return (_o, i) => (withFellows[i] === 1 ? 'with-fellows' : 'no-fellows');
    }
    default:
      throw new RangeError(`retention: unknown grouping ${String(by)}`);
  }
}

/** Options of {@link employerRetention}. */
export interface EmployerRetentionOptions {
  /** The month at which retention is measured. @defaultValue 6 */
  readonly months?: number;
  /**
   * How many placements the programme's mean counts for (the strength of the beta prior): an
   * employer with this many placements of its own is measured half by them, half by the mean.
   * @defaultValue 10
   */
  readonly priorStrength?: number;
  /**
   * Employers whose shrunk retention falls below this are flagged for re-vetting.
   * @defaultValue the policy's `revetBelowRetention`; none flagged without either
   */
  readonly threshold?: number;
}

/** An employer's measured retention. */
export interface EmployerRetention {
  readonly employer: string;
  readonly placements: number;
  /** Its own Kaplan–Meier retention at the month (NaN where its follow-up is too short). */
  readonly measured: number;
  /** Shrunk towards the programme's retention by the beta prior (NaN where neither is known). */
  readonly shrunk: number;
  /** Below the threshold: to be vetted again. */
  readonly flagged: boolean;
}

/**
 * Each employer's retention at a month (6 by default), measured from the outcomes and shrunk towards
 * the programme's, so that an employer with few placements is not judged on them alone: with m the
 * programme's Kaplan–Meier retention, S the employer's and n its placements, a beta prior of
 * strength k centred on m gives (k·m + n·S) / (k + n) (n·S being the placements it kept, as
 * censoring allows). Where the employer's own curve does not reach the month, its estimate is the
 * programme's. Employers below `threshold` are flagged.
 *
 * @param outcomes - Outcome records read against `dataset`.
 * @param dataset - The dataset.
 * @param options - Month, prior strength, threshold.
 * @returns One row per employer with placements, by id.
 * @throws RangeError for a month, prior strength or threshold out of range.
 * @example
 * employerRetention(outcomes, ds, { threshold: 0.7 }).filter((e) => e.flagged)
 */
export function employerRetention(
  outcomes: Outcomes,
  dataset: Dataset,
  options: EmployerRetentionOptions = {},
): readonly EmployerRetention[] {
  const months = options.months ?? 6;
  const k = options.priorStrength ?? 10;
  const threshold = options.threshold ?? dataset.policy.revetBelowRetention;
  if (!(Number.isFinite(months) && months >= 0))
    throw new RangeError(`employerRetention: months must be finite and ≥ 0, got ${months}`);
  if (!(Number.isFinite(k) && k >= 0))
    throw new RangeError(`employerRetention: priorStrength must be finite and ≥ 0, got ${k}`);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    throw new RangeError(`employerRetention: threshold must be in [0, 1], got ${threshold}`);
  const all = retention(outcomes, dataset, { months: [months] }).rows[0];
  const mean = all === undefined ? Number.NaN : valueAt(all);
  return retention(outcomes, dataset, { by: 'employer', months: [months] }).rows.map((row) => {
    const measured = valueAt(row);
    const n = row.placements;
    const shrunk = Number.isNaN(measured)
      ? mean
      : Number.isNaN(mean)
        ? measured
        : (k * mean + n * measured) / (k + n);
    return {
      employer: row.key,
      placements: n,
      measured,
      shrunk,
      flagged: threshold !== undefined && shrunk < threshold,
    };
  });
}

/** A row's retention at its one month, NaN when not estimable. */
function valueAt(row: RetentionRow): number {
  const at = row.at[0]!;
  return at.estimable ? at.survival : Number.NaN;
}

// --- facts at placement (retention groups by them; the follow-up worklist lists them as risks) ---

/**
 * Whether a post's required skills were met as the labourer held them on starting (trainings
 * completed by then): `met`, `gap` when some required skill earns less than full credit (a lower
 * level, a related skill, or none where the post trains on the job), `none-required`.
 *
 * @internal
 */
export function skillGap(
  dataset: Dataset,
  labourer: Labourer,
  post: Post,
  start: IsoDate,
): 'met' | 'gap' | 'none-required' {
  if (post.requiredSkills.length === 0) return 'none-required';
  const then = {
    skills: labourer.skills,
    trainings: labourer.trainings.filter((t) => compareIso(t.completedOn, start) <= 0),
  };
  return post.requiredSkills.every((req) => requirementCredit(dataset.policy, then, req) >= 1)
    ? 'met'
    : 'gap';
}

/**
 * For each placement (by its index in the records), whether someone from the labourer's county was
 * already at the employer on the day it started: in the dataset's workforce, or another placement of
 * the records started by then and not ended before (1), or not (0).
 *
 * Complexity: O(n log n) for n placements.
 *
 * @internal
 */
export function fellowsOnStarting(outcomes: Outcomes, dataset: Dataset): Uint8Array {
  const { labourers, posts, employers } = contextOf(dataset);
  const { ends } = factsOf(outcomes);
  const list = outcomes.outcomes;
  const starts = list.map((o) => o.events[0]!.on as string);
  // Placements by employer and county, as indices.
  const groups = new Map<string, { employer: string; county: string; at: number[] }>();
  list.forEach((o, i) => {
    const county = labourers.get(o.labourer)!.originCounty;
    const employer = posts.get(o.post)!.employer;
    const key = `${employer}\u0000${county}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { employer, county, at: [] }));
    g.at.push(i);
  });
  const out = new Uint8Array(list.length);
  for (const { employer, county, at } of groups.values()) {
    const known = (employers.get(employer)?.workforceByOrigin ?? []).some(
      (r) => r.county === county && r.count > 0,
    );
    // ISO dates order as strings.
    if (at.length > 1)
      at.sort((x, y) => (starts[x]! < starts[y]! ? -1 : starts[x]! > starts[y]! ? 1 : x - y));
    // Whether a placement started earlier is still in work, and the latest end among them.
    let stillIn = false;
    let latest = '';
    for (let i = 0; i < at.length;) {
      const day = starts[at[i]!]!;
      let j = i;
      while (j < at.length && starts[at[j]!] === day) j++;
      // Started the same day: fellows of one another.
      const fellows = known || stillIn || latest > day || j - i > 1 ? 1 : 0;
      for (let k = i; k < j; k++) {
        out[at[k]!] = fellows;
        const end = ends[at[k]!]?.on;
        if (end === undefined) stillIn = true;
        else if (end > latest) latest = end;
      }
      i = j;
    }
  }
  return out;
}

/**
 * Whether the net pay a post leaves is below the least the labourer accepts.
 *
 * @internal
 */
export function payBelowMinimum(labourer: Labourer, post: Post, parks: ReadonlyMap<string, Park>): boolean {
  return netPay(labourer, post, siteArea(post.site, parks)).net < labourer.pay.minMonthly;
}

/**
 * How far from home a post is: in the home county, elsewhere in the home province, or in another.
 *
 * @internal
 */
export function distanceFromHome(
  labourer: Labourer,
  post: Post,
  parks: ReadonlyMap<string, Park>,
): 'home-county' | 'home-province' | 'other-province' {
  const area = siteArea(post.site, parks);
  const home = labourer.originCounty;
  if (areaContains(home, area)) return 'home-county';
  return provinceOf(home) === provinceOf(area) ? 'home-province' : 'other-province';
}

/**
 * Whether the labourer completed a course on or before a day.
 *
 * @internal
 */
export function trainedBefore(labourer: Labourer, day: IsoDate): boolean {
  return labourer.trainings.some((t) => compareIso(t.completedOn, day) <= 0);
}
