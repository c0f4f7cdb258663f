/**
 * Maximum-weight b-matching with tier priority by a primal network simplex that can continue from its
 * basis after new edges are added: the exact solver of column generation, where each pricing round
 * adds the pairs that beat the duals and solves again.
 *
 * @module
 */
import type { TypedDuals } from '../solve-optimal.js';
import type { CompiledGraph } from './compile.js';

/** The result of {@link NetworkSimplex.solve}: the same shapes as `solveOptimalTyped`. */
export interface SimplexResult {
  /**
   * The edge of each left node, −1 for none, in the solver's stable numbering: the graph's own edges
   * keep their indices, and edges added by {@link NetworkSimplex.addEdges} follow in the order added.
   */
  readonly matchEdge: Int32Array;
  /** Duals that certify the optimum, by node position (see `OptimalCertificate`). */
  readonly duals: TypedDuals;
}

/** Counters of the work done so far, for benchmarks and tests. */
export interface SimplexStats {
  /** Pivots that changed the spanning tree. */
  readonly pivots: number;
  /** Of those, pivots that moved no flow. */
  readonly degenerate: number;
  /** Entering arcs that went from one bound to the other without changing the tree. */
  readonly flips: number;
  /** Arcs priced. */
  readonly priced: number;
  /** Nodes whose potential was recomputed after a pivot. */
  readonly moved: number;
  /** Tree arcs walked to find the join and the leaving arc. */
  readonly walked: number;
}

/** A network simplex solver of one graph, whose edges may grow between solves. */
export interface NetworkSimplex {
  /**
   * Solves to optimality from the current basis (the first call from an all-unplaced start), and
   * returns the placement and its duals. May be called again after {@link NetworkSimplex.addEdges}.
   */
  solve(): SimplexResult;
  /**
   * Adds edges between existing nodes (indices into the graph's `leftIds` and `rightIds`). They enter
   * the current basis as non-basic arcs without flow, which keeps it primal feasible, so the next
   * {@link NetworkSimplex.solve} continues from it. Their numbers follow the existing edges in order.
   * A pair that is already an edge becomes a parallel arc (harmless to the solver, but the union is
   * then not a graph `verifyAssignment` accepts).
   *
   * @throws RangeError on an index out of range, a non-finite weight or arrays of unequal length.
   */
  addEdges(left: Int32Array, right: Int32Array, weight: Float64Array): void;
  /**
   * Makes a feasible placement the current basis (the edge of each left, −1 for none, in the stable
   * numbering), so that the next {@link NetworkSimplex.solve} continues from it rather than from
   * everyone unplaced: a plan that differs a little from a known one is then a few pivots away.
   * The tree is strongly feasible: a right with room hangs from the sink; a full right hangs below
   * one of its lefts, which hangs from the sink by its bypass (without flow).
   *
   * @throws RangeError when an edge is out of range or not the left's own, or a right would take
   *   more than its capacity.
   */
  startFrom(matchEdge: Int32Array): void;
  /** Number of edges, the graph's and those added. */
  readonly edgeCount: number;
  /** Left node of each edge, in the stable numbering (a view, valid until the next `addEdges`). */
  edgeLeft(): Int32Array;
  /** Right node of each edge, in the stable numbering (a view, valid until the next `addEdges`). */
  edgeRight(): Int32Array;
  /** Weight of each edge, in the stable numbering (a view, valid until the next `addEdges`). */
  edgeWeight(): Float64Array;
  readonly stats: SimplexStats;
  /**
   * A copy of the solver's state: arcs, flows, states and the spanning tree's records, for tests
   * that check the tree's invariants (structure, strong feasibility, potentials).
   *
   * @internal
   */
  snapshot(): SimplexSnapshot;
}

/**
 * The state of a {@link NetworkSimplex}, copied. Nodes are the lefts, then the rights, then the sink
 * (the root); arcs are the lefts' bypasses, the rights' arcs to the sink, then the edges.
 *
 * @internal
 */
export interface SimplexSnapshot {
  readonly nL: number;
  readonly nR: number;
  readonly capacity: Int32Array;
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Per arc: packed tier part, weight part. */
  readonly cost: Float64Array;
  readonly flow: Int32Array;
  /** Per arc: 0 in the tree (or never to enter), 1 at its lower bound, −1 at its upper bound. */
  readonly state: Int8Array;
  /** Per node (−1 for the root where there is none). */
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly thread: Int32Array;
  readonly rev: Int32Array;
  readonly size: Int32Array;
  readonly last: Int32Array;
  /** 1: the tree arc leaves the node (towards its parent); −1: it enters it. */
  readonly dir: Int32Array;
  /** Per node: potential (packed tier part, weight part) and its offset from the parent's. */
  readonly potTier: Float64Array;
  readonly potWeight: Float64Array;
  readonly offsetTier: Float64Array;
  readonly offsetWeight: Float64Array;
  /** The bound kept on every |weight part| of a potential, and the largest |edge weight|. */
  readonly maxPotential: number;
  readonly maxWeight: number;
}

