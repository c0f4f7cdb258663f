/**
 * The network simplex's spanning tree, checked from its snapshot: structure (parents, arcs, preorder
 * thread, subtree sizes and last nodes), strong feasibility, flows, potentials, and the bound kept
 * on them, after the constructor, after `startFrom`, after every solve and after edges added one at
 * a time (so that the checks fall between a few pivots each).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGraph, type CompiledGraph } from '../../src/graph/internal/compile.js';
import {
  createNetworkSimplex,
  type NetworkSimplex,
  type SimplexSnapshot,
} from '../../src/graph/internal/network-simplex.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { runs } from '../helpers/runs.js';
import { graphArb, mixedWeight, type GraphShape, degenerateGraphs } from './graphs.js';

const UP = 1;
const DOWN = -1;
const TREE = 0;
const LOWER = 1;
const UPPER = -1;

/** Lexicographic comparison of (tier, weight) pairs. */
function lexCompare(p: number, w: number, q: number, x: number): number {
  return p !== q ? Math.sign(p - q) : Math.sign(w - x);
}

/**
 * Every invariant of the tree that does not depend on optimality, as a list of what is broken
 * (empty when all hold).
 */
function treeProblems(s: SimplexSnapshot): string[] {
  const out: string[] = [];
  const { nL, nR, capacity, source, target, cost, flow, state, parent, pred, thread, rev, size, last, dir } =
    s;
  const root = nL + nR;
  const V = root + 1;
  const A = flow.length;
  const capOf = (a: number): number => (a >= nL && a < root ? capacity[a - nL]! : Number.POSITIVE_INFINITY);

  // Parents and tree arcs.
  if (parent[root] !== -1) out.push(`the root has parent ${parent[root]}`);
  const inTree = new Uint8Array(A);
  for (let v = 0; v < root; v++) {
    const p = parent[v]!;
    const a = pred[v]!;
    if (!(p >= 0 && p < V) || p === v) {
      out.push(`node ${v} has parent ${p}`);
      continue;
    }
    if (!(a >= 0 && a < A)) {
      out.push(`node ${v} has tree arc ${a}`);
      continue;
    }
    const joins = (source[a] === v && target[a] === p) || (source[a] === p && target[a] === v);
    if (!joins) out.push(`node ${v}'s tree arc ${a} does not join it to its parent ${p}`);
    if (dir[v] !== (source[a] === v ? UP : DOWN)) out.push(`node ${v}'s direction ${dir[v]} is wrong`);
    if (state[a] !== TREE) out.push(`tree arc ${a} has state ${state[a]}`);
    if (inTree[a] === 1) out.push(`arc ${a} is the tree arc of two nodes`);
    inTree[a] = 1;
  }
  // Arcs in state TREE outside the tree: only edges to a right without openings (never to enter).
  for (let a = 0; a < A; a++) {
    if (state[a] !== TREE || inTree[a] === 1) continue;
    const r = target[a]! - nL;
    if (!(a >= root && capacity[r] === 0)) out.push(`arc ${a} has state TREE outside the tree`);
  }
  // A right without openings hangs from the sink, where no cycle passes through it.
  for (let r = 0; r < nR; r++)
    if (capacity[r] === 0 && (parent[nL + r] !== root || pred[nL + r] !== nL + r))
      out.push(`right ${r} without openings does not hang from the sink`);
  if (out.length > 0) return out;

  // The thread: a preorder from the root through every node once, `rev` its inverse.
  const order: number[] = [];
  const pos = new Int32Array(V).fill(-1);
  let x = root;
  do {
    if (pos[x] !== -1) {
      out.push(`the thread comes back to ${x}`);
      return out;
    }
    pos[x] = order.length;
    order.push(x);
    if (rev[thread[x]!] !== x) out.push(`rev of ${thread[x]} is ${rev[thread[x]!]}, not ${x}`);
    x = thread[x]!;
  } while (x !== root && order.length <= V);
  if (order.length !== V) out.push(`the thread visits ${order.length} of ${V} nodes`);
  if (out.length > 0) return out;
  // Subtree sizes from the parents, and each subtree a run of the preorder ending at its last node.
  const sizes = new Int32Array(V).fill(1);
  for (let i = V - 1; i > 0; i--) sizes[parent[order[i]!]!]! += sizes[order[i]!]!;
  for (let v = 0; v < V; v++) {
    if (size[v] !== sizes[v]) out.push(`node ${v} has size ${size[v]}, not ${sizes[v]}`);
    if (last[v] !== order[pos[v]! + sizes[v]! - 1]) out.push(`node ${v} has last ${last[v]}`);
    if (v !== root) {
      const p = parent[v]!;
      if (!(pos[p]! < pos[v]! && pos[v]! < pos[p]! + sizes[p]!))
        out.push(`node ${v} is not in its parent's run of the thread`);
    }
  }

  // Flows: each left's unit on its bypass or one edge; each right's arc carries what its edges bring.
  const leftOut = new Int32Array(nL);
  const rightIn = new Int32Array(nR);
  for (let l = 0; l < nL; l++) leftOut[l] = flow[l]!;
  for (let a = root; a < A; a++) {
    if (flow[a] !== 0 && flow[a] !== 1) out.push(`edge arc ${a} has flow ${flow[a]}`);
    leftOut[source[a]!]! += flow[a]!;
    rightIn[target[a]! - nL]! += flow[a]!;
  }
  for (let l = 0; l < nL; l++) if (leftOut[l] !== 1) out.push(`left ${l} sends ${leftOut[l]}`);
  for (let r = 0; r < nR; r++) {
    const f = flow[nL + r]!;
    if (f !== rightIn[r]) out.push(`right ${r} passes on ${f} of ${rightIn[r]}`);
    if (f < 0 || f > capacity[r]!) out.push(`right ${r} carries ${f} beyond its capacity`);
  }
  // Arcs outside the tree sit at a bound: the lower (no flow) or, a right's arc, the upper.
  for (let a = 0; a < A; a++) {
    if (inTree[a] === 1) continue;
    if (state[a] === LOWER && flow[a] !== 0) out.push(`arc ${a} at its lower bound has flow ${flow[a]}`);
    if (state[a] === UPPER && flow[a] !== capOf(a))
      out.push(`arc ${a} at its upper bound has flow ${flow[a]}`);
  }
  // Strongly feasible: from any node a unit more can go up to the root along the tree.
  for (let v = 0; v < root; v++) {
    const a = pred[v]!;
    if (a >= nL && a < root && capacity[a - nL] === 0) continue;
    if (dir[v] === UP && !(flow[a]! < capOf(a))) out.push(`tree arc ${a} points up and is full`);
    if (dir[v] === DOWN && !(flow[a]! > 0)) out.push(`tree arc ${a} points down and is empty`);
  }

  // Potentials: the root's 0; every other node's its parent's plus its offset, the offset making its
  // tree arc's reduced cost 0, all bitwise as the solver computes them.
  const { potTier, potWeight, offsetTier, offsetWeight } = s;
  if (potTier[root] !== 0 || potWeight[root] !== 0) out.push('the root has a potential');
  for (let v = 0; v < root; v++) {
    const a = pred[v]!;
    const p = parent[v]!;
    if (offsetTier[v] !== -dir[v]! * cost[2 * a]! || offsetWeight[v] !== -dir[v]! * cost[2 * a + 1]!)
      out.push(`node ${v}'s offset does not match its tree arc`);
    if (potTier[v] !== potTier[p]! + offsetTier[v]! || potWeight[v] !== potWeight[p]! + offsetWeight[v]!)
      out.push(`node ${v}'s potential is not its parent's plus its offset`);
    if (Math.abs(potWeight[v]!) > s.maxPotential) out.push(`node ${v}'s potential exceeds the bound kept`);
  }
  let maxWeight = 0;
  for (let a = root; a < A; a++) maxWeight = Math.max(maxWeight, Math.abs(cost[2 * a + 1]!));
  if (s.maxWeight !== maxWeight) out.push(`the largest weight is ${maxWeight}, not ${s.maxWeight}`);
  return out;
}

