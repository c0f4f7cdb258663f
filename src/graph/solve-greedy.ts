/**
 * The greedy baseline: best edges first.
 *
 * @module
 */
import {
  buildAssignment,
  compileGraph,
  edgesByWeight,
  stableByKey,
  type CompiledGraph,
} from './internal/compile.js';
import type { Assignment, BipartiteGraph } from './types.js';
import { validateGraph } from './validate.js';

/**
 * Takes edges in the order tier (ascending, `null` last), weight (descending), left id, right id, keeping each one
 * whose left node is still free and whose right node still has room. A baseline to compare the
 * optimal and stable solvers against; it carries no certificate.
 *
 * @param graph - A valid bipartite graph (refused otherwise).
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
 * Complexity: O(E log E) time (a native sort of the weights, then counting sorts), O(L + R + E) space.
 */
export function solveGreedy(graph: BipartiteGraph): Assignment {
  validateGraph(graph);
  return solveGreedyCompiled(compileGraph(graph));
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
 * @internal
 */
export function greedyMatch(g: CompiledGraph): Int32Array {
  // Weight descending with ties by index (edges are stored by left id, right id), then stably by tier.
  const order = stableByKey(edgesByWeight(g), (e) => g.leftRank[g.edgeLeft[e]!]!, g.tiers.length + 1);
  const matchEdge = new Int32Array(g.leftIds.length).fill(-1);
  const load = new Int32Array(g.rightIds.length);
  for (const e of order) {
    const l = g.edgeLeft[e]!;
    const r = g.edgeRight[e]!;
    if (matchEdge[l]! < 0 && load[r]! < g.capacity[r]!) {
      matchEdge[l] = e;
      load[r]!++;
    }
  }
  return matchEdge;
}
