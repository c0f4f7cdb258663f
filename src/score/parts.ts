/**
 * What every score component returns, and the one rule that turns its parts into its value.
 *
 * @module
 */
import type { PartScore, ScoreReason } from '../reasons.js';

/** A component's value, its parts and the reasons behind them. */
export interface ComponentResult {
  /** The weighted mean of the parts whose value is not null; null if all are null. */
  readonly value: number | null;
  readonly parts: readonly PartScore[];
  readonly reasons: readonly ScoreReason[];
  /**
   * The parts that are null for lack of data (their weight is redistributed and they are flagged
   * as missing); a part null because it does not apply (no optional skills asked) is not listed.
   */
  readonly missing: readonly string[];
}

/**
 * The weighted mean of the parts that have a value: `Σ wᵢ·vᵢ / Σ wᵢ` over parts with `vᵢ ≠ null`.
 * Null if no part has a value or their weights sum to zero.
 *
 * @param parts - The parts of one component.
 * @returns The component value in [0, 1], or null.
 * @example
 * weightedMean([{ part: 'a', value: 1, weight: 3 }, { part: 'b', value: null, weight: 1 }]) //=> 1
 */
export function weightedMean(parts: readonly PartScore[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.value === null) continue;
    sum += p.value * p.weight;
    weights += p.weight;
  }
  if (weights <= 0) return null;
  return clamp01(sum / weights);
}

/**
 * `x` clamped to [0, 1] (guards against rounding just outside the interval).
 *
 * @param x - A number.
 * @returns The nearest number in [0, 1].
 * @example
 * clamp01(1.0000000000000002) //=> 1
 */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Builds a component result from its parts and reasons.
 *
 * @param parts - The parts.
 * @param reasons - The reasons behind them.
 * @param missing - The names of the parts that are null for lack of data.
 * @returns The component result, its value the {@link weightedMean} of the parts.
 * @example
 * component([{ part: 'a', value: 0.5, weight: 1 }], []).value //=> 0.5
 */
export function component(
  parts: readonly PartScore[],
  reasons: readonly ScoreReason[],
  missing: readonly string[] = [],
): ComponentResult {
  return { value: weightedMean(parts), parts, reasons, missing };
}
