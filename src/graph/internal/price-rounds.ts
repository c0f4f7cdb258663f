/**
 * Exact price rounds: the warm start of the optimal solver.
 *
 * Left nodes bid for rights as in an auction, but with no ε: a right's price rises by no more than
 * its contenders can bear, so every bid keeps the duals exactly optimal for the partial assignment
 * built so far (as the augmenting row reduction of Jonker and Volgenant does for the square
 * assignment problem). Whatever the rounds leave undecided, the shortest-path search finishes from
 * the same duals, so the result stays exact; the rounds only take most of the work off it.
 *
 * @module
 */
import { pickBestEdges, TOP, type BestEdges } from './best-edges.js';
import type { CompiledGraph } from './compile.js';

/** The placement state shared with the shortest-path stage. */
export interface PlacementState {
  /** Edge held by each left node, −1 for none. */
  readonly matchEdge: Int32Array;
  /** Number of left nodes each right holds. */
  readonly load: Int32Array;
  /** Held edges of right r are `slot[slotStart[r] … slotStart[r] + load[r] − 1]`. */
  readonly slot: Int32Array;
  readonly slotStart: Int32Array;
  /** The left node of each held edge, beside `slot`. */
  readonly slotLeft: Int32Array;
  /** Position in `slot` of each placed left node's edge. */
  readonly slotOf: Int32Array;
}

/** Where the rounds keep the rights' prices, and how much they may bid. */
export interface RoundsSetup {
  /**
   * Node potentials of the shortest-path stage, K components each: right r's are at
   * `K·(rightBase + r)`, the source's at `K·source` and the sink's at `K·sink`, all 0 on entry. The
   * rounds keep π(r) = −price(r) there, and in π(source) = π(sink) what staying unplaced is worth,
   * so the searches start from them as they are.
   */
  readonly pot: Float64Array;
  readonly rightBase: number;
  readonly source: number;
  readonly sink: number;
  /** Components: one per numbered tier (at least one, unused when there is none), then weight. */
  readonly K: number;
  /** Best-edge lists, when K = 2: bids then read a few entries instead of every edge. */
  readonly lists: BestEdges | undefined;
  /** Bids allowed in all; a node still bidding when they run out stays undecided. */
  readonly budget: number;
}

/** Passes over the undecided left nodes after the first, at most. */
const MAX_PASSES = 64;
/**
 * A pass that settles fewer than one in this many of the nodes it re-bid (and re-bids at least
 * {@link STALL_FLOOR}) ends the rounds as stalled. On random graphs a pass settles a fifth to a half
 * of the nodes it re-bids; where every left ranks the rights alike, about one in a hundred, pass
 * after pass.
 */
const STALL_RATIO = 50;
/** Re-bids of a pass below which it never counts as stalled (small passes cost little). */
const STALL_FLOOR = 256;

/** What the rounds settled, and whether they ran to their end. */
export interface Rounds {
  /** 1 for each left node whose place is settled (placed, or unplaced with dual 0), 0 for each left undecided. */
  readonly decided: Uint8Array;
  /**
   * True if the rounds stopped because no undecided node could do better, false if the bids or the
   * passes ran out first, or a pass stalled (settling few of the many nodes it re-bid). When true,
   * σ is as high as the invariant allows (the least value of a placed left, or of π(r) at a right
   * with room) and every undecided node is tied: its best value, above σ, is offered by two full
   * rights or more.
   */
  readonly finished: boolean;
  /** The work the rounds did. */
  readonly work: RoundsWork;
}

/** The work of price rounds, for tests and diagnostics. */
export interface RoundsWork {
  /** Bids made in all (first bids, bids of displaced nodes and re-bids). */
  readonly bids: number;
  /** Passes over the undecided nodes begun after the first bids. */
  readonly passes: number;
  /** Best-edge lists picked (0 without lists). */
  readonly picks: number;
}

