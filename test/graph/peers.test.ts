import fc from 'fast-check';
import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import { describe, expect, it } from 'vitest';
import { solveOptimal } from '../../src/graph/solve-optimal.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';

/**
 * Complete instances with weights only (every left tier null): each opening becomes one column for the
 * peers, which assign every row or every column. With non-negative weights on a complete graph some
 * optimum places min(rows, openings), so the three optima are equal.
 */
const dense = fc
  .record({
    caps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
    n: fc.integer({ min: 1, max: 9 }),
  })
  .chain(({ caps, n }) =>
    fc
      .array(
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
          { minLength: caps.length, maxLength: caps.length },
        ),
        {
          minLength: n,
          maxLength: n,
        },
      )
      .map((w) => ({ caps, w })),
  );

describe('peers', () => {
  it('optimal equals linear-sum-assignment and munkres on small dense instances', () => {
    fc.assert(
      fc.property(dense, ({ caps, w }) => {
        const graph: BipartiteGraph = {
          left: w.map((_, i) => ({ id: `l${i}`, tier: null })),
          right: caps.map((capacity, j) => ({ id: `r${j}`, capacity })),
          edges: w.flatMap((row, i) => row.map((weight, j) => ({ left: `l${i}`, right: `r${j}`, weight }))),
        };
        const profit = w.map((row) => row.flatMap((x, j) => new Array<number>(caps[j]!).fill(x)));
        const a = solveOptimal(graph);
        expect(verifyAssignment(graph, a).violations).toEqual([]);
        const lsa = linearSumAssignment(profit, { maximaze: true }).gain;
        const mk = munkres(profit.map((row) => row.map((x) => -x))).reduce(
          (s, [y, x]) => s + profit[y]![x]!,
          0,
        );
        const tol = 1e-9 * Math.max(1, a.total);
        expect(Math.abs(a.total - lsa)).toBeLessThanOrEqual(tol);
        expect(Math.abs(a.total - mk)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 200 },
    );
  });
});