/** Arc states: in the spanning tree (or never to enter), at its lower bound, at its upper bound. */
const TREE = 0;
const LOWER = 1;
const UPPER = -1;
/** Direction of a node's tree arc: towards its parent (the arc leaves the node) or away from it. */
const UP = 1;
const DOWN = -1;
/** Capacity of an arc without one (every arc but a right's); no flow ever comes near it. */
const INF = 0x7fffffff;
/**
 * Radix of the packed tier part. A tier vector of a potential has entries in {−1, 0, 1} and one of a
 * reduced cost entries in [−2, 2] (see {@link createNetworkSimplex}), so in balanced base 5 the
 * packed integer has the sign of the vector's first non-zero entry.
 */
const BASE = 5;
/**
 * The most numbered tiers the packed tier part holds: |packed| ≤ (5^T − 1)/2 stays an exact integer
 * and the unpacking's rounded divisions by 5 stay exact for T ≤ 22.
 */
export const MAX_PACKED_TIERS = 22;
/** Unit roundoff of a double. */
const UNIT_ROUNDOFF = 2 ** -53;
/**
 * Pricing block size per √(arc count). LEMON uses 1; on the planner's cores a quarter of that
 * prices half as many arcs for 45% more (mostly degenerate, cheap) pivots, and is faster overall.
 */
const BLOCK_FACTOR = 0.25;

// The spanning tree is kept as LEMON keeps it, node-major: one record of 8 integers per node, so
// that a pivot's walks and the re-potentialing of a subtree touch one cache line per node.
/** Integers per node record. */
const TS = 8;
/** The parent, or −1 for the root. */
const PARENT = 0;
/** The arc joining the node to its parent. */
const PRED = 1;
/** The next node in preorder (the root's is the first node; the last's is the root). */
const THREAD = 2;
/** The previous node in preorder. */
const REV = 3;
/** The size of the node's subtree. */
const SUCC = 4;
/** The last node of the node's subtree in preorder. */
const LAST = 5;
/** UP or DOWN: the direction of PRED. */
const DIR = 6;
// Potentials, also node-major: 4 doubles per node, the potential's packed tier part and weight
// part, then the offset from the parent's (π(x) = π(parent) + offset), so that the subtree update
// reads the node's record and its parent's, which preorder has just written.
/** Doubles per potential record. */
const PS = 4;

/**
 * Creates a network simplex solver for a compiled graph (see {@link NetworkSimplex}).
 *
 * The problem is `solveOptimal`'s: placements per numbered tier (smallest first), then total weight.
 * As a min-cost flow: each left node supplies one unit, which goes either along an edge l → r (cost
 * `−(e_tier, weight)`, a vector) and then r → t (capacity `capacity[r]`, cost 0), or along its own
 * bypass l → t (cost 0: unplaced); the sink t, the root of the spanning tree, takes them all. Only
 * the arcs r → t have a finite capacity, and every node but t has a path to it, so the all-bypass
 * start is feasible without artificial arcs.
 *
 * Costs and potentials are vectors `(tier part, weight part)` compared lexicographically. Tree
 * potentials are path sums from t (π(t) = 0), and on this graph every path from t alternates rights
 * and lefts, so the tier part of a right's potential is 0 or −e_k and a left's e_k, e_k − e_j or 0:
 * entries in {−1, 0, 1}, and of any reduced cost in [−2, 2]. The tier part is therefore packed
 * exactly into one integer-valued double in balanced base 5 (one digit per tier, the first tier
 * most significant), whose sign is the vector's lexicographic sign; the weight part stays a double
 * beside it. No big-M, and the tier part is exact.
 *
 * Pivots: block search (LEMON's rule: price arcs in blocks of about √A from where the last search
 * stopped, take the most violating arc of the first block that has one) and Cunningham's leaving
 * rule (the last blocking arc round the cycle from the join), which keeps the tree strongly
 * feasible; with every entering arc improving, no tree repeats, so the pivots cannot cycle however
 * degenerate the problem (and it is: most pivots move no flow).
 *
 * Rounding: a potential's weight part is recomputed from its parent's after every pivot rather than
 * shifted, so it is always the rounded path sum from t, off by at most u·depth·max|π| (u the unit
 * roundoff), and a reduced cost by at most ε = u·(2V + 4)·max(max|π|, max|weight|). An arc enters
 * only when its reduced cost is below −ε in the weight part (or below 0 in the exact tier part), so
 * every entering arc is improving in exact arithmetic and the argument against cycling holds; at the
 * end every reduced cost is at least −ε, far inside `verifyAssignment`'s tolerance.
 *
 * Complexity: O(L + R + E) time and space to build; a pivot prices a block of O(√A) arcs (A = L +
 * R + E) or more when blocks come up empty, then walks the cycle and re-potentials the subtree that
 * moves. Strongly feasible trees bound the number of pivots only exponentially in theory; in
 * practice they grow about linearly with the placements to make or change.
 *
 * @param g - A compiled, validated graph with at most {@link MAX_PACKED_TIERS} numbered tiers.
 * @throws RangeError when the graph has more numbered tiers than that.
 */
export function createNetworkSimplex(g: CompiledGraph): NetworkSimplex {
  if (g.tiers.length > MAX_PACKED_TIERS) {
    throw new RangeError(
      `network simplex: ${g.tiers.length} numbered tiers, at most ${MAX_PACKED_TIERS} are supported`,
    );
  }
  return new Simplex(g);
}

