import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveGreedy } from '../../src/graph/solve-greedy.js';
import { solveStable } from '../../src/graph/solve-stable.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { graphArb } from './graphs.js';

/** The documented order by a plain comparison sort: tier (null last), weight descending, left id, right id. */
function referenceGreedy(graph: BipartiteGraph): string[] {
  const rank = new Map(
    graph.left.map((n) => [n.id, n.tier === undefined ? 0 : n.tier === null ? Infinity : n.tier]),
  );
  const edges = [...graph.edges].sort(
    (a, b) =>
      rank.get(a.left)! - rank.get(b.left)! ||
      b.weight - a.weight ||
      (a.left < b.left ? -1 : a.left > b.left ? 1 : 0) ||
      (a.right < b.right ? -1 : a.right > b.right ? 1 : 0),
  );
  const cap = new Map(graph.right.map((r) => [r.id, r.capacity]));
  const placed = new Set<string>();
  const out: string[] = [];
  for (const e of edges) {
    if (placed.has(e.left) || cap.get(e.right)! <= 0) continue;
    placed.add(e.left);
    cap.set(e.right, cap.get(e.right)! - 1);
    out.push(`${e.left}→${e.right}`);
  }
  return out.sort();
}

describe('solveGreedy', () => {
  it('greedy equals a comparison-sort reference, ties and signs included', () => {
    const weight = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(-0, 0, 1e-300, -1e-300, 1e300, -1e300),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(graphArb({ maxLeft: 10, maxRight: 5, maxCapacity: 3, weight }), (graph) => {
        const mine = solveGreedy(graph)
          .pairs.map((p) => `${p.left}→${p.right}`)
          .sort();
        expect(mine).toEqual(referenceGreedy(graph));
      }),
      { numRuns: 300 },
    );
  });
});

describe('solveGreedy and solveStable', () => {
  it('greedy equals the stable assignment: both sides rank pairs by one master order', () => {
    const weight = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -50, max: 50, noNaN: true }));
    fc.assert(
      fc.property(graphArb({ maxLeft: 25, maxRight: 6, maxCapacity: 4, weight }), (graph) => {
        expect(solveGreedy(graph).pairs).toEqual(solveStable(graph).pairs);
      }),
      { numRuns: 400 },
    );
  });
});
