/**
 * The best-edge lists of the optimal solver against a plain sort: after a pick, a left's entries are
 * its TOP edges of largest key `(π_c(r), w + π_w(r))`, best first, ties in edge order, and the rest's
 * bound is the largest key among its other edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBestEdges, pickBestEdges, TOP } from '../../src/graph/internal/best-edges.js';
import { compileGraph } from '../../src/graph/internal/compile.js';
import { runs } from '../helpers/runs.js';
import { graphArb } from './graphs.js';

interface Key {
  readonly c: number;
  readonly w: number;
}

describe('pickBestEdges', () => {
  it('keeps the TOP edges of largest key, best first, ties in edge order, and bounds the rest', () => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 1,
          maxLeft: 8,
          minRight: 6,
          maxRight: 30,
          maxCapacity: 2,
          density: 0.8,
          // Few distinct weights and potentials: ties between keys are common.
          weight: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 })),
          tiers: [null],
        }).chain((graph) =>
          fc.record({
            graph: fc.constant(graph),
            // Potentials of the rights (prices negated, so ≤ 0): count part and weight part.
            potC: fc.array(fc.constantFrom(0, 0, 0, -1), {
              minLength: graph.right.length,
              maxLength: graph.right.length,
            }),
            potW: fc.array(fc.integer({ min: -3, max: 0 }), {
              minLength: graph.right.length,
              maxLength: graph.right.length,
            }),
            // Picked twice: the second pick overwrites the first at other potentials.
            again: fc.boolean(),
          }),
        ),
        ({ graph, potC, potW, again }) => {
          const g = compileGraph(graph);
          const nL = g.leftIds.length;
          const nR = g.rightIds.length;
          const rightBase = nL;
          const pot = new Float64Array(2 * (nL + nR + 2));
          const b = createBestEdges(nL);
          if (again) {
            for (let u = 0; u < nL; u++) pickBestEdges(b, g, pot, rightBase, u);
          }
          for (let r = 0; r < nR; r++) {
            pot[2 * (rightBase + r)] = potC[r]!;
            pot[2 * (rightBase + r) + 1] = potW[r]!;
          }
          for (let u = 0; u < nL; u++) {
            pickBestEdges(b, g, pot, rightBase, u);
            const keyOf = (e: number): Key => {
              const r = g.edgeRight[e]!;
              return { c: pot[2 * (rightBase + r)]!, w: g.edgeWeight[e]! + pot[2 * (rightBase + r) + 1]! };
            };
            const sorted: number[] = [];
            for (let e = g.leftStart[u]!; e < g.leftStart[u + 1]!; e++) sorted.push(e);
            // Stable sort: equal keys keep edge order.
            sorted.sort((x, y) => {
              const a = keyOf(x);
              const z = keyOf(y);
              return z.c - a.c || z.w - a.w;
            });
            const kept = sorted.slice(0, TOP);
            expect(b.state[u]).toBe(1);
            expect(b.count[u]).toBe(kept.length);
            const entries = Array.from({ length: b.count[u]! }, (_, k) => {
              const j = 4 * (u * TOP + k);
              return {
                edge: b.edge[u * TOP + k]!,
                c: b.top[j]!,
                w: b.top[j + 1]!,
                weight: b.top[j + 2]!,
                right: b.top[j + 3]!,
              };
            });
            expect(entries).toEqual(
              kept.map((e) => ({ edge: e, ...keyOf(e), weight: g.edgeWeight[e]!, right: g.edgeRight[e]! })),
            );
            // The first edge past the list holds the largest key of the rest.
            const bound: Key =
              sorted.length > TOP
                ? keyOf(sorted[TOP]!)
                : { c: Number.NEGATIVE_INFINITY, w: Number.NEGATIVE_INFINITY };
            expect({ c: b.restC[u], w: b.restW[u] }).toEqual(bound);
          }
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('makes no room for the entries until the first pick', () => {
    const b = createBestEdges(3);
    expect(b.top.length).toBe(0);
    expect(b.edge.length).toBe(0);
    expect(Array.from(b.state)).toEqual([0, 0, 0]);
  });
});