class Simplex implements NetworkSimplex {
  private readonly nL: number;
  private readonly nR: number;
  /** The sink t, root of the spanning tree; nodes are lefts, then rights, then t. */
  private readonly root: number;
  private readonly T: number;
  /** Packed tier cost of an edge of each left: −5^(T−1−tier), 0 for a `null` tier. */
  private readonly leftTierCost: Float64Array;
  private readonly capacity: Int32Array;

  // Arcs: the bypasses l → t (arc l), the rights' arcs r → t (arc nL + r), then the edges (arc
  // nL + nR + e). Grown by addEdges, so not readonly.
  private arcCount: number;
  private source: Int32Array;
  private target: Int32Array;
  /** Interleaved per arc: packed tier part, weight part. */
  private cost: Float64Array;
  private flow: Int32Array;
  private state: Int8Array;
  private eLeft: Int32Array;
  private eRight: Int32Array;
  private eWeight: Float64Array;
  private edges = 0;
  /** Largest |weight| of an edge. */
  private maxWeight = 0;

  /** Node records of the spanning tree (see PARENT … DIR). */
  private readonly tree: Int32Array;
  /** Potential records (see PS). */
  private readonly pot: Float64Array;
  /** Scratch of the tree update: nodes whose successor in preorder changed. */
  private readonly dirty: Int32Array;
  /** An upper bound on every |weight part| a potential has had (bounds the rounding error). */
  private maxPotential = 0;
  /** Where the next pricing block starts. */
  private nextArc = 0;
  /** ε per unit of max(max|π|, max|weight|): the rounding bound u·(2V + 4) (see createNetworkSimplex). */
  private readonly epsPerScale: number;
  /** The current pivot's flow change and the node whose tree arc leaves (set by findLeaving). */
  private delta = 0;
  private uOut = -1;

  private pivotCount = 0;
  private degenerateCount = 0;
  private flipCount = 0;
  private pricedCount = 0;
  private movedCount = 0;
  private walkedCount = 0;

  constructor(g: CompiledGraph) {
    const nL = g.leftIds.length;
    const nR = g.rightIds.length;
    const m = g.edgeLeft.length;
    const T = g.tiers.length;
    const root = nL + nR;
    this.nL = nL;
    this.nR = nR;
    this.root = root;
    this.T = T;
    this.capacity = g.capacity;
    this.leftTierCost = new Float64Array(nL);
    for (let l = 0; l < nL; l++) {
      const t = g.leftTierIndex[l]!;
      this.leftTierCost[l] = t < 0 ? 0 : -(BASE ** (T - 1 - t));
    }

    const A = nL + nR + m;
    this.arcCount = nL + nR;
    this.source = new Int32Array(A);
    this.target = new Int32Array(A);
    this.cost = new Float64Array(2 * A);
    this.flow = new Int32Array(A);
    this.state = new Int8Array(A);
    this.eLeft = new Int32Array(m);
    this.eRight = new Int32Array(m);
    this.eWeight = new Float64Array(m);
    for (let v = 0; v < root; v++) {
      this.source[v] = v;
      this.target[v] = root;
    }
    for (let l = 0; l < nL; l++) this.flow[l] = 1;
    this.appendEdges(g.edgeLeft, g.edgeRight, g.edgeWeight);

    // The start: every left on its bypass (flow 1, towards the root), every right on its arc to t
    // (flow 0, towards the root), all potentials 0. A tree arc without flow points to the root and
    // none is full, so the tree is strongly feasible — except a right of capacity 0, whose arc is
    // both; its edges never enter (state TREE), so it stays a leaf of t that no cycle passes through.
    const V = root + 1;
    const t = new Int32Array(V * TS);
    for (let v = 0; v < root; v++) {
      const i = v * TS;
      t[i + PARENT] = root;
      t[i + PRED] = v;
      t[i + THREAD] = v + 1;
      t[(v + 1) * TS + REV] = v;
      t[i + SUCC] = 1;
      t[i + LAST] = v;
      t[i + DIR] = UP;
    }
    const r = root * TS;
    t[r + PARENT] = -1;
    t[r + PRED] = -1;
    t[r + THREAD] = root > 0 ? 0 : root;
    t[(root > 0 ? 0 : root) * TS + REV] = root;
    t[r + SUCC] = V;
    t[r + LAST] = root > 0 ? root - 1 : root;
    this.tree = t;
    this.pot = new Float64Array(V * PS);
    this.epsPerScale = UNIT_ROUNDOFF * (2 * V + 4);
    this.dirty = new Int32Array(V);
  }

  get edgeCount(): number {
    return this.edges;
  }
  edgeLeft(): Int32Array {
    return this.eLeft.subarray(0, this.edges);
  }
  edgeRight(): Int32Array {
    return this.eRight.subarray(0, this.edges);
  }
  edgeWeight(): Float64Array {
    return this.eWeight.subarray(0, this.edges);
  }
  get stats(): SimplexStats {
    return {
      pivots: this.pivotCount,
      degenerate: this.degenerateCount,
      flips: this.flipCount,
      priced: this.pricedCount,
      moved: this.movedCount,
      walked: this.walkedCount,
    };
  }

