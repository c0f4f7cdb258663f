/**
 * Left-proposing deferred acceptance with capacities (the hospitals/residents algorithm).
 *
 * @module
 */
import { buildAssignment, compileGraph, type CompiledGraph } from './internal/compile.js';
import type { Assignment, BipartiteGraph } from './types.js';
import { validateGraph } from './validate.js';

/**
 * Each left node's edges in its order of preference: weight descending, then right id ascending.
 *
 * Complexity: O(E log E) time.
 */
function leftPreferences(g: CompiledGraph): Int32Array {
  const prefs = new Int32Array(g.edgeLeft.length);
  for (let l = 0; l < g.leftIds.length; l++) {
    const edges = Array.from(
      { length: g.leftStart[l + 1]! - g.leftStart[l]! },
      (_, i) => g.leftStart[l]! + i,
    );
    // Edges of a left are stored by right index (= right id order), so the index breaks weight ties.
    edges.sort((a, b) => g.edgeWeight[b]! - g.edgeWeight[a]! || a - b);
    prefs.set(edges, g.leftStart[l]!);
  }
  return prefs;
}

/**
 * Each edge's rank in its right node's order of preference (0 = most preferred): tier ascending (`null`
 * after every numbered tier), then weight descending, then left id ascending.
 *
 * Complexity: O(E log E) time.
 */
function rightRanks(g: CompiledGraph): Int32Array {
  const rank = new Int32Array(g.edgeLeft.length);
  for (let r = 0; r < g.rightIds.length; r++) {
    const edges = Array.from(g.rightEdges.subarray(g.rightStart[r]!, g.rightStart[r + 1]!));
    edges.sort(
      (a, b) =>
        g.leftRank[g.edgeLeft[a]!]! - g.leftRank[g.edgeLeft[b]!]! ||
        g.edgeWeight[b]! - g.edgeWeight[a]! ||
        g.edgeLeft[a]! - g.edgeLeft[b]!,
    );
    edges.forEach((e, i) => (rank[e] = i));
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
 * Complexity: O(E log E) time, O(L + R + E) space.
 */
export function solveStable(graph: BipartiteGraph): Assignment {
  validateGraph(graph);
  const g = compileGraph(graph);
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const prefs = leftPreferences(g);
  const rank = rightRanks(g);
  const next = g.leftStart.slice(0, nL);
  const matchEdge = new Int32Array(nL).fill(-1);
  // Each right's held edges as a max-heap on rank: the least preferred on top.
  const held: number[][] = Array.from({ length: nR }, () => []);

  const free: number[] = [];
  for (let l = nL - 1; l >= 0; l--) free.push(l);
  while (free.length > 0) {
    const l = free.pop()!;
    while (next[l]! < g.leftStart[l + 1]!) {
      const e = prefs[next[l]!++]!;
      const r = g.edgeRight[e]!;
      const h = held[r]!;
      if (h.length < g.capacity[r]!) {
        heapPush(h, e, rank);
        matchEdge[l] = e;
        break;
      }
      if (h.length > 0 && rank[e]! < rank[h[0]!]!) {
        const rejected = h[0]!;
        heapReplaceTop(h, e, rank);
        matchEdge[l] = e;
        const lw = g.edgeLeft[rejected]!;
        matchEdge[lw] = -1;
        free.push(lw);
        break;
      }
    }
  }
  return buildAssignment(g, 'stable', matchEdge, { kind: 'stable', blockingPairs: [] });
}

function heapPush(h: number[], e: number, rank: Int32Array): void {
  let i = h.length;
  h.push(e);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (rank[h[p]!]! >= rank[e]!) break;
    h[i] = h[p]!;
    i = p;
  }
  h[i] = e;
}

function heapReplaceTop(h: number[], e: number, rank: Int32Array): void {
  const n = h.length;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && rank[h[c + 1]!]! > rank[h[c]!]!) c++;
    if (rank[h[c]!]! <= rank[e]!) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = e;
}
