import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BangfuValidationError } from '../../src/errors.js';
import { solve } from '../../src/graph/solve.js';
import { toObjectGraph, typedGraphIssues, type TypedBipartiteGraph } from '../../src/graph/typed.js';
import type { AssignmentMode, BipartiteGraph } from '../../src/graph/types.js';
import { blockingPairs, verifyAssignment } from '../../src/graph/verify.js';
import { graphArb } from './graphs.js';

/** The typed form of an object graph, nodes and edges in an order of the permutations given. */
function typed(
  g: BipartiteGraph,
  leftPerm: readonly number[],
  rightPerm: readonly number[],
): TypedBipartiteGraph {
  const left = leftPerm.map((i) => g.left[i]!);
  const right = rightPerm.map((r) => g.right[r]!);
  const rightAt = new Map(right.map((n, r) => [n.id, r]));
  const edgeStart = new Int32Array(left.length + 1);
  const edgeRight: number[] = [];
  const edgeWeight: number[] = [];
  left.forEach((n, i) => {
    // Each left's edges in reverse input order: the compiled form must not depend on it.
    for (const e of [...g.edges].reverse()) {
      if (e.left !== n.id) continue;
      edgeRight.push(rightAt.get(e.right)!);
      edgeWeight.push(e.weight);
    }
    edgeStart[i + 1] = edgeRight.length;
  });
  return {
    leftIds: left.map((n) => n.id),
    leftTier: Int32Array.from(left, (n) => (n.tier === null ? -1 : (n.tier ?? 0))),
    rightIds: right.map((n) => n.id),
    capacity: Int32Array.from(right, (n) => n.capacity),
    edgeStart,
    edgeRight: Int32Array.from(edgeRight),
    edgeWeight: Float64Array.from(edgeWeight),
  };
}

const withPerms = graphArb({ maxLeft: 8, maxRight: 6, maxCapacity: 3, density: 0.6 }).chain((g) =>
  fc.tuple(
    fc.constant(g),
    fc.shuffledSubarray(
      g.left.map((_, i) => i),
      { minLength: g.left.length, maxLength: g.left.length },
    ),
    fc.shuffledSubarray(
      g.right.map((_, i) => i),
      { minLength: g.right.length, maxLength: g.right.length },
    ),
  ),
);

describe('typed graphs', () => {
  it.each(['optimal', 'stable', 'greedy'] as AssignmentMode[])(
    '%s: the same assignment as the object form, whatever the order of nodes and edges',
    (mode) => {
      fc.assert(
        fc.property(withPerms, ([g, lp, rp]) => {
          const t = typed(g, lp, rp);
          expect(typedGraphIssues(t)).toEqual([]);
          const a = solve(t, { mode });
          const b = solve(g, { mode });
          expect(a.pairs).toEqual(b.pairs);
          expect(a.certificate).toEqual(b.certificate);
          expect(verifyAssignment(t, a).ok).toBe(true);
          if (mode !== 'optimal') expect(blockingPairs(t, a.pairs)).toEqual([]);
          expect(toObjectGraph(t).edges).toHaveLength(g.edges.length);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('refuses malformed arrays with the path of each problem', () => {
    const good: TypedBipartiteGraph = {
      leftIds: ['a', 'b'],
      leftTier: Int32Array.of(0, -1),
      rightIds: ['x'],
      capacity: Int32Array.of(1),
      edgeStart: Int32Array.of(0, 1, 2),
      edgeRight: Int32Array.of(0, 0),
      edgeWeight: Float64Array.of(1, 2),
    };
    expect(typedGraphIssues(good)).toEqual([]);
    const paths = (g: TypedBipartiteGraph): string[] => typedGraphIssues(g).map((i) => `${i.path} ${i.code}`);
    expect(paths({ ...good, leftIds: ['a', 'a'], leftTier: Int32Array.of(-2, 0) })).toEqual([
      'leftIds[1] duplicate-id',
      'leftTier[0] invalid-tier',
    ]);
    expect(paths({ ...good, capacity: Int32Array.of(-1) })).toEqual(['capacity[0] invalid-capacity']);
    expect(paths({ ...good, edgeStart: Int32Array.of(0, 2, 1) })).toEqual(['edgeStart invalid-offsets']);
    expect(paths({ ...good, edgeStart: Int32Array.of(0, 2, 2) })).toEqual(['edgeRight[1] duplicate-edge']);
    expect(paths({ ...good, edgeRight: Int32Array.of(0, 3) })).toEqual(['edgeRight[1] unknown-node']);
    expect(paths({ ...good, edgeWeight: Float64Array.of(1, Number.NaN) })).toEqual([
      'edgeWeight[1] not-finite',
    ]);
    expect(paths({ ...good, edgeWeight: Float64Array.of(1e308, 1e308) })).toEqual([
      'edgeWeight weights-overflow',
    ]);
    expect(paths({ ...good, edgeWeight: Float64Array.of(1) })).toEqual(['edgeWeight invalid-length']);
    expect(paths({ ...good, capacity: [1] as unknown as Int32Array })).toEqual(['capacity invalid-type']);
    expect(() => solve({ ...good, capacity: Int32Array.of(-1) })).toThrow(BangfuValidationError);
  });
});