  snapshot(): SimplexSnapshot {
    const V = this.root + 1;
    const A = this.arcCount;
    const field = (f: number): Int32Array => Int32Array.from({ length: V }, (_, v) => this.tree[v * TS + f]!);
    const pot = (f: number): Float64Array =>
      Float64Array.from({ length: V }, (_, v) => this.pot[v * PS + f]!);
    return {
      nL: this.nL,
      nR: this.nR,
      capacity: this.capacity.slice(),
      source: this.source.slice(0, A),
      target: this.target.slice(0, A),
      cost: this.cost.slice(0, 2 * A),
      flow: this.flow.slice(0, A),
      state: this.state.slice(0, A),
      parent: field(PARENT),
      pred: field(PRED),
      thread: field(THREAD),
      rev: field(REV),
      size: field(SUCC),
      last: field(LAST),
      dir: field(DIR),
      potTier: pot(0),
      potWeight: pot(1),
      offsetTier: pot(2),
      offsetWeight: pot(3),
      maxPotential: this.maxPotential,
      maxWeight: this.maxWeight,
    };
  }

  addEdges(left: Int32Array, right: Int32Array, weight: Float64Array): void {
    const k = left.length;
    if (right.length !== k || weight.length !== k) {
      throw new RangeError('addEdges: left, right and weight must have the same length');
    }
    for (let i = 0; i < k; i++) {
      const l = left[i]!;
      const r = right[i]!;
      if (!(l >= 0 && l < this.nL && r >= 0 && r < this.nR && Number.isFinite(weight[i]!))) {
        throw new RangeError(`addEdges: edge ${i} (${l}, ${r}, ${weight[i]}) is out of range`);
      }
    }
    this.appendEdges(left, right, weight);
  }

  /** Appends edges as arcs at their lower bound, growing the arrays geometrically. */
  private appendEdges(left: Int32Array, right: Int32Array, weight: Float64Array): void {
    const k = left.length;
    const arcs = this.arcCount + k;
    if (arcs > this.source.length) {
      const size = Math.max(arcs, Math.ceil(this.source.length * 1.5));
      this.source = grown(this.source, size, this.arcCount);
      this.target = grown(this.target, size, this.arcCount);
      this.cost = grown(this.cost, 2 * size, 2 * this.arcCount);
      this.flow = grown(this.flow, size, this.arcCount);
      this.state = grown(this.state, size, this.arcCount);
    }
    const edges = this.edges + k;
    if (edges > this.eLeft.length) {
      const size = Math.max(edges, Math.ceil(this.eLeft.length * 1.5));
      this.eLeft = grown(this.eLeft, size, this.edges);
      this.eRight = grown(this.eRight, size, this.edges);
      this.eWeight = grown(this.eWeight, size, this.edges);
    }
    const { nL, source, target, cost, flow, state, capacity, leftTierCost, eLeft, eRight, eWeight } = this;
    let maxWeight = this.maxWeight;
    for (let i = 0; i < k; i++) {
      const l = left[i]!;
      const r = right[i]!;
      const w = weight[i]!;
      const a = this.arcCount + i;
      source[a] = l;
      target[a] = nL + r;
      cost[2 * a] = leftTierCost[l]!;
      cost[2 * a + 1] = -w;
      flow[a] = 0;
      state[a] = capacity[r]! > 0 ? LOWER : TREE;
      const e = this.edges + i;
      eLeft[e] = l;
      eRight[e] = r;
      eWeight[e] = w;
      if (Math.abs(w) > maxWeight) maxWeight = Math.abs(w);
    }
    this.maxWeight = maxWeight;
    this.arcCount = arcs;
    this.edges = edges;
  }

