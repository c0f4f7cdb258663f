/**
 * The price rounds' invariant, checked on the state they hand to the shortest-path searches: the
 * duals are exactly optimal for the left nodes the rounds decided. The searches finish from that
 * state, so a fault that breaks it may still end in an optimum on small graphs; here it cannot pass.
 *
 * Weights are integers, so every price and value is exact and the invariant is checked without a
 * tolerance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveOptimal, solveOptimalProbed, type RoundsState } from '../../src/graph/solve-optimal.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { runs } from '../helpers/runs.js';
import { graphArb, sharedPreferenceGraphArb } from './graphs.js';

/** Lexicographic comparison of two K-vectors: negative, 0 or positive. */
const lex = (a: readonly number[], b: readonly number[]): number => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
};

interface Checked {
  readonly decided: number;
  readonly lefts: number;
  readonly finished: boolean;
  readonly work: RoundsState['work'];
}

/** Every condition of the rounds' invariant, as `expect` calls; returns how many lefts were decided. */
function checkRounds(s: RoundsState): Checked {
  const { graph: g, matchEdge, load, decided, pot, K, rightBase, source, sink } = s;
  const W = K - 1;
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const at = (node: number): number[] => Array.from(pot.subarray(K * node, K * node + K));
  const sigma = at(source);
  const zero = new Array<number>(K).fill(0);
  // What staying unplaced is worth is one value at the source and the sink, never below 0.
  expect(at(sink)).toEqual(sigma);
  expect(lex(sigma, zero)).toBeGreaterThanOrEqual(0);
  const value = (l: number, e: number): number[] => {
    const p = at(rightBase + g.edgeRight[e]!);
    const tier = g.leftTierIndex[l]!;
    return p.map((x, k) => (k < W ? (k === tier ? 1 : 0) : g.edgeWeight[e]!) + x);
  };
  const held = new Int32Array(nR);
  let count = 0;
  for (let l = 0; l < nL; l++) {
    const e = matchEdge[l]!;
    if (e >= 0) {
      expect(g.edgeLeft[e]).toBe(l);
      held[g.edgeRight[e]!]! += 1;
      // A left the rounds did not decide is never left holding a place.
      expect(decided[l]).toBe(1);
    }
    if (decided[l] !== 1) continue;
    count++;
    let best: number[] | undefined;
    for (let f = g.leftStart[l]!; f < g.leftStart[l + 1]!; f++) {
      const v = value(l, f);
      if (best === undefined || lex(v, best) > 0) best = v;
    }
    if (e >= 0) {
      // Placed on an edge of largest value, worth at least staying unplaced.
      expect(lex(value(l, e), best!)).toBe(0);
      expect(lex(value(l, e), sigma)).toBeGreaterThanOrEqual(0);
    } else if (best !== undefined) {
      // Decided unplaced: no edge is worth more than staying unplaced.
      expect(lex(best, sigma)).toBeLessThanOrEqual(0);
    }
  }
  for (let r = 0; r < nR; r++) {
    expect(load[r]).toBe(held[r]);
    expect(load[r]).toBeLessThanOrEqual(g.capacity[r]!);
    const p = at(rightBase + r);
    // Prices only rise from 0, so v_r = σ + price(r) ≥ 0; a right with room is priced at −σ at most
    // (its dual is 0).
    expect(lex(p, zero)).toBeLessThanOrEqual(0);
    if (load[r]! < g.capacity[r]!) expect(lex(p, sigma)).toBeGreaterThanOrEqual(0);
  }
  if (s.finished) checkFinished(s, value, sigma);
  return { decided: count, lefts: nL, finished: s.finished, work: s.work };
}

/**
 * What rounds that ran to their end promise beyond the invariant: σ is as high as it allows (the
 * least value a placed left holds, or π(r) at a right with room), and every left they leave
 * undecided is tied, its best value (above σ) offered by two edges or more, each at a full right;
 * nothing else can untie it, so a left that could still do better must have bid again.
 */
