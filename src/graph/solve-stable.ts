/**
 * Left-proposing deferred acceptance with capacities (the hospitals/residents algorithm).
 *
 * @module
 */
import { buildAssignment, compileGraph, type CompiledGraph } from './internal/compile.js';
import type { Assignment, BipartiteGraph } from './types.js';
import { validateGraph } from './validate.js';

/**
 * Sorts left `l`'s edges into `prefs` (its CSR range) in its order of preference: weight descending,
 * then right id ascending (edges of a left are stored by right index, so index order breaks weight
 * ties). An insertion sort: a left has few edges, and no comparator is called across the graph.
 *
 * Complexity: O(deg(l)²) time in the worst case.
 */
function sortPreferences(g: CompiledGraph, prefs: Int32Array, l: number): void {
  const w = g.edgeWeight;
  const start = g.leftStart[l]!;
  const end = g.leftStart[l + 1]!;
  for (let i = start; i < end; i++) {
    // Edge i goes after every edge of larger or equal weight already placed (they have smaller indices).
    const wi = w[i]!;
    let j = i;
    while (j > start && w[prefs[j - 1]!]! < wi) {
      prefs[j] = prefs[j - 1]!;
      j--;
    }
    prefs[j] = i;
  }
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
 * Complexity: O(Σ deg(l)² + E log C) time in the worst case (an insertion sort of a rejected left's
 * edges, then at most one proposal per edge, each O(log C) for the largest capacity C), O(L + R + E)
 * space.
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
  return buildAssignment(g, 'stable', stableMatch(g), { kind: 'stable', blockingPairs: [] });
}

/**
 * The edge deferred acceptance gives each left node (−1 for none).
 *
 * @internal
 */
export function stableMatch(g: CompiledGraph): Int32Array {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  // Preferences are sorted lazily: a left's first proposal is its best edge, found by one scan; its
  // list is sorted only if it is rejected (about half the lefts never are).
  const prefs = new Int32Array(g.edgeLeft.length);
  const sorted = new Uint8Array(nL);
  const { edgeLeft, edgeWeight, leftRank } = g;
  // Does a right prefer edge a to edge b? Tier (null last), then weight descending, then left id.
  const prefers = (a: number, b: number): boolean => {
    const la = edgeLeft[a]!;
    const lb = edgeLeft[b]!;
    const ra = leftRank[la]!;
    const rb = leftRank[lb]!;
    if (ra !== rb) return ra < rb;
    const wa = edgeWeight[a]!;
    const wb = edgeWeight[b]!;
    if (wa !== wb) return wa > wb;
    return la < lb;
  };
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
  // The key of each right's least preferred holder (its heap top), so that a proposal to a full
  // right is refused without reading the holder's edge.
  const topRank = new Int32Array(nR);
  const topWeight = new Float64Array(nR);
  const topLeft = new Int32Array(nR);
  const setTop = (r: number, base: number): void => {
    const t = heap[base]!;
    const lt = edgeLeft[t]!;
    topRank[r] = leftRank[lt]!;
    topWeight[r] = edgeWeight[t]!;
    topLeft[r] = lt;
  };

  const free = new Int32Array(nL);
  let freeCount = 0;
  for (let l = nL - 1; l >= 0; l--) free[freeCount++] = l;
  while (freeCount > 0) {
    const l = free[--freeCount]!;
    const end = g.leftStart[l + 1]!;
    while (next[l]! < end) {
      let e: number;
      if (sorted[l] === 1) e = prefs[next[l]!++]!;
      else if (next[l] === g.leftStart[l]) {
        e = next[l]!++;
        for (let i = e + 1; i < end; i++) if (edgeWeight[i]! > edgeWeight[e]!) e = i;
      } else {
        // Rejected once: sort, and go on after the best edge (first in the order, already tried).
        sortPreferences(g, prefs, l);
        sorted[l] = 1;
        e = prefs[next[l]!++]!;
      }
      const r = g.edgeRight[e]!;
      const base = heapStart[r]!;
      const n = held[r]!;
      if (n < g.capacity[r]!) {
        // Sift up from the end.
        let i = n;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!prefers(heap[base + p]!, e)) break;
          heap[base + i] = heap[base + p]!;
          i = p;
        }
        heap[base + i] = e;
        held[r] = n + 1;
        setTop(r, base);
        matchEdge[l] = e;
        break;
      }
      if (n === 0) continue;
      const rl = leftRank[l]!;
      const we = edgeWeight[e]!;
      const tr = topRank[r]!;
      const better = rl !== tr ? rl < tr : we !== topWeight[r] ? we > topWeight[r]! : l < topLeft[r]!;
      if (better) {
        const rejected = heap[base]!;
        // Replace the top and sift down.
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= n) break;
          if (c + 1 < n && prefers(heap[base + c]!, heap[base + c + 1]!)) c++;
          if (!prefers(e, heap[base + c]!)) break;
          heap[base + i] = heap[base + c]!;
          i = c;
        }
        heap[base + i] = e;
        setTop(r, base);
        matchEdge[l] = e;
        const lw = g.edgeLeft[rejected]!;
        matchEdge[lw] = -1;
        free[freeCount++] = lw;
        break;
      }
    }
  }
  return matchEdge;
}
