/**
 * The greedy baseline: best edges first.
 *
 * @module
 */
import { buildAssignment, type CompiledGraph } from './internal/compile.js';
import { stableMatch } from './solve-stable.js';
import type { Assignment } from './types.js';
import { prepareGraph } from './prepare.js';
import type { AnyBipartiteGraph } from './typed.js';

/**
 * Takes edges in the order tier (ascending, `null` last), weight (descending), left id, right id, keeping each one
 * whose left node is still free and whose right node still has room. A baseline to compare the
 * optimal solver against; it carries no certificate. Because left and right nodes both rank edges by
 * this one order, the result is also the unique stable assignment ({@link solveStable} returns the
 * same pairs), and it is computed that way, by deferred acceptance, without sorting every edge.
 *
 * @param graph - A valid bipartite graph, as objects or typed arrays (refused otherwise).
 * @returns The greedy assignment (`certificate` is `undefined`).
 * @throws BangfuValidationError when the graph is malformed.
 * @example
 * solveGreedy({
 *   left: [{ id: 'a' }, { id: 'b' }],
 *   right: [{ id: 'x', capacity: 1 }, { id: 'y', capacity: 1 }],
 *   edges: [
 *     { left: 'a', right: 'x', weight: 5 }, { left: 'a', right: 'y', weight: 4 },
 *     { left: 'b', right: 'x', weight: 3 },
 *   ],
 * }).total
 * //=> 5
 *
 * Complexity: that of {@link solveStable}: O(Σ deg(l)² + E log C) time in the worst case, O(L + R + E)
 * space.
 */
export function solveGreedy(graph: AnyBipartiteGraph): Assignment {
  return solveGreedyCompiled(prepareGraph(graph));
}

/**
 * {@link solveGreedy} on a graph already validated and compiled.
 *
 * @internal
 */
export function solveGreedyCompiled(g: CompiledGraph): Assignment {
  return buildAssignment(g, 'greedy', greedyMatch(g), undefined);
}

/**
 * The edge the greedy order gives each left node (−1 for none).
 *
 * Both sides' preferences here come from one strict order on the edges (tier, weight descending,
 * left id, right id): a left node compares its edges by it, and so does a right node. With such a
 * master order there is exactly one stable assignment, and taking edges greedily in that order
 * yields it; so deferred acceptance, which needs no global sort, computes the greedy assignment.
 *
 * @internal
 */
export function greedyMatch(g: CompiledGraph): Int32Array {
  return stableMatch(g);
}
