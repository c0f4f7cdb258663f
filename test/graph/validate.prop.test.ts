import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/graph/solve.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { graphIssues } from '../../src/graph/validate.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { graphArb } from './graphs.js';

const LIMIT = 2 ** 31 - 1;
const BUDGET = Number.MAX_VALUE / 4;

/** Σ|w| · (left + right + 2), as the bound reads it. */
const load = (g: BipartiteGraph): number =>
  g.edges.reduce((s, e) => s + Math.abs(e.weight), 0) * (g.left.length + g.right.length + 2);

/** The graph with every weight w made w / `over` · `times` (divided first, so tiny weights scale too). */
const scaled = (g: BipartiteGraph, over: number, times: number): BipartiteGraph => ({
  ...g,
  edges: g.edges.map((e) => ({ ...e, weight: (e.weight / over) * times })),
});

describe('graph validation limits', () => {
  it('graphs with capacities and tiers anywhere up to 2^31 − 1 are valid, and solved within capacity', () => {
    const big = graphArb({
      maxLeft: 6,
      maxRight: 4,
      maxCapacity: LIMIT,
      tiers: [0, 1, LIMIT - 1, LIMIT, null],
    });
    fc.assert(
      fc.property(
        big,
        fc.constantFrom('optimal' as const, 'stable' as const, 'greedy' as const),
        (g, mode) => {
          expect(graphIssues(g)).toEqual([]);
          expect(verifyAssignment(g, solve(g, { mode })).ok).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a capacity or tier above 2^31 − 1 is refused at its own path, and nothing else is', () => {
    const g = graphArb({ minLeft: 1, maxLeft: 5, minRight: 1, maxRight: 4, maxCapacity: 5 });
    const tooBig = fc.oneof(
      fc.integer({ min: LIMIT + 1, max: Number.MAX_SAFE_INTEGER }),
      fc.constantFrom(2 ** 32, 1e12, 1e300),
    );
    fc.assert(
      fc.property(g, fc.nat(), fc.nat(), tooBig, (graph, i, j, n) => {
        const l = i % graph.left.length;
        const r = j % graph.right.length;
        const broken: BipartiteGraph = {
          ...graph,
          left: graph.left.map((x, k) => (k === l ? { ...x, tier: n } : x)),
          right: graph.right.map((x, k) => (k === r ? { ...x, capacity: n } : x)),
        };
        expect(graphIssues(broken).map((x) => [x.path, x.code])).toEqual([
          [`left[${l}].tier`, 'invalid-tier'],
          [`right[${r}].capacity`, 'invalid-capacity'],
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it('weights scaled right up to the bound are valid, and the optimal certificate still verifies', () => {
    // Mixed signs and tiers, so potentials carry differences of weights along paths.
    const weight = fc.oneof(
      fc.integer({ min: -20, max: 20 }),
      fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }),
    );
    const g = graphArb({ maxLeft: 7, maxRight: 4, maxCapacity: 3, weight, density: 0.7 });
    fc.assert(
      fc.property(g, (graph) => {
        const l = load(graph);
        if (l === 0) return;
        const atBound = scaled(graph, l, BUDGET);
        // The scaling rounds either way by an ulp or two; then a hair below the bound is taken.
        const valid = graphIssues(atBound).length === 0 ? atBound : scaled(graph, l, BUDGET * (1 - 1e-12));
        expect(graphIssues(valid)).toEqual([]);
        for (const mode of ['optimal', 'stable', 'greedy'] as const) {
          const a = solve(valid, { mode });
          expect(Number.isFinite(a.total)).toBe(true);
          expect(verifyAssignment(valid, a)).toEqual({ ok: true, violations: [] });
        }
        // Twice the bound is refused, as one issue.
        expect(graphIssues(scaled(graph, l, 2 * BUDGET)).map((x) => [x.path, x.code])).toEqual([
          ['edges', 'weights-overflow'],
        ]);
      }),
      { numRuns: Number(process.env['SCALE_RUNS'] ?? 300) },
    );
  });
});
