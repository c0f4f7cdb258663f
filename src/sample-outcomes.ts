/**
 * Simulated outcome records for the demo and the benchmarks: what might have become of a plan's
 * placements over the months before the as-of date, with hazards of leaving that depend on the
 * facts at placement. Synthetic, deterministic from a seed; never a statement about real
 * placements.
 *
 * @module
 */
import { contextOf, siteArea } from './internal/context.js';
import { addDaysIso, addMonthsIso, compareIso, daysBetween } from './internal/dates.js';
import { createRandom, type Random } from './internal/random.js';
import type { LeaveReason, OutcomeEvent, Outcomes, PlacementOutcome } from './outcomes.js';
import type { Plan } from './plan.js';
import { distanceFromHome, payBelowMinimum, skillGap, trainedBefore } from './retention.js';
import { netPay } from './score/pay.js';
import type { Dataset, Employer, IsoDate, Labourer, Post } from './types.js';

/** Options of {@link simulateOutcomes}. */
export interface SimulateOutcomesOptions {
  /** @defaultValue 2025 */
  readonly seed?: number;
  /** The placements started over this many months before the as-of date. @defaultValue 18 */
  readonly months?: number;
}

/**
 * The monthly hazard of leaving before any fact at placement is weighed: about 30% gone within six
 * months on average. A synthetic figure for the simulation.
 */
export const BASE_MONTHLY_HAZARD = 0.05;

/**
 * How each fact at placement multiplies the monthly hazard in the simulation (synthetic, chosen to
 * make the demo's retention differ by the facts the programme names: pay, skills, distance, fellow
 * villagers, training, the employer's record).
 */
export const HAZARD_FACTORS = {
  payBelowMinimum: 2,
  payAtTarget: 0.8,
  skillGap: 1.5,
  otherProvince: 1.3,
  homeCounty: 0.7,
  trained: 0.75,
  fellowVillagers: 0.8,
} as const;

/**
 * When the simulation records a follow-up contact: the default schedule (1 week, 1, 3 and 6 months
 * after starting), then every three months while in work, as the programme keeps in touch.
 */
const CONTACT_DAYS: readonly ((start: IsoDate) => IsoDate)[] = [
  (s) => addDaysIso(s, 7),
  (s) => addMonthsIso(s, 1),
  (s) => addMonthsIso(s, 3),
  ...Array.from({ length: 39 }, (_, i) => (s: IsoDate) => addMonthsIso(s, 6 + 3 * i)),
];

/**
 * Outcome records of a plan's placements, simulated: each placement started on a day drawn over the
 * `months` before the dataset's as-of date; it ends at an exponential time whose monthly hazard is
 * {@link BASE_MONTHLY_HAZARD} times the {@link HAZARD_FACTORS} that apply (net pay below the
 * labourer's minimum or at their target, a required skill short on starting, another province or the
 * home county, a course before starting, fellow villagers at the employer) and the employer's own
 * record (its six-month retention, when it has five placements or more, against 75%), or at the end
 * of its contract when that is not renewed (one in four). The reason for leaving leans on the same facts (pay, skills mismatch), with a few
 * dismissals and unpaid wages. Contacts at 1 week, 1, 3 and 6 months, then every three months, are
 * recorded while in work, one in twenty unreachable. Every event is on or before the as-of date, so the records pass
 * `parseOutcomes` against the dataset.
 *
 * @param dataset - The dataset the plan was made for.
 * @param plan - The plan (its placed entries are simulated).
 * @param options - Seed and months of history.
 * @returns The records, by labourer id (the JSON form `parseOutcomes` reads, already valid).
 * @throws RangeError for months that are not a whole number from 1 to 120, or a non-finite seed.
 * @example
 * simulateOutcomes(ds, assign(ds), { seed: 1 }).outcomes.length === assign(ds).summary.placed //=> true
 *
 * Complexity: O(placed · (r + s)) for r required skills and s held skills and trainings.
 */