/**
 * Runs price rounds on an empty `state`: every node of `lefts` bids in turn, and so does every node
 * displaced on the way; then, pass after pass, the undecided nodes that could now do better bid
 * again. Returns which left nodes are settled (placed, or unplaced with dual 0), whether the
 * rounds ran to their end, and the work they did ({@link Rounds}).
 *
 * Invariant, with `value(l, e) = (e_tier(l), w_e) − price(r_e)` compared lexicographically and σ what
 * staying unplaced is worth: a placed left holds an edge of largest value among its edges, and that
 * value is ≥ σ; a decided unplaced left has no edge worth more than σ; a right with room has price ≤
 * −σ. With the duals `u_l` = value − σ (0 when unplaced) and `v_r = price(r) + σ` these are the
 * optimality conditions of the partial assignment over the decided left nodes. Each bid keeps the
 * invariant: prices only rise, and only on full rights.
 *
 * A bid of left l: its best edge e1 (value b1) on right r1, its second-best option b2 (another edge,
 * or staying unplaced at σ). If b1 ≤ σ, l is decided unplaced. If r1 has room, l takes it. Otherwise
 * every contender for r1 (its holders and l) has a margin: its value at r1 less its best alternative
 * (b1 − b2 for l). If some holder's margin is strictly below l's, the weakest holder leaves and bids in
 * turn, l takes its place, and the price rises as far as l and the other holders still prefer r1 (by
 * the least of their margins). Otherwise l gives way and the price rises by l's margin, so l is
 * indifferent between r1 and its second option: it stays unplaced if that option is staying
 * unplaced, takes the second right if it has room, and is otherwise left undecided, tied between two
 * full rights, to bid again once the price of one of the two, or σ, rose since (nothing else can
 * untie it). Ties are what stop an auction without ε; the shortest-path stage resolves whatever
 * stays tied. Equal values are settled one way, so that a graph always gives the same plan: of
 * equally valued edges the first (in the rights' order) is best; of holders of equal margin the one
 * in the first slot leaves; on equal margins the bidder gives way; a node whose best is worth
 * exactly σ stays unplaced.
 * Raising a price as far as the contenders who stay allow, when a holder leaves, makes prices climb
 * in fewer bids; when l gives way the price rises by l's margin only (raising it as far as the
 * holders allow lets two rights push each other's prices up, pass after pass, without bound).
 *
 * Prices rise by margins only, which leaves them far below where they end up when many more left
 * nodes bid than there are openings. So as soon as no right has room, and again before each pass, σ
 * rises as far as the invariant allows: to the least value of a placed left (and no higher than a
 * right with room allows). Every u falls and every v rises by the same amount; staying unplaced
 * becomes a real option, and displaced holders settle for it instead of bidding on and on.
 *
 * The passes stop when no undecided node could do better (finished), when the bids or 64 passes run
 * out, or when a pass settles fewer than one in fifty of the 256 or more nodes it re-bid (stalled:
 * thousands of nodes tied pass after pass, each pass settling a few; the searches, or the network
 * simplex, settle them faster).
 *
 * Complexity: O(budget · d · (1 + c) + P·(L + R)) time for degree d, capacity c and P ≤ 64 passes
 * (with best-edge lists most bids read O(TOP) entries instead of d); O(L + (R + S)·K) space for S
 * openings.
 */