/** Arcs outside the tree whose reduced cost would let them enter by more than a small tolerance. */
function pricesIn(s: SimplexSnapshot): number[] {
  const tol = 1e-9 * Math.max(1, s.maxWeight, s.maxPotential);
  const bad: number[] = [];
  for (let a = 0; a < s.flow.length; a++) {
    const st = s.state[a]!;
    if (st === TREE) continue;
    const u = s.source[a]!;
    const v = s.target[a]!;
    const p = st * (s.cost[2 * a]! + s.potTier[u]! - s.potTier[v]!);
    const w = st * (s.cost[2 * a + 1]! + s.potWeight[u]! - s.potWeight[v]!);
    if (lexCompare(p, w, 0, -tol) < 0) bad.push(a);
  }
  return bad;
}

/** Checks the tree, and after a solve its optimality and counters. */
function expectTree(ns: NetworkSimplex, solved: boolean): SimplexSnapshot {
  const s = ns.snapshot();
  expect(treeProblems(s)).toEqual([]);
  if (solved) {
    expect(pricesIn(s)).toEqual([]);
    const { pivots, degenerate, flips, priced, moved, walked } = ns.stats;
    // The last pricing pass looks at every arc; each pivot or flip climbs at least one step to the
    // join and each pivot moves at least one node.
    expect(priced).toBeGreaterThanOrEqual(s.flow.length);
    expect(walked).toBeGreaterThanOrEqual(pivots + flips);
    expect(moved).toBeGreaterThanOrEqual(pivots);
    expect(degenerate).toBeLessThanOrEqual(pivots);
  }
  return s;
}

