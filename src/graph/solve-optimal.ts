/**
 * Maximum-weight b-matching with tier priority, by successive shortest augmenting paths.
 *
 * @module
 */
import { createBestEdges, pickBestEdges, TOP } from './internal/best-edges.js';
import { buildAssignment, type CompiledGraph } from './internal/compile.js';
import { IndexedHeap } from './internal/heap.js';
import { dualCertificate } from './internal/dual-records.js';
import { createNetworkSimplex, MAX_PACKED_TIERS } from './internal/network-simplex.js';
import { priceRounds, type RoundsWork } from './internal/price-rounds.js';
import type { Assignment, OptimalCertificate } from './types.js';
import { prepareGraph } from './prepare.js';
import type { AnyBipartiteGraph } from './typed.js';

/**
 * Finds the best assignment: first as many tier-0 left nodes placed as possible, then as many tier-1,
 * and so on over the numbered tiers, then the largest total weight. Each left node takes at most one
 * edge, each right node at most `capacity`; a left node may stay unplaced. A left node of tier `null`
 * has no placement count: it is placed only where that raises the total weight without costing a
 * numbered tier a placement.
 *
 * Because a counted placement comes before any weight, an edge of negative weight is used only when it
 * lets one more left node of a numbered tier be placed (in tier order); an edge of negative weight from
 * a `null`-tier node is never used. Among assignments with the best placement counts, the total weight
 * is the largest.
 *
 * Method. A min-cost circulation on source → left (capacity 1) → right (edge) → sink (capacity =
 * the right's capacity, one arc, not one per opening) → source, with the cost of an edge the negated
 * vector `(e_tier, weight)`: placement counts and weight are kept as separate components compared
 * lexicographically, so no big-M constant is needed and tier counts stay exact integers whatever the
 * weights. Left nodes are taken by rank (`null` last), heaviest best edge first, then index.
 *
 * First, price rounds (an auction without ε): each left bids for its best right at the current
 * prices; a full right's weakest contender (least margin: value there less its best alternative)
 * leaves and bids in turn, or, if the bidder is the weakest, the bidder gives way, and the price
 * rises as far as the contenders who stay still prefer the right. Once no right has room, what
 * staying unplaced is worth (π(source)) rises to the least value of a placed left, and the undecided
 * bid again, pass after pass, while any of them could do better. Every bid keeps the duals exactly
 * optimal for the left nodes decided so far, so the rounds need no repair; they decide most left
 * nodes cheaply and stop only at ties. With one numbered tier or none, bids read each left's best
 * edges, kept in order of an upper bound on what they offer, instead of all its edges.
 *
 * Then the undecided left nodes are added one at a time: each addition runs Dijkstra on reduced costs
 * (Johnson potentials, starting from the rounds' prices) from the new left node to the source, along
 * which it either takes a free opening (through the sink) or displaces a worse-placed left node, and
 * augments only if that path has negative cost; the search stops early at the first distance that
 * could no longer pay. Only nodes the search settled get their potential updated, by `d(v) − D` where
 * `D` is the distance at which it stopped; this keeps every residual reduced cost non-negative, so the
 * circulation is optimal after every step. A placed left is settled with its right (its one way in is
 * tight); each left keeps its best edges in order of an upper bound on what they can offer, so a
 * search reads few of its edges; and a search's bound starts just above the cost of its cheapest
 * augmenting path of two or three arcs, which it then cannot miss. After the first searches of a rank come back empty, a left node none
 * of whose rights can reach an opening worth taking (a right with room or holding a left of the same
 * rank or later, directly or through holders who could move) is skipped: no augmenting path can ever
 * place it, and the one arc it leaves violated (source → it) is repaired by a single Dijkstra over
 * negative labels at the end. The duals come from the final potentials π: `u_l = max(0, π(l) −
 * π(source))` and `v_r = max(0, π(sink) − π(r))` (see {@link OptimalCertificate}).
 *
 * Where every left ranks the rights alike (popular rights wanted by all), the rounds settle few left
 * nodes and each search crosses much of the graph, so the searches' work grows about as the square
 * of the left nodes. So on a graph of some size (E + V ≥ 32,768), when the rounds stop short of
 * their end with most left nodes undecided, or once the searches have relaxed {@link HANDOFF} arcs
 * per arc and node of the graph, the placement so far is handed to a primal network simplex, which
 * finishes from it (at most 22 numbered tiers; with more the searches go on). Both are exact: the
 * optimum is the same, though where several assignments are optimal the one returned depends on
 * which method finished.
 *
 * Deterministic whatever the input order: nodes are indexed by sorted id and ties in the heap are
 * broken by index.
 *
 * @param graph - A valid bipartite graph, as objects or typed arrays (refused otherwise).
 * @returns The optimal assignment with its dual certificate.
 * @throws BangfuValidationError when the graph is malformed.
 * @example
 * solveOptimal({
 *   left: [{ id: 'a' }, { id: 'b', tier: 1 }],
 *   right: [{ id: 'x', capacity: 1 }],
 *   edges: [{ left: 'a', right: 'x', weight: 1 }, { left: 'b', right: 'x', weight: 9 }],
 * }).pairs
 * //=> [{ left: 'a', right: 'x', weight: 1 }]
 *
 * Complexity: O(B·d·c) time for the rounds (B ≤ 20·L bids of degree d and capacity c), then
 * searches of O(E + V) relaxations in all, each relaxation O(log V) (E edges, V = L + R), usually
 * far fewer as most left nodes are decided by the rounds and each search stops early, then, if the
 * searches ran out, the network simplex's pivots (few in practice, exponentially many in theory);
 * O((L + R)·T + E + 8·L) space for T tiers (each left's list of up to 8 best edges).
 */
export function solveOptimal(graph: AnyBipartiteGraph): Assignment {
  return solveOptimalCompiled(prepareGraph(graph));
}

