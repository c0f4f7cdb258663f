/**
 * Left-proposing deferred acceptance with capacities (the hospitals/residents algorithm).
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
 * Each left node's edges in its order of preference, in the left's CSR range: weight descending, then
 * right id ascending (edges of a left are stored by right index, so index order breaks weight ties).
 *
 * Complexity: O(E log E) time (see `edgesByWeight`), then O(E).
 */
function leftPreferences(g: CompiledGraph, byWeight: Int32Array): Int32Array {
  return stableByKey(byWeight, (e) => g.edgeLeft[e]!, g.leftIds.length);
}

/**
 * Each edge's rank in its right node's order of preference (0 = most preferred): tier ascending (`null`
 * after every numbered tier), then weight descending, then left id ascending.
 *
 * Complexity: O(E + L + R) after `edgesByWeight`.
 */
function rightRanks(g: CompiledGraph, byWeight: Int32Array): Int32Array {
  const byTier = stableByKey(byWeight, (e) => g.leftRank[g.edgeLeft[e]!]!, g.tiers.length + 1);
  const byRight = stableByKey(byTier, (e) => g.edgeRight[e]!, g.rightIds.length);
  const rank = new Int32Array(g.edgeLeft.length);
  for (let r = 0; r < g.rightIds.length; r++) {
    const start = g.rightStart[r]!;
    for (let i = start; i < g.rightStart[r + 1]!; i++) rank[byRight[i]!] = i - start;
  }
  return rank;
}

/**
 * Finds the left-optimal stable assignment by left-proposing deferred acceptance with capacities.
 * Every edge is an acceptable pair, whatever its weight. Left nodes rank right nodes by edge weight
 * (descending), ties by right id; right nodes rank left nodes by tier (ascending, `null` last), then edge weight
 * (descending), then left id. With these strict orders no left node and right node would both rather
 * be together than where they are, and every left node gets its best partner among all stable
 * assignments.
 *
 * @param graph - A valid bipartite graph (refused otherwise).
 * @returns The stable assignment, with the empty list of blocking pairs as its certificate.
 * @throws BangfuValidationError when the graph is malformed.
 * @example
 * solveStable({
 *   left: [{ id: 'a' }, { id: 'b' }],
 *   right: [{ id: 'x', capacity: 1 }, { id: 'y', capacity: 1 }],
 *   edges: [
 *     { left: 'a', right: 'x', weight: 5 }, { left: 'a', right: 'y', weight: 1 },
 *     { left: 'b', right: 'x', weight: 9 },
 *   ],
 * }).pairs
 * //=> [{ left: 'a', right: 'y', weight: 1 }, { left: 'b', right: 'x', weight: 9 }]
 *
 * Complexity: O(E log E) time (one native sort of the weights, then counting sorts; the proposals
 * take O(E log C) for the largest capacity C), O(L + R + E) space.
 */
export function solveStable(graph: BipartiteGraph): Assignment {
  validateGraph(graph);
  return solveStableCompiled(compileGraph(graph));
}

/**
 * {@link solveStable} on a graph already validated and compiled.
 *
 * @internal
 */
export function solveStableCompiled(g: CompiledGraph): Assignment {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const byWeight = edgesByWeight(g);
  const prefs = leftPreferences(g, byWeight);
  const rank = rightRanks(g, byWeight);
  const next = g.leftStart.slice(0, nL);
  const matchEdge = new Int32Array(nL).fill(-1);
  // Each right's held edges as a max-heap on rank (the least preferred on top), in one flat array:
  // right r uses heap[heapStart[r] … heapStart[r] + held[r] − 1]; it never holds more than its edges.
  const heapStart = new Int32Array(nR + 1);
  for (let r = 0; r < nR; r++) {
    heapStart[r + 1] = heapStart[r]! + Math.min(g.capacity[r]!, g.rightStart[r + 1]! - g.rightStart[r]!);
  }
  const heap = new Int32Array(heapStart[nR]!);
  const held = new Int32Array(nR);

  const free = new Int32Array(nL);
  let freeCount = 0;
  for (let l = nL - 1; l >= 0; l--) free[freeCount++] = l;
  while (freeCount > 0) {
    const l = free[--freeCount]!;
    const end = g.leftStart[l + 1]!;
    while (next[l]! < end) {
      const e = prefs[next[l]!++]!;
      const r = g.edgeRight[e]!;
      const base = heapStart[r]!;
      const n = held[r]!;
      if (n < g.capacity[r]!) {
        // Sift up from the end.
        let i = n;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (rank[heap[base + p]!]! >= rank[e]!) break;
          heap[base + i] = heap[base + p]!;
          i = p;
        }
        heap[base + i] = e;
        held[r] = n + 1;
        matchEdge[l] = e;
        break;
      }
      if (n > 0 && rank[e]! < rank[heap[base]!]!) {
        const rejected = heap[base]!;
        // Replace the top and sift down.
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= n) break;
          if (c + 1 < n && rank[heap[base + c + 1]!]! > rank[heap[base + c]!]!) c++;
          if (rank[heap[base + c]!]! <= rank[e]!) break;
          heap[base + i] = heap[base + c]!;
          i = c;
        }
        heap[base + i] = e;
        matchEdge[l] = e;
        const lw = g.edgeLeft[rejected]!;
        matchEdge[lw] = -1;
        free[freeCount++] = lw;
        break;
      }
    }
  }
  return buildAssignment(g, 'stable', matchEdge, { kind: 'stable', blockingPairs: [] });
}
