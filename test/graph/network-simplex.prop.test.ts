import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { buildAssignment, compileGraph, type CompiledGraph } from '../../src/graph/internal/compile.js';
import {
  createNetworkSimplex,
  MAX_PACKED_TIERS,
  type NetworkSimplex,
  type SimplexResult,
} from '../../src/graph/internal/network-simplex.js';
import { solveOptimal, type TypedDuals } from '../../src/graph/solve-optimal.js';
import type { Assignment, BipartiteGraph, Edge, OptimalCertificate } from '../../src/graph/types.js';
import { validateGraph } from '../../src/graph/validate.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { bruteForceOptimum, graphArb, mixedWeight, type GraphShape, degenerateGraphs } from './graphs.js';

/** The certificate of typed duals, as solveOptimal builds it (by id, tier parts as arrays). */
function certificateOf(g: CompiledGraph, d: TypedDuals): OptimalCertificate {
  const leftPotential: Record<string, number> = {};
  const rightPotential: Record<string, number> = {};
  const leftTierPotential: Record<string, number[]> = {};
  const rightTierPotential: Record<string, number[]> = {};
  g.leftIds.forEach((id, l) => {
    leftPotential[id] = d.leftWeight[l]!;
    leftTierPotential[id] = Array.from(d.leftTier.subarray(l * d.T, (l + 1) * d.T));
  });
  g.rightIds.forEach((id, r) => {
    rightPotential[id] = d.rightWeight[r]!;
    rightTierPotential[id] = Array.from(d.rightTier.subarray(r * d.T, (r + 1) * d.T));
  });
  return {
    kind: 'duals',
    tiers: g.tiers,
    leftPotential,
    rightPotential,
    leftTierPotential,
    rightTierPotential,
  };
}

/** The public assignment of a result, with the solver's edges (its stable numbering) in place of g's. */
function assignmentOf(g: CompiledGraph, ns: NetworkSimplex, r: SimplexResult): Assignment {
  const view: CompiledGraph = {
    ...g,
    edgeLeft: ns.edgeLeft(),
    edgeRight: ns.edgeRight(),
    edgeWeight: ns.edgeWeight(),
  };
  return buildAssignment(view, 'optimal', r.matchEdge, certificateOf(g, r.duals));
}

/** Solves with the network simplex and with solveOptimal; the objectives must agree and the certificate hold. */
function agrees(graph: BipartiteGraph, a: Assignment): void {
  expect(verifyAssignment(graph, a).violations).toEqual([]);
  const o = solveOptimal(graph);
  expect(a.placedByTier).toEqual(o.placedByTier);
  expect(Math.abs(a.total - o.total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(o.total)));
}

function solveFresh(graph: BipartiteGraph): Assignment {
  validateGraph(graph);
  const g = compileGraph(graph);
  const ns = createNetworkSimplex(g);
  const a = assignmentOf(g, ns, ns.solve());
  // Every matched edge is one of the graph's, with its own numbering.
  expect(ns.edgeCount).toBe(g.edgeLeft.length);
  return a;
}

const shapes: { name: string; shape: GraphShape }[] = [
  {
    name: 'one numbered tier, ties and negative weights',
    shape: {
      maxLeft: 30,
      maxRight: 10,
      maxCapacity: 3,
      density: 0.4,
      weight: fc.integer({ min: -4, max: 8 }),
      tiers: [0],
    },
  },
  {
    name: 'no numbered tier, doubles',
    shape: { maxLeft: 30, maxRight: 10, maxCapacity: 3, density: 0.4, tiers: [null] },
  },
  {
    name: 'two numbered tiers and none, ties',
    shape: {
      maxLeft: 30,
      maxRight: 10,
      maxCapacity: 3,
      density: 0.4,
      weight: fc.integer({ min: -2, max: 5 }),
      tiers: [0, 1, null],
    },
  },
  {
    name: 'three numbered tiers and none, negative doubles',
    shape: {
      maxLeft: 30,
      maxRight: 10,
      maxCapacity: 3,
      density: 0.5,
      weight: fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
      tiers: [0, 1, 2, null],
    },
  },
  {
    // More left nodes than openings by far, and dense: long alternating paths and deep trees.
    name: 'oversubscribed and dense, one tier and none',
    shape: {
      minLeft: 20,
      maxLeft: 60,
      minRight: 2,
      maxRight: 8,
      maxCapacity: 4,
      density: 0.7,
      weight: fc.integer({ min: 0, max: 6 }),
      tiers: [0, null],
    },
  },
];