/**
 * {@link solveOptimal} on a graph already validated and compiled (benchmarks time the solver alone).
 *
 * @internal
 */
export function solveOptimalCompiled(g: CompiledGraph, probes?: SolverProbes): Assignment {
  const { matchEdge, pot } = optimalFlow(g, probes);
  return buildAssignment(g, 'optimal', matchEdge, certificateOf(g, pot));
}

/** The dual certificate as typed arrays, by node position in a compiled graph (see {@link OptimalCertificate}). */
export interface TypedDuals {
  /** Numbered tiers T: each tier part holds T integers. */
  readonly T: number;
  /** Tier part of u, `T` per left node. */
  readonly leftTier: Float64Array;
  /** Weight part of u, per left node. */
  readonly leftWeight: Float64Array;
  /** Tier part of v, `T` per right node. */
  readonly rightTier: Float64Array;
  /** Weight part of v, per right node. */
  readonly rightWeight: Float64Array;
}

/**
 * {@link solveOptimal} on a compiled graph, returning the edge of each left node (−1 for none) and
 * the duals as typed arrays, without building the certificate's records.
 *
 * @internal
 */
export function solveOptimalTyped(g: CompiledGraph): {
  readonly matchEdge: Int32Array;
  readonly duals: TypedDuals;
} {
  const { matchEdge, pot } = optimalFlow(g);
  return { matchEdge, duals: typedDualsOf(g, pot) };
}

/** The solver's state as the price rounds leave it, before the searches (see {@link priceRounds}). */
export interface RoundsState {
  /** The graph the rounds ran on: the input without its edges to rights of no openings. */
  readonly graph: CompiledGraph;
  /** Edge held by each left node, −1 for none. */
  readonly matchEdge: Int32Array;
  /** Left nodes each right holds. */
  readonly load: Int32Array;
  /** 1 for each left node the rounds settled, 0 for each left to the searches. */
  readonly decided: Uint8Array;
  /** Whether the rounds ran to their end rather than out of bids or passes (see `priceRounds`). */
  readonly finished: boolean;
  /** The work the rounds did (see `priceRounds`). */
  readonly work: RoundsWork;
  /** Potentials, K components per node: π(r) = −price(r) at `K·(rightBase + r)`, σ at `K·source`. */
  readonly pot: Float64Array;
  readonly K: number;
  readonly rightBase: number;
  readonly source: number;
  readonly sink: number;
}

/**
 * A search's start (two components): the left it adds, θ (what placing it is worth: no path of
 * that cost or more pays) and the bound the search starts from, just above the cheapest short
 * augmenting path if that is below θ, with the state it searches (views the solver goes on changing).
 */
export interface SearchState {
  /** The graph searched: the input without its edges to rights of no openings. */
  readonly graph: CompiledGraph;
  readonly left: number;
  /** θ = π(left) − π(source): count part, weight part. */
  readonly theta: readonly [number, number];
  /** The search's bound: count part, weight part. */
  readonly bound: readonly [number, number];
  readonly matchEdge: Int32Array;
  readonly load: Int32Array;
  /** Potentials, two per node: rights at `2·(rightBase + r)`, the source at `2·source`. */
  readonly pot: Float64Array;
  /** The search's labels, two per node as `pot`: a node's is final once it is settled. */
  readonly dist: Float64Array;
  /** Arcs relaxed by the searches before this one. */
  readonly relaxed: number;
  readonly rightBase: number;
  readonly source: number;
}

/**
 * The rights marked alive for a rank of left nodes: those that can still reach an opening worth
 * taking for it (room, or a holder of that rank or later who may be dropped), directly or through
 * holders who could move; a left whose rights are all dead is skipped without a search.
 */
export interface AliveState {
  readonly graph: CompiledGraph;
  readonly rank: number;
  /** 1 for each right alive. */
  readonly alive: Uint8Array;
  readonly matchEdge: Int32Array;
  readonly load: Int32Array;
}

/** The placement the searches hand to the network simplex (see {@link SolverProbes}). */
export interface HandoffState {
  /** The graph solved: the input without its edges to rights of no openings. */
  readonly graph: CompiledGraph;
  /** Edge held by each left node, −1 for none: the network simplex's start. */
  readonly matchEdge: Int32Array;
  /** Left nodes neither settled by the rounds nor added by a search yet. */
  readonly pending: number;
}

/** Hooks into the solver's stages, for tests: each is handed views to read during the call. */
export interface SolverProbes {
  /** The state the price rounds leave. */
  readonly rounds?: (state: RoundsState) => void;
  /** Each search with two components, once its bound is set, before it runs. */
  readonly search?: (state: SearchState) => void;
  /** Each marking of the rights alive for a rank. */
  readonly alive?: (state: AliveState) => void;
  /** Each left skipped without a search, all its rights dead. */
  readonly skip?: (left: number) => void;
  /**
   * Each node a search takes off its heap, in order: the left it adds, rights, the sink, and the
   * source if a path is found. A placed left is settled with its right, off the heap, and not told.
   */
  readonly settle?: (node: number) => void;
  /**
   * Relaxations the searches may make before the rest goes to the network simplex, in place of
   * {@link HANDOFF}·(E + V) (0 after rounds that stopped short with most lefts undecided, +∞ on
   * a small graph): 0 hands over before the first search, +∞ never. Ignored with more than 22
   * numbered tiers (the network simplex takes at most that many).
   */
  readonly budget?: number;
  /** The hand-over to the network simplex, with the placement it starts from. */
  readonly handoff?: (state: HandoffState) => void;
  /** Bids the price rounds may make in all, in place of 20 per left: 0 leaves every left to the searches. */
  readonly bids?: number;
}

