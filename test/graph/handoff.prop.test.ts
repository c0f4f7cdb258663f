import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedPreferenceGraph, simplexTotal, uniformGraph } from '../../bench/graphs.js';
import { compileGraph } from '../../src/graph/internal/compile.js';
import { solveOptimal, solveOptimalProbed, type RoundsState } from '../../src/graph/solve-optimal.js';
import type { Assignment, BipartiteGraph } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { runs } from '../helpers/runs.js';
import { bruteForceOptimum, denseShape, graphArb, sharedPreferenceGraphArb } from './graphs.js';

const countsOf = (a: Assignment, tiers: readonly number[]): number[] =>
  tiers.map((t) => a.placedByTier[t] ?? 0);

/** Solves with a given search budget, and checks the placement handed over is feasible. */
function solvedWithBudget(
  graph: BipartiteGraph,
  budget: number,
): { a: Assignment; pending: number; undecided: number } {
  let pending = -1;
  let undecided = 0;
  const a = solveOptimalProbed(graph, {
    budget,
    rounds: (s) => (undecided = undecidedOf(s)),
    handoff: (s) => {
      pending = s.pending;
      const { edgeLeft, edgeRight, capacity } = s.graph;
      const load = new Map<number, number>();
      s.matchEdge.forEach((e, l) => {
        if (e < 0) return;
        expect(edgeLeft[e]).toBe(l);
        load.set(edgeRight[e]!, (load.get(edgeRight[e]!) ?? 0) + 1);
      });
      for (const [r, n] of load) expect(n).toBeLessThanOrEqual(capacity[r]!);
    },
  });
  return { a, pending, undecided };
}

/** Left nodes the price rounds left to the searches. */
const undecidedOf = (s: RoundsState): number => s.decided.filter((d) => d === 0).length;