/** A feasible placement of a compiled graph: edges in the order given while both ends have room. */
function placement(g: CompiledGraph, order: readonly number[]): Int32Array {
  const start = new Int32Array(g.leftIds.length).fill(-1);
  const load = new Int32Array(g.rightIds.length);
  for (const e of order) {
    const l = g.edgeLeft[e]!;
    const r = g.edgeRight[e]!;
    if (start[l] !== -1 || load[r]! >= g.capacity[r]!) continue;
    start[l] = e;
    load[r]! += 1;
  }
  return start;
}

const shapes: { name: string; shape: GraphShape }[] = [
  { name: 'tiers 0, 1 and none, mixed weights', shape: { maxLeft: 12, maxRight: 6, maxCapacity: 3 } },
  {
    name: 'oversubscribed, ties and negative weights',
    shape: {
      minLeft: 6,
      maxLeft: 24,
      minRight: 1,
      maxRight: 5,
      maxCapacity: 3,
      density: 0.7,
      weight: fc.integer({ min: -3, max: 4 }),
      tiers: [0, 1, null],
    },
  },
  {
    name: 'no tier, doubles',
    shape: { maxLeft: 16, maxRight: 8, maxCapacity: 2, weight: mixedWeight, tiers: [null] },
  },
];

describe('network simplex spanning tree', () => {
  it.each(shapes)('holds its invariants from the start and after every solve: $name', ({ shape }) => {
    fc.assert(
      fc.property(graphArb(shape), (graph) => {
        const g = compileGraph(graph);
        const ns = createNetworkSimplex(g);
        expectTree(ns, false);
        ns.solve();
        expectTree(ns, true);
      }),
      { numRuns: runs(150) },
    );
  });

  it.each(shapes)('holds them with edges added one at a time: $name', ({ shape }) => {
    // A solve after each edge: a few pivots apart, each tree update is checked.
    const arb = graphArb(shape).chain((graph) =>
      fc.record({ graph: fc.constant(graph), order: fc.shuffledSubarray(graph.edges.map((_, i) => i)) }),
    );
    fc.assert(
      fc.property(arb, ({ graph, order }) => {
        const empty = compileGraph({ ...graph, edges: [] });
        const g = compileGraph(graph);
        const ns = createNetworkSimplex(empty);
        ns.solve();
        expectTree(ns, true);
        for (const e of order) {
          ns.addEdges(
            Int32Array.of(g.edgeLeft[e]!),
            Int32Array.of(g.edgeRight[e]!),
            Float64Array.of(g.edgeWeight[e]!),
          );
          expectTree(ns, false);
          ns.solve();
          expectTree(ns, true);
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it.each(shapes)('starts from a placement on a strongly feasible tree: $name', ({ shape }) => {
    const arb = graphArb(shape).chain((graph) =>
      fc.record({ graph: fc.constant(graph), order: fc.shuffledSubarray(graph.edges.map((_, i) => i)) }),
    );
    fc.assert(
      fc.property(arb, ({ graph, order }) => {
        const g = compileGraph(graph);
        const ns = createNetworkSimplex(g);
        const start = placement(g, order);
        ns.startFrom(start);
        const s = expectTree(ns, false);
        const nL = g.leftIds.length;
        const base = nL + g.rightIds.length;
        const load = new Int32Array(g.rightIds.length);
        for (let l = 0; l < nL; l++) if (start[l]! >= 0) load[g.edgeRight[start[l]!]!]! += 1;
        for (let l = 0; l < nL; l++) {
          // The flows are the placement's.
          expect(s.flow[l]).toBe(start[l]! < 0 ? 1 : 0);
          if (start[l]! < 0) continue;
          expect(s.flow[base + start[l]!]).toBe(1);
          // Each full right hangs below its least valuable left, so no bypass of a left at a full
          // right prices in at the start: its potential is its value less that left's, never
          // negative (at a right with room it is the left's value).
          const r = g.edgeRight[start[l]!]!;
          if (load[r] === g.capacity[r])
            expect(lexCompare(s.potTier[l]!, s.potWeight[l]!, 0, 0)).toBeGreaterThanOrEqual(0);
        }
        // Started again after a solve, from the solve's own placement.
        const r = ns.solve();
        expectTree(ns, true);
        ns.startFrom(r.matchEdge);
        expectTree(ns, false);
        ns.solve();
        expectTree(ns, true);
      }),
      { numRuns: runs(150) },
    );
  });

  it('holds them on graphs without nodes or edges', () => {
    for (const graph of degenerateGraphs) {
      const ns = createNetworkSimplex(compileGraph(graph));
      const s = expectTree(ns, false);
      expect(s.thread.length).toBe(graph.left.length + graph.right.length + 1);
      ns.solve();
      expectTree(ns, true);
    }
  });

  it('finds a broken tree (the checks can fail)', () => {
    const graph: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [{ id: 'x', capacity: 1 }],
      edges: [
        { left: 'a', right: 'x', weight: 2 },
        { left: 'b', right: 'x', weight: 1 },
      ],
    };
    const ns = createNetworkSimplex(compileGraph(graph));
    ns.solve();
    const s = ns.snapshot();
    expect(treeProblems(s)).toEqual([]);
    const broken = (change: (t: SimplexSnapshot) => void): string[] => {
      const t: SimplexSnapshot = structuredClone(s);
      change(t);
      return treeProblems(t);
    };
    expect(broken((t) => (t.size[0] = 7))).not.toEqual([]);
    expect(broken((t) => (t.last[t.nL + t.nR] = 0))).not.toEqual([]);
    expect(broken((t) => (t.rev[0] = 0))).not.toEqual([]);
    expect(broken((t) => (t.potWeight[0] = t.potWeight[0]! + 1))).not.toEqual([]);
    expect(broken((t) => (t.flow[0] = 1 - t.flow[0]!))).not.toEqual([]);
    expect(broken((t) => ((t as { maxPotential: number }).maxPotential = -1))).not.toEqual([]);
    expect(broken((t) => (t.dir[0] = -t.dir[0]!))).not.toEqual([]);
  });
});
