/**
 * The bound each shortest-path search of `solveOptimal` starts from (two components). The search
 * may stop at anything beyond the cheapest short augmenting path from the left it adds (to a right
 * with room, or to a full right and one of its holders, dropped), since such a path exists: so the
 * bound must lie just above the cheapest of them, or at θ if none is cheaper. A bound too low loses
 * the optimum; one too high only slows the search, which no result would show, so here it is
 * checked against the paths' costs worked out arc by arc.
 *
 * Weights are integers, so every potential and cost is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  solveOptimal,
  solveOptimalProbed,
  type AliveState,
  type SearchState,
} from '../../src/graph/solve-optimal.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { runs } from '../helpers/runs.js';
import { graphArb, heldPairsArb, heldPairsGraph, sharedPreferenceGraphArb } from './graphs.js';

type Pair = readonly [number, number];
const less = (a: Pair, b: Pair): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * The bound a search should start from: the least reduced cost of a short augmenting path from the
 * left (a path's cost plus π(left) − π(source)), made just larger, if below θ; else θ.
 */
function expectedBound(s: SearchState): Pair {
  const { graph: g, left: l0, pot, source, matchEdge, load } = s;
  const at = (node: number): Pair => [pot[2 * node]!, pot[2 * node + 1]!];
  // The arc left → right costs (−1, −w) for a left whose placement counts, (0, −w) otherwise; the
  // reverse of a held edge costs the opposite; arcs to the sink and the source cost nothing.
  const arc = (l: number, e: number): Pair => [g.leftTierIndex[l] === 0 ? -1 : 0, -g.edgeWeight[e]!];
  const [sc, sw] = at(source);
  const [lc, lw] = at(l0);
  let best: Pair = s.theta;
  let found = false;
  const consider = (c: number, w: number): void => {
    // Reduced cost of the path: its cost plus π(l0) − π(source).
    const cost: Pair = [c + lc - sc, w + lw - sw];
    if (less(cost, best)) {
      best = cost;
      found = true;
    }
  };
  for (let e = g.leftStart[l0]!; e < g.leftStart[l0 + 1]!; e++) {
    const r = g.edgeRight[e]!;
    const [ac, aw] = arc(l0, e);
    if (load[r]! < g.capacity[r]!) {
      consider(ac, aw); // l0 → r → sink → source
      continue;
    }
    for (let h = 0; h < matchEdge.length; h++) {
      const f = matchEdge[h]!;
      if (f < 0 || g.edgeRight[f] !== r) continue;
      const [hc, hw] = arc(h, f);
      consider(ac - hc, aw - hw); // l0 → r → h (its edge undone) → source
    }
  }
  return found ? [best[0], best[1] + 1e-9 * (1 + Math.abs(best[1]))] : s.theta;
}

/**
 * The rights alive for a rank, worked out as a fixed point: a right with room, or holding a left of
 * that rank or later, is alive; so is a right whose holder has an edge to a right alive.
 */
function expectedAlive(s: AliveState): Uint8Array {
  const { graph: g, rank, matchEdge, load } = s;
  const alive = new Uint8Array(g.rightIds.length);
  for (let r = 0; r < alive.length; r++) if (load[r]! < g.capacity[r]!) alive[r] = 1;
  for (let l = 0; l < matchEdge.length; l++)
    if (matchEdge[l]! >= 0 && g.leftRank[l]! >= rank) alive[g.edgeRight[matchEdge[l]!]!] = 1;
  for (let changed = true; changed;) {
    changed = false;
    for (let l = 0; l < matchEdge.length; l++) {
      const m = matchEdge[l]!;
      if (m < 0 || alive[g.edgeRight[m]!] === 1) continue;
      for (let e = g.leftStart[l]!; e < g.leftStart[l + 1]!; e++) {
        if (alive[g.edgeRight[e]!] !== 1) continue;
        alive[g.edgeRight[m]!] = 1;
        changed = true;
        break;
      }
    }
  }
  return alive;
}

interface Seen {
  readonly searches: number;
  readonly skips: number;
}

/**
 * Solves, checking every search's bound, every marking of the rights alive, and that a left is
 * skipped exactly when the marking of its rank leaves none of its rights alive.
 */
function searchesChecked(graph: BipartiteGraph): Seen {
  let searches = 0;
  let skips = 0;
  // The latest marking, and the rank it is for.
  let marked: { rank: number; alive: Uint8Array } | undefined;
  const anyAlive = (g: SearchState['graph'], l: number): boolean => {
    for (let e = g.leftStart[l]!; e < g.leftStart[l + 1]!; e++)
      if (marked!.alive[g.edgeRight[e]!] === 1) return true;
    return false;
  };
  let graphSeen: SearchState['graph'] | undefined;
  const a = solveOptimalProbed(graph, {
    search: (s) => {
      searches++;
      graphSeen = s.graph;
      expect(s.bound).toEqual(expectedBound(s));
      if (marked?.rank === s.graph.leftRank[s.left]) expect(anyAlive(s.graph, s.left)).toBe(true);
    },
    alive: (s) => {
      graphSeen = s.graph;
      expect(s.alive).toEqual(expectedAlive(s));
      marked = { rank: s.rank, alive: s.alive.slice() };
    },
    skip: (l) => {
      skips++;
      expect(marked).toBeDefined();
      expect(graphSeen!.leftRank[l]).toBe(marked!.rank);
      expect(anyAlive(graphSeen!, l)).toBe(false);
    },
  });
  expect(verifyAssignment(graph, a).violations).toEqual([]);
  expect(a.total).toBe(solveOptimal(graph).total);
  return { searches, skips };
}

describe('the searches of solveOptimal', () => {
  it.each([
    { name: 'no numbered tier', tiers: [null] },
    { name: 'one numbered tier and none', tiers: [0, null] },
  ] as const)('start just above the cheapest short augmenting path: $name', ({ tiers }) => {
    let searched = 0;
    let all = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          // Every left wants the same rights: the rounds leave many lefts to the searches.
          sharedPreferenceGraphArb(tiers),
          // Small weights, ties everywhere: the rounds stop at ties, the searches go on.
          graphArb({
            minLeft: 4,
            maxLeft: 30,
            minRight: 2,
            maxRight: 12,
            maxCapacity: 3,
            density: 0.6,
            weight: fc.integer({ min: -3, max: 6 }),
            tiers,
          }),
        ),
        (graph) => {
          if (searchesChecked(graph).searches > 0) searched++;
          all++;
        },
      ),
      { numRuns: runs(100) },
    );
    // The rounds decide most lefts; enough graphs must leave some to the searches.
    expect(searched).toBeGreaterThanOrEqual(0.3 * all);
  });
});

describe('the dead region of solveOptimal', () => {
  it('marks alive exactly the rights that can reach an opening worth taking, and skips the lefts with none', () => {
    let skipped = 0;
    let all = 0;
    fc.assert(
      fc.property(heldPairsArb(2), (sizes) => {
        const graph = heldPairsGraph(sizes);
        if (searchesChecked(graph).skips > 0) skipped++;
        all++;
      }),
      { numRuns: runs(100) },
    );
    expect(skipped).toBeGreaterThanOrEqual(0.3 * all);
  });

  it('marks and skips as it must on random graphs of two ranks', () => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 10,
          maxLeft: 40,
          minRight: 2,
          maxRight: 10,
          maxCapacity: 2,
          density: 0.4,
          weight: fc.integer({ min: 0, max: 8 }),
          tiers: [0, null],
        }),
        (graph) => {
          searchesChecked(graph);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