export function simulateOutcomes(
  dataset: Dataset,
  plan: Plan,
  options: SimulateOutcomesOptions = {},
): Outcomes {
  const months = options.months ?? 18;
  const seed = options.seed ?? 2025;
  if (!(Number.isInteger(months) && months >= 1 && months <= 120))
    throw new RangeError(`simulateOutcomes: months must be a whole number from 1 to 120, got ${months}`);
  if (!Number.isFinite(seed)) throw new RangeError(`simulateOutcomes: seed must be finite, got ${seed}`);
  const rng = createRandom(seed + 0x6a09e667);
  const { labourers, posts, employers, parks } = contextOf(dataset);
  const asOf = dataset.asOf;
  const first = addMonthsIso(asOf, -months);
  const span = daysBetween(first, asOf);
  const out: PlacementOutcome[] = [];
  for (const entry of plan.entries) {
    if (entry.kind !== 'placed') continue;
    const w = labourers.get(entry.labourer);
    const p = posts.get(entry.post);
    if (w === undefined || p === undefined) continue;
    const start = addDaysIso(first, rng.int(0, Math.max(0, span - 1)));
    const facts = factsAt(dataset, w, p, employers.get(p.employer), parks, start);
    out.push({ labourer: w.id, post: p.id, events: eventsOf(rng, facts, p, start, asOf) });
  }
  return { outcomes: out };
}

interface Facts {
  readonly hazard: number;
  readonly payBelow: boolean;
  readonly skillGap: boolean;
}

function factsAt(
  dataset: Dataset,
  w: Labourer,
  p: Post,
  e: Employer | undefined,
  parks: ReadonlyMap<string, import('./policy/types.js').Park>,
  start: IsoDate,
): Facts {
  const f = HAZARD_FACTORS;
  let h = BASE_MONTHLY_HAZARD;
  const payBelow = payBelowMinimum(w, p, parks);
  if (payBelow) h *= f.payBelowMinimum;
  else if (netPay(w, p, siteArea(p.site, parks)).net >= w.pay.targetMonthly) h *= f.payAtTarget;
  // The facts at placement as retention groups by them (one definition each).
  const gap = skillGap(dataset, w, p, start) === 'gap';
  if (gap) h *= f.skillGap;
  const distance = distanceFromHome(w, p, parks);
  if (distance === 'other-province') h *= f.otherProvince;
  else if (distance === 'home-county') h *= f.homeCounty;
  if (trainedBefore(w, start)) h *= f.trained;
  if (e !== undefined) {
    if (e.workforceByOrigin.some((r) => r.county === w.originCounty && r.count > 0)) h *= f.fellowVillagers;
    const record = e.trackRecord;
    if (record !== undefined && record.placements >= 5) {
      // An employer that kept more than three in four does better than the base, one that kept fewer worse.
      const lost = 1 - record.retainedSixMonths / record.placements;
      h *= Math.min(2, Math.max(0.5, lost / 0.25));
    }
  }
  return { hazard: h, payBelow, skillGap: gap };
}

function eventsOf(rng: Random, facts: Facts, p: Post, start: IsoDate, asOf: IsoDate): OutcomeEvent[] {
  // Months until leaving: exponential with the monthly hazard; one contract in four is not
  // renewed, and end there.
  const leaveMonths = -Math.log(1 - rng.float()) / facts.hazard;
  const contractEnd = addMonthsIso(start, p.contractMonths);
  const renewed = rng.chance(0.75);
  let end: IsoDate;
  let reason: LeaveReason;
  const leaveDay = addDaysIso(start, Math.max(1, Math.round(leaveMonths * (365.25 / 12))));
  if (!renewed && compareIso(contractEnd, leaveDay) <= 0) {
    end = contractEnd;
    reason = 'contract-ended';
  } else {
    end = leaveDay;
    reason = reasonFor(rng, facts);
  }
  const events: OutcomeEvent[] = [{ kind: 'started', on: start }];
  for (const at of CONTACT_DAYS) {
    const day = at(start);
    if (compareIso(day, asOf) > 0 || compareIso(day, end) >= 0) break;
    events.push({ kind: 'contacted', on: day, status: rng.chance(0.05) ? 'unreachable' : 'in-work' });
  }
  if (compareIso(end, asOf) <= 0) events.push({ kind: 'left', on: end, reason });
  return events;
}

const OTHER_REASONS: readonly LeaveReason[] = ['conditions', 'family', 'health', 'other'];

function reasonFor(rng: Random, facts: Facts): LeaveReason {
  const u = rng.float();
  if (u < 0.03) return 'dismissed';
  if (u < 0.05) return 'wages-unpaid';
  if (facts.payBelow && rng.chance(0.5)) return 'pay';
  if (facts.skillGap && rng.chance(0.5)) return 'skills-mismatch';
  return rng.weightedPick([...OTHER_REASONS, 'pay', 'skills-mismatch'], [3, 3, 1, 1, 2, 1]);
}
