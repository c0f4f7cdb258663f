/**
 * Left-proposing deferred acceptance with capacities (the hospitals/residents algorithm).
 *
 * @module
 */
import { buildAssignment, type CompiledGraph } from './internal/compile.js';
import type { Assignment } from './types.js';
import { prepareGraph } from './prepare.js';
import type { AnyBipartiteGraph } from './typed.js';

/**
 * Finds the left-optimal stable assignment by left-proposing deferred acceptance with capacities.
 * Every edge is an acceptable pair, whatever its weight. Left nodes rank right nodes by edge weight
 * (descending), ties by right id; right nodes rank left nodes by tier (ascending, `null` last), then edge weight
 * (descending), then left id. With these strict orders no left node and right node would both rather
 * be together than where they are, and every left node gets its best partner among all stable
 * assignments.
 *
 * @param graph - A valid bipartite graph, as objects or typed arrays (refused otherwise).
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
 * Complexity: O(Σ_l p_l · deg(l) + P log C) time, where p_l is how many times left l proposes (once,
 * plus once for each time it is displaced) and P their sum: each proposal scans the left's edges for
 * the best one its right would accept now, and costs O(log C) at the right for the largest capacity
 * C. O(L + R + E) space.
 */
export function solveStable(graph: AnyBipartiteGraph): Assignment {
  return solveStableCompiled(prepareGraph(graph));
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

  // A left proposes to the edge it prefers most among those after its last accepted proposal (in
  // its order: weight descending, then right index) that the right would accept now. A right's
  // threshold only rises, so an edge it would refuse now it would have refused before: skipping it
  // is the same as proposing and being refused, and no preference list is ever sorted.
  const last = new Int32Array(nL).fill(-1);
  const { edgeRight, capacity, leftStart } = g;
  const free = new Int32Array(nL);
  let freeCount = 0;
  for (let l = nL - 1; l >= 0; l--) free[freeCount++] = l;
  while (freeCount > 0) {
    const l = free[--freeCount]!;
    const p = last[l]!;
    const wp = p >= 0 ? edgeWeight[p]! : Number.POSITIVE_INFINITY;
    const rl = leftRank[l]!;
    let e = -1;
    let we = Number.NEGATIVE_INFINITY;
    for (let i = leftStart[l]!, end = leftStart[l + 1]!; i < end; i++) {
      const wi = edgeWeight[i]!;
      // After the last accepted proposal, and before the best found so far.
      if (p >= 0 && !(wi < wp || (wi === wp && i > p))) continue;
      if (e >= 0 && !(wi > we)) continue;
      const r = edgeRight[i]!;
      const n = held[r]!;
      if (n >= capacity[r]!) {
        if (n === 0) continue;
        const tr = topRank[r]!;
        if (!(rl !== tr ? rl < tr : wi !== topWeight[r] ? wi > topWeight[r]! : l < topLeft[r]!)) continue;
      }
      e = i;
      we = wi;
    }
    if (e < 0) continue;
    last[l] = e;
    matchEdge[l] = e;
    const r = edgeRight[e]!;
    const base = heapStart[r]!;
    const n = held[r]!;
    if (n < capacity[r]!) {
      // Sift up from the end.
      let i = n;
      while (i > 0) {
        const q = (i - 1) >> 1;
        if (!prefers(heap[base + q]!, e)) break;
        heap[base + i] = heap[base + q]!;
        i = q;
      }
      heap[base + i] = e;
      held[r] = n + 1;
      setTop(r, base);
      continue;
    }
    // Replace the least preferred holder (the top) and sift down.
    const rejected = heap[base]!;
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
    const lw = edgeLeft[rejected]!;
    matchEdge[lw] = -1;
    free[freeCount++] = lw;
  }
  return matchEdge;
}