/**
 * {@link solveOptimal} with hooks into its stages ({@link SolverProbes}). For tests of the rounds'
 * invariant and of the searches' bounds.
 *
 * @internal
 */
export function solveOptimalProbed(graph: AnyBipartiteGraph, probes: SolverProbes): Assignment {
  return solveOptimalCompiled(prepareGraph(graph), probes);
}

/** Bids the price rounds may make, per left node. */
const ROUND_BUDGET = 20;
/** Edges of a left scanned in vain, past which its best edges are picked again. */
const STALE = 16;
/**
 * Relaxations per arc and node of the graph the searches may make before the network simplex
 * finishes instead. On random graphs the searches make well under one per arc; where every left
 * ranks the rights alike, hundreds (see docs/scaling.md). At this many, the work done in vain costs
 * about as much as the network simplex itself.
 */
export const HANDOFF = 4;
/** A graph whose budget ({@link HANDOFF}·(E + V)) is below this is solved by the searches alone. */
const SMALL_WORK = 2 ** 17;

/**
 * The solver on a compiled graph. Edges to rights without openings can never be used: they are
 * left out of the solve (the price rounds would raise those rights' prices without bound), and each
 * such right then gets the least potential that covers its edges (its dual costs nothing, as it has
 * no openings).
 */
function optimalFlow(g: CompiledGraph, probes?: SolverProbes): { matchEdge: Int32Array; pot: Float64Array } {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  let closedEdges = 0;
  for (let e = 0; e < g.edgeRight.length; e++) if (g.capacity[g.edgeRight[e]!] === 0) closedEdges++;
  if (closedEdges === 0) {
    const flow = openFlow(g, probes);
    leastClosedDuals(g, flow.pot);
    return flow;
  }
  // The graph without those edges, and each kept edge's number in the whole graph.
  const m = g.edgeRight.length - closedEdges;
  const kept = new Int32Array(m);
  const leftStart = new Int32Array(nL + 1);
  for (let l = 0, k = 0; l < nL; l++) {
    for (let e = g.leftStart[l]!; e < g.leftStart[l + 1]!; e++)
      if (g.capacity[g.edgeRight[e]!] !== 0) kept[k++] = e;
    leftStart[l + 1] = k;
  }
  const rightStart = new Int32Array(nR + 1);
  for (let k = 0; k < m; k++) rightStart[g.edgeRight[kept[k]!]! + 1]! += 1;
  for (let r = 0; r < nR; r++) rightStart[r + 1]! += rightStart[r]!;
  const fill = rightStart.slice(0, nR);
  const rightEdges = new Int32Array(m);
  for (let k = 0; k < m; k++) rightEdges[fill[g.edgeRight[kept[k]!]!]!++] = k;
  const open: CompiledGraph = {
    ...g,
    edgeLeft: Int32Array.from(kept, (e) => g.edgeLeft[e]!),
    edgeRight: Int32Array.from(kept, (e) => g.edgeRight[e]!),
    edgeWeight: Float64Array.from(kept, (e) => g.edgeWeight[e]!),
    leftStart,
    rightStart,
    rightEdges,
  };
  const { matchEdge, pot } = openFlow(open, probes);
  for (let l = 0; l < nL; l++) if (matchEdge[l]! >= 0) matchEdge[l] = kept[matchEdge[l]!]!;
  leastClosedDuals(g, pot);
  return { matchEdge, pot };
}

/**
 * Gives each right with no openings the least potential that covers its edges (its dual costs
 * nothing, as it has no openings): 0 for one without edges.
 */
