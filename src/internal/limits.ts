/**
 * The numeric limits input is held to at the boundary, so that the planner's typed arrays and the
 * solvers' floating-point sums can never overflow on input that passed validation.
 *
 * @module
 */

/**
 * The largest count the planner and the solvers hold: 2^31 − 1, the largest value of an
 * `Int32Array`, in which post capacities (`openings − filled`), right-node capacities and the
 * indices built from them are kept. A larger count would not fail loudly there: 2^32 wraps to 0
 * (nobody placed) and 10^12 makes an allocation throw deep inside the solver. Every count of the
 * dataset (openings, filled, workforce, track record, months, days) is held to the same bound, so
 * that any of them can be indexed or summed without further care; no real programme comes near it.
 *
 * @example
 * INDEX_MAX //=> 2147483647
 */
export const INDEX_MAX = 2_147_483_647;

/**
 * The message of a count above {@link INDEX_MAX}.
 *
 * @param holder - What holds the count: `planner` for a dataset, `solver` for a plain graph.
 * @param what - What the count must be (`a whole number`, `a non-negative integer`).
 * @returns The message, naming the limit and why.
 * @example
 * indexLimitMessage('planner') //=> 'expected a whole number at most 2147483647 (the largest the planner's index holds)'
 */
export function indexLimitMessage(holder: 'planner' | 'solver', what = 'a whole number'): string {
  return `expected ${what} at most ${INDEX_MAX} (the largest the ${holder}'s index holds)`;
}

/**
 * The Chinese of an English message that zod carries as it is (a bound's own message, which has no
 * room for a second language), or undefined.
 *
 * @param message - The English message.
 * @returns The Chinese message, if it is one of the limits' messages.
 * @example
 * limitMessageZh(indexLimitMessage('planner')) //=> '应为不超过 2147483647 的整数（规划器索引所能容纳的最大值）'
 */
export function limitMessageZh(message: string): string | undefined {
  for (const holder of ['planner', 'solver'] as const)
    for (const what of ['a whole number', 'a non-negative integer'])
      if (message === indexLimitMessage(holder, what))
        return `应为不超过 ${INDEX_MAX} 的${what === 'a whole number' ? '整数' : '非负整数'}（${holder === 'planner' ? '规划器' : '求解器'}索引所能容纳的最大值）`;
  return undefined;
}

/**
 * The bound on the weights of a plain graph: `Σ|weight| · (nodes + 2)` must stay at most
 * `Number.MAX_VALUE / 4` (about 4.5e307), nodes counting the left and right nodes.
 *
 * Why: every number the optimal solver and the verifier form from weights is a sum or difference
 * of weights. A potential is the weight of a path, at most Σ|w| in size; a dual value is the
 * difference of two potentials, at most 2·Σ|w|; the verifier's duality-gap sums add a dual value
 * for every node, the source and the sink (a right's weighted by its load, which the left nodes
 * bound), at most 2·Σ|w|·(nodes + 2). Holding that to `MAX_VALUE / 2` keeps a factor of two of
 * headroom for the tolerances computed from it. Weights of any realistic size (scores in [0, 1],
 * money, counts) are far below the bound; it refuses only input like edges of ±1.7e308, whose
 * total is −Infinity and whose certificate no verifier could check.
 *
 * @example
 * WEIGHT_BUDGET //=> Number.MAX_VALUE / 4
 */
export const WEIGHT_BUDGET = Number.MAX_VALUE / 4;