describe('solveOptimal handing over to the network simplex', () => {
  // Whatever the point the searches stop at (budget 0: right after the rounds), the network simplex
  // finishes from the placement so far to the same optimum, with a certificate that verifies.
  it('finishes exactly from wherever the searches stop, tiers and negative weights included', () => {
    fc.assert(
      fc.property(
        graphArb({ maxLeft: 6, maxRight: 4, maxCapacity: 3, weight: fc.integer({ min: -6, max: 12 }) }),
        fc.nat({ max: 120 }),
        (graph, budget) => {
          const { a, pending, undecided } = solvedWithBudget(graph, budget);
          const best = bruteForceOptimum(graph);
          expect(countsOf(a, [0, 1])).toEqual(best.counts);
          expect(a.total).toBe(best.weight);
          // Without a hook for the hand-over, the same.
          expect(solveOptimalProbed(graph, { budget }).pairs).toEqual(a.pairs);
          expect(verifyAssignment(graph, a).violations).toEqual([]);
          if (budget === 0) expect(pending).toBe(undecided > 0 ? undecided : -1);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it.each([
    { name: 'no numbered tier', tiers: [null] },
    { name: 'one numbered tier and none', tiers: [0, null] },
    { name: 'three numbered tiers and none', tiers: [0, 1, 2, null] },
  ])('finishes exactly on dense and shared-preference graphs with ties: $name', ({ tiers }) => {
    fc.assert(
      fc.property(
        fc.oneof(
          graphArb({ ...denseShape, density: 0.7, weight: fc.integer({ min: -4, max: 8 }), tiers }),
          sharedPreferenceGraphArb(tiers),
        ),
        fc.oneof(fc.constant(0), fc.nat({ max: 400 })),
        (graph, budget) => {
          const whole = solveOptimal(graph);
          const { a, pending, undecided } = solvedWithBudget(graph, budget);
          expect(a.placedByTier).toEqual(whole.placedByTier);
          expect(Math.abs(a.total - whole.total)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(whole.total)),
          );
          expect(verifyAssignment(graph, a).violations).toEqual([]);
          expect(solveOptimalProbed(graph, { budget }).pairs).toEqual(a.pairs);
          // Budget 0 hands over before the first search, whenever the rounds left a left undecided.
          if (budget === 0) expect(pending).toBe(undecided > 0 ? undecided : -1);
          if (pending >= 0) expect(pending).toBeGreaterThan(0);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  // Lefts without edges, each of a tier of its own, set how many tiers the graph has: with 22 the
  // network simplex takes over, with 23 the searches go on. Graphs where every left ranks the rights
  // alike leave ties to the searches; their optimum is that of the graph without the lone lefts,
  // solved with no numbered tier (another path of the solver).
  it.each([22, 23])('hands over with %i numbered tiers only if the network simplex takes them', (count) => {
    const lone = Array.from({ length: count }, (_, i) => ({ id: `z${i}`, tier: 100 + i }));
    let tied = 0;
    fc.assert(
      fc.property(sharedPreferenceGraphArb([null]), (plain) => {
        const graph = { ...plain, left: [...plain.left, ...lone] };
        let handed = false;
        let undecided = 0;
        const a = solveOptimalProbed(graph, {
          budget: 0,
          rounds: (s) => (undecided = undecidedOf(s)),
          handoff: () => (handed = true),
        });
        expect(handed).toBe(count <= 22 && undecided > 0);
        if (undecided > 0) tied++;
        expect(a.total).toBe(solveOptimal(plain).total);
        expect(verifyAssignment(graph, a).violations).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
    expect(tied).toBeGreaterThan(0);
  });

  // A budget of one relaxation: the first search spends it, so the next left the searches come to
  // hands over. A search is seen by its first node settled (the left it adds), with two components
  // or more (a left settled with its right is not told).
  it.each([
    { name: 'one numbered tier', tiers: [0, null] },
    { name: 'three numbered tiers', tiers: [0, 1, 2, null] },
  ] as const)('hands over after the first search once it relaxed the budget: $name', ({ tiers }) => {
    let checked = 0;
    fc.assert(
      fc.property(sharedPreferenceGraphArb(tiers), (graph) => {
        const nL = graph.left.length;
        let searches = 0;
        solveOptimalProbed(graph, {
          budget: Number.POSITIVE_INFINITY,
          settle: (v) => void (v < nL && searches++),
        });
        let before = 0;
        let handed = false;
        const a = solveOptimalProbed(graph, {
          budget: 1,
          // Probes given without `skip`, `search` or `alive`: each is optional.
          settle: (v) => void (v < nL && !handed && before++),
          handoff: () => (handed = true),
        });
        if (searches >= 2) {
          checked++;
          expect(handed).toBe(true);
          expect(before).toBe(1);
        }
        expect(a.total).toBe(solveOptimal(graph).total);
      }),
      { numRuns: runs(100) },
    );
    expect(checked).toBeGreaterThan(0);
  });

  // Without a budget given: a graph of some size where every left ranks the rights alike stalls the
  // rounds with most lefts undecided and goes to the network simplex at once; a random graph of the
  // same size is settled by the rounds and searches alone; a small graph never hands over.
  it('hands over by itself where every left ranks the rights alike, and only there', () => {
    const seen: { name: string; pending: number; undecided: number; nL: number }[] = [];
    for (const [name, graph] of [
      ['shared preference', sharedPreferenceGraph(2_000, 11)],
      ['uniform', uniformGraph(2_000, 7)],
      ['small shared preference', sharedPreferenceGraph(400, 11)],
    ] as const) {
      let pending = -1;
      let undecided = 0;
      const a = solveOptimalProbed(graph, {
        rounds: (s) => (undecided = undecidedOf(s)),
        handoff: (s) => (pending = s.pending),
      });
      expect(verifyAssignment(graph, a).violations).toEqual([]);
      expect(a.total).toBe(simplexTotal(compileGraph(graph)));
      // Without probes, the same.
      expect(solveOptimal(graph).pairs).toEqual(a.pairs);
      seen.push({ name, pending, undecided, nL: graph.left.length });
    }
    // The rounds stalled with most lefts undecided: handed over before any search.
    expect(seen[0]!.pending).toBeGreaterThan(seen[0]!.nL / 2);
    expect(seen[0]!.pending).toBe(seen[0]!.undecided);
    expect(seen[1]!.pending).toBe(-1);
    expect(seen[2]!.pending).toBe(-1);
  });
});