function checkFinished(
  s: RoundsState,
  value: (l: number, e: number) => number[],
  sigma: readonly number[],
): void {
  const { graph: g, matchEdge, load, decided, pot, K, rightBase } = s;
  let least: number[] | undefined;
  const consider = (v: number[]): void => {
    if (least === undefined || lex(v, least) < 0) least = v;
  };
  for (let l = 0; l < g.leftIds.length; l++) if (matchEdge[l]! >= 0) consider(value(l, matchEdge[l]!));
  for (let r = 0; r < g.rightIds.length; r++) {
    if (load[r]! < g.capacity[r]!)
      consider(Array.from(pot.subarray(K * (rightBase + r), K * (rightBase + r) + K)));
  }
  // With nobody placed and no room anywhere, σ never moved from 0.
  expect(sigma).toEqual(least ?? sigma.map(() => 0));
  for (let l = 0; l < g.leftIds.length; l++) {
    if (decided[l] === 1) continue;
    let best: number[] | undefined;
    let offering: number[] = [];
    for (let f = g.leftStart[l]!; f < g.leftStart[l + 1]!; f++) {
      const v = value(l, f);
      const c = best === undefined ? 1 : lex(v, best);
      if (c > 0) {
        best = v;
        offering = [];
      }
      if (c >= 0) offering.push(g.edgeRight[f]!);
    }
    expect(offering.filter((r) => load[r] === g.capacity[r]).length).toBeGreaterThanOrEqual(2);
    expect(lex(best!, sigma)).toBeGreaterThan(0);
  }
}

/** Runs the solver, checks the rounds' state and the final certificate; returns the rounds' counts. */
function solveChecked(graph: BipartiteGraph): Checked {
  let checked: Checked | undefined;
  const a = solveOptimalProbed(graph, {
    rounds: (s) => {
      checked = checkRounds(s);
    },
  });
  expect(checked).toBeDefined();
  expect(verifyAssignment(graph, a).violations).toEqual([]);
  expect(a.total).toBe(solveOptimal(graph).total);
  return checked!;
}

const shapes = [
  // No numbered tier and one: two components, bids from the best-edge lists once a left has more
  // than 8 edges. Three tiers: bids over every edge, any number of components.
  { name: 'no numbered tier', tiers: [null] },
  { name: 'one numbered tier and none', tiers: [0, null] },
  { name: 'three numbered tiers and none', tiers: [0, 1, 2, null] },
] as const;

