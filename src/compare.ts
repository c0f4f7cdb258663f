/**
 * The one total order of rankings, so the same input gives the same order on every machine: posts
 * for a labourer by score descending, then id; labourers for a post by the programme's priority
 * groups first (as placement plans place them), then score descending, then id. Ids compare by plain
 * UTF-16 code units (never locale-dependent).
 *
 * @module
 */
import type { HouseholdStatus } from './types.js';

/**
 * The programme's priority: 0 = registered (脱贫) or monitored (防止返贫监测) household, 1 = other.
 * The two groups are the programme's priority together; the same tiers rank labourers for a post and
 * order the placement plan's lexicographic objective.
 */
export type PriorityTier = 0 | 1;

/**
 * Priority tier of a household status: registered and monitored households (0) before other (1).
 *
 * @example
 * PRIORITY_TIER.monitored //=> 0
 */
export const PRIORITY_TIER: Readonly<Record<HouseholdStatus, PriorityTier>> = {
  registered: 0,
  monitored: 0,
  other: 1,
};

/**
 * The priority tier of a labourer.
 *
 * @param labourer - The labourer.
 * @returns 0 for a registered or monitored household, 1 otherwise.
 * @example
 * priorityTier({ household: 'other' }) //=> 1
 */
export function priorityTier(labourer: { readonly household: HouseholdStatus }): PriorityTier {
  return PRIORITY_TIER[labourer.household];
}

/**
 * Compares two strings by UTF-16 code units: the same on every machine, unlike `localeCompare`.
 *
 * @param a - A string.
 * @param b - Another string.
 * @returns Negative if `a` sorts first, positive if `b` does, 0 if equal.
 * @example
 * compareIds('p10', 'p9') //=> -1
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of posts ranked for one labourer: score descending, then post id ascending.
 *
 * @param a - A ranked post.
 * @param b - Another ranked post.
 * @returns Negative if `a` ranks first.
 * @example
 * [{ id: 'p2', score: 0.5 }, { id: 'p1', score: 0.5 }, { id: 'p3', score: 0.9 }].sort(comparePostEntries).map((e) => e.id) //=> ['p3', 'p1', 'p2']
 */
export function comparePostEntries(
  a: { readonly id: string; readonly score: number },
  b: { readonly id: string; readonly score: number },
): number {
  return b.score - a.score || compareIds(a.id, b.id);
}

/**
 * The order of labourers ranked for one post: priority tier first (registered and monitored
 * households, then others), then score descending, then labourer id ascending. It is the order in
 * which a post takes labourers in a stable or greedy plan, and in which the optimal plan counts them
 * (priority placements first).
 *
 * @param a - A ranked labourer.
 * @param b - Another ranked labourer.
 * @returns Negative if `a` ranks first.
 * @example
 * [{ id: 'w2', score: 0.9, household: 'other' }, { id: 'w3', score: 0.5, household: 'registered' }].sort(compareLabourerEntries).map((e) => e.id) //=> ['w3', 'w2']
 */
export function compareLabourerEntries(
  a: { readonly id: string; readonly score: number; readonly household: HouseholdStatus },
  b: { readonly id: string; readonly score: number; readonly household: HouseholdStatus },
): number {
  return (
    PRIORITY_TIER[a.household] - PRIORITY_TIER[b.household] || b.score - a.score || compareIds(a.id, b.id)
  );
}