export function priceRounds(
  g: CompiledGraph,
  lefts: readonly number[],
  state: PlacementState,
  setup: RoundsSetup,
): Rounds {
  const { pot, rightBase, K, lists, budget, source, sink } = setup;
  const W = K - 1;
  const { edgeRight, edgeWeight, leftStart, capacity, leftTierIndex } = g;
  const { matchEdge, load, slot, slotStart, slotLeft, slotOf } = state;
  const nL = matchEdge.length;
  const nR = capacity.length;
  const decided = new Uint8Array(nL);
  /** Index in `pot` of right r's first component. */
  const at = (r: number): number => K * (rightBase + r);
  // What staying unplaced is worth, σ = π(source): 0 until the first shift. Raising it rather than
  // every price keeps the keys of the best-edge lists exact.
  const floor = new Float64Array(K);

  // Counters the closures share, as fields of one object (the JIT handles changing captured
  // variables worse).
  const st = {
    /** Bids so far: the clock of `bidAt` and `movedAt`. */
    clock: 0,
    /** Bids at a full right so far: the stamp of `altStamp` without best-edge lists. */
    bidStamp: 0,
    /** Price rises so far, from 1: the stamp of `altStamp` and `movedEpoch` with best-edge lists. */
    epoch: 1,
    /** Rights with room. */
    open: 0,
    /** The clock when σ last rose (a node that bid before may now do better). */
    shiftedAt: 0,
    /** Best-edge lists picked. */
    picks: 0,
  };
  // A node left tied between two full rights remembers them and when it bid; a right remembers when
  // its price last rose. The node can do better only after one of those prices rose.
  const tieA = new Int32Array(nL).fill(-1);
  const tieB = new Int32Array(nL);
  const bidAt = new Int32Array(nL);
  const movedAt = new Int32Array(nR);
  // Best alternative of the left in each slot (K components) and when it was computed (0: never,
  // since the slot changed hands, or since σ rose). Prices only rise, so a cached value bounds the
  // true one from above and the margin computed from it bounds the true margin from below. Kept by
  // slot, so that a bid reads a right's holders from a few adjacent cache lines.
  const alt = new Float64Array(slot.length * K);
  const altStamp = new Int32Array(slot.length);
  // With two components, the count part (the tier bit) and the weight of each held edge, by slot;
  // the right whose edge gave the cached alternative (−1 for staying unplaced); and when each
  // right's price last rose. A cached alternative stays exact until the price of its right rises
  // (the others only fall), so a bid refreshes only holders whose alternative did move. (Kept, and
  // not read, with more components too: they are small.)
  const held = new Float64Array(2 * slot.length);
  const altRight = new Int32Array(slot.length);
  const movedEpoch = new Int32Array(nR);

  /** Puts l on edge e (of weight w) in slot `i` of the edge's right. */
  const seat = (l: number, e: number, w: number, i: number): void => {
    slot[i] = e;
    slotLeft[i] = l;
    slotOf[l] = i;
    matchEdge[l] = e;
    altStamp[i] = 0;
    decided[l] = 1;
    held[2 * i] = leftTierIndex[l] === 0 ? 1 : 0;
    held[2 * i + 1] = w;
  };
  /** Puts l on edge e (of weight w), in a free slot of its right. */
  const place = (l: number, e: number, w: number): void => {
    const r = edgeRight[e]!;
    seat(l, e, w, slotStart[r]! + load[r]!++);
    if (load[r] === capacity[r]) st.open--;
  };
  /**
   * After l gave way at r1 (the price rising by l's margin): unplaced, on its second right (edge e2)
   * if it has room, or else undecided, tied between r1 and e2 (it bids again once one of their
   * prices, or σ, rose).
   */
  const giveWay = (l: number, r1: number, e2: number): void => {
    if (e2 < 0) {
      decided[l] = 1;
      return;
    }
    const r2 = edgeRight[e2]!;
    if (load[r2]! < capacity[r2]!) {
      place(l, e2, edgeWeight[e2]!);
      return;
    }
    tieA[l] = r1;
    tieB[l] = r2;
  };

  // Any number of components: values as vectors in a scratch buffer. Slots: 0 best, 1 second best,
  // 2 a candidate, 3 l's margin, 4 weakest holder's margin, 5 a holder's value at r1, 6 a holder's
  // best alternative, 7 the least margin bound of the other holders.
  const buf = new Float64Array(8 * K);
  const BEST = 0;
  const SECOND = K;
  const CAND = 2 * K;
  const MARGIN = 3 * K;
  const WEAK = 4 * K;
  const HVAL = 5 * K;
  const HALT = 6 * K;
  const NEXT = 7 * K;
  /** Writes value(l, e) at buf[to]. */
  const valueInto = (l: number, e: number, to: number): void => {
    const ir = at(edgeRight[e]!);
    const tier = leftTierIndex[l]!;
    for (let k = 0; k < W; k++) buf[to + k] = (k === tier ? 1 : 0) + pot[ir + k]!;
    buf[to + W] = edgeWeight[e]! + pot[ir + W]!;
  };
  /** Lexicographic comparison of buf[a…] and buf[b…]: negative, 0 or positive. */
  const cmp = (a: number, b: number): number => {
    for (let k = 0; k < K; k++) {
      const d = buf[a + k]! - buf[b + k]!;
      if (d !== 0) return d;
    }
    return 0;
  };
  /** Is buf[a…] worth more than staying unplaced? */
  const aboveFloor = (a: number): boolean => {
    for (let k = 0; k < K; k++) if (buf[a + k] !== floor[k]) return buf[a + k]! > floor[k]!;
    return false;
  };
  const copy = (from: number, to: number): void => {
    for (let k = 0; k < K; k++) buf[to + k] = buf[from + k]!;
  };
  /** The price of r rises by buf[by…]. */
  const raise = (r: number, by: number): void => {
    let moved = false;
    for (let k = 0; k < K; k++) {
      pot[at(r) + k]! -= buf[by + k]!;
      if (buf[by + k] !== 0) moved = true;
    }
    if (moved) movedAt[r] = st.clock;
  };
  /** Writes at buf[to] the best option of l other than edge `skip`: σ (unplaced) or an edge's value. */
  const bestOther = (l: number, skip: number, to: number): void => {
    buf.set(floor, to);
    for (let e = leftStart[l]!; e < leftStart[l + 1]!; e++) {
      if (e === skip) continue;
      valueInto(l, e, CAND);
      if (cmp(CAND, to) > 0) copy(CAND, to);
    }
  };
  /** Refreshes the cached best alternative of the left in slot i. */
  const refreshAltK = (i: number): void => {
    bestOther(slotLeft[i]!, slot[i]!, HALT);
    for (let k = 0; k < K; k++) alt[i * K + k] = buf[HALT + k]!;
    altStamp[i] = st.bidStamp;
  };
  /** One bid of l, reading all its edges; returns the left it displaced, or −1. */
  const bidK = (l: number): number => {
    bidAt[l] = ++st.clock;
    tieA[l] = -1;
    let e1 = -1;
    let e2 = -1;
    buf.set(floor, SECOND);
    for (let e = leftStart[l]!; e < leftStart[l + 1]!; e++) {
      valueInto(l, e, CAND);
      if (e1 < 0 || cmp(CAND, BEST) > 0) {
        if (e1 >= 0 && cmp(BEST, SECOND) > 0) {
          copy(BEST, SECOND);
          e2 = e1;
        }
        copy(CAND, BEST);
        e1 = e;
      } else if (cmp(CAND, SECOND) > 0) {
        copy(CAND, SECOND);
        e2 = e;
      }
    }
    if (e1 < 0 || !aboveFloor(BEST)) {
      decided[l] = 1;
      return -1;
    }
    const r1 = edgeRight[e1]!;
    if (load[r1]! < capacity[r1]!) {
      place(l, e1, edgeWeight[e1]!);
      return -1;
    }
    for (let k = 0; k < K; k++) buf[MARGIN + k] = buf[BEST + k]! - buf[SECOND + k]!;
    // The weakest holder: the holder of least bound is refreshed until it is exact, so the one chosen
    // is the true weakest (ties to the first slot) at the cost of about one scan per bid.
    st.bidStamp++;
    let weakest: number;
    // Whether NEXT holds the least margin bound of the holders other than the weakest.
    let others: boolean;
    for (;;) {
      weakest = -1;
      others = false;
      for (let i = slotStart[r1]!, end = i + load[r1]!; i < end; i++) {
        if (altStamp[i] === 0) refreshAltK(i);
        valueInto(slotLeft[i]!, slot[i]!, HVAL);
        for (let k = 0; k < K; k++) buf[HVAL + k]! -= alt[i * K + k]!;
        if (weakest < 0 || cmp(HVAL, WEAK) < 0) {
          if (weakest >= 0) copy(WEAK, NEXT);
          others = weakest >= 0;
          copy(HVAL, WEAK);
          weakest = i;
        } else if (!others || cmp(HVAL, NEXT) < 0) {
          copy(HVAL, NEXT);
          others = true;
        }
      }
      if (weakest < 0 || altStamp[weakest] === st.bidStamp) break;
      refreshAltK(weakest);
    }
    if (weakest >= 0 && cmp(WEAK, MARGIN) < 0) {
      // The weakest holder leaves and l takes its slot.
      raise(r1, others && cmp(NEXT, MARGIN) < 0 ? NEXT : MARGIN);
      const h = slotLeft[weakest]!;
      matchEdge[h] = -1;
      decided[h] = 0;
      seat(l, e1, edgeWeight[e1]!, weakest);
      return h;
    }
    // l gives way: the price rises by l's own margin, leaving it indifferent between r1 and its
    // second option. (Raising it further, as far as the holders allow, lets two rights push each
    // other's prices up pass after pass without bound.)
    raise(r1, MARGIN);
    giveWay(l, r1, e2);
    return -1;
  };

  // Two components, with best-edge lists: the same bids, reading a left's few best entries at their
  // current values instead of all its edges. The other edges offer at most the largest of their
  // stored keys; only when that could beat what the entries give are the lists picked again (once:
  // afterwards every entry lies at or above the rest). A left with at most TOP edges has no list and
  // its edges are read directly; so are a left's edges at its first bid.
  const topCount = lists?.count ?? new Uint8Array(0);
  const restC = lists?.restC ?? new Float64Array(0);
  const restW = lists?.restW ?? new Float64Array(0);
  const listState = lists?.state ?? new Uint8Array(0);
  const pick = (l: number): void => {
    st.picks++;
    pickBestEdges(lists!, g, pot, rightBase, l);
  };
  /** The price of r rises by (dc, dw). */
  const raise2 = (r: number, dc: number, dw: number): void => {
    if (dc === 0 && dw === 0) return;
    pot[2 * (rightBase + r)]! -= dc;
    pot[2 * (rightBase + r) + 1]! -= dw;
    movedAt[r] = st.clock;
    movedEpoch[r] = ++st.epoch;
  };
  /** {@link refreshAltK} from the best entries of the left in slot i (all its edges when few). */
  const refreshAlt2 = (i: number): void => {
    const h = slotLeft[i]!;
    const e = slot[i]!;
    const bit = held[2 * i]!;
    const start = leftStart[h]!;
    const degree = leftStart[h + 1]! - start;
    const listed = degree > TOP;
    if (listed && listState[h] !== 1) pick(h);
    const { top, edge: topEdge } = lists!;
    for (let again = false; ; again = true) {
      // Staying unplaced is worth σ.
      let bc = floor[0]!;
      let bw = floor[1]!;
      let ar = -1;
      const base = h * TOP;
      for (let k = 0, n = listed ? topCount[h]! : degree; k < n; k++) {
        const f = listed ? topEdge[base + k]! : start + k;
        if (f === e) continue;
        const r = listed ? top[4 * (base + k) + 3]! | 0 : edgeRight[f]!;
        const ir = 2 * (rightBase + r);
        const c = bit + pot[ir]!;
        const w = (listed ? top[4 * (base + k) + 2]! : edgeWeight[f]!) + pot[ir + 1]!;
        if (c > bc || (c === bc && w > bw)) {
          bc = c;
          bw = w;
          ar = r;
        }
      }
      const rc = listed ? bit + restC[h]! : Number.NEGATIVE_INFINITY;
      if (again || rc < bc || (rc === bc && restW[h]! <= bw)) {
        alt[2 * i] = bc;
        alt[2 * i + 1] = bw;
        altRight[i] = ar;
        altStamp[i] = st.epoch;
        return;
      }
      pick(h);
    }
  };
  /** {@link bidK} from l's best entries (all its edges when few). */
  const bid2 = (l: number): number => {
    bidAt[l] = ++st.clock;
    tieA[l] = -1;
    const bit = leftTierIndex[l] === 0 ? 1 : 0;
    const start = leftStart[l]!;
    const degree = leftStart[l + 1]! - start;
    // A first bid reads all the edges and leaves the list to be picked when the left is next read:
    // a left that finds room at once (most, when there are openings to spare) never needs one.
    const listed = degree > TOP && listState[l] !== 0;
    if (listed && listState[l] !== 1) pick(l);
    else if (!listed && degree > TOP) listState[l] = 2;
    const { top, edge: topEdge } = lists!;
    // Best (edge e1 of weight x1, value c1, w1) and second best (e2, c2, w2; e2 = −1 for staying
    // unplaced, worth σ).
    let e1: number;
    let x1 = 0;
    let c1 = 0;
    let w1 = 0;
    let e2: number;
    let c2: number;
    let w2: number;
    for (let again = false; ; again = true) {
      e1 = -1;
      e2 = -1;
      c2 = floor[0]!;
      w2 = floor[1]!;
      const base = l * TOP;
      for (let i = 0, n = listed ? topCount[l]! : degree; i < n; i++) {
        const f = listed ? topEdge[base + i]! : start + i;
        const ir = 2 * (rightBase + (listed ? top[4 * (base + i) + 3]! | 0 : edgeRight[f]!));
        const x = listed ? top[4 * (base + i) + 2]! : edgeWeight[f]!;
        const c = bit + pot[ir]!;
        const w = x + pot[ir + 1]!;
        if (e1 < 0 || c > c1 || (c === c1 && w > w1)) {
          if (e1 >= 0 && (c1 > c2 || (c1 === c2 && w1 > w2))) {
            e2 = e1;
            c2 = c1;
            w2 = w1;
          }
          e1 = f;
          x1 = x;
          c1 = c;
          w1 = w;
        } else if (c > c2 || (c === c2 && w > w2)) {
          e2 = f;
          c2 = c;
          w2 = w;
        }
      }
      if (!listed) break;
      const rc = bit + restC[l]!;
      if (again || rc < c2 || (rc === c2 && restW[l]! <= w2)) break;
      pick(l);
    }
    if (e1 < 0 || !(c1 > floor[0]! || (c1 === floor[0] && w1 > floor[1]!))) {
      decided[l] = 1;
      return -1;
    }
    const r1 = edgeRight[e1]!;
    if (load[r1]! < capacity[r1]!) {
      place(l, e1, x1);
      return -1;
    }
    const mc = c1 - c2;
    const mw = w1 - w2;
    const pc = pot[2 * (rightBase + r1)]!;
    const pw = pot[2 * (rightBase + r1) + 1]!;
    // The weakest holder's margin (wc, ww) and the least bound of the others' (nc, nw).
    let weakest: number;
    let wc = 0;
    let ww = 0;
    let nc: number;
    let nw: number;
    for (;;) {
      weakest = -1;
      nc = Number.POSITIVE_INFINITY;
      nw = Number.POSITIVE_INFINITY;
      for (let i = slotStart[r1]!, end = i + load[r1]!; i < end; i++) {
        if (altStamp[i] === 0) refreshAlt2(i);
        const hc = held[2 * i]! + pc - alt[2 * i]!;
        const hw = held[2 * i + 1]! + pw - alt[2 * i + 1]!;
        if (weakest < 0 || hc < wc || (hc === wc && hw < ww)) {
          if (weakest >= 0) {
            nc = wc;
            nw = ww;
          }
          weakest = i;
          wc = hc;
          ww = hw;
        } else if (hc < nc || (hc === nc && hw < nw)) {
          nc = hc;
          nw = hw;
        }
      }
      if (weakest < 0) break;
      const ar = altRight[weakest]!;
      if (ar < 0 || movedEpoch[ar]! <= altStamp[weakest]!) break;
      refreshAlt2(weakest);
    }
    if (weakest >= 0 && (wc < mc || (wc === mc && ww < mw))) {
      if (nc < mc || (nc === mc && nw < mw)) raise2(r1, nc, nw);
      else raise2(r1, mc, mw);
      const h = slotLeft[weakest]!;
      matchEdge[h] = -1;
      decided[h] = 0;
      seat(l, e1, x1, weakest);
      return h;
    }
    raise2(r1, mc, mw);
    giveWay(l, r1, e2);
    return -1;
  };
  const bid = lists === undefined ? bidK : bid2;

  /**
   * Raises what staying unplaced is worth, σ, as far as the invariant allows: to the least value of
   * a placed left at its edge, and no higher than π(r) of a right with room. In LP terms every u
   * falls and every v rises by the same δ. Returns whether σ rose. O((L + R)·K).
   */
  const shift = (): boolean => {
    let any = false;
    /** Takes buf[CAND…] as the new σ if it is the least so far. */
    const consider = (): void => {
      if (!any || cmp(CAND, BEST) < 0) copy(CAND, BEST);
      any = true;
    };
    for (let r = 0; r < nR; r++) {
      const ir = at(r);
      if (load[r]! < capacity[r]!) {
        for (let k = 0; k < K; k++) buf[CAND + k] = pot[ir + k]!;
        consider();
      }
      for (let i = slotStart[r]!, end = i + load[r]!; i < end; i++) {
        if (lists === undefined) valueInto(slotLeft[i]!, slot[i]!, CAND);
        else {
          buf[CAND] = held[2 * i]! + pot[ir]!;
          buf[CAND + 1] = held[2 * i + 1]! + pot[ir + 1]!;
        }
        consider();
      }
    }
    if (!any || !aboveFloor(BEST)) return false;
    // A cached alternative may be the old σ, no longer an upper bound on the new one.
    altStamp.fill(0);
    for (let k = 0; k < K; k++) {
      floor[k] = buf[BEST + k]!;
      pot[K * source + k] = floor[k]!;
      pot[K * sink + k] = floor[k]!;
    }
    st.shiftedAt = ++st.clock;
    return true;
  };

  let bids = 0;
  const bidFrom = (l0: number): void => {
    for (let l = l0; l >= 0 && bids < budget; bids++) l = bid(l);
  };
  for (let r = 0; r < nR; r++) if (load[r]! < capacity[r]!) st.open++;
  // The first shift as soon as no right has room: the nodes still to bid then see what staying
  // unplaced is worth, and displaced holders settle for it instead of bidding on and on.
  let shifted = false;
  for (const l of lefts) {
    bidFrom(l);
    if (!shifted && st.open === 0) {
      shift();
      shifted = true;
    }
  }
  let finished = false;
  const settled = (): number => {
    let n = 0;
    for (const l of lefts) n += decided[l]!;
    return n;
  };
  let before = settled();
  let passes = 0;
  while (passes < MAX_PASSES && bids < budget) {
    passes++;
    shift();
    let rebids = 0;
    for (const l of lefts) {
      if (decided[l] === 1) continue;
      const a = tieA[l]!;
      const since = bidAt[l]!;
      if (a >= 0 && st.shiftedAt < since && movedAt[a]! <= since && movedAt[tieB[l]!]! <= since) continue;
      rebids++;
      bidFrom(l);
    }
    if (rebids === 0) {
      finished = true;
      break;
    }
    const after = settled();
    if (rebids >= STALL_FLOOR && (after - before) * STALL_RATIO < rebids) break;
    before = after;
  }
  return { decided, finished, work: { bids, passes, picks: st.picks } };
}
