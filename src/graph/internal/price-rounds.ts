/**
 * Exact price rounds: the warm start of the optimal solver.
 *
 * Left nodes bid for rights as in an auction, but with no ε: a right's price rises by exactly what
 * its weakest contender can bear, so every bid keeps the duals exactly optimal for the partial
 * assignment built so far (as the augmenting row reduction of Jonker and Volgenant does for the
 * square assignment problem). Whatever the rounds leave undecided, the shortest-path search finishes
 * from the same duals, so the result stays exact; the rounds only take most of the work off it.
 *
 * @module
 */
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

/** What the rounds leave for the shortest-path stage. */
export interface RoundsOutcome {
  /** 1 for a left node whose place is settled (placed, or unplaced with dual 0), 0 for undecided. */
  readonly decided: Uint8Array;
  /** Price of each right: K components, one per numbered tier, then weight. */
  readonly price: Float64Array;
}

/**
 * Runs price rounds on an empty `state`: every node of `lefts` bids in turn, and so does every node
 * displaced on the way, within `budget` bids; a node still bidding when the budget runs out stays
 * undecided.
 *
 * Invariant, with `value(l, e) = (e_tier(l), w_e) − price(r_e)` compared lexicographically: a placed
 * left holds an edge of largest value among its edges, and that value is ≥ 0; a decided unplaced
 * left has no edge of positive value. With the duals `u_l` = the value of its edge (0 when unplaced)
 * and `v_r = price(r)` these are the optimality conditions of the partial assignment over the
 * decided left nodes, except that a right with room may have a price other than 0, which the
 * shortest-path stage tolerates (its arc to the sink keeps a non-negative reduced cost). Each bid
 * keeps the invariant: prices only rise, and only on full rights.
 *
 * A bid of left l: its best edge e1 (value b1) on right r1, its second-best option b2 (another edge,
 * or staying unplaced at 0). If b1 is not positive, l is decided unplaced. If r1 has room, l takes it.
 * Otherwise every contender for r1 (its holders and l) has a margin: its value at r1 less its best
 * alternative (b1 − b2 for l). If some holder's margin is strictly below l's, the weakest holder
 * leaves, the price rises by its margin (every other holder and l still prefer r1) and it bids in
 * turn. Otherwise the price rises by l's margin, so l is indifferent between r1 and its second option:
 * l stays unplaced if that option is staying unplaced, takes the second right if it has room, and is
 * otherwise left undecided. Ties are what stop an auction without ε; the shortest-path stage resolves
 * them exactly.
 *
 * Complexity: O(budget · d · (1 + c)) time for degree d and capacity c; O(L + R·K) space.
 */
