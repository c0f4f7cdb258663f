/**
 * The pay component: what a post leaves the labourer each month against what they asked for, and
 * against the minimum wage back home.
 *
 * @module
 */
import { areaContains } from '../divisions.js';
import { minimumWageAt } from '../policy/resolve.js';
import type { Policy } from '../policy/types.js';
import type { PartScore, ScoreReason } from '../reasons.js';
import type { AreaCode, IsoDate, Labourer, Post } from '../types.js';
import { clamp01, component, type ComponentResult } from './parts.js';

/**
 * Part weights of the pay component.
 *
 * @example
 * PAY_PART_WEIGHTS.fit //=> 0.75
 */
export const PAY_PART_WEIGHTS = { fit: 0.75, uplift: 0.25 } as const;

/**
 * Net pay at which the uplift over the home minimum wage earns full marks: 1.5 × home minimum.
 *
 * @example
 * (3000 / 2000 - 1) / (FULL_UPLIFT_RATIO - 1) //=> 1
 */
export const FULL_UPLIFT_RATIO = 1.5;

/**
 * The monthly net pay a post leaves a labourer, in CNY: `basis − dormitory − meals`, where `basis`
 * is the mean of the guaranteed pay (base or piece-rate floor) and the expected pay; the dormitory
 * cost counts if a dormitory is provided and the labourer needs one or the site is outside their
 * home county; the meals cost counts if meals are provided.
 *
 * @param labourer - The labourer.
 * @param post - The post.
 * @param area - The division code of the post's site.
 * @returns The pay figures.
 * @example
 * netPay(labourer(), post(), '441900116').net //=> 3350
 */
export function netPay(
  labourer: Labourer,
  post: Post,
  area: AreaCode,
): {
  readonly guaranteed: number;
  readonly expected: number;
  readonly basis: number;
  readonly dormitoryCost: number;
  readonly mealsCost: number;
  readonly net: number;
} {
  const guaranteed = post.pay.kind === 'monthly' ? post.pay.baseMonthly : post.pay.guaranteedMonthly;
  const expected = post.pay.expectedMonthly;
  const basis = (guaranteed + expected) / 2;
  const awayFromHome = !areaContains(labourer.originCounty, area);
  const dormitoryCost =
    post.dormitory.provided && (labourer.needsDormitory || awayFromHome) ? post.dormitory.monthlyCost : 0;
  const mealsCost = post.meals.provided ? post.meals.monthlyCost : 0;
  return { guaranteed, expected, basis, dormitoryCost, mealsCost, net: basis - dormitoryCost - mealsCost };
}

/**
 * How well a net pay fits what a labourer asked for: piecewise linear and non-decreasing in `net`:
 * 0 at `net ≤ 0.75·min`, rising to 0.5 at `net = min`, to 1 at `net ≥ target` (1 from `min` if
 * `target ≤ min`).
 *
 * @param net - Net monthly pay.
 * @param min - The least the labourer accepts.
 * @param target - What the labourer hopes for.
 * @returns The fit in [0, 1].
 * @example
 * payFit(3750, 3000, 4500) //=> 0.75
 */
export function payFit(net: number, min: number, target: number): number {
  const floor = 0.75 * min;
  if (net <= floor) return 0;
  if (net < min) return (0.5 * (net - floor)) / (min - floor);
  if (net >= target) return 1;
  return clamp01(0.5 + (0.5 * (net - min)) / (target - min));
}

/**
 * Scores a post's pay for a labourer.
 *
 * Parts: `fit` = {@link payFit} of the net pay ({@link netPay}) against the labourer's minimum and
 * target, weight 0.75; `uplift` = `clamp((net / homeMinimum − 1) / 0.5, 0, 1)` where `homeMinimum`
 * is the minimum wage in force at the labourer's origin county on the as-of date, weight 0.25; null
 * (`home-minimum-wage-unknown`) where the policy has no figure for the origin. Both parts are
 * non-decreasing in the post's pay, so raising a post's pay never lowers the component.
 *
 * @param policy - The programme policy (its minimum wages).
 * @param asOf - The date the minimum wage is looked up on.
 * @param labourer - The labourer.
 * @param post - The post.
 * @param area - The division code of the post's site.
 * @returns The component value in [0, 1], its parts and reasons.
 * @example
 * payComponent(dongguanPolicy, '2026-03-01', labourer(), post(), '441900116').parts[0] //=> { part: 'fit', value: 0.6166…, weight: 0.75 }
 */
export function payComponent(
  policy: Policy,
  asOf: IsoDate,
  labourer: Labourer,
  post: Post,
  area: AreaCode,
): ComponentResult {
  const pay = netPay(labourer, post, area);
  const { net } = pay;
  const reasons: ScoreReason[] = [
    {
      code: 'pay-net',
      params: { basis: pay.basis, dormitoryCost: pay.dormitoryCost, mealsCost: pay.mealsCost, net },
    },
  ];
  if (post.pay.kind === 'piece-rate') {
    reasons.push({
      code: 'pay-piece-rate-floor',
      params: { guaranteed: pay.guaranteed, expected: pay.expected },
    });
  }
  const { minMonthly: min, targetMonthly: target } = labourer.pay;
  if (net < min) reasons.push({ code: 'pay-below-minimum-acceptable', params: { net, min } });
  else if (net < target)
    reasons.push({ code: 'pay-between-minimum-and-target', params: { net, min, target } });
  else reasons.push({ code: 'pay-meets-target', params: { net, target } });
  const fit = payFit(net, min, target);

  const county = labourer.originCounty;
  const home = minimumWageAt(policy, county, asOf);
  let uplift: number | null = null;
  if (home === undefined || !(home.monthly > 0)) {
    reasons.push({ code: 'home-minimum-wage-unknown', params: { county } });
  } else {
    uplift = clamp01((net / home.monthly - 1) / (FULL_UPLIFT_RATIO - 1));
    reasons.push({
      code: 'pay-uplift-over-home-minimum',
      params: { net, homeMinimum: home.monthly, county, uplift },
    });
  }
  const parts: PartScore[] = [
    { part: 'fit', value: fit, weight: PAY_PART_WEIGHTS.fit },
    { part: 'uplift', value: uplift, weight: PAY_PART_WEIGHTS.uplift },
  ];
  return component(parts, reasons, uplift === null ? ['uplift'] : []);
}