  startFrom(matchEdge: Int32Array): void {
    const { nL, nR, root, capacity, eLeft, eRight, cost } = this;
    if (matchEdge.length !== nL) throw new RangeError('startFrom: one edge per left node is needed');
    const edgeBase = nL + nR;
    const load = new Int32Array(nR);
    for (let l = 0; l < nL; l++) {
      const e = matchEdge[l]!;
      if (e < 0) continue;
      if (!(e < this.edges && eLeft[e] === l))
        throw new RangeError(`startFrom: edge ${e} is not an edge of left ${l}`);
      const r = eRight[e]!;
      if (++load[r]! > capacity[r]!)
        throw new RangeError(`startFrom: right ${r} would take more than its capacity ${capacity[r]}`);
    }
    // Flows and states: the lefts' units on their edges or bypasses, the rights' loads.
    const { flow, state } = this;
    for (let l = 0; l < nL; l++) {
      flow[l] = matchEdge[l]! < 0 ? 1 : 0;
      state[l] = matchEdge[l]! < 0 ? TREE : LOWER;
    }
    for (let r = 0; r < nR; r++) {
      flow[nL + r] = load[r]!;
      state[nL + r] = load[r]! < capacity[r]! || capacity[r] === 0 ? TREE : UPPER;
    }
    for (let e = 0; e < this.edges; e++) {
      flow[edgeBase + e] = 0;
      state[edgeBase + e] = capacity[eRight[e]!]! > 0 ? LOWER : TREE;
    }
    // Each full right's bridge: its least valuable left (its price is then that left's value, the
    // least a right that is full can be worth), which hangs from the sink by its bypass.
    const bridge = new Int32Array(nR).fill(-1);
    const parent = new Int32Array(root + 1);
    const pred = new Int32Array(root + 1);
    const dir = new Int8Array(root + 1);
    for (let l = 0; l < nL; l++) {
      const e = matchEdge[l]!;
      if (e < 0) continue;
      flow[edgeBase + e] = 1;
      state[edgeBase + e] = TREE;
      const r = eRight[e]!;
      if (state[nL + r] !== UPPER) continue;
      const b = bridge[r]!;
      const a = edgeBase + e;
      const ab = b < 0 ? -1 : edgeBase + matchEdge[b]!;
      if (
        b < 0 ||
        cost[2 * a]! > cost[2 * ab]! ||
        (cost[2 * a] === cost[2 * ab] && cost[2 * a + 1]! > cost[2 * ab + 1]!)
      )
        bridge[r] = l;
    }
    // Every left's tree arc leaves it: its bypass to the sink, or its edge to its right.
    dir.fill(UP, 0, nL);
    for (let l = 0; l < nL; l++) {
      const e = matchEdge[l]!;
      if (e < 0 || bridge[eRight[e]!] === l) {
        parent[l] = root;
        pred[l] = l;
        state[l] = TREE;
      } else {
        parent[l] = nL + eRight[e]!;
        pred[l] = edgeBase + e;
      }
    }
    for (let r = 0; r < nR; r++) {
      const b = bridge[r]!;
      if (b < 0) {
        parent[nL + r] = root;
        pred[nL + r] = nL + r;
        dir[nL + r] = UP;
      } else {
        parent[nL + r] = b;
        pred[nL + r] = edgeBase + matchEdge[b]!;
        dir[nL + r] = DOWN;
      }
    }
    // Preorder: children listed by parent (counting sort), then a depth-first walk from the sink.
    const V = root + 1;
    const childStart = new Int32Array(V + 1);
    for (let v = 0; v < root; v++) childStart[parent[v]! + 1]! += 1;
    for (let v = 0; v < V; v++) childStart[v + 1]! += childStart[v]!;
    const children = new Int32Array(root);
    const fill = childStart.slice(0, V);
    for (let v = 0; v < root; v++) children[fill[parent[v]!]!++] = v;
    const t = this.tree;
    const q = this.pot;
    const order = new Int32Array(V);
    const stack = new Int32Array(V);
    let n = 0;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top]!;
      order[n++] = v;
      for (let k = childStart[v + 1]! - 1; k >= childStart[v]!; k--) stack[top++] = children[k]!;
    }
    for (let i = 0; i < V; i++) {
      const v = order[i]!;
      const vi = v * TS;
      t[vi + PARENT] = v === root ? -1 : parent[v]!;
      t[vi + PRED] = v === root ? -1 : pred[v]!;
      t[vi + DIR] = v === root ? 0 : dir[v]!;
      t[vi + THREAD] = order[(i + 1) % V]!;
      t[vi + REV] = order[(i + V - 1) % V]!;
      t[vi + SUCC] = 1;
      t[vi + LAST] = v;
    }
    // Subtree sizes and last nodes, children before parents (preorder read backwards).
    for (let i = V - 1; i > 0; i--) {
      const v = order[i]!;
      const pi = parent[v]! * TS;
      t[pi + SUCC] = t[pi + SUCC]! + t[v * TS + SUCC]!;
    }
    for (let i = 0; i < V; i++) {
      const v = order[i]!;
      t[v * TS + LAST] = order[i + t[v * TS + SUCC]! - 1]!;
    }
    // Potentials: each node's offset from its parent makes its tree arc's reduced cost 0.
    let maxPot = 0;
    q.fill(0, root * PS, root * PS + PS);
    for (let i = 1; i < V; i++) {
      const v = order[i]!;
      const a = pred[v]!;
      const d = dir[v]!;
      const vq = v * PS;
      const pq = parent[v]! * PS;
      q[vq + 2] = -d * cost[2 * a]!;
      q[vq + 3] = -d * cost[2 * a + 1]!;
      q[vq] = q[pq]! + q[vq + 2]!;
      const w = q[pq + 1]! + q[vq + 3]!;
      q[vq + 1] = w;
      if (Math.abs(w) > maxPot) maxPot = Math.abs(w);
    }
    this.maxPotential = Math.max(this.maxPotential, maxPot);
    this.nextArc = 0;
  }

  solve(): SimplexResult {
    this.run();
    return { matchEdge: this.matching(), duals: this.dualsOf() };
  }

  /**
   * Pivots until no arc prices in (see {@link createNetworkSimplex} for the rules). Each step of a
   * pivot is its own small method: V8 optimises them apart, so a branch first taken late (a rare
   * case of the tree update, say) deoptimises that step alone and not the whole loop.
   */
  private run(): void {
    const block = Math.max(10, Math.ceil(BLOCK_FACTOR * Math.sqrt(this.arcCount)));
    if (this.nextArc >= this.arcCount) this.nextArc = 0;
    for (;;) {
      const inArc = this.price(block);
      if (inArc < 0) return;
      const join = this.findJoin(inArc);
      const result = this.findLeaving(inArc, join);
      const inState = this.state[inArc]!;
      if (this.delta > 0) this.push(inArc, join, inState * this.delta);
      if (result === 0) {
        // The entering arc is its own bottleneck: it goes to its other bound, the tree stays.
        this.state[inArc] = -inState;
        this.flipCount++;
        continue;
      }
      const first = inState === LOWER ? this.source[inArc]! : this.target[inArc]!;
      const second = inState === LOWER ? this.target[inArc]! : this.source[inArc]!;
      const uIn = result === 1 ? first : second;
      const vIn = result === 1 ? second : first;
      const uOut = this.uOut;
      const outArc = this.tree[uOut * TS + PRED]!;
      this.state[inArc] = TREE;
      this.state[outArc] = this.flow[outArc] === 0 ? LOWER : UPPER;
      this.pivotCount++;
      if (this.delta === 0) this.degenerateCount++;
      this.rehang(inArc, join, uIn, vIn, uOut);
      this.repotential(uIn);
    }
  }

  /**
   * Block search from `nextArc`: the most violating arc (lexicographically least reduced cost,
   * signed by the arc's state) of the first block of `block` arcs that has one, or −1 when no arc
   * violates by more than the rounding bound ε.
   */
  private price(block: number): number {
    const { nL, nR, source, target, cost, state, pot: q } = this;
    const A = this.arcCount;
    const rightEnd = nL + nR;
    const scale = this.maxPotential > this.maxWeight ? this.maxPotential : this.maxWeight;
    let minP = 0;
    let minW = -this.epsPerScale * scale;
    let inArc = -1;
    let a = this.nextArc;
    let count = block;
    let scanned = 0;
    while (scanned < A) {
      // One stretch of arcs of one kind, to the end of its kind or of the block.
      const kindEnd = a < nL ? nL : a < rightEnd ? rightEnd : A;
      const stop = kindEnd - a < count ? kindEnd : a + count;
      const from = a;
      if (a >= rightEnd) {
        // Edges: never at an upper bound (no capacity), so the state is TREE or LOWER.
        for (; a < stop; a++) {
          if (state[a] === TREE) continue;
          const u = source[a]! * PS;
          const v = target[a]! * PS;
          const cP = cost[2 * a]! + q[u]! - q[v]!;
          if (cP <= minP) {
            const cW = cost[2 * a + 1]! + q[u + 1]! - q[v + 1]!;
            if (cP < minP || cW < minW) {
              minP = cP;
              minW = cW;
              inArc = a;
            }
          }
        }
      } else if (a < nL) {
        // Bypasses l → t: cost 0 and π(t) = 0, so the reduced cost is π(l); never at an upper bound.
        for (; a < stop; a++) {
          if (state[a] === TREE) continue;
          const cP = q[a * PS]!;
          if (cP <= minP) {
            const cW = q[a * PS + 1]!;
            if (cP < minP || cW < minW) {
              minP = cP;
              minW = cW;
              inArc = a;
            }
          }
        }
      } else {
        // Rights' arcs r → t: reduced cost π(r), signed by the state.
        for (; a < stop; a++) {
          const s = state[a]!;
          if (s === TREE) continue;
          const cP = s * q[a * PS]!;
          if (cP <= minP) {
            const cW = s * q[a * PS + 1]!;
            if (cP < minP || cW < minW) {
              minP = cP;
              minW = cW;
              inArc = a;
            }
          }
        }
      }
      scanned += a - from;
      count -= a - from;
      if (a === A) a = 0;
      if (count === 0) {
        if (inArc >= 0) break;
        count = block;
      }
    }
    this.pricedCount += scanned;
    this.nextArc = a;
    return inArc;
  }

  /** The join: where the tree paths from the entering arc's ends meet (the smaller subtree climbs). */
  private findJoin(inArc: number): number {
    const t = this.tree;
    let u = this.source[inArc]!;
    let v = this.target[inArc]!;
    let walked = 0;
    while (u !== v) {
      if (t[u * TS + SUCC]! < t[v * TS + SUCC]!) u = t[u * TS + PARENT]!;
      else v = t[v * TS + PARENT]!;
      walked++;
    }
    this.walkedCount += walked;
    return u;
  }

  /**
   * The leaving arc (Cunningham): the last blocking arc met going round the cycle in the direction
   * of the flow change, from the join, so that the tree stays strongly feasible. Sets `delta` and
   * `uOut` (the node whose tree arc leaves) and returns 1 or 2 for the side of the cycle it is on
   * (from the entering arc's tail or head, in the flow's direction), 0 when the entering arc itself
   * blocks first.
   */
  private findLeaving(inArc: number, join: number): number {
    const { nL, nR, capacity, flow, tree: t } = this;
    const rightEnd = nL + nR;
    const lower = this.state[inArc] === LOWER;
    const first = lower ? this.source[inArc]! : this.target[inArc]!;
    const second = lower ? this.target[inArc]! : this.source[inArc]!;
    let delta = inArc >= nL && inArc < rightEnd ? capacity[inArc - nL]! : INF;
    let result = 0;
    let uOut = -1;
    for (let x = first; x !== join; x = t[x * TS + PARENT]!) {
      const e = t[x * TS + PRED]!;
      let d = flow[e]!;
      if (t[x * TS + DIR] === DOWN) d = e >= nL && e < rightEnd ? capacity[e - nL]! - d : INF;
      if (d < delta) {
        delta = d;
        uOut = x;
        result = 1;
      }
    }
    for (let x = second; x !== join; x = t[x * TS + PARENT]!) {
      const e = t[x * TS + PRED]!;
      let d = flow[e]!;
      if (t[x * TS + DIR] === UP) d = e >= nL && e < rightEnd ? capacity[e - nL]! - d : INF;
      if (d <= delta) {
        delta = d;
        uOut = x;
        result = 2;
      }
    }
    // Every cycle runs against some arc (the graph has no directed cycle), whose flow bounds delta.
    if (delta >= INF) throw new Error('network simplex: internal error, unbounded cycle');
    this.delta = delta;
    this.uOut = uOut;
    return result;
  }

  /** Pushes `val` units (signed by the entering arc's state) round the cycle. */
  private push(inArc: number, join: number, val: number): void {
    const { flow, tree: t } = this;
    flow[inArc] = flow[inArc]! + val;
    for (let x = this.source[inArc]!; x !== join; x = t[x * TS + PARENT]!) {
      const e = t[x * TS + PRED]!;
      flow[e] = flow[e]! - t[x * TS + DIR]! * val;
    }
    for (let x = this.target[inArc]!; x !== join; x = t[x * TS + PARENT]!) {
      const e = t[x * TS + PRED]!;
      flow[e] = flow[e]! + t[x * TS + DIR]! * val;
    }
  }

  /**
   * Re-hangs the subtree: the stem from uIn up to uOut is reversed and hung below vIn by the entering
   * arc (LEMON's update of the thread, subtree sizes and last successors), and each stem node's
   * offset from its new parent set.
   */
  private rehang(inArc: number, join: number, uIn: number, vIn: number, uOut: number): void {
    const { tree: t, pot: q, dirty, cost } = this;
    const inDir = uIn === this.source[inArc] ? UP : DOWN;
    const ui = uIn * TS;
    const uo = uOut * TS;
    const oldRevThread = t[uo + REV]!;
    const oldSuccNum = t[uo + SUCC]!;
    const oldLastSucc = t[uo + LAST]!;
    const vOut = t[uo + PARENT]!;
    if (uIn === uOut) {
      t[ui + PARENT] = vIn;
      t[ui + PRED] = inArc;
      t[ui + DIR] = inDir;
      if (t[vIn * TS + THREAD] !== uOut) {
        let after = t[oldLastSucc * TS + THREAD]!;
        t[oldRevThread * TS + THREAD] = after;
        t[after * TS + REV] = oldRevThread;
        after = t[vIn * TS + THREAD]!;
        t[vIn * TS + THREAD] = uOut;
        t[uo + REV] = vIn;
        t[oldLastSucc * TS + THREAD] = after;
        t[after * TS + REV] = oldLastSucc;
      }
    } else {
      // When oldRevThread is vIn (then the join is vOut), the thread continues after uOut's subtree.
      const threadContinue = oldRevThread === vIn ? t[oldLastSucc * TS + THREAD]! : t[vIn * TS + THREAD]!;
      let stem = uIn;
      let parStem = vIn;
      let last = t[ui + LAST]!;
      let after = t[last * TS + THREAD]!;
      t[vIn * TS + THREAD] = uIn;
      let nDirty = 0;
      dirty[nDirty++] = vIn;
      while (stem !== uOut) {
        const si = stem * TS;
        const nextStem = t[si + PARENT]!;
        t[last * TS + THREAD] = nextStem;
        dirty[nDirty++] = last;
        const before = t[si + REV]!;
        t[before * TS + THREAD] = after;
        t[after * TS + REV] = before;
        t[si + PARENT] = parStem;
        parStem = stem;
        stem = nextStem;
        const lastStem = t[stem * TS + LAST]!;
        last = lastStem === t[parStem * TS + LAST] ? t[parStem * TS + REV]! : lastStem;
        after = t[last * TS + THREAD]!;
      }
      t[uo + PARENT] = parStem;
      t[last * TS + THREAD] = threadContinue;
      t[threadContinue * TS + REV] = last;
      t[uo + LAST] = last;
      if (oldRevThread !== vIn) {
        t[oldRevThread * TS + THREAD] = after;
        t[after * TS + REV] = oldRevThread;
      }
      for (let i = 0; i < nDirty; i++) {
        const x = dirty[i]!;
        t[t[x * TS + THREAD]! * TS + REV] = x;
      }
      // Down the reversed stem each node takes its old child's arc, in the other direction, so its
      // offset from its new parent is the child's old offset negated.
      let sc = 0;
      const ls = t[uo + LAST]!;
      for (let x = uOut, p = t[uo + PARENT]!; x !== uIn; x = p, p = t[x * TS + PARENT]!) {
        const xi = x * TS;
        const pi = p * TS;
        t[xi + PRED] = t[pi + PRED]!;
        t[xi + DIR] = -t[pi + DIR]!;
        q[x * PS + 2] = -q[p * PS + 2]!;
        q[x * PS + 3] = -q[p * PS + 3]!;
        sc += t[xi + SUCC]! - t[pi + SUCC]!;
        t[xi + SUCC] = sc;
        t[pi + LAST] = ls;
      }
      t[ui + PRED] = inArc;
      t[ui + DIR] = inDir;
      t[ui + SUCC] = oldSuccNum;
    }
    q[uIn * PS + 2] = -inDir * cost[2 * inArc]!;
    q[uIn * PS + 3] = -inDir * cost[2 * inArc + 1]!;
    const upLimitOut = t[join * TS + LAST] === vIn ? join : -1;
    const lastSuccOut = t[uo + LAST]!;
    for (let x = vIn; x !== -1 && t[x * TS + LAST] === vIn; x = t[x * TS + PARENT]!) {
      t[x * TS + LAST] = lastSuccOut;
    }
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let x = vOut; x !== upLimitOut && t[x * TS + LAST] === oldLastSucc; x = t[x * TS + PARENT]!) {
        t[x * TS + LAST] = oldRevThread;
      }
    } else if (lastSuccOut !== oldLastSucc) {
      for (let x = vOut; x !== upLimitOut && t[x * TS + LAST] === oldLastSucc; x = t[x * TS + PARENT]!) {
        t[x * TS + LAST] = lastSuccOut;
      }
    }
    for (let x = vIn; x !== join; x = t[x * TS + PARENT]!) t[x * TS + SUCC] = t[x * TS + SUCC]! + oldSuccNum;
    for (let x = vOut; x !== join; x = t[x * TS + PARENT]!) t[x * TS + SUCC] = t[x * TS + SUCC]! - oldSuccNum;
  }

  /**
   * Potentials of the subtree of uIn, recomputed from each parent in preorder rather than shifted by
   * a common delta: each is then the rounded path sum from the root, a function of the tree alone,
   * and rounding does not pile up over pivots.
   */
  private repotential(uIn: number): void {
    const { tree: t, pot: q } = this;
    let maxPot = this.maxPotential;
    const end = t[t[uIn * TS + LAST]! * TS + THREAD]!;
    this.movedCount += t[uIn * TS + SUCC]!;
    for (let x = uIn; x !== end; x = t[x * TS + THREAD]!) {
      const xq = x * PS;
      const pq = t[x * TS + PARENT]! * PS;
      q[xq] = q[pq]! + q[xq + 2]!;
      const w = q[pq + 1]! + q[xq + 3]!;
      q[xq + 1] = w;
      if (w > maxPot) maxPot = w;
      else if (-w > maxPot) maxPot = -w;
    }
    this.maxPotential = maxPot;
  }

  /** The edge carrying each left's unit, −1 for its bypass. */
  private matching(): Int32Array {
    const base = this.nL + this.nR;
    const out = new Int32Array(this.nL).fill(-1);
    for (let e = 0; e < this.edges; e++) if (this.flow[base + e]! > 0) out[this.eLeft[e]!] = e;
    return out;
  }

  /**
   * The duals u_l = max(0, π(l) − π(t)) and v_r = max(0, π(t) − π(r)) with π(t) = 0, unpacked.
   * A right with room gets v_r = 0 outright (its arc to t has reduced cost ≥ −ε, so rounding is all
   * that drops); a right of capacity 0, whose edges never entered, gets the least v_r that covers
   * them.
   */
  private dualsOf(): TypedDuals {
    const { nL, nR, T, pot: q, flow, capacity, cost } = this;
    const leftTier = new Float64Array(nL * T);
    const leftWeight = new Float64Array(nL);
    const rightTier = new Float64Array(nR * T);
    const rightWeight = new Float64Array(nR);
    for (let l = 0; l < nL; l++) {
      const p = q[l * PS]!;
      const w = q[l * PS + 1]!;
      if (p > 0 || (p === 0 && w > 0)) {
        unpack(p, T, leftTier, l * T);
        leftWeight[l] = w;
      }
    }
    const needP = new Float64Array(nR);
    const needW = new Float64Array(nR);
    for (let r = 0; r < nR; r++) {
      const v = nL + r;
      if (flow[v]! < capacity[r]!) continue;
      needP[r] = -q[v * PS]!;
      needW[r] = -q[v * PS + 1]!;
    }
    const base = nL + nR;
    for (let e = 0; e < this.edges; e++) {
      const r = this.eRight[e]!;
      if (capacity[r]! > 0) continue;
      const l = this.eLeft[e]!;
      // w'_e − u_l, packed: the edge's value is −cost.
      let p = -cost[2 * (base + e)]!;
      let w = -cost[2 * (base + e) + 1]!;
      const up = q[l * PS]!;
      const uw = q[l * PS + 1]!;
      if (up > 0 || (up === 0 && uw > 0)) {
        p -= up;
        w -= uw;
      }
      if (p > needP[r]! || (p === needP[r] && w > needW[r]!)) {
        needP[r] = p;
        needW[r] = w;
      }
    }
    for (let r = 0; r < nR; r++) {
      const p = needP[r]!;
      const w = needW[r]!;
      if (p > 0 || (p === 0 && w > 0)) {
        unpack(p, T, rightTier, r * T);
        rightWeight[r] = w;
      }
    }
    return { T, leftTier, leftWeight, rightTier, rightWeight };
  }
}

/** A copy of `a` with room for `size` entries, its first `used` carried over. */
function grown<A extends Int32Array | Float64Array | Int8Array>(a: A, size: number, used: number): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a.subarray(0, used) as ArrayLike<number> & A);
  return b;
}

/** Writes the T balanced base-5 digits of the integer `x` (entries in [−2, 2]) to out[at …]. */
function unpack(x: number, T: number, out: Float64Array, at: number): void {
  for (let k = T - 1; k >= 0; k--) {
    const q = Math.round(x / BASE);
    out[at + k] = x - BASE * q + 0;
    x = q;
  }
}
