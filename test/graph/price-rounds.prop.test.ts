/**
 * The price rounds' invariant, checked on the state they hand to the shortest-path searches: the
 * duals are exactly optimal for the left nodes the rounds decided. The searches finish from that
 * state, so a fault that breaks it may still end in an optimum on small graphs; here it cannot pass.
 *
 * Weights are integers, so every price and value is exact and the invariant is checked without a
 * tolerance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveOptimal, solveOptimalProbed, type RoundsState } from '../../src/graph/solve-optimal.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { runs } from '../helpers/runs.js';
import { graphArb } from './graphs.js';

/** Lexicographic comparison of two K-vectors: negative, 0 or positive. */
const lex = (a: readonly number[], b: readonly number[]): number => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
};

interface Checked {
  readonly decided: number;
  readonly lefts: number;
}

/** Every condition of the rounds' invariant, as `expect` calls; returns how many lefts were decided. */
function checkRounds(s: RoundsState): Checked {
  const { graph: g, matchEdge, load, decided, pot, K, rightBase, source, sink } = s;
  const W = K - 1;
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const at = (node: number): number[] => Array.from(pot.subarray(K * node, K * node + K));
  const sigma = at(source);
  const zero = new Array<number>(K).fill(0);
  // What staying unplaced is worth is one value at the source and the sink, never below 0.
  expect(at(sink)).toEqual(sigma);
  expect(lex(sigma, zero)).toBeGreaterThanOrEqual(0);
  const value = (l: number, e: number): number[] => {
    const p = at(rightBase + g.edgeRight[e]!);
    const tier = g.leftTierIndex[l]!;
    return p.map((x, k) => (k < W ? (k === tier ? 1 : 0) : g.edgeWeight[e]!) + x);
  };
  const held = new Int32Array(nR);
  let count = 0;
  for (let l = 0; l < nL; l++) {
    const e = matchEdge[l]!;
    if (e >= 0) {
      expect(g.edgeLeft[e]).toBe(l);
      held[g.edgeRight[e]!]! += 1;
      // A left the rounds did not decide is never left holding a place.
      expect(decided[l]).toBe(1);
    }
    if (decided[l] !== 1) continue;
    count++;
    let best: number[] | undefined;
    for (let f = g.leftStart[l]!; f < g.leftStart[l + 1]!; f++) {
      const v = value(l, f);
      if (best === undefined || lex(v, best) > 0) best = v;
    }
    if (e >= 0) {
      // Placed on an edge of largest value, worth at least staying unplaced.
      expect(lex(value(l, e), best!)).toBe(0);
      expect(lex(value(l, e), sigma)).toBeGreaterThanOrEqual(0);
    } else if (best !== undefined) {
      // Decided unplaced: no edge is worth more than staying unplaced.
      expect(lex(best, sigma)).toBeLessThanOrEqual(0);
    }
  }
  for (let r = 0; r < nR; r++) {
    expect(load[r]).toBe(held[r]);
    expect(load[r]).toBeLessThanOrEqual(g.capacity[r]!);
    const p = at(rightBase + r);
    // Prices only rise from 0, so v_r = σ + price(r) ≥ 0; a right with room is priced at −σ at most
    // (its dual is 0).
    expect(lex(p, zero)).toBeLessThanOrEqual(0);
    if (load[r]! < g.capacity[r]!) expect(lex(p, sigma)).toBeGreaterThanOrEqual(0);
  }
  return { decided: count, lefts: nL };
}

/** Runs the solver, checks the rounds' state and the final certificate; returns the rounds' counts. */
function solveChecked(graph: BipartiteGraph): Checked {
  let checked: Checked | undefined;
  const a = solveOptimalProbed(graph, (s) => {
    checked = checkRounds(s);
  });
  expect(checked).toBeDefined();
  expect(verifyAssignment(graph, a).violations).toEqual([]);
  expect(a.total).toBe(solveOptimal(graph).total);
  return checked!;
}

const shapes = [
  // No numbered tier and one: two components, bids from the best-edge lists once a left has more
  // than 8 edges. Three tiers: bids over every edge, any number of components.
  { name: 'no numbered tier', tiers: [null] },
  { name: 'one numbered tier and none', tiers: [0, null] },
  { name: 'three numbered tiers and none', tiers: [0, 1, 2, null] },
] as const;

describe('price rounds', () => {
  it.each(shapes)('leave duals exactly optimal for the lefts they decided: $name', ({ tiers }) => {
    fc.assert(
      fc.property(
        fc.oneof(
          // Few openings for many lefts with many edges each: prices climb, σ shifts, lists are read.
          graphArb({
            minLeft: 8,
            maxLeft: 40,
            minRight: 6,
            maxRight: 16,
            maxCapacity: 3,
            density: 0.8,
            weight: fc.integer({ min: 0, max: 1000 }),
            tiers,
          }),
          // Small integer weights with negatives: ties everywhere, which is where the rounds stop.
          graphArb({
            minLeft: 1,
            maxLeft: 30,
            minRight: 1,
            maxRight: 12,
            maxCapacity: 4,
            density: 0.6,
            weight: fc.integer({ min: -3, max: 6 }),
            tiers,
          }),
        ),
        (graph) => {
          solveChecked(graph);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it.each(shapes)('decide every left when every right has room for all: $name', ({ tiers }) => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 1,
          maxLeft: 30,
          minRight: 1,
          maxRight: 14,
          maxCapacity: 0,
          density: 0.7,
          weight: fc.integer({ min: -5, max: 50 }),
          tiers,
        }).map((g) => ({ ...g, right: g.right.map((r) => ({ ...r, capacity: g.left.length })) })),
        (graph) => {
          const { decided, lefts } = solveChecked(graph);
          expect(decided).toBe(lefts);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it('settle an auction by price: two lefts want one opening, the one who loses less elsewhere gives way', () => {
    // a: x 10, y 1 (margin 9); b: x 10, y 8 (margin 2). x has one opening: a keeps it and b takes y.
    let state: { match: number[]; decided: number[]; priceX: number } | undefined;
    const graph: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { left: 'a', right: 'x', weight: 10 },
        { left: 'a', right: 'y', weight: 1 },
        { left: 'b', right: 'x', weight: 10 },
        { left: 'b', right: 'y', weight: 8 },
      ],
    };
    const a = solveOptimalProbed(graph, (s) => {
      checkRounds(s);
      state = {
        match: Array.from(s.matchEdge, (e) => (e < 0 ? -1 : s.graph.edgeRight[e]!)),
        decided: Array.from(s.decided),
        priceX: -s.pot[s.K * s.rightBase + s.K - 1]!,
      };
    });
    // Both decided by the rounds alone: a on x (index 0), b on y; x priced at b's margin, 2.
    expect(state).toEqual({ match: [0, 1], decided: [1, 1], priceX: 2 });
    expect(a.pairs.map((p) => `${p.left}-${p.right}`)).toEqual(['a-x', 'b-y']);
  });
});