export function priceRounds(
  g: CompiledGraph,
  lefts: readonly number[],
  state: PlacementState,
  budget: number,
): RoundsOutcome {
  const T = g.tiers.length;
  const K = T + 1;
  const W = T;
  const { edgeRight, edgeWeight, leftStart, capacity, leftTierIndex } = g;
  const { matchEdge, load, slot, slotStart, slotLeft, slotOf } = state;
  const price = new Float64Array(capacity.length * K);
  const decided = new Uint8Array(matchEdge.length);

  // Scratch vectors: 0 best, 1 second best, 2 a candidate, 3 l's margin, 4 weakest holder's margin,
  // 5 a holder's value at r1, 6 a holder's best alternative.
  const buf = new Float64Array(7 * K);
  const BEST = 0;
  const SECOND = K;
  const CAND = 2 * K;
  const MARGIN = 3 * K;
  const WEAK = 4 * K;
  const HVAL = 5 * K;
  const HALT = 6 * K;

  /** Writes value(l, e) at buf[at]. */
  const valueInto = (l: number, e: number, at: number): void => {
    const ir = edgeRight[e]! * K;
    const tier = leftTierIndex[l]!;
    for (let k = 0; k < T; k++) buf[at + k] = (k === tier ? 1 : 0) - price[ir + k]!;
    buf[at + W] = edgeWeight[e]! - price[ir + W]!;
  };
  /** Lexicographic comparison of buf[a…] and buf[b…]: negative, 0 or positive. */
  const cmp = (a: number, b: number): number => {
    for (let k = 0; k < K; k++) {
      const d = buf[a + k]! - buf[b + k]!;
      if (d !== 0) return d;
    }
    return 0;
  };
  const positive = (a: number): boolean => {
    for (let k = 0; k < K; k++) if (buf[a + k] !== 0) return buf[a + k]! > 0;
    return false;
  };
  const copy = (from: number, to: number): void => {
    for (let k = 0; k < K; k++) buf[to + k] = buf[from + k]!;
  };
  const raise = (r: number, by: number): void => {
    for (let k = 0; k < K; k++) price[r * K + k]! += buf[by + k]!;
  };
  /** Writes at buf[at] the best option of l other than edge `skip`: 0 (unplaced) or an edge's value. */
  const bestOther = (l: number, skip: number, at: number): void => {
    buf.fill(0, at, at + K);
    for (let e = leftStart[l]!; e < leftStart[l + 1]!; e++) {
      if (e === skip) continue;
      valueInto(l, e, CAND);
      if (cmp(CAND, at) > 0) copy(CAND, at);
    }
  };
  // Best alternative of each placed left (K components) and the bid at which it was computed (0:
  // never, or since the left moved).
  const alt = new Float64Array(matchEdge.length * K);
  const altStamp = new Int32Array(matchEdge.length);
  let bidStamp = 0;
  const refreshAlt = (h: number, e: number): void => {
    bestOther(h, e, HALT);
    for (let k = 0; k < K; k++) alt[h * K + k] = buf[HALT + k]!;
    altStamp[h] = bidStamp;
  };
  /** Puts l on edge e in slot `at` of the edge's right. */
  const seat = (l: number, e: number, at: number): void => {
    slot[at] = e;
    slotLeft[at] = l;
    slotOf[l] = at;
    matchEdge[l] = e;
    altStamp[l] = 0;
    decided[l] = 1;
  };
  /** Puts l on edge e, in a free slot of its right. */
  const place = (l: number, e: number): void => {
    const r = edgeRight[e]!;
    seat(l, e, slotStart[r]! + load[r]!++);
  };
  /** One bid of l; returns the left it displaced, or −1. */
  const bid = (l: number): number => {
    let e1 = -1;
    let e2 = -1;
    buf.fill(0, SECOND, SECOND + K);
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
    if (e1 < 0 || !positive(BEST)) {
      decided[l] = 1;
      return -1;
    }
    const r1 = edgeRight[e1]!;
    if (load[r1]! < capacity[r1]!) {
      place(l, e1);
      return -1;
    }
    for (let k = 0; k < K; k++) buf[MARGIN + k] = buf[BEST + k]! - buf[SECOND + k]!;
    // The weakest holder. A holder's best alternative is cached from an earlier bid: prices only
    // rise, so the cached value bounds the true one from above and the margin from it bounds the
    // true margin from below. The holder of least bound is refreshed until it is exact, so the one
    // chosen is the true weakest (ties to the first slot) at the cost of about one scan per bid.
    bidStamp++;
    let weakest: number;
    for (;;) {
      weakest = -1;
      for (let i = slotStart[r1]!, end = i + load[r1]!; i < end; i++) {
        const h = slotLeft[i]!;
        if (altStamp[h] === 0) refreshAlt(h, slot[i]!);
        valueInto(h, slot[i]!, HVAL);
        for (let k = 0; k < K; k++) buf[HVAL + k]! -= alt[h * K + k]!;
        if (weakest < 0 || cmp(HVAL, WEAK) < 0) {
          copy(HVAL, WEAK);
          weakest = i;
        }
      }
      if (weakest < 0) break;
      const h = slotLeft[weakest]!;
      if (altStamp[h] === bidStamp) break;
      refreshAlt(h, slot[weakest]!);
    }
    if (weakest >= 0 && cmp(WEAK, MARGIN) < 0) {
      // The weakest holder leaves; l takes its slot.
      raise(r1, WEAK);
      const h = slotLeft[weakest]!;
      matchEdge[h] = -1;
      decided[h] = 0;
      seat(l, e1, weakest);
      return h;
    }
    // l gives way: the price rises by its margin, leaving it indifferent between r1 and its second
    // option, which it takes if that is staying unplaced or a right with room.
    raise(r1, MARGIN);
    if (e2 < 0) decided[l] = 1;
    else if (load[edgeRight[e2]!]! < capacity[edgeRight[e2]!]!) place(l, e2);
    return -1;
  };

  let bids = 0;
  for (const l0 of lefts) {
    for (let l = l0; l >= 0 && bids < budget; bids++) l = bid(l);
  }
  return { decided, price };
}
