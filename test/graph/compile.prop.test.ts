import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../../src/compare.js';
import { compileGraph, type CompiledGraph } from '../../src/graph/internal/compile.js';
import type { BipartiteGraph, Edge } from '../../src/graph/types.js';
import { graphIssues } from '../../src/graph/validate.js';
import { runs } from '../helpers/runs.js';
import { graphArb } from './graphs.js';

/** The compiled form written plainly: nodes by id, edges sorted by (left, right) with a comparator. */
function referenceCompile(graph: BipartiteGraph): CompiledGraph {
  const left = [...graph.left].sort((a, b) => compareIds(a.id, b.id));
  const right = [...graph.right].sort((a, b) => compareIds(a.id, b.id));
  const li = new Map(left.map((n, i) => [n.id, i]));
  const ri = new Map(right.map((n, i) => [n.id, i]));
  const tierOf = (t: number | null | undefined): number | null => (t === undefined ? 0 : t);
  const tiers = [...new Set(left.map((n) => tierOf(n.tier)))]
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  const edges = graph.edges
    .map((e) => ({ l: li.get(e.left)!, r: ri.get(e.right)!, w: e.weight }))
    .sort((a, b) => a.l - b.l || a.r - b.r);
  const leftStart = new Int32Array(left.length + 1);
  for (const e of edges) leftStart[e.l + 1]! += 1;
  for (let l = 0; l < left.length; l++) leftStart[l + 1]! += leftStart[l]!;
  const rightStart = new Int32Array(right.length + 1);
  for (const e of edges) rightStart[e.r + 1]! += 1;
  for (let r = 0; r < right.length; r++) rightStart[r + 1]! += rightStart[r]!;
  const rightEdges = Int32Array.from(
    edges.map((e, k) => ({ r: e.r, k })).sort((a, b) => a.r - b.r || a.k - b.k),
    (x) => x.k,
  );
  return {
    leftIds: left.map((n) => n.id),
    leftTierIndex: Int32Array.from(left, (n) => {
      const t = tierOf(n.tier);
      return t === null ? -1 : tiers.indexOf(t);
    }),
    leftRank: Int32Array.from(left, (n) => {
      const t = tierOf(n.tier);
      return t === null ? tiers.length : tiers.indexOf(t);
    }),
    tiers,
    rightIds: right.map((n) => n.id),
    capacity: Int32Array.from(right, (n) => n.capacity),
    edgeLeft: Int32Array.from(edges, (e) => e.l),
    edgeRight: Int32Array.from(edges, (e) => e.r),
    edgeWeight: Float64Array.from(edges, (e) => e.w),
    leftStart,
    rightStart,
    rightEdges,
  };
}

/** A graph with its edges in an order of the permutation given (lefts' edges interleaved). */
const permuted = (shape: Parameters<typeof graphArb>[0]): fc.Arbitrary<BipartiteGraph> =>
  graphArb(shape).chain((g) =>
    fc
      .shuffledSubarray([...g.edges], { minLength: g.edges.length, maxLength: g.edges.length })
      .map((edges) => ({ ...g, edges })),
  );

describe('compileGraph', () => {
  // Rows of up to 150 edges in any order reach both ways of putting a row in order (insertion up
  // to 64 edges, a sort beyond), and edges of several lefts interleaved the lookup of the last left.
  it.each([
    { name: 'short rows', shape: { maxLeft: 12, maxRight: 10, maxCapacity: 3 } },
    {
      name: 'long rows',
      shape: { minLeft: 1, maxLeft: 3, minRight: 60, maxRight: 150, maxCapacity: 2, density: 0.8 },
    },
  ])('equals the plain compilation, whatever the order of the edges: $name', ({ shape }) => {
    fc.assert(
      fc.property(fc.oneof(graphArb(shape), permuted(shape)), (graph) => {
        expect(compileGraph(graph)).toEqual(referenceCompile(graph));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('graphIssues on repeated edges', () => {
  // Edges drawn with repeats (and ends that name no node), in any order: every occurrence after the
  // first of a (left, right) pair is reported, at its own index, and nothing else.
  it('reports every later occurrence of a pair, and only those', () => {
    const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 6 })), { maxLength: 40 }),
        (nL, nR, pairs) => {
          const edges: Edge[] = pairs.map(([l, r]) => ({ left: `l${l}`, right: `r${r}`, weight: 1 }));
          const graph: BipartiteGraph = {
            left: ids('l', nL).map((id) => ({ id })),
            right: ids('r', nR).map((id) => ({ id, capacity: 1 })),
            edges,
          };
          const seen = new Set<string>();
          const expected: string[] = [];
          edges.forEach((e, i) => {
            if (Number(e.left.slice(1)) >= nL || Number(e.right.slice(1)) >= nR) return;
            const key = `${e.left}|${e.right}`;
            if (seen.has(key)) expected.push(`edges[${i}]`);
            seen.add(key);
          });
          expect(
            graphIssues(graph)
              .filter((x) => x.code === 'duplicate-edge')
              .map((x) => x.path),
          ).toEqual(expected);
        },
      ),
      { numRuns: runs(500) },
    );
  });
});