describe('network simplex', () => {
  it('equals brute force on every small instance', () => {
    fc.assert(
      fc.property(
        graphArb({
          maxLeft: 6,
          maxRight: 4,
          maxCapacity: 3,
          weight: fc.oneof(mixedWeight, fc.integer({ min: -20, max: 20 })),
        }),
        (graph) => {
          const a = solveFresh(graph);
          const best = bruteForceOptimum(graph);
          expect([a.placedByTier[0] ?? 0, a.placedByTier[1] ?? 0]).toEqual(best.counts);
          expect(Math.abs(a.total - best.weight)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(best.weight)),
          );
          expect(verifyAssignment(graph, a).violations).toEqual([]);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it.each(shapes)('matches solveOptimal with a verified certificate: $name', ({ shape }) => {
    fc.assert(
      fc.property(graphArb(shape), (graph) => agrees(graph, solveFresh(graph))),
      { numRuns: runs(300) },
    );
  });

  it.each(shapes)(
    'continues after added edges as a fresh solve of the union would end: $name',
    ({ shape }) => {
      // The graph's edges go in batches: the first is the starting graph, each later one is added and
      // solved from the basis left by the solve before; every solve must be optimal for the union so far.
      const batches = graphArb(shape).chain((graph) =>
        fc.record({
          graph: fc.constant(graph),
          batch: fc.array(fc.integer({ min: 0, max: 3 }), {
            minLength: graph.edges.length,
            maxLength: graph.edges.length,
          }),
        }),
      );
      fc.assert(
        fc.property(batches, ({ graph, batch }) => {
          const part = (k: number): Edge[] => graph.edges.filter((_, i) => batch[i]! <= k);
          const start: BipartiteGraph = { ...graph, edges: part(0) };
          const g = compileGraph(start);
          const ns = createNetworkSimplex(g);
          agrees(start, assignmentOf(g, ns, ns.solve()));
          const leftIndex = new Map(g.leftIds.map((id, i) => [id, i]));
          const rightIndex = new Map(g.rightIds.map((id, i) => [id, i]));
          for (let k = 1; k <= 3; k++) {
            const added = graph.edges.filter((_, i) => batch[i] === k);
            const before = ns.edgeLeft().slice();
            ns.addEdges(
              Int32Array.from(added, (e) => leftIndex.get(e.left)!),
              Int32Array.from(added, (e) => rightIndex.get(e.right)!),
              Float64Array.from(added, (e) => e.weight),
            );
            // Old edges keep their numbers; new ones follow in the order given.
            expect(ns.edgeLeft().subarray(0, before.length)).toEqual(before);
            expect(ns.edgeCount).toBe(before.length + added.length);
            agrees({ ...graph, edges: part(k) }, assignmentOf(g, ns, ns.solve()));
          }
        }),
        { numRuns: runs(200) },
      );
    },
  );

  it.each(shapes)('starts from any feasible placement and ends optimal: $name', ({ shape }) => {
    // A feasible placement: edges taken in a random order while their left is free and right has room.
    const started = graphArb(shape).chain((graph) =>
      fc.record({
        graph: fc.constant(graph),
        order: fc.shuffledSubarray(
          graph.edges.map((_, i) => i),
          { minLength: 0, maxLength: graph.edges.length },
        ),
      }),
    );
    fc.assert(
      fc.property(started, ({ graph, order }) => {
        const g = compileGraph(graph);
        const ns = createNetworkSimplex(g);
        const start = new Int32Array(g.leftIds.length).fill(-1);
        const load = new Int32Array(g.rightIds.length);
        const leftIndex = new Map(g.leftIds.map((id, i) => [id, i]));
        const rightIndex = new Map(g.rightIds.map((id, i) => [id, i]));
        for (const i of order) {
          const edge = graph.edges[i]!;
          const l = leftIndex.get(edge.left)!;
          const r = rightIndex.get(edge.right)!;
          if (start[l] !== -1 || load[r]! >= g.capacity[r]!) continue;
          // The compiled graph's number of this edge.
          let e = -1;
          for (let k = g.leftStart[l]!; k < g.leftStart[l + 1]!; k++) if (g.edgeRight[k] === r) e = k;
          start[l] = e;
          load[r]! += 1;
        }
        ns.startFrom(start);
        const r = ns.solve();
        agrees(graph, assignmentOf(g, ns, r));
        // Started again from the optimum it found, it keeps it: from an optimum no pivot moves flow
        // (each would improve on it), only degenerate ones. That holds exactly where the arithmetic
        // is exact (integer weights). With doubles, the new tree's potentials are summed in another
        // order, and a cycle that gains a few units of rounding (6e-14 on a total of 10, with weights
        // down to 1e-323) may be taken: the result is then optimal all the same, and no worse.
        ns.startFrom(r.matchEdge);
        const moved = (): number => ns.stats.pivots - ns.stats.degenerate + ns.stats.flips;
        const before = moved();
        const second = ns.solve();
        const again = assignmentOf(g, ns, second);
        if (graph.edges.every((e) => Number.isInteger(e.weight))) {
          expect(second.matchEdge).toEqual(r.matchEdge);
          expect(moved()).toBe(before);
        } else {
          const first = assignmentOf(g, ns, r);
          expect(again.placedByTier).toEqual(first.placedByTier);
          expect(again.total).toBeGreaterThanOrEqual(first.total - 1e-9 * Math.max(1, Math.abs(first.total)));
        }
        agrees(graph, again);
      }),
      { numRuns: runs(200) },
    );
  });

  it('from a start with a full right, empties it when that is better', () => {
    // A full right must be able to give its place back: a's weight is negative and its tier is
    // none, so the optimum leaves a unplaced and x empty.
    const graph: BipartiteGraph = {
      left: [{ id: 'a', tier: null }],
      right: [{ id: 'x', capacity: 1 }],
      edges: [{ left: 'a', right: 'x', weight: -1 }],
    };
    const g = compileGraph(graph);
    const ns = createNetworkSimplex(g);
    ns.startFrom(Int32Array.of(0));
    const r = ns.solve();
    expect(Array.from(r.matchEdge)).toEqual([-1]);
    agrees(graph, assignmentOf(g, ns, r));
  });

  it('refuses a start that is not a feasible placement', () => {
    const graph: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 0 },
      ],
      edges: [
        { left: 'a', right: 'x', weight: 1 },
        { left: 'b', right: 'x', weight: 2 },
        { left: 'b', right: 'y', weight: 2 },
      ],
    };
    const g = compileGraph(graph);
    const ns = createNetworkSimplex(g);
    const edge = (l: string, r: string): number => {
      const li = g.leftIds.indexOf(l);
      const ri = g.rightIds.indexOf(r);
      for (let k = g.leftStart[li]!; k < g.leftStart[li + 1]!; k++) if (g.edgeRight[k] === ri) return k;
      return -1;
    };
    // x has one opening; y none; an edge of b is not a's; one edge per left.
    expect(() => ns.startFrom(Int32Array.of(edge('a', 'x'), edge('b', 'x')))).toThrow(/capacity/);
    expect(() => ns.startFrom(Int32Array.of(-1, edge('b', 'y')))).toThrow(/capacity/);
    expect(() => ns.startFrom(Int32Array.of(edge('b', 'x'), -1))).toThrow(/not an edge of left 0/);
    const perLeft = new RangeError('startFrom: one edge per left node is needed');
    expect(() => ns.startFrom(Int32Array.of(-1))).toThrow(perLeft);
    expect(() => ns.startFrom(Int32Array.of(-1, -1, -1))).toThrow(perLeft);
    // Refused starts leave nothing behind: the solve is still optimal.
    ns.startFrom(Int32Array.of(edge('a', 'x'), -1));
    agrees(graph, assignmentOf(g, ns, ns.solve()));
  });

  it('refuses a start naming an edge number past the last, where grown arrays have room', () => {
    // Four edges, then one more: the arrays grow to six, and slot 5 holds no edge (its left reads 0).
    const graph: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [
        { id: 'x', capacity: 2 },
        { id: 'y', capacity: 2 },
      ],
      edges: [
        { left: 'a', right: 'x', weight: 1 },
        { left: 'a', right: 'y', weight: 2 },
        { left: 'b', right: 'x', weight: 3 },
        { left: 'b', right: 'y', weight: 4 },
      ],
    };
    const ns = createNetworkSimplex(compileGraph(graph));
    ns.addEdges(Int32Array.of(1), Int32Array.of(0), Float64Array.of(5));
    expect(ns.edgeCount).toBe(5);
    expect(() => ns.startFrom(Int32Array.of(5, -1))).toThrow(
      new RangeError('startFrom: edge 5 is not an edge of left 0'),
    );
    expect(() => ns.startFrom(Int32Array.of(-1, 5))).toThrow(RangeError);
    ns.startFrom(Int32Array.of(-1, 4));
    expect(Array.from(ns.solve().matchEdge)).toEqual([1, 4]);
  });

  it('solving again without changes pivots no more', () => {
    fc.assert(
      fc.property(graphArb(shapes[4]!.shape), (graph) => {
        const g = compileGraph(graph);
        const ns = createNetworkSimplex(g);
        const first = ns.solve();
        const pivots = ns.stats.pivots;
        const again = ns.solve();
        expect(ns.stats.pivots).toBe(pivots);
        expect(again.matchEdge).toEqual(first.matchEdge);
      }),
      { numRuns: runs(100) },
    );
  });

  it('handles graphs without nodes or edges', () => {
    for (const graph of degenerateGraphs) agrees(graph, solveFresh(graph));
  });

  it('refuses bad added edges and too many tiers', () => {
    const graph: BipartiteGraph = {
      left: [{ id: 'a' }],
      right: [{ id: 'x', capacity: 1 }],
      edges: [{ left: 'a', right: 'x', weight: 1 }],
    };
    const ns = createNetworkSimplex(compileGraph(graph));
    const one = (l: number, r: number, w: number): void =>
      ns.addEdges(Int32Array.of(l), Int32Array.of(r), Float64Array.of(w));
    expect(() => one(1, 0, 1)).toThrow(new RangeError('addEdges: edge 0 (1, 0, 1) is out of range'));
    expect(() => one(-1, 0, 1)).toThrow(RangeError);
    expect(() => one(0, 1, 1)).toThrow(RangeError);
    expect(() => one(0, -1, 1)).toThrow(RangeError);
    expect(() => one(0, 0, Number.NaN)).toThrow(RangeError);
    expect(() => one(0, 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    const unequal = new RangeError('addEdges: left, right and weight must have the same length');
    expect(() => ns.addEdges(Int32Array.of(0), Int32Array.of(), Float64Array.of())).toThrow(unequal);
    expect(() => ns.addEdges(Int32Array.of(0), Int32Array.of(0), Float64Array.of())).toThrow(unequal);
    expect(() => ns.addEdges(Int32Array.of(0), Int32Array.of(0), Float64Array.of(1, 2))).toThrow(unequal);
    expect(() => ns.addEdges(Int32Array.of(0), Int32Array.of(), Float64Array.of(1))).toThrow(unequal);
    expect(() => ns.addEdges(Int32Array.of(0), Int32Array.of(0, 0), Float64Array.of(1))).toThrow(unequal);
    // The second of two edges is checked too, and nothing is added when one is refused.
    expect(() => ns.addEdges(Int32Array.of(0, 0), Int32Array.of(0, 1), Float64Array.of(1, 1))).toThrow(
      new RangeError('addEdges: edge 1 (0, 1, 1) is out of range'),
    );
    expect(ns.edgeCount).toBe(1);
    const many: BipartiteGraph = {
      left: Array.from({ length: MAX_PACKED_TIERS + 1 }, (_, i) => ({ id: `l${i}`, tier: i })),
      right: [],
      edges: [],
    };
    expect(() => createNetworkSimplex(compileGraph(many))).toThrow(
      new RangeError(
        `network simplex: ${MAX_PACKED_TIERS + 1} numbered tiers, at most ${MAX_PACKED_TIERS} are supported`,
      ),
    );
  });

  it('gives a right of capacity 0 the least dual that covers its edges, and a right with room none', () => {
    // Its edges never carry flow: v_r = max(0, max over its edges of w'(l, r) − u_l), taken
    // lexicographically over (tier parts, weight), with w' counting a placement in the left's tier.
    const lexLess = (a: readonly number[], b: readonly number[]): boolean => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
      return false;
    };
    fc.assert(
      fc.property(
        graphArb({
          maxLeft: 12,
          maxRight: 6,
          maxCapacity: 2,
          density: 0.5,
          weight: fc.oneof(fc.integer({ min: -3, max: 6 }), fc.double({ min: -5, max: 5, noNaN: true })),
          tiers: [0, 1, null],
        }),
        (graph) => {
          const a = solveFresh(graph);
          const cert = a.certificate as OptimalCertificate;
          const T = cert.tiers.length;
          const load = new Map<string, number>();
          for (const m of a.pairs) load.set(m.right, (load.get(m.right) ?? 0) + 1);
          for (const r of graph.right) {
            const got = [...cert.rightTierPotential[r.id]!, cert.rightPotential[r.id]!];
            if (r.capacity > (load.get(r.id) ?? 0)) {
              expect(got.every((x) => x === 0)).toBe(true);
              continue;
            }
            if (r.capacity > 0) continue;
            let need = new Array<number>(T + 1).fill(0);
            for (const e of graph.edges) {
              if (e.right !== r.id) continue;
              const left = graph.left.find((l) => l.id === e.left)!;
              const value = new Array<number>(T + 1).fill(0);
              const k = left.tier === null ? -1 : cert.tiers.indexOf(left.tier ?? 0);
              if (k >= 0) value[k] = 1;
              value[T] = e.weight;
              const u = [...cert.leftTierPotential[e.left]!, cert.leftPotential[e.left]!];
              const reduced = value.map((x, i) => x - u[i]!);
              if (lexLess(need, reduced)) need = reduced;
            }
            expect(got).toEqual(need);
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('orders the tiers lexicographically up to the most it packs', () => {
    // Left i of tier i wants the one opening; the smallest tier must win whatever the weights.
    const n = MAX_PACKED_TIERS;
    const graph: BipartiteGraph = {
      left: Array.from({ length: n }, (_, i) => ({ id: `l${String(i).padStart(2, '0')}`, tier: n - 1 - i })),
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: Array.from({ length: n }, (_, i) => [
        { left: `l${String(i).padStart(2, '0')}`, right: 'x', weight: i * 1000 },
        { left: `l${String(i).padStart(2, '0')}`, right: 'y', weight: -i },
      ]).flat(),
    };
    const a = solveFresh(graph);
    agrees(graph, a);
    expect(a.placedByTier[0]).toBe(1);
    expect(a.placedByTier[1]).toBe(1);
  });
});
