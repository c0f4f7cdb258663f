/**
 * Generated assignment instances shared by the assignment benchmark and bench:ci: sparse graphs as
 * `assign` builds them (about 50 edges per left, capacities 1–20 skewed towards small, twice as many
 * left nodes as openings, 40% priority tier 0 and the rest `null`) and complete graphs with their
 * dense profit matrix for the npm assignment solvers.
 */
import type { CompiledGraph } from '../src/graph/internal/compile.js';
import { createNetworkSimplex } from '../src/graph/internal/network-simplex.js';
import type { BipartiteGraph, Edge, LeftNode } from '../src/graph/types.js';
import { createRandom } from '../src/internal/random.js';

/** Capacities 1–20, small ones far more common (u³ skew). */
function rights(
  openingsWanted: number,
  rnd: ReturnType<typeof createRandom>,
): { id: string; capacity: number }[] {
  const out: { id: string; capacity: number }[] = [];
  for (let openings = 0; openings < openingsWanted;) {
    const capacity = 1 + Math.floor(19 * rnd.float() ** 3);
    out.push({ id: `p${String(out.length).padStart(6, '0')}`, capacity });
    openings += capacity;
  }
  return out;
}

/** A sparse instance: `n` left nodes, ~`degree` edges each, openings n/2. */
export function sparseGraph(n: number, seed: number, degree = 50): BipartiteGraph {
  const rnd = createRandom(seed);
  const left: LeftNode[] = Array.from({ length: n }, (_, i) => ({
    id: `w${String(i).padStart(7, '0')}`,
    tier: rnd.chance(0.4) ? 0 : null,
  }));
  const right = rights(n / 2, rnd);
  const d = Math.min(degree, right.length);
  const edges: Edge[] = [];
  const chosen = new Set<number>();
  for (const l of left) {
    chosen.clear();
    while (chosen.size < d) chosen.add(rnd.int(0, right.length - 1));
    for (const r of chosen)
      edges.push({ left: l.id, right: right[r]!.id, weight: Math.round(rnd.float() * 1e4) / 1e4 });
  }
  return { left, right, edges };
}

/** A complete instance with weights only (every left tier `null`), and its dense profit matrix. */
export function denseGraph(n: number, seed: number): { graph: BipartiteGraph; profit: number[][] } {
  const rnd = createRandom(seed);
  const left: LeftNode[] = Array.from({ length: n }, (_, i) => ({
    id: `w${String(i).padStart(5, '0')}`,
    tier: null,
  }));
  const right = rights(n / 2, rnd);
  const edges: Edge[] = [];
  const profit: number[][] = [];
  for (const l of left) {
    const row: number[] = [];
    for (const r of right) {
      const weight = Math.round(rnd.float() * 1e4) / 1e4;
      edges.push({ left: l.id, right: r.id, weight });
      for (let k = 0; k < r.capacity; k++) row.push(weight);
    }
    profit.push(row);
  }
  return { graph: { left, right, edges }, profit };
}

/**
 * A uniform instance with weights only, for the comparison with a native min-cost-flow solver: `n`
 * left nodes, `n / 10` rights of capacity `capacity` each, `degree` distinct rights per left drawn
 * uniformly, integer weights uniform in 1..1000 (so the optimum is an exact integer on both sides),
 * every left tier `null`.
 */
export function uniformGraph(n: number, seed: number, degree = 50, capacity = 5): BipartiteGraph {
  const rnd = createRandom(seed);
  const nR = Math.max(1, Math.floor(n / 10));
  const left: LeftNode[] = Array.from({ length: n }, (_, i) => ({
    id: `u${String(i).padStart(7, '0')}`,
    tier: null,
  }));
  const right = Array.from({ length: nR }, (_, j) => ({ id: `q${String(j).padStart(6, '0')}`, capacity }));
  return { left, right, edges: drawnEdges(left, right, degree, rnd, () => rnd.int(1, 1000)) };
}

/**
 * For each left in turn, `degree` distinct rights drawn uniformly (all of them if fewer), each edge
 * weighted by `weight(right position)` as it is drawn.
 */
function drawnEdges(
  left: readonly LeftNode[],
  right: readonly { readonly id: string }[],
  degree: number,
  rnd: ReturnType<typeof createRandom>,
  weight: (r: number) => number,
): Edge[] {
  const nR = right.length;
  const d = Math.min(degree, nR);
  const edges: Edge[] = [];
  const chosen = new Set<number>();
  for (const l of left) {
    chosen.clear();
    while (chosen.size < d) chosen.add(rnd.int(0, nR - 1));
    for (const r of chosen) edges.push({ left: l.id, right: right[r]!.id, weight: weight(r) });
  }
  return edges;
}

/**
 * An instance where every left ranks the rights alike: `n` left nodes, `n / 10` rights of capacity
 * 1–5, `degree` distinct rights per left drawn uniformly, right j worth `nR − j` to everyone plus
 * integer noise in 0..19, every left tier `null`. Popular rights are wanted by all, as popular posts
 * are; the price rounds of `solveOptimal` settle few lefts here.
 */
export function sharedPreferenceGraph(n: number, seed: number, degree = 50): BipartiteGraph {
  const rnd = createRandom(seed);
  const nR = Math.max(1, Math.floor(n / 10));
  const left: LeftNode[] = Array.from({ length: n }, (_, i) => ({
    id: `s${String(i).padStart(7, '0')}`,
    tier: null,
  }));
  const right = Array.from({ length: nR }, (_, j) => ({
    id: `q${String(j).padStart(6, '0')}`,
    capacity: rnd.int(1, 5),
  }));
  return { left, right, edges: drawnEdges(left, right, degree, rnd, (r) => nR - r + rnd.int(0, 19)) };
}

/** The optimum's total weight by the network simplex alone, an oracle beside `solveOptimal`. */
export function simplexTotal(g: CompiledGraph): number {
  const { matchEdge } = createNetworkSimplex(g).solve();
  let total = 0;
  for (const e of matchEdge) if (e >= 0) total += g.edgeWeight[e]!;
  return total;
}