describe('price rounds', () => {
  it.each(shapes)('leave duals exactly optimal for the lefts they decided: $name', ({ tiers }) => {
    let finished = 0;
    let all = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          // Few openings for many lefts with many edges each: prices climb, σ shifts, lists are read.
          graphArb({
            minLeft: 8,
            maxLeft: 40,
            minRight: 6,
            maxRight: 16,
            maxCapacity: 3,
            density: 0.8,
            weight: fc.integer({ min: 0, max: 1000 }),
            tiers,
          }),
          // Small integer weights with negatives: ties everywhere, which is where the rounds stop.
          graphArb({
            minLeft: 1,
            maxLeft: 30,
            minRight: 1,
            maxRight: 12,
            maxCapacity: 4,
            density: 0.6,
            weight: fc.integer({ min: -3, max: 6 }),
            tiers,
          }),
        ),
        (graph) => {
          if (solveChecked(graph).finished) finished++;
          all++;
        },
      ),
      { numRuns: runs(200) },
    );
    // On such graphs the rounds run out of bids or passes about once in a thousand: so rarely that
    // their promises at the end are checked on nearly every graph.
    expect(finished).toBeGreaterThanOrEqual(0.9 * all);
  });

  // A holder's best alternative, and a bidder's two best edges, read from its best-edge list while
  // an edge beyond the list could offer more: faults there surface only where every left wants the
  // same rights, whose prices then climb past the list's entries.
  it.each(shapes)(
    'leave duals exactly optimal where every left ranks the rights alike: $name',
    ({ tiers }) => {
      fc.assert(
        fc.property(sharedPreferenceGraphArb(tiers), (graph) => {
          solveChecked(graph);
        }),
        { numRuns: runs(40) },
      );
    },
  );

  it.each(shapes)('decide every left when every right has room for all: $name', ({ tiers }) => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 1,
          maxLeft: 30,
          minRight: 1,
          maxRight: 14,
          maxCapacity: 0,
          density: 0.7,
          weight: fc.integer({ min: -5, max: 50 }),
          tiers,
        }).map((g) => ({ ...g, right: g.right.map((r) => ({ ...r, capacity: g.left.length })) })),
        (graph) => {
          const { decided, lefts, work } = solveChecked(graph);
          expect(decided).toBe(lefts);
          // Each left finds room at its first bid: nobody is displaced, nothing is left to re-bid,
          // and no best-edge list is needed (a first bid reads every edge).
          expect(work).toEqual({ bids: lefts, passes: 1, picks: 0 });
        },
      ),
      { numRuns: runs(100) },
    );
  });

  // A left with more edges than a list holds (8) reads them all at its first bid; its list is
  // picked when it is next read (here as a holder, when b bids at its right), and read, not picked
  // again, when it bids after b displaced it: its second option (18) beats the rest (12 at most). A
  // left with 8 edges or fewer has no list: its edges are read directly.
  it.each([
    // b (margin 39 over room) displaces a (margin 31 over r1), r0's price rising by 39; a bids
    // again from its list and takes r1.
    {
      name: 'a displaced left',
      degree: 10,
      bWeight: 40,
      match: { a: 'r1', b: 'r0' },
      price: 39,
      bids: 3,
      picks: 1,
    },
    {
      name: 'a displaced left of 8 edges',
      degree: 8,
      bWeight: 40,
      match: { a: 'r1', b: 'r0' },
      price: 39,
      bids: 3,
      picks: 0,
    },
    // b gives way (margin 9 against a's 31) and takes room: a's list, picked when b's bid read a
    // as r0's holder, is not read again.
    {
      name: 'a left never displaced',
      degree: 10,
      bWeight: 10,
      match: { a: 'r0', b: 'room' },
      price: 9,
      bids: 2,
      picks: 1,
    },
  ])('picks a best-edge list only when a left is read again: $name', (c) => {
    const rights = [...Array.from({ length: c.degree }, (_, j) => `r${j}`), 'room'];
    const graph: BipartiteGraph = {
      left: [
        { id: 'a', tier: null },
        { id: 'b', tier: null },
      ],
      right: rights.map((id) => ({ id, capacity: 1 })),
      edges: [
        { left: 'a', right: 'r0', weight: 50 },
        ...Array.from({ length: c.degree - 1 }, (_, j) => ({
          left: 'a',
          right: `r${j + 1}`,
          weight: 19 - j,
        })),
        { left: 'b', right: 'r0', weight: c.bWeight },
        { left: 'b', right: 'room', weight: 1 },
      ],
    };
    let seen: unknown;
    solveOptimalProbed(graph, {
      rounds: (s) => {
        checkRounds(s);
        const g = s.graph;
        const right = (l: string): string => {
          const e = s.matchEdge[g.leftIds.indexOf(l)]!;
          return e < 0 ? '' : g.rightIds[g.edgeRight[e]!]!;
        };
        seen = {
          match: { a: right('a'), b: right('b') },
          price: -s.pot[s.K * (s.rightBase + g.rightIds.indexOf('r0')) + 1]!,
          bids: s.work.bids,
          picks: s.work.picks,
        };
      },
    });
    expect(seen).toEqual({ match: c.match, price: c.price, bids: c.bids, picks: c.picks });
  });

  it('picks the list of a tied left with many edges when it bids again', () => {
    // c is worth 9 at x, y and r3 … r9, each held by a left worth 10 there: at its first bid (all
    // edges read) it gives way at x, tied with y. d takes z, the last room: σ rises to 9 (d's value),
    // and c bids again, now from its list (picked then), and is decided unplaced.
    const others = ['x', 'y', ...Array.from({ length: 7 }, (_, j) => `r${j + 3}`)];
    const graph: BipartiteGraph = {
      left: [
        ...others.map((r) => ({ id: `h${r}`, tier: null })),
        { id: 'c', tier: null },
        { id: 'd', tier: null },
      ],
      right: [...others, 'z'].map((id) => ({ id, capacity: 1 })),
      edges: [
        ...others.map((r) => ({ left: `h${r}`, right: r, weight: 10 })),
        ...others.map((r) => ({ left: 'c', right: r, weight: 9 })),
        { left: 'd', right: 'z', weight: 9 },
      ],
    };
    let seen: unknown;
    solveOptimalProbed(graph, {
      rounds: (s) => {
        checkRounds(s);
        const c = s.graph.leftIds.indexOf('c');
        seen = {
          c: [s.matchEdge[c], s.decided[c]],
          sigma: s.pot[s.K * s.source + 1],
          work: s.work,
        };
      },
    });
    expect(seen).toEqual({ c: [-1, 1], sigma: 9, work: { bids: 12, passes: 2, picks: 1 } });
  });

  // Small auctions worked by hand among lefts of no numbered tier (valued by weight alone) unless
  // said, each run with two components (bids from the edges of lefts of few edges) and with four
  // (three tiers, held by lefts with no edges: bids over every edge with any number of components).
  // Lefts bid in order of their best weight, then id. A right `room` with no edges keeps a right
  // with room, so σ (staying unplaced) stays 0 unless said.
  type Scenario = {
    readonly name: string;
    readonly left: Record<string, Record<string, number>>;
    readonly capacity: Record<string, number>;
    /** After the rounds: each left's right ('' for none), whether decided, the prices, σ. */
    readonly match: Record<string, string>;
    readonly decided: Record<string, boolean>;
    readonly price: Record<string, number>;
    readonly sigma: number;
    /** Every left in tier 0 (a placement counts before any weight); no numbered tier by default. */
    readonly counted?: boolean;
    /** These lefts alone in tier 0 (the others count by weight only). */
    readonly countedLefts?: readonly string[];
    /** The count part of each right's price, where not 0. */
    readonly priceCount?: Record<string, number>;
    /**
     * The bids the auction takes, worked by hand (first bids in order, displaced holders' bids,
     * re-bids), and its passes after the first bids: one that finds nothing to re-bid ends it.
     */
    readonly bids: number;
    readonly passes: number;
  };
  const scenarios: Scenario[] = [
    {
      // a (margin 9 over y) holds x; b (margin 2) gives way, x's price rising by b's margin, and
      // takes y, which has room.
      name: 'the bidder of smaller margin gives way and takes its second right',
      left: { a: { x: 10, y: 1 }, b: { x: 10, y: 8 } },
      capacity: { x: 1, y: 1, room: 1 },
      match: { a: 'x', b: 'y' },
      decided: { a: true, b: true },
      price: { x: 2, y: 0, room: 0 },
      sigma: 0,
      bids: 2,
      passes: 1,
    },
    {
      // b's second option is staying unplaced: once x's price is its margin, b is decided unplaced.
      name: 'a bidder whose second option is staying unplaced gives way and is decided',
      left: { a: { x: 10 }, b: { x: 5 } },
      capacity: { x: 1, room: 1 },
      match: { a: 'x', b: '' },
      decided: { a: true, b: true },
      price: { x: 5, room: 0 },
      sigma: 0,
      bids: 2,
      passes: 1,
    },
    {
      // a (margin 1) holds x; b (margin 10) displaces it, x's price rising by b's margin (no other
      // holder); a bids again and takes y.
      name: 'the bidder of larger margin displaces the weakest holder',
      left: { a: { x: 10, y: 9 }, b: { x: 10 } },
      capacity: { x: 1, y: 1, room: 1 },
      match: { a: 'y', b: 'x' },
      decided: { a: true, b: true },
      price: { x: 10, y: 0, room: 0 },
      sigma: 0,
      bids: 3,
      passes: 1,
    },
    {
      // x holds h1 (margin 1) and h2 (margin 3); l (margin 10) displaces h1, and x's price rises
      // only as far as h2 still prefers x (3).
      name: 'a displacement raises the price by the least margin of those who stay',
      left: { h1: { x: 10, y: 9 }, h2: { x: 10, z: 7 }, l: { x: 10 } },
      capacity: { x: 2, y: 1, z: 1, room: 1 },
      match: { h1: 'y', h2: 'x', l: 'x' },
      decided: { h1: true, h2: true, l: true },
      price: { x: 3, y: 0, z: 0, room: 0 },
      sigma: 0,
      bids: 4,
      passes: 1,
    },
    {
      // x holds h1, h2 and h3 (margins 1, 3 and 5); l (margin 10) displaces h1, and x's price rises
      // by the least margin of the two who stay (h2's 3, not h3's 5, which would leave h2 better
      // off at z).
      name: 'a displacement raises the price by the least margin of several who stay',
      left: { h1: { x: 10, y: 9 }, h2: { x: 10, z: 7 }, h3: { x: 10, w: 5 }, l: { x: 10 } },
      capacity: { w: 1, x: 3, y: 1, z: 1, room: 1 },
      match: { h1: 'y', h2: 'x', h3: 'x', l: 'x' },
      decided: { h1: true, h2: true, h3: true, l: true },
      price: { w: 0, x: 3, y: 0, z: 0, room: 0 },
      sigma: 0,
      bids: 5,
      passes: 1,
    },
    {
      // a's alternative to x is its best other edge (y, 9), not its last (z, 1): its margin is 1,
      // below l's 5 (over w), so l displaces it, x's price rising by 5, and a takes y.
      name: 'a holder’s margin is over its best other edge',
      left: { a: { x: 10, y: 9, z: 1 }, l: { x: 10, w: 5 } },
      capacity: { w: 1, x: 1, y: 1, z: 1, room: 1 },
      match: { a: 'y', l: 'x' },
      decided: { a: true, l: true },
      price: { w: 0, x: 5, y: 0, z: 0, room: 0 },
      sigma: 0,
      bids: 3,
      passes: 1,
    },
    {
      // c is indifferent between x and y, both full, and no price moves after: it is left to the
      // searches, unplaced.
      name: 'a bidder tied between two full rights is left undecided',
      left: { a: { x: 10 }, b: { y: 10 }, c: { x: 10, y: 10 } },
      capacity: { x: 1, y: 1, room: 1 },
      match: { a: 'x', b: 'y', c: '' },
      decided: { a: true, b: true, c: false },
      price: { x: 0, y: 0, room: 0 },
      sigma: 0,
      bids: 3,
      passes: 1,
    },
    {
      // c and e are each indifferent between x and y, both full: each gives way with a margin of 0,
      // which moves no price, so neither is bid again (a move of 0 counted as one would have them
      // bid after each other, pass after pass).
      name: 'bidders tied on the same rights are not bid again when no price moved',
      left: { a: { x: 10 }, b: { y: 10 }, c: { x: 10, y: 10 }, e: { x: 10, y: 10 } },
      capacity: { x: 1, y: 1, room: 1 },
      match: { a: 'x', b: 'y', c: '', e: '' },
      decided: { a: true, b: true, c: false, e: false },
      price: { x: 0, y: 0, room: 0 },
      sigma: 0,
      bids: 4,
      passes: 1,
    },
    {
      // c gives way at x (margin 4 over y), x's price rising by 4 at c's own bid; y is full, so c
      // is tied between x and y. Nothing moves after its bid: it is not bid again.
      name: 'a tied bidder whose own bid raised the price is not bid again',
      left: { a: { x: 10 }, b: { y: 10 }, c: { x: 10, y: 6 } },
      capacity: { x: 1, y: 1, room: 1 },
      match: { a: 'x', b: 'y', c: '' },
      decided: { a: true, b: true, c: false },
      price: { x: 4, y: 0, room: 0 },
      sigma: 0,
      bids: 3,
      passes: 1,
    },
    {
      // x has two openings: the first shift waits until it is full and c has taken y, the last
      // room (a right of no openings does not count as room). σ then rises to the least value held
      // (c's 8), and d, worth 5 at x, is decided unplaced without moving x's price.
      name: 'the first shift waits until every right with openings is full',
      left: { a: { x: 10 }, b: { x: 9 }, c: { y: 8 }, d: { x: 5 } },
      capacity: { x: 2, y: 1, shut: 0 },
      match: { a: 'x', b: 'x', c: 'y', d: '' },
      decided: { a: true, b: true, c: true, d: true },
      price: { x: 0, y: 0, shut: 0 },
      sigma: 8,
      bids: 4,
      passes: 1,
    },
    {
      // Worth less than staying unplaced (0) at its only right: decided unplaced, x keeping its room.
      name: 'a bidder worth less than σ everywhere stays unplaced',
      left: { a: { x: -2 } },
      capacity: { x: 1 },
      match: { a: '' },
      decided: { a: true },
      price: { x: 0 },
      sigma: 0,
      bids: 1,
      passes: 1,
    },
    {
      // No right has room once a holds x: σ rises to a's value there (10), and b, worth 5 at x, is
      // decided unplaced without a bid that moves a price.
      name: 'once no right has room, staying unplaced is worth the least value held',
      left: { a: { x: 10 }, b: { x: 5 } },
      capacity: { x: 1 },
      match: { a: 'x', b: '' },
      decided: { a: true, b: true },
      price: { x: 0 },
      sigma: 10,
      bids: 2,
      passes: 1,
    },
    {
      // σ rises to 8 (the least value held: a at x priced 2, b at y); a right with no openings
      // takes no part.
      name: 'σ rises to the least value held, and closed rights are left out',
      left: { a: { x: 10, y: 1, shut: 20 }, b: { x: 10, y: 8 } },
      capacity: { x: 1, y: 1, shut: 0 },
      match: { a: 'x', b: 'y' },
      decided: { a: true, b: true },
      price: { x: 2, y: 0, shut: 0 },
      sigma: 8,
      bids: 2,
      passes: 1,
    },
    {
      // c, tied between x and y (both full, c worth 9 at each), bids before the last room goes: d
      // takes z, σ rises to the least value held (9), and c, no better off at x or y than unplaced,
      // bids again and is decided unplaced instead of being left to the searches.
      name: 'a tied bidder bids again once staying unplaced is worth more',
      left: { a: { x: 10 }, b: { y: 10 }, c: { x: 9, y: 9 }, d: { z: 9 } },
      capacity: { x: 1, y: 1, z: 1 },
      match: { a: 'x', b: 'y', c: '', d: 'z' },
      decided: { a: true, b: true, c: true, d: true },
      price: { x: 0, y: 0, z: 0 },
      sigma: 9,
      bids: 5,
      passes: 2,
    },
    // Ties, settled as documented: so that the same graph always gives the same plan.
    {
      // Of equally valued edges a bidder takes the first (a left's edges go in the rights' id order).
      name: 'of equally valued edges a bidder takes the first',
      left: { a: { x: 5, y: 5 } },
      capacity: { x: 1, y: 1, room: 1 },
      match: { a: 'x' },
      decided: { a: true },
      price: { x: 0, y: 0, room: 0 },
      sigma: 0,
      bids: 1,
      passes: 1,
    },
    {
      // b's second option is the first of y and z, worth 4 each: it gives way at x and takes y.
      name: 'of equally valued second options a bidder giving way takes the first',
      left: { a: { x: 10 }, b: { x: 10, y: 4, z: 4 } },
      capacity: { x: 1, y: 1, z: 1, room: 1 },
      match: { a: 'x', b: 'y' },
      decided: { a: true, b: true },
      price: { x: 6, y: 0, z: 0, room: 0 },
      sigma: 0,
      bids: 2,
      passes: 1,
    },
    {
      // h1 and h2 hold x with margin 1 each: the one in the first slot (h1) leaves when l
      // displaces a holder; x's price rises by h2's margin, and h1, then tied between x and y, takes y.
      name: 'of holders of equal margin the first leaves',
      left: { h1: { x: 10, y: 9 }, h2: { x: 10, z: 9 }, l: { x: 10 } },
      capacity: { x: 2, y: 1, z: 1 },
      match: { h1: 'y', h2: 'x', l: 'x' },
      decided: { h1: true, h2: true, l: true },
      price: { x: 1, y: 0, z: 0 },
      sigma: 0,
      bids: 4,
      passes: 1,
    },
    {
      // a holds x with margin 5 (over y); b's margin is 5 too: on equal margins the bidder gives
      // way, x's price rising by 5, and takes z.
      name: 'a bidder whose margin equals the weakest holder’s gives way',
      left: { a: { x: 10, y: 5 }, b: { x: 10, z: 5 } },
      capacity: { x: 1, y: 1, z: 1 },
      match: { a: 'x', b: 'z' },
      decided: { a: true, b: true },
      price: { x: 5, y: 0, z: 0 },
      sigma: 0,
      bids: 2,
      passes: 1,
    },
    {
      // Worth exactly what staying unplaced is (0): decided unplaced, though x has room.
      name: 'a bidder whose best is worth exactly σ stays unplaced',
      left: { a: { x: 0 } },
      capacity: { x: 1 },
      match: { a: '' },
      decided: { a: true },
      price: { x: 0 },
      sigma: 0,
      bids: 1,
      passes: 1,
    },
    {
      // Both lefts count (tier 0): b gives way, and x's price rises by b's whole margin, a placement
      // and 5, so that b is indifferent between x and staying unplaced.
      name: 'a counted placement is priced in the count part',
      left: { a: { x: 10 }, b: { x: 5 } },
      capacity: { x: 1, room: 1 },
      counted: true,
      match: { a: 'x', b: '' },
      decided: { a: true, b: true },
      price: { x: 5, room: 0 },
      priceCount: { x: 1 },
      sigma: 0,
      bids: 2,
      passes: 1,
    },
    {
      // Both count, and b is worth a placement and nothing more at x: its margin over staying
      // unplaced is a placement alone, so x's price rises in its count part only.
      name: 'a margin of a placement alone raises the count part of the price',
      left: { a: { x: 10 }, b: { x: 0 } },
      capacity: { x: 1, room: 1 },
      counted: true,
      match: { a: 'x', b: '' },
      decided: { a: true, b: true },
      price: { x: 0, room: 0 },
      priceCount: { x: 1 },
      sigma: 0,
      bids: 2,
      passes: 1,
    },
    {
      // Only a counts: its margin at x is a placement (and 5), above any margin of weight alone, so
      // b, worth more by weight (margin 10), gives way; x's price rises by b's margin, in weight only.
      name: 'a counted holder is not displaced by a bidder of larger weight margin',
      left: { a: { x: 5 }, b: { x: 10 } },
      capacity: { x: 1, room: 1 },
      countedLefts: ['a'],
      match: { a: 'x', b: '' },
      decided: { a: true, b: true },
      price: { x: 10, room: 0 },
      sigma: 0,
      bids: 2,
      passes: 1,
    },
    {
      // All count. b gives way at x, whose price rises by a placement and 5; c, worth a placement
      // less 2 at w (its first edge: rights go in id order) and 4 less x's price at x (no
      // placement: its count part is priced out), compares placements before weights and takes w.
      name: 'a counted bidder compares placements before weights',
      left: { a: { x: 10 }, b: { x: 5 }, c: { w: -2, x: 4 } },
      capacity: { w: 1, x: 1, room: 1 },
      counted: true,
      match: { a: 'x', b: '', c: 'w' },
      decided: { a: true, b: true, c: true },
      price: { w: 0, x: 5, room: 0 },
      priceCount: { x: 1 },
      sigma: 0,
      bids: 3,
      passes: 1,
    },
    {
      // All count. x is priced at a placement and 5 as above, d holds v. c's best is v; its second
      // option is w (a placement less 2), not x (4 less x's price: its placement priced out), whose
      // weight part is higher: c gives way at v, whose price rises by c's margin (6), and takes w.
      name: 'a counted bidder’s second option compares placements before weights',
      left: { a: { x: 10 }, b: { x: 5 }, c: { v: 4, w: -2, x: 4 }, d: { v: 9 } },
      capacity: { v: 1, w: 1, x: 1, room: 1 },
      counted: true,
      match: { a: 'x', b: '', c: 'w', d: 'v' },
      decided: { a: true, b: true, c: true, d: true },
      price: { v: 6, w: 0, x: 5, room: 0 },
      priceCount: { x: 1 },
      sigma: 0,
      bids: 4,
      passes: 1,
    },
  ];

  describe.each([
    { components: 'two components', tiers: false },
    { components: 'four components', tiers: true },
  ])('with $components', ({ tiers }) => {
    it.each(scenarios)('$name', (sc) => {
      const rights = Object.keys(sc.capacity);
      const graph: BipartiteGraph = {
        left: [
          ...Object.keys(sc.left).map((id) => ({
            id,
            tier: sc.counted === true || sc.countedLefts?.includes(id) === true ? 0 : null,
          })),
          ...(tiers ? [0, 1, 2].map((t) => ({ id: `t${t}`, tier: t })) : []),
        ],
        right: rights.map((id) => ({ id, capacity: sc.capacity[id]! })),
        edges: Object.entries(sc.left).flatMap(([l, es]) =>
          Object.entries(es).map(([r, weight]) => ({ left: l, right: r, weight })),
        ),
      };
      let seen: Pick<Scenario, 'match' | 'decided' | 'price' | 'sigma' | 'bids' | 'passes'> | undefined;
      solveOptimalProbed(graph, {
        rounds: (s) => {
          checkRounds(s);
          expect(s.finished).toBe(true);
          const g = s.graph;
          const W = s.K - 1;
          const ids = Object.keys(sc.left);
          const li = (id: string): number => g.leftIds.indexOf(id);
          seen = {
            match: Object.fromEntries(
              ids.map((id) => {
                const e = s.matchEdge[li(id)]!;
                return [id, e < 0 ? '' : g.rightIds[g.edgeRight[e]!]!];
              }),
            ),
            decided: Object.fromEntries(ids.map((id) => [id, s.decided[li(id)] === 1])),
            price: Object.fromEntries(
              g.rightIds.map((id, r) => {
                const at = s.K * (s.rightBase + r);
                // The count part of a price: in the first tier component, where the lefts count.
                for (let k = 0; k < W; k++)
                  expect(0 - s.pot[at + k]!).toBe(k === 0 ? (sc.priceCount?.[id] ?? 0) : 0);
                return [id, 0 - s.pot[at + W]!];
              }),
            ),
            sigma: s.pot[s.K * s.source + W]!,
            // The lefts of the other tiers have no edges: one bid each, decided at once.
            bids: s.work.bids - (tiers ? 3 : 0),
            passes: s.work.passes,
          };
          // No left has more edges than a best-edge list holds: no list is ever picked.
          expect(s.work.picks).toBe(0);
        },
      });
      expect(seen).toEqual({
        match: sc.match,
        decided: sc.decided,
        price: sc.price,
        sigma: sc.sigma,
        bids: sc.bids,
        passes: sc.passes,
      });
    });
  });
});