function leastClosedDuals(g: CompiledGraph, pot: Float64Array): void {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  // π(r) = min(π(t), min over its edges of π(t) − (cost of the edge − u_l)), lexicographically, with
  // u_l = max(0, π(l) − π(s)): then v_r = π(t) − π(r) ≥ 0 and u_l + v_r ≥ each edge's value.
  const K = Math.max(2, g.tiers.length + 1);
  const SINK = nL + nR;
  const SOURCE = nL + nR + 1;
  const u = new Float64Array(K);
  const need = new Float64Array(K);
  const best = new Float64Array(K);
  const lexLess = (a: Float64Array, b: Float64Array): boolean => {
    for (let k = 0; k < K; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
    return false;
  };
  for (let r = 0; r < nR; r++) {
    if (g.capacity[r] !== 0) continue;
    best.fill(0); // v_r ≥ 0
    for (let i = g.rightStart[r]!; i < g.rightStart[r + 1]!; i++) {
      const e = g.rightEdges[i]!;
      const l = g.edgeLeft[e]!;
      let positive = false;
      for (let k = 0; k < K; k++) {
        const x = pot[l * K + k]! - pot[SOURCE * K + k]!;
        u[k] = x;
        if (x !== 0) {
          positive = x > 0;
          break;
        }
      }
      for (let k = 0; k < K; k++) u[k] = positive ? pot[l * K + k]! - pot[SOURCE * K + k]! : 0;
      need.fill(0);
      const t = g.leftTierIndex[l]!;
      if (t >= 0) need[t] = 1;
      need[K - 1] = g.edgeWeight[e]!;
      for (let k = 0; k < K; k++) need[k] = need[k]! - u[k]!;
      if (lexLess(best, need)) best.set(need);
    }
    for (let k = 0; k < K; k++) pot[(nL + r) * K + k] = pot[SINK * K + k]! - best[k]!;
  }
}

/** The solver proper, on a compiled graph whose every edge goes to a right with openings. */
function openFlow(g: CompiledGraph, probes?: SolverProbes): { matchEdge: Int32Array; pot: Float64Array } {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const T = g.tiers.length;
  // Components: one per tier, then weight. With no numbered tier the solver still runs on two, the
  // count part 0 throughout (a tier no left belongs to), so that both usual cases share the hot path
  // (best-edge lists, short-path bound) and its exact handling of ties.
  const K = Math.max(2, T + 1);
  const W = K - 1;
  const SINK = nL + nR;
  const SOURCE = nL + nR + 1;
  const V = nL + nR + 2;
  const { edgeRight, edgeLeft, edgeWeight, leftStart, capacity, leftTierIndex } = g;

  const pot = new Float64Array(V * K);
  const dist = new Float64Array(V * K);
  const theta = new Float64Array(K);
  const cand = new Float64Array(K);
  const pred = new Int32Array(V);
  const predEdge = new Int32Array(V);
  const seen = new Uint8Array(V);
  const done = new Uint8Array(V);
  // Nodes reached and settled by the current search (each at most once), in typed arrays.
  const touched = new Int32Array(V);
  // Counters, flags and the search bound the closures below share, as fields of one object rather
  // than captured variables, which the JIT handles worse when they change.
  const st = {
    /** Nodes in `touched`, `settled` and the changed lists. */
    touched: 0,
    settled: 0,
    changed: 0,
    /** In the final repair, an unseen node stands at 0: only a negative label is news. */
    floorZero: false,
    /** Upper bound on useful distances for K = 2 (count part, weight part); +∞ where unused. */
    boundC: Number.POSITIVE_INFINITY,
    boundW: Number.POSITIVE_INFINITY,
    /** Rank being added, whether `alive` is known for it, searches of that rank that failed. */
    phase: -1,
    aliveKnown: false,
    failed: 0,
    /** Arcs relaxed by the searches, against the budget of {@link HANDOFF}. */
    relaxed: 0,
  };
  const settled = new Int32Array(V);
  const matchEdge = new Int32Array(nL).fill(-1);
  // The edges held by right r sit in slot[slotStart[r] … slotStart[r] + load[r] − 1], so a search
  // reads a right's placed lefts in O(load) instead of scanning all its edges.
  const load = new Int32Array(nR);
  // A right never holds more than it has edges, so a huge capacity costs no memory.
  const slotStart = new Int32Array(nR + 1);
  for (let r = 0; r < nR; r++) {
    slotStart[r + 1] = slotStart[r]! + Math.min(capacity[r]!, g.rightStart[r + 1]! - g.rightStart[r]!);
  }
  const slot = new Int32Array(slotStart[nR]!);
  const slotOf = new Int32Array(nL);
  // The left of each held edge, beside `slot`, so a search reads a right's holders in one sweep.
  const slotLeft = new Int32Array(slot.length);
  const changedLeft = new Int32Array(nL);
  const changedEdge = new Int32Array(nL);

  // Among equal distances the source comes first, then the sink, then the rest by index: a search
  // ends as soon as nothing is strictly closer, without sweeping a plateau of equal distances.
  const tieLess = (a: number, b: number): boolean => (a >= SINK ? a - V : a) < (b >= SINK ? b - V : b);
  const lessK = (a: number, b: number): boolean => {
    const ia = a * K;
    const ib = b * K;
    for (let k = 0; k < K; k++) {
      const x = dist[ia + k]!;
      const y = dist[ib + k]!;
      if (x !== y) return x < y;
    }
    return tieLess(a, b);
  };
  // Two components (one numbered tier, or none and an unused count part) are the usual case: compared
  // without a loop.
  const less2 = (a: number, b: number): boolean => {
    const x = dist[2 * a]!;
    const y = dist[2 * b]!;
    if (x !== y) return x < y;
    const xw = dist[2 * a + 1]!;
    const yw = dist[2 * b + 1]!;
    return xw !== yw ? xw < yw : tieLess(a, b);
  };
  const heap = new IndexedHeap(V, K === 2 ? less2 : lessK);

  /** Is dist[v] lexicographically below the vector `vec`? */
  const distBelow = (v: number, vec: Float64Array): boolean => {
    for (let k = 0; k < K; k++) {
      const x = dist[v * K + k]!;
      const y = vec[k]!;
      if (x !== y) return x < y;
    }
    return false;
  };

  /** Notes that v was reached from u over `edge` at its new distance. */
  const record = (u: number, v: number, edge: number): void => {
    if (!seen[v]) {
      seen[v] = 1;
      touched[st.touched++] = v;
    }
    pred[v] = u;
    predEdge[v] = edge;
    heap.pushOrDecrease(v);
  };
  /** {@link relaxK} for two components: the placement count of the one numbered tier, then weight. */
  const relax2 = (
    u: number,
    v: number,
    edge: number,
    sign: number,
    tier: number,
    weight: number,
  ): boolean => {
    st.relaxed++;
    if (done[v]) return false;
    const iu = 2 * u;
    const iv = 2 * v;
    const rc = (tier === 0 ? sign : 0) + pot[iu]! - pot[iv]!;
    let rcw = sign * weight + pot[iu + 1]! - pot[iv + 1]!;
    if (rc === 0 && rcw < 0) rcw = 0;
    const c = dist[iu]! + rc;
    const cw = dist[iu + 1]! + rcw;
    // Nothing at or beyond the bound (θ, or the source's distance once seen) can be on a better path.
    // Reaching the bound on its count part only (true) tells a left's scan its best edges are stale.
    if (c > st.boundC) return false;
    if (c === st.boundC && cw >= st.boundW) return true;
    if (seen[v]) {
      const y = dist[iv]!;
      if (c > y || (c === y && cw >= dist[iv + 1]!)) return false;
    } else if (st.floorZero && !(c < 0 || (c === 0 && cw < 0))) return false;
    dist[iv] = c;
    dist[iv + 1] = cw;
    if (v === SOURCE) {
      st.boundC = c;
      st.boundW = cw;
    }
    record(u, v, edge);
    return false;
  };
  /**
   * Relaxes the arc u → v whose cost is `sign·(e_tier, weight)` (tier −1 for none): computes the
   * candidate distance and records it if shorter (in the final repair, only if below zero).
   */
  const relaxK = (u: number, v: number, edge: number, sign: number, tier: number, weight: number): void => {
    st.relaxed++;
    if (done[v]) return;
    const iu = u * K;
    const iv = v * K;
    let tierPartZero = true;
    for (let k = 0; k < T; k++) {
      const rc = (k === tier ? sign : 0) + pot[iu + k]! - pot[iv + k]!;
      if (rc !== 0) tierPartZero = false;
      cand[k] = dist[iu + k]! + rc;
    }
    let rcw = sign * weight + pot[iu + W]! - pot[iv + W]!;
    // Rounding can leave a tight arc at −1 ulp; a reduced cost is never negative in exact arithmetic.
    if (tierPartZero && rcw < 0) rcw = 0;
    cand[W] = dist[iu + W]! + rcw;
    if (seen[v]) {
      let shorter = false;
      for (let k = 0; k < K; k++) {
        const x = cand[k]!;
        const y = dist[iv + k]!;
        if (x !== y) {
          shorter = x < y;
          break;
        }
      }
      if (!shorter) return;
    } else {
      // In the final repair an unseen node stands at 0: only a negative label is news.
      if (st.floorZero && !isNegative(cand)) return;
      seen[v] = 1;
      touched[st.touched++] = v;
    }
    dist.set(cand, iv);
    pred[v] = u;
    predEdge[v] = edge;
    heap.pushOrDecrease(v);
  };
  const relax = K === 2 ? relax2 : relaxK;

  /** Is the vector lexicographically below zero? */
  const isNegative = (vec: Float64Array): boolean => {
    for (let k = 0; k < K; k++) if (vec[k] !== 0) return vec[k]! < 0;
    return false;
  };

  // Each left's best edges in order of an upper bound on what they offer (see best-edges.ts), picked
  // by the price rounds and read by the searches: a scan stops at the first edge whose bound reaches
  // the search's bound, and reads the other edges only when the best ones run out first.
  const lists = K === 2 ? createBestEdges(nL) : undefined;
  const { count: topCount, restC, restW, state: bestPicked } = lists ?? createBestEdges(0);
  /** The arcs out of left u for two components, its best edges first: the hot loop of a search. */
  const expandLeft2 = (u: number): void => {
    const tier = leftTierIndex[u]!;
    const sign = tier === 0 ? -1 : 0;
    const pu = pot[2 * u]!;
    const puw = pot[2 * u + 1]!;
    const du = dist[2 * u]!;
    const duw = dist[2 * u + 1]!;
    const start = leftStart[u]!;
    const end = leftStart[u + 1]!;
    if (end - start <= TOP) {
      // Few edges: no list (see best-edges.ts), they are all read.
      for (let e = start; e < end; e++) relax2(u, nL + edgeRight[e]!, e, -1, tier, edgeWeight[e]!);
      if (matchEdge[u]! >= 0) relax2(u, SOURCE, -1, 0, -1, 0);
      return;
    }
    if (bestPicked[u] !== 1) pickBestEdges(lists!, g, pot, nL, u);
    const { top, edge: topEdge } = lists!;
    const slackW = 1e-9 * (1 + Math.abs(st.boundW));
    let wasted = 0;
    const lbC = du + sign + pu;
    const lbW = duw + puw;
    const base = u * TOP;
    const n = topCount[u]!;
    let i = 0;
    for (; i < n; i++) {
      const j = 4 * (base + i);
      const cl = lbC - top[j]!;
      if (cl > st.boundC || (cl === st.boundC && lbW - top[j + 1]! > st.boundW + slackW)) break;
      const v = nL + (top[j + 3]! | 0);
      if (relax2(u, v, topEdge[base + i]!, -1, tier, top[j + 2]!)) wasted++;
    }
    if (i === n) {
      // The top ran out before the bound: the other edges may matter too, unless the largest of
      // their keys is already out of reach.
      const cl = lbC - restC[u]!;
      if (!(cl > st.boundC || (cl === st.boundC && lbW - restW[u]! > st.boundW + slackW))) {
        for (let e = start; e < end; e++) {
          if (relax2(u, nL + edgeRight[e]!, e, -1, tier, edgeWeight[e]!)) wasted++;
        }
        wasted += STALE;
      }
    }
    if (wasted > STALE) bestPicked[u] = 2;
    if (matchEdge[u]! >= 0) relax2(u, SOURCE, -1, 0, -1, 0);
  };

  /** Relaxes every residual arc out of u (see the method in {@link solveOptimal}). */
  const expand = (u: number): void => {
    if (u < nL && K === 2) {
      expandLeft2(u);
    } else if (u < nL) {
      for (let e = leftStart[u]!; e < leftStart[u + 1]!; e++) {
        relax(u, nL + edgeRight[e]!, e, -1, leftTierIndex[u]!, edgeWeight[e]!);
      }
      if (matchEdge[u]! >= 0) relax(u, SOURCE, -1, 0, -1, 0);
    } else if (u < SINK) {
      const r = u - nL;
      // A placed left has one way in, from its right, over an arc of reduced cost 0: it is settled
      // with its right, at the same distance, without going through the heap (and, as no arc is
      // relaxed into it, without the marks of nodes reached).
      for (let i = slotStart[r]!, end = i + load[r]!; i < end; i++) {
        const l = slotLeft[i]!;
        dist.copyWithin(l * K, u * K, u * K + K);
        pred[l] = u;
        predEdge[l] = slot[i]!;
        settled[st.settled++] = l;
        expand(l);
      }
      if (load[r]! < capacity[r]!) relax(u, SINK, -1, 0, -1, 0);
    } else if (u === SINK) {
      relax(u, SOURCE, -1, 0, -1, 0);
    }
  };

  // Rights that can still reach an opening worth taking in the current phase (the left nodes of one
  // rank): a right with room, or one holding a left of this rank or later (who may be displaced),
  // or one holding a left who could move to such a right, and so on. A right that cannot is "dead":
  // no augmenting path of this phase or a later one passes through it, since augmentations only
  // change arcs on their own path, which never enters the dead region.
  const alive = new Uint8Array(nR);
  const queue = new Int32Array(nR);
  const markAlive = (rank: number): void => {
    alive.fill(0);
    let head = 0;
    let tail = 0;
    for (let r = 0; r < nR; r++) {
      let open = load[r]! < capacity[r]!;
      for (let i = slotStart[r]!, end = i + load[r]!; i < end && !open; i++)
        open = g.leftRank[edgeLeft[slot[i]!]!]! >= rank;
      if (open) {
        alive[r] = 1;
        queue[tail++] = r;
      }
    }
    while (head < tail) {
      const r = queue[head++]!;
      for (let i = g.rightStart[r]!; i < g.rightStart[r + 1]!; i++) {
        const m = matchEdge[edgeLeft[g.rightEdges[i]!]!]!;
        if (m < 0) continue;
        const holder = edgeRight[m]!;
        if (alive[holder] === 0) {
          alive[holder] = 1;
          queue[tail++] = holder;
        }
      }
    }
  };

  const skipped: number[] = [];
  // In the first rank every right has room or holds only lefts of that rank or later: all are alive
  // (but those of capacity 0, which a search leaves at once), so marking would find nothing.
  let firstRank = Number.POSITIVE_INFINITY;
  for (let l = 0; l < nL; l++) if (g.leftRank[l]! < firstRank) firstRank = g.leftRank[l]!;

  // Left nodes bid, and are then added, by rank; within a rank the heaviest best edge first, then
  // id. Any order is exact; strongest first lets the prices settle early.
  const bestWeight = new Float64Array(nL).fill(Number.NEGATIVE_INFINITY);
  for (let e = 0; e < edgeWeight.length; e++)
    if (edgeWeight[e]! > bestWeight[edgeLeft[e]!]!) bestWeight[edgeLeft[e]!] = edgeWeight[e]!;
  const order = Array.from({ length: nL }, (_, l) => l).sort(
    (a, b) =>
      g.leftRank[a]! - g.leftRank[b]! ||
      (bestWeight[a]! > bestWeight[b]! ? -1 : bestWeight[a]! < bestWeight[b]! ? 1 : a - b),
  );

  /** π(l) = π(r) + (e_tier, w) for a placed left l on r: its edge stays tight after r's price moved. */
  const tighten = (l: number): void => {
    const e = matchEdge[l]!;
    const ir = (nL + edgeRight[e]!) * K;
    const tier = leftTierIndex[l]!;
    for (let k = 0; k < W; k++) pot[l * K + k] = (k === tier ? 1 : 0) + pot[ir + k]!;
    pot[l * K + W] = edgeWeight[e]! + pot[ir + W]!;
  };

  /**
   * Lowers the search bound (two components) to just above the cost of the best short augmenting
   * path from l0: to a right with room, then the sink; or to a full right, one of its holders, and
   * that holder dropped. Such a path exists, so the search still finds the shortest one (of cost at
   * most this), and meanwhile prunes whatever lies beyond it instead of beyond θ — which for a
   * priority left, whose θ counts a whole placement, is almost everything.
   */
  const shortPathBound = (l0: number): void => {
    const sign = leftTierIndex[l0] === 0 ? -1 : 0;
    const pc = pot[2 * l0]!;
    const pw = pot[2 * l0 + 1]!;
    const sc = pot[2 * SOURCE]!;
    const sw = pot[2 * SOURCE + 1]!;
    let bc = st.boundC;
    let bw = st.boundW;
    for (let e = leftStart[l0]!, end = leftStart[l0 + 1]!; e < end; e++) {
      const r = edgeRight[e]!;
      const v = nL + r;
      // l0 → r, then r → (sink →) source or r → holder → source: the sum telescopes to
      // rc(l0 → r) + π(x) − π(source) for x = r (room) or the holder (its edge is tight).
      const rc = sign + pc - pot[2 * v]!;
      let rcw = pw - edgeWeight[e]! - pot[2 * v + 1]!;
      if (rc === 0 && rcw < 0) rcw = 0;
      if (rc > bc) continue;
      if (load[r]! < capacity[r]!) {
        const c = rc + (pot[2 * v]! - sc);
        const w = rcw + (pot[2 * v + 1]! - sw);
        if (c < bc || (c === bc && w < bw)) {
          bc = c;
          bw = w;
        }
        continue;
      }
      for (let i = slotStart[r]!, iend = i + load[r]!; i < iend; i++) {
        const h = slotLeft[i]!;
        const c = rc + (pot[2 * h]! - sc);
        const w = rcw + (pot[2 * h + 1]! - sw);
        if (c < bc || (c === bc && w < bw)) {
          bc = c;
          bw = w;
        }
      }
    }
    if (bc < st.boundC || (bc === st.boundC && bw < st.boundW)) {
      // Just above: a path of exactly this cost must still be accepted.
      st.boundC = bc;
      st.boundW = bw + 1e-9 * (1 + Math.abs(bw));
    }
  };

  /** Adds left l0: one search from it, and an augmentation if one pays (see the method above). */
  const addLeft = (l0: number): void => {
    const start = leftStart[l0]!;
    const end = leftStart[l0 + 1]!;
    const tier0 = leftTierIndex[l0]!;
    const i0 = l0 * K;
    if (start === end) {
      pot.copyWithin(i0, SOURCE * K, SOURCE * K + K);
      return;
    }
    // π(l0) = lexmax over its edges of π(r) + (e_tier, w): every arc out of l0 gets a reduced cost ≥ 0.
    for (let e = start; e < end; e++) {
      const ir = (nL + edgeRight[e]!) * K;
      for (let k = 0; k < K; k++) cand[k] = pot[ir + k]! + (k === W ? edgeWeight[e]! : k === tier0 ? 1 : 0);
      let greater = e === start;
      for (let k = 0; k < K && !greater; k++) {
        if (cand[k] !== pot[i0 + k]) {
          greater = cand[k]! > pot[i0 + k]!;
          break;
        }
      }
      if (greater) pot.set(cand, i0);
    }
    // A path to the source pays only if its reduced length is below θ = π(l0) − π(source).
    let positive = false;
    let decided = false;
    for (let k = 0; k < K; k++) {
      theta[k] = pot[i0 + k]! - pot[SOURCE * K + k]!;
      if (!decided && theta[k] !== 0) {
        positive = theta[k]! > 0;
        decided = true;
      }
    }
    if (!positive) return;
    if (g.leftRank[l0] !== st.phase) {
      st.phase = g.leftRank[l0]!;
      st.aliveKnown = false;
      st.failed = 0;
    }
    let reachable = !st.aliveKnown;
    for (let e = start; e < end && !reachable; e++) reachable = alive[edgeRight[e]!] === 1;
    if (!reachable) {
      // No path can place l0, now or later; its one violated arc (source → l0) is repaired at the end.
      skipped.push(l0);
      probes?.skip?.(l0);
      return;
    }

    // Dijkstra from l0 on reduced costs, stopping at the source or at θ.
    dist.fill(0, i0, i0 + K);
    if (K === 2) {
      st.boundC = theta[0]!;
      st.boundW = theta[1]!;
      shortPathBound(l0);
      probes?.search?.({
        graph: g,
        left: l0,
        theta: [theta[0]!, theta[1]!],
        bound: [st.boundC, st.boundW],
        matchEdge,
        load,
        pot,
        dist,
        relaxed: st.relaxed,
        rightBase: nL,
        source: SOURCE,
      });
    }
    seen[l0] = 1;
    touched[st.touched++] = l0;
    heap.pushOrDecrease(l0);
    let found = false;
    while (heap.size > 0) {
      const u = heap.pop();
      if (!distBelow(u, theta)) break;
      probes?.settle?.(u);
      done[u] = 1;
      settled[st.settled++] = u;
      if (u === SOURCE) {
        found = true;
        break;
      }
      expand(u);
    }

    // Potentials: π(v) += d(v) − D on settled nodes, D = d(source) if found, else θ.
    const D = found ? dist.subarray(SOURCE * K, SOURCE * K + K) : theta;
    for (let i = 0; i < st.settled; i++) {
      const v = settled[i]!;
      for (let k = 0; k < K; k++) pot[v * K + k]! += dist[v * K + k]! - D[k]!;
    }

    if (!found) st.failed++;
    if (!found && !st.aliveKnown && st.failed > nL / 100 && st.phase > firstRank) {
      // A search came back empty: worth finding the dead region once, so that later left nodes
      // who can only reach it are skipped without a search.
      markAlive(st.phase);
      st.aliveKnown = true;
      probes?.alive?.({ graph: g, rank: st.phase, alive, matchEdge, load });
    }
    if (found) {
      // Along the path each left either moves to a new edge (left → right) or is dropped (left →
      // source); rights change hands on reverse arcs and gain one on the arc to the sink.
      let v = SOURCE;
      while (v !== l0) {
        const u = pred[v]!;
        if (u < nL) {
          changedLeft[st.changed] = u;
          changedEdge[st.changed++] = predEdge[v]!; // −1 into the source: dropped
        }
        v = u;
      }
      // Release every old slot before taking new ones, so no right overflows midway.
      for (let i = 0; i < st.changed; i++) {
        const l = changedLeft[i]!;
        const old = matchEdge[l]!;
        if (old < 0) continue;
        const r = edgeRight[old]!;
        const last = slotStart[r]! + --load[r]!;
        const moved = slot[last]!;
        slot[slotOf[l]!] = moved;
        slotLeft[slotOf[l]!] = slotLeft[last]!;
        slotOf[slotLeft[last]!] = slotOf[l]!;
      }
      for (let i = 0; i < st.changed; i++) {
        const l = changedLeft[i]!;
        const e = changedEdge[i]!;
        matchEdge[l] = e;
        if (e < 0) continue;
        const r = edgeRight[e]!;
        const at = slotStart[r]! + load[r]!++;
        slot[at] = e;
        slotLeft[at] = l;
        slotOf[l] = at;
      }
      st.changed = 0;
    }

    heap.clear();
    for (let i = 0; i < st.touched; i++) {
      seen[touched[i]!] = 0;
      done[touched[i]!] = 0;
    }
    st.touched = 0;
    st.settled = 0;
  };

  // Price rounds decide most left nodes, keeping exact duals; the searches then add the rest, in the
  // same order. The rounds keep their prices as potentials π(r) = −price(r) and what staying unplaced
  // is worth as π(source) = π(sink), and a placed left's potential is π(r) + (e_tier, w), its edge
  // tight.
  const state = { matchEdge, load, slot, slotStart, slotLeft, slotOf };
  const {
    decided,
    finished,
    work: roundsWork,
  } = priceRounds(g, order, state, {
    pot,
    rightBase: nL,
    source: SOURCE,
    sink: SINK,
    K,
    lists,
    budget: probes?.bids ?? ROUND_BUDGET * nL,
  });
  probes?.rounds?.({
    graph: g,
    matchEdge,
    load,
    decided,
    finished,
    work: roundsWork,
    pot,
    K,
    rightBase: nL,
    source: SOURCE,
    sink: SINK,
  });
  for (let l = 0; l < nL; l++) if (matchEdge[l]! >= 0) tighten(l);
  // Relaxations the searches may make before the network simplex takes over: none after rounds that
  // stopped short with most lefts undecided (each search would cross much of the graph), no limit
  // on a small graph (its searches cost little whatever their number) or with more numbered tiers
  // than the network simplex takes.
  let undecided = 0;
  for (let l = 0; l < nL; l++) undecided += 1 - decided[l]!;
  const work = HANDOFF * (edgeLeft.length + V);
  let budget = work < SMALL_WORK ? Number.POSITIVE_INFINITY : !finished && 2 * undecided > nL ? 0 : work;
  if (probes?.budget !== undefined) budget = probes.budget;
  if (T > MAX_PACKED_TIERS) budget = Number.POSITIVE_INFINITY;
  for (let i = 0; i < nL; i++) {
    const l = order[i]!;
    if (decided[l] !== 0) continue;
    if (st.relaxed >= budget) {
      let pending = 0;
      for (let j = i; j < nL; j++) pending += 1 - decided[order[j]!]!;
      probes?.handoff?.({ graph: g, matchEdge, pending });
      return simplexFlow(g, matchEdge);
    }
    addLeft(l);
  }
  if (skipped.length > 0) {
    // Repair: labels start at 0 everywhere (a virtual root), at π(source) − π(l) < 0 on a skipped l;
    // Dijkstra settles the negative labels only, then π += label keeps every reduced cost ≥ 0.
    st.floorZero = true;
    st.boundC = Number.POSITIVE_INFINITY;
    st.boundW = Number.POSITIVE_INFINITY;
    for (const l of skipped) {
      for (let k = 0; k < K; k++) cand[k] = pot[SOURCE * K + k]! - pot[l * K + k]!;
      if (!isNegative(cand)) continue;
      dist.set(cand, l * K);
      seen[l] = 1;
      touched[st.touched++] = l;
      heap.pushOrDecrease(l);
    }
    while (heap.size > 0) {
      const u = heap.pop();
      done[u] = 1;
      settled[st.settled++] = u;
      expand(u);
    }
    if (done[SOURCE] === 1) throw new Error('solveOptimal: internal error, a skipped left could be placed');
    for (let i = 0; i < st.settled; i++) {
      const v = settled[i]!;
      for (let k = 0; k < K; k++) pot[v * K + k]! += dist[v * K + k]!;
    }
  }

  return { matchEdge, pot };
}

/**
 * Finishes with the network simplex from a feasible placement, and turns its duals into the
 * solver's potentials: π(l) = u_l, π(r) = −v_r, π(source) = π(sink) = 0.
 */
function simplexFlow(g: CompiledGraph, placed: Int32Array): { matchEdge: Int32Array; pot: Float64Array } {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const T = g.tiers.length;
  const K = Math.max(2, T + 1);
  const simplex = createNetworkSimplex(g);
  simplex.startFrom(placed);
  const { matchEdge, duals } = simplex.solve();
  const pot = new Float64Array((nL + nR + 2) * K);
  for (let l = 0; l < nL; l++) {
    for (let k = 0; k < T; k++) pot[l * K + k] = duals.leftTier[l * T + k]!;
    pot[l * K + K - 1] = duals.leftWeight[l]!;
  }
  for (let r = 0; r < nR; r++) {
    for (let k = 0; k < T; k++) pot[(nL + r) * K + k] = -duals.rightTier[r * T + k]!;
    pot[(nL + r) * K + K - 1] = -duals.rightWeight[r]!;
  }
  return { matchEdge: Int32Array.from(matchEdge), pot };
}

/**
 * The LP duals read off the final potentials, lexicographically: u_l = max(0, π(l) − π(source)),
 * v_r = max(0, π(sink) − π(r)), −0 written as 0.
 */
function typedDualsOf(g: CompiledGraph, pot: Float64Array): TypedDuals {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const T = g.tiers.length;
  // As in the solver: with no numbered tier, two components, the first (count) unused.
  const K = Math.max(2, T + 1);
  const SINK = nL + nR;
  const SOURCE = nL + nR + 1;
  const leftTier = new Float64Array(nL * T);
  const leftWeight = new Float64Array(nL);
  const rightTier = new Float64Array(nR * T);
  const rightWeight = new Float64Array(nR);
  /** Writes π(a) − π(b) when lexicographically positive, else 0, at out[at…] (tier) and w[i]. */
  const dual = (
    a: number,
    b: number,
    tier: Float64Array,
    at: number,
    weight: Float64Array,
    i: number,
  ): void => {
    let sign = 0;
    for (let k = 0; k < K && sign === 0; k++) {
      const x = pot[a * K + k]! - pot[b * K + k]!;
      if (x !== 0) sign = x > 0 ? 1 : -1;
    }
    if (sign <= 0) return;
    for (let k = 0; k < T; k++) tier[at + k] = pot[a * K + k]! - pot[b * K + k]! + 0;
    weight[i] = pot[a * K + K - 1]! - pot[b * K + K - 1]! + 0;
  };
  for (let l = 0; l < nL; l++) dual(l, SOURCE, leftTier, l * T, leftWeight, l);
  for (let r = 0; r < nR; r++) dual(SINK, nL + r, rightTier, r * T, rightWeight, r);
  return { T, leftTier, leftWeight, rightTier, rightWeight };
}

/** The certificate's records from the final potentials (see {@link typedDualsOf}). */
function certificateOf(g: CompiledGraph, pot: Float64Array): OptimalCertificate {
  const d = typedDualsOf(g, pot);
  return dualCertificate(
    g.tiers,
    d.T,
    { ids: g.leftIds, tier: d.leftTier, weight: d.leftWeight },
    { ids: g.rightIds, tier: d.rightTier, weight: d.rightWeight },
  );
}
