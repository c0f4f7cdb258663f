import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveStable } from '../../src/graph/solve-stable.js';
import type { AssignedPair, BipartiteGraph } from '../../src/graph/types.js';
import { blockingPairs, verifyAssignment } from '../../src/graph/verify.js';
import { allAssignments, graphArb, referenceStable } from './graphs.js';

/** Does `left` strictly prefer edge `a` to edge `b` (undefined = unplaced)? Weight desc, then right id. */
const prefers = (a: AssignedPair | undefined, b: AssignedPair | undefined): boolean =>
  a !== undefined && (b === undefined || a.weight > b.weight || (a.weight === b.weight && a.right < b.right));

describe('solveStable', () => {
  it('no blocking pair on any generated instance', () => {
    fc.assert(
      fc.property(
        graphArb({ maxLeft: 25, maxRight: 8, maxCapacity: 4, weight: fc.integer({ min: 0, max: 5 }) }),
        (graph) => {
          const a = solveStable(graph);
          expect(blockingPairs(graph, a.pairs)).toEqual([]);
          expect(verifyAssignment(graph, a).violations).toEqual([]);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('every left gets its best partner among all stable matchings (brute force)', () => {
    fc.assert(
      fc.property(
        // Few distinct weights, so ties (broken by id) and many stable matchings are common.
        graphArb({ maxLeft: 6, maxRight: 4, maxCapacity: 2, weight: fc.integer({ min: 0, max: 3 }) }),
        (graph: BipartiteGraph) => {
          const a = solveStable(graph);
          const mine = new Map(a.pairs.map((p) => [p.left, p]));
          let stableCount = 0;
          for (const choice of allAssignments(graph)) {
            const pairs = choice.flatMap((e) => (e < 0 ? [] : [graph.edges[e]!]));
            if (blockingPairs(graph, pairs).length > 0) continue;
            stableCount++;
            for (const p of pairs) expect(prefers(p, mine.get(p.left))).toBe(false);
          }
          expect(stableCount).toBeGreaterThan(0);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('equals textbook deferred acceptance on dense graphs with ties', () => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 5,
          maxLeft: 40,
          minRight: 2,
          maxRight: 15,
          maxCapacity: 3,
          density: 0.7,
          weight: fc.integer({ min: -3, max: 5 }),
          tiers: [0, 1, null],
        }),
        (graph) => {
          const mine = new Map(solveStable(graph).pairs.map((p) => [p.left, p.right]));
          expect(mine).toEqual(referenceStable(graph));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the reference where rights hold many lefts each (deep heaps of holders, many displaced)', () => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 20,
          maxLeft: 60,
          minRight: 2,
          maxRight: 5,
          maxCapacity: 12,
          density: 0.9,
          weight: fc.integer({ min: 0, max: 9 }),
          tiers: [0, 1, null],
        }),
        (graph) => {
          const mine = new Map(solveStable(graph).pairs.map((p) => [p.left, p.right]));
          expect(mine).toEqual(referenceStable(graph));
        },
      ),
      { numRuns: 200 },
    );
  });
});
