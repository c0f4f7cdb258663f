/**
 * A placement plan in figures: placed and unplaced by reason, by priority tier, by origin county, fill
 * rate by employer, and the pay of the placed against what they asked for.
 *
 * @module
 */
import { compareIds } from './compare.js';
import { divisionName } from './divisions.js';
import { contextOf, siteArea } from './internal/context.js';
import { PayAccumulator } from './internal/pay-figures.js';
import type { Plan, PlanSummary, PriorityTier, UnplacedReasonCode } from './plan.js';
import { netPay } from './score.js';
import type { CountyCode, Dataset, EmployerId } from './types.js';

const REASON_CODES: readonly UnplacedReasonCode[] = [
  'labourer-excluded',
  'no-eligible-post',
  'below-min-score',
  'posts-filled',
  'group-not-placed-whole',
];

/**
 * Summarises a plan against its dataset.
 *
 * Unplaced labourers count under their first reason. Employers list the openings left before the plan
 * (`Σ max(0, openings − filled)` over their posts) and the fill rate `placed / openings` (0 when no
 * opening was left). Pay is each placed labourer's net pay (`netPay` from the score module) against
 * their minimum and target, averaged over the placed (0 when nobody is placed). Entries naming an
 * unknown labourer or post are left out of the slices they cannot be put in.
 *
 * @param plan - The plan (its entries are what is read).
 * @param dataset - The dataset it was made from.
 * @returns The summary.
 * @example
 * summarizePlan(assign(ds), ds).placed //=> 212
 *
 * Complexity: O(W + P + N log N) for N entries.
 */
export function summarizePlan(plan: Pick<Plan, 'entries'>, dataset: Dataset): PlanSummary {
  const ctx = contextOf(dataset);
  const unplacedByReason = Object.fromEntries(REASON_CODES.map((c) => [c, 0])) as Record<
    UnplacedReasonCode,
    number
  >;
  const tiers: Record<PriorityTier, { labourers: number; placed: number }> = {
    0: { labourers: 0, placed: 0 },
    1: { labourers: 0, placed: 0 },
  };
  const origins = new Map<string, { labourers: number; placed: number }>();
  const employers = new Map<string, { openings: number; placed: number }>();
  for (const e of [...dataset.employers].sort((a, b) => compareIds(a.id, b.id)))
    employers.set(e.id, { openings: 0, placed: 0 });
  for (const p of dataset.posts) {
    const slot = employers.get(p.employer);
    if (slot !== undefined) slot.openings += Math.max(0, p.openings - p.filled);
  }
  let placed = 0;
  let sumScore = 0;
  const pay = new PayAccumulator();
  for (const entry of plan.entries) {
    const isPlaced = entry.kind === 'placed';
    const labourer = ctx.labourers.get(entry.labourer);
    tiers[entry.tier].labourers++;
    if (isPlaced) tiers[entry.tier].placed++;
    if (labourer !== undefined) {
      const o = origins.get(labourer.originCounty) ?? { labourers: 0, placed: 0 };
      o.labourers++;
      if (isPlaced) o.placed++;
      origins.set(labourer.originCounty, o);
    }
    if (!isPlaced) {
      unplacedByReason[entry.reasons[0].code]++;
      continue;
    }
    placed++;
    sumScore += entry.score;
    const post = ctx.posts.get(entry.post);
    if (post === undefined || labourer === undefined) continue;
    const slot = employers.get(post.employer);
    if (slot !== undefined) slot.placed++;
    pay.add(netPay(labourer, post, siteArea(post.site, ctx.parks)).net, labourer, undefined);
  }
  const { meanNet, meanMin, meanTarget, meetingMin, meetingTarget } = pay.figures();
  return {
    labourers: plan.entries.length,
    placed,
    unplaced: plan.entries.length - placed,
    unplacedByReason,
    byTier: ([0, 1] as const).map((tier) => ({ tier, ...tiers[tier] })),
    byOrigin: [...origins]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([county, s]) => ({ county: county as CountyCode, name: divisionName(county) ?? county, ...s })),
    byEmployer: [...employers].map(([employer, s]) => ({
      employer: employer as EmployerId,
      name: ctx.employers.get(employer)?.name ?? employer,
      openings: s.openings,
      placed: s.placed,
      fillRate: s.openings === 0 ? 0 : s.placed / s.openings,
    })),
    pay: { meanNet, meanMin, meanTarget, meetingMin, meetingTarget },
    meanScore: placed === 0 ? 0 : sumScore / placed,
  };
}
