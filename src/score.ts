/**
 * The score of a labourer–post pair: four components (skills, pay, origin, employer), each the
 * weighted mean of its parts, combined with the policy weights, with every reason kept.
 *
 * @module
 */
import { contextOf, siteArea } from './internal/context.js';
import type { ComponentName, ComponentScore, MissingDataFlag, ScoreBreakdown } from './reasons.js';
import { employerComponent } from './score/employer.js';
import { originComponent } from './score/origin.js';
import type { ComponentResult } from './score/parts.js';
import { payComponent } from './score/pay.js';
import { skillsComponent } from './score/skills.js';
import type { Dataset, Labourer, Post } from './types.js';

export { levelFactor } from './score/skills.js';
export { netPay, payFit } from './score/pay.js';

/**
 * The components in the order they are reported.
 *
 * @example
 * COMPONENTS[0] //=> 'skills'
 */
export const COMPONENTS: readonly ComponentName[] = ['skills', 'pay', 'origin', 'employer'];

/**
 * Scores a labourer for a post, with the full explanation.
 *
 * Each component (see `skillsComponent`, `payComponent`, `originComponent`, `employerComponent` in
 * `src/score/`) is the weighted mean of its parts that have data; a component with no data is null.
 * With `wᶜ` the policy weight of component `c` and `N` the non-null components:
 *
 *   effectiveWeightᶜ = wᶜ / Σ_{d∈N} wᵈ  (0 for a null component),
 *   contributionᶜ = valueᶜ × effectiveWeightᶜ,
 *   score = Σ contributionᶜ, summed in component order and clamped to [0, 1].
 *
 * The compiled kernel (`src/internal/kernel.ts`) repeats this arithmetic operation for operation so
 * its scores are bit-identical; change both together.
 *
 * Every part null for lack of data (the home minimum wage, an employer's track record) is listed in
 * `missing`; a part null because it does not apply (the skills parts `optional` with no optional skill
 * asked, `certified` with no required skill) is not. The score does not check the hard rules: an ineligible
 * pair still gets the score it would have (see `checkEligibility`).
 *
 * @param dataset - The dataset (its policy and as-of date).
 * @param labourer - The labourer.
 * @param post - The post; its employer must be in the dataset.
 * @returns The score, its components and the missing-data flags.
 * @throws Error if the post's employer is not in the dataset (a dataset that did not pass `parseDataset`).
 * @example
 * // A labourer from 镇雄县 (min 3,000, target 4,500) and a general-worker post in 塘厦镇 needing no
 * // skill, paying 2,300 base / 5,000 expected, free dormitory, meals 300, fully vetted employer:
 * scorePair(ds, labourer, post).score //=> 0.733
 * // skills 1 × 0.4 + pay 0.617 × 0.3 + origin 0.24 × 0.2 + employer 1 × 0.1
 *
 * Complexity: O(R·H + B + T + F + L) for one pair (see the components); lookups are cached per dataset.
 */
export function scorePair(dataset: Dataset, labourer: Labourer, post: Post): ScoreBreakdown {
  const ctx = contextOf(dataset);
  const { policy, asOf } = dataset;
  const employer = ctx.employers.get(post.employer);
  if (employer === undefined)
    throw new Error(`scorePair: unknown employer ${post.employer} of post ${post.id}`);
  const area = siteArea(post.site, ctx.parks);

  const results: Record<ComponentName, ComponentResult> = {
    skills: skillsComponent(policy, labourer, post),
    pay: payComponent(policy, asOf, labourer, post, area),
    origin: originComponent(policy, asOf, labourer, post, employer, area),
    employer: employerComponent(employer),
  };

  let present = 0;
  for (const name of COMPONENTS) {
    if (results[name].value !== null) present += Math.max(0, policy.weights[name]);
  }
  const components: ComponentScore[] = [];
  const missing: MissingDataFlag[] = [];
  let score = 0;
  for (const name of COMPONENTS) {
    const { value, parts, reasons, missing: lacking } = results[name];
    const weight = policy.weights[name];
    const effectiveWeight = value === null || present <= 0 ? 0 : Math.max(0, weight) / present;
    const contribution = value === null ? 0 : value * effectiveWeight;
    score += contribution;
    components.push({ component: name, value, weight, effectiveWeight, contribution, parts, reasons });
    for (const part of lacking) missing.push({ component: name, part });
  }
  return { score: Math.min(1, Math.max(0, score)), components, missing };
}
