/**
 * `bangfu/sample`: synthetic data — datasets of any size from a seed (synthetic people on real
 * places: real division codes, towns, parks and minimum wages) and simulated outcomes of a plan's
 * placements. Apart from the core (`bangfu`) so that a service planning real cohorts does not carry
 * the generator's tables.
 *
 * @example
 * ```ts
 * import { rankPosts } from 'bangfu';
 * import { demoDataset } from 'bangfu/sample';
 *
 * const dataset = demoDataset();
 * console.log(rankPosts(dataset, 'w0001', { top: 3 }).ranked.length); //=> 3
 * ```
 *
 * @module
 */
export { demoDataset, generateSample, type SampleOptions } from '../sample.js';
export {
  BASE_MONTHLY_HAZARD,
  HAZARD_FACTORS,
  simulateOutcomes,
  type SimulateOutcomesOptions,
} from '../sample-outcomes.js';
