/**
 * The bound each shortest-path search of `solveOptimal` starts from (two components). The search
 * may stop at anything beyond the cheapest short augmenting path from the left it adds (to a right
 * with room, or to a full right and one of its holders, dropped), since such a path exists: so the
 * bound must lie just above the cheapest of them, or at θ if none is cheaper. A bound too low loses
 * the optimum; one too high only slows the search, which no result would show, so here it is
 * checked against the paths' costs worked out arc by arc.
 *
 * Weights are integers, so every potential and cost is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  solveOptimal,
  solveOptimalProbed,
  type AliveState,
  type SearchState,
} from '../../src/graph/solve-optimal.js';
import type { BipartiteGraph } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { runs } from '../helpers/runs.js';
import { graphArb, heldPairsArb, heldPairsGraph, sharedPreferenceGraphArb } from './graphs.js';

type Pair = readonly [number, number];
const less = (a: Pair, b: Pair): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * The bound a search should start from: the least reduced cost of a short augmenting path from the
 * left (a path's cost plus π(left) − π(source)), made just larger, if below θ; else θ.
 */
function expectedBound(s: SearchState): Pair {
  const { graph: g, left: l0, pot, source, matchEdge, load } = s;
  const at = (node: number): Pair => [pot[2 * node]!, pot[2 * node + 1]!];
  // The arc left → right costs (−1, −w) for a left whose placement counts, (0, −w) otherwise; the
  // reverse of a held edge costs the opposite; arcs to the sink and the source cost nothing.
  const arc = (l: number, e: number): Pair => [g.leftTierIndex[l] === 0 ? -1 : 0, -g.edgeWeight[e]!];
  const [sc, sw] = at(source);
  const [lc, lw] = at(l0);
  let best: Pair = s.theta;
  let found = false;
  const consider = (c: number, w: number): void => {
    // Reduced cost of the path: its cost plus π(l0) − π(source).
    const cost: Pair = [c + lc - sc, w + lw - sw];
    if (less(cost, best)) {
      best = cost;
      found = true;
    }
  };
  for (let e = g.leftStart[l0]!; e < g.leftStart[l0 + 1]!; e++) {
    const r = g.edgeRight[e]!;
    const [ac, aw] = arc(l0, e);
    if (load[r]! < g.capacity[r]!) {
      consider(ac, aw); // l0 → r → sink → source
      continue;
    }
    for (let h = 0; h < matchEdge.length; h++) {
      const f = matchEdge[h]!;
      if (f < 0 || g.edgeRight[f] !== r) continue;
      const [hc, hw] = arc(h, f);
      consider(ac - hc, aw - hw); // l0 → r → h (its edge undone) → source
    }
  }
  return found ? [best[0], best[1] + 1e-9 * (1 + Math.abs(best[1]))] : s.theta;
}

/**
 * The rights alive for a rank, worked out as a fixed point: a right with room, or holding a left of
 * that rank or later, is alive; so is a right whose holder has an edge to a right alive.
 */
function expectedAlive(s: AliveState): Uint8Array {
  const { graph: g, rank, matchEdge, load } = s;
  const alive = new Uint8Array(g.rightIds.length);
  for (let r = 0; r < alive.length; r++) if (load[r]! < g.capacity[r]!) alive[r] = 1;
  for (let l = 0; l < matchEdge.length; l++)
    if (matchEdge[l]! >= 0 && g.leftRank[l]! >= rank) alive[g.edgeRight[matchEdge[l]!]!] = 1;
  for (let changed = true; changed;) {
    changed = false;
    for (let l = 0; l < matchEdge.length; l++) {
      const m = matchEdge[l]!;
      if (m < 0 || alive[g.edgeRight[m]!] === 1) continue;
      for (let e = g.leftStart[l]!; e < g.leftStart[l + 1]!; e++) {
        if (alive[g.edgeRight[e]!] !== 1) continue;
        alive[g.edgeRight[m]!] = 1;
        changed = true;
        break;
      }
    }
  }
  return alive;
}

interface Seen {
  readonly searches: number;
  readonly skips: number;
  /** Markings of the rights alive. */
  readonly marks: number;
}

/**
 * Solves, checking every search's bound, every marking of the rights alive, that a left is skipped
 * exactly when the marking of its rank leaves none of its rights alive, and when the marking is
 * made: once per rank but the first (where every right is alive), right after the search that
 * takes that rank's searches which came back empty past one in a hundred lefts; and that lefts are
 * searched or skipped in order of rank, then heaviest best edge, then index.
 */
function searchesChecked(graph: BipartiteGraph, bids?: number): Seen {
  let searches = 0;
  let skips = 0;
  let marks = 0;
  // The latest marking, and the rank it is for.
  let marked: { rank: number; alive: Uint8Array } | undefined;
  const anyAlive = (g: SearchState['graph'], l: number): boolean => {
    for (let e = g.leftStart[l]!; e < g.leftStart[l + 1]!; e++)
      if (marked!.alive[g.edgeRight[e]!] === 1) return true;
    return false;
  };
  let graphSeen: SearchState['graph'] | undefined;
  const nL = graph.left.length;
  // The search under way (its rank, whether it reached the source, whether a marking followed it),
  // the empty searches of its rank so far, and the ranks marked.
  let current: { rank: number; source: number; found: boolean; marked: boolean } | undefined;
  let empty = 0;
  let emptyRank = -1;
  const ranksMarked = new Set<number>();
  // The last left searched or skipped: the next must come after it.
  let last = -1;
  const inOrder = (g: SearchState['graph'], l: number): void => {
    const best = (x: number): number =>
      Math.max(-Infinity, ...Array.from(g.edgeWeight.subarray(g.leftStart[x]!, g.leftStart[x + 1]!)));
    if (last >= 0) {
      const [a, b] = [last, l];
      const before =
        g.leftRank[a]! < g.leftRank[b]! ||
        (g.leftRank[a] === g.leftRank[b] && (best(a) > best(b) || (best(a) === best(b) && a < b)));
      expect(before).toBe(true);
    }
    last = l;
  };
  let firstRank = Number.POSITIVE_INFINITY;
  /** Ends the search under way: a marking must follow it exactly when it is due. */
  const ended = (): void => {
    if (current === undefined) return;
    const { rank, found } = current;
    if (rank !== emptyRank) {
      emptyRank = rank;
      empty = 0;
    }
    if (!found) empty++;
    const due = !found && !ranksMarked.has(rank) && empty > nL / 100 && rank > firstRank;
    expect(current.marked).toBe(due);
    if (due) ranksMarked.add(rank);
    current = undefined;
  };
  const a = solveOptimalProbed(graph, {
    ...(bids === undefined ? {} : { bids }),
    rounds: (s) => {
      for (let l = 0; l < nL; l++) firstRank = Math.min(firstRank, s.graph.leftRank[l]!);
    },
    search: (s) => {
      ended();
      searches++;
      graphSeen = s.graph;
      current = { rank: s.graph.leftRank[s.left]!, source: s.source, found: false, marked: false };
      inOrder(s.graph, s.left);
      // Only a left that placing is worth something to (θ above zero) is searched.
      expect(less([0, 0], s.theta)).toBe(true);
      expect(s.bound).toEqual(expectedBound(s));
      if (marked?.rank === s.graph.leftRank[s.left]) expect(anyAlive(s.graph, s.left)).toBe(true);
    },
    settle: (v) => {
      if (v === current?.source) current.found = true;
    },
    alive: (s) => {
      marks++;
      expect(current?.rank).toBe(s.rank);
      current!.marked = true;
      graphSeen = s.graph;
      expect(s.alive).toEqual(expectedAlive(s));
      marked = { rank: s.rank, alive: s.alive.slice() };
    },
    skip: (l) => {
      ended();
      skips++;
      inOrder(graphSeen!, l);
      expect(marked).toBeDefined();
      expect(graphSeen!.leftRank[l]).toBe(marked!.rank);
      expect(anyAlive(graphSeen!, l)).toBe(false);
    },
  });
  ended();
  expect(verifyAssignment(graph, a).violations).toEqual([]);
  expect(a.total).toBe(solveOptimal(graph).total);
  return { searches, skips, marks };
}

/** Graphs whose rounds leave many lefts to the searches. */
const searchedGraphArb = (tiers: readonly (number | null)[]): fc.Arbitrary<BipartiteGraph> =>
  fc.oneof(
    // Every left wants the same rights: the rounds leave many lefts to the searches.
    sharedPreferenceGraphArb(tiers),
    // Small weights, ties everywhere: the rounds stop at ties, the searches go on.
    graphArb({
      minLeft: 4,
      maxLeft: 30,
      minRight: 2,
      maxRight: 12,
      maxCapacity: 3,
      density: 0.6,
      weight: fc.integer({ min: -3, max: 6 }),
      tiers,
    }),
  );

/**
 * Each case with the price rounds as they are, and with no bids: the rounds then decide no left,
 * and the searches add every one from potentials the rounds never moved.
 */
const withoutBids = [
  { name: 'no numbered tier', tiers: [null], bids: undefined },
  { name: 'one numbered tier and none', tiers: [0, null], bids: undefined },
  { name: 'no numbered tier, no bids', tiers: [null], bids: 0 },
  { name: 'one numbered tier and none, no bids', tiers: [0, null], bids: 0 },
] as const;

describe('the searches of solveOptimal', () => {
  it.each(withoutBids)('start just above the cheapest short augmenting path: $name', ({ tiers, bids }) => {
    let searched = 0;
    let all = 0;
    fc.assert(
      fc.property(searchedGraphArb(tiers), (graph) => {
        if (searchesChecked(graph, bids).searches > 0) searched++;
        all++;
      }),
      { numRuns: runs(100) },
    );
    // The rounds decide most lefts; enough graphs must leave some to the searches.
    expect(searched).toBeGreaterThanOrEqual(0.3 * all);
  });
});

describe('the dead region of solveOptimal', () => {
  it('marks alive exactly the rights that can reach an opening worth taking, and skips the lefts with none', () => {
    let skipped = 0;
    let all = 0;
    fc.assert(
      fc.property(heldPairsArb(2), (sizes) => {
        const graph = heldPairsGraph(sizes);
        if (searchesChecked(graph).skips > 0) skipped++;
        all++;
      }),
      { numRuns: runs(100) },
    );
    expect(skipped).toBeGreaterThanOrEqual(0.3 * all);
  });

  it.each([
    { tied: 290, lefts: 300, failed: 4 },
    { tied: 244, lefts: 254, failed: 3 },
  ])('marks once more than one in a hundred lefts ($lefts) searched in vain', ({ tied, failed }) => {
    // The first three tied lefts, searched first, reach a right of their own: found, not counted.
    // A failed search raises its pair's prices past what the other lefts of that pair could pay
    // (they are not searched), so each of the five pairs fails once: the marking waits for the
    // fourth failure of 300 lefts, the third of 254, and the last pair's lefts are skipped.
    const graph = heldPairsGraph({ pairs: 5, tied, held: 5, want: 3, free: 3 });
    const seen = searchesChecked(graph);
    expect(seen).toMatchObject({ marks: 1, searches: 3 + failed });
    expect(seen.skips).toBeGreaterThan(0);
    // Each probe is optional: skips with no `skip` probe given.
    expect(solveOptimalProbed(graph, { search: () => undefined }).pairs).toEqual(solveOptimal(graph).pairs);
  });

  it('marks and skips as it must on random graphs of two ranks', () => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 10,
          maxLeft: 40,
          minRight: 2,
          maxRight: 10,
          maxCapacity: 2,
          density: 0.4,
          weight: fc.integer({ min: 0, max: 8 }),
          tiers: [0, null],
        }),
        (graph) => {
          searchesChecked(graph);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

/** A node settled by a search: the node and its label (count part, weight part). */
type Settled = readonly [node: number, c: number, w: number];

/** What a search must do, from {@link expectedSettles}. */
interface Expected {
  /** The nodes it settles off its heap, in order, with their labels. */
  readonly settles: Settled[];
  /**
   * The residual arcs out of every node it settles, on the heap or off it, but the edges of lefts
   * with more edges than a best-edge list keeps.
   */
  readonly arcs: number;
  /** The edges of those lefts, which their lists may spare a search from reading. */
  readonly listedArcs: number;
  /** Those lefts. */
  readonly listed: number;
}

/** Edges a left may have and still be read whole, without a best-edge list (`TOP`). */
const TOP = 8;

/**
 * What a search from the state it starts in must settle off its heap, in order, worked out by a
 * plain Dijkstra of its own over the whole residual graph (every arc, no bound, no best-edge list):
 * reduced costs `cost + π(u) − π(v)` (a tight arc's weight part clamped at 0), a placed left settled
 * with its right at the same label, nodes taken by label and among equal labels the source first,
 * then the sink, then by index; it stops at the source, or at the first label not below θ.
 */
function expectedSettles(s: SearchState): Expected {
  const { graph: g, left: l0, pot, matchEdge, load, source } = s;
  const nL = g.leftIds.length;
  const sink = nL + g.rightIds.length;
  const V = sink + 2;
  const label: (Pair | undefined)[] = new Array<Pair | undefined>(V);
  const settled = new Uint8Array(V);
  const key = (v: number): number => (v >= sink ? v - V : v);
  let arcs = 0;
  let listed = 0;
  let listedArcs = 0;
  const relax = (u: number, v: number, c: number, w: number): void => {
    arcs++;
    if (settled[v] === 1) return;
    const rc = c + pot[2 * u]! - pot[2 * v]!;
    let rcw = w + pot[2 * u + 1]! - pot[2 * v + 1]!;
    if (rc === 0 && rcw < 0) rcw = 0;
    const next: Pair = [label[u]![0] + rc, label[u]![1] + rcw];
    const old = label[v];
    if (old === undefined || less(next, old)) label[v] = next;
  };
  const expandLeft = (l: number): void => {
    const sign = g.leftTierIndex[l] === 0 ? -1 : 0;
    const degree = g.leftStart[l + 1]! - g.leftStart[l]!;
    for (let e = g.leftStart[l]!; e < g.leftStart[l + 1]!; e++)
      relax(l, nL + g.edgeRight[e]!, sign, -g.edgeWeight[e]!);
    if (degree > TOP) {
      listed++;
      listedArcs += degree;
      arcs -= degree;
    }
    if (matchEdge[l]! >= 0) relax(l, source, 0, 0);
  };
  label[l0] = [0, 0];
  const settles: Settled[] = [];
  for (;;) {
    let u = -1;
    let at: Pair | undefined;
    for (let v = 0; v < V; v++) {
      const lv = label[v];
      if (settled[v] === 1 || lv === undefined) continue;
      if (at === undefined || less(lv, at) || (!less(at, lv) && key(v) < key(u))) {
        u = v;
        at = lv;
      }
    }
    if (at === undefined || !less(at, s.theta)) break;
    settles.push([u, at[0], at[1]]);
    settled[u] = 1;
    if (u === source) break;
    if (u < nL) expandLeft(u);
    else if (u < sink) {
      const r = u - nL;
      for (let h = 0; h < nL; h++) {
        if (matchEdge[h]! < 0 || g.edgeRight[matchEdge[h]!] !== r) continue;
        settled[h] = 1;
        label[h] = at;
        expandLeft(h);
      }
      if (load[r]! < g.capacity[r]!) relax(u, sink, 0, 0);
    } else relax(u, source, 0, 0);
  }
  return { settles, arcs, listedArcs, listed };
}

interface SettleCounts {
  /** Searches checked. */
  readonly searches: number;
  /** Searches in which two nodes past the first right settled at equal labels (the tie rule ordered them). */
  readonly tied: number;
  /** Searches that settled a left with more edges than its best-edge list keeps. */
  readonly listed: number;
  /** Of those, searches that relaxed fewer arcs than the plain Dijkstra. */
  readonly fewer: number;
}

/**
 * Solves, checking that each search settles exactly the nodes, labels and order of
 * {@link expectedSettles} from the state it starts in, and relaxes each residual arc out of the
 * nodes it settles once, but a listed left's edges: none of those it may spare, and at most its
 * list's entries twice.
 * (The last search's relaxations are not checked: they are read at the next search's start.)
 */
function settlesChecked(graph: BipartiteGraph, bids?: number): SettleCounts {
  const counts = { searches: 0, tied: 0, listed: 0, fewer: 0 };
  let expected: Expected | undefined;
  let state: SearchState | undefined;
  let actual: Settled[] = [];
  const compare = (relaxed?: number): void => {
    if (expected === undefined) return;
    expect(actual).toEqual(expected.settles);
    counts.searches++;
    if (actual.some((x, i) => i > 0 && x[1] === actual[i - 1]![1] && x[2] === actual[i - 1]![2]))
      counts.tied++;
    if (relaxed !== undefined) {
      const made = relaxed - state!.relaxed;
      // Every arc out of a node without a list, once; of a left's edges, those its list offers,
      // then, if the list runs out first, every edge (its list's entries a second time).
      expect(made).toBeGreaterThanOrEqual(expected.arcs);
      expect(made).toBeLessThanOrEqual(expected.arcs + expected.listedArcs + TOP * expected.listed);
      if (expected.listed > 0) {
        counts.listed++;
        if (made < expected.arcs + expected.listedArcs) counts.fewer++;
      }
    }
    expected = undefined;
  };
  solveOptimalProbed(graph, {
    ...(bids === undefined ? {} : { bids }),
    search: (s) => {
      compare(s.relaxed);
      actual = [];
      state = s;
      // The state as the search starts: the probe's views change as the solver goes on.
      expected = expectedSettles({
        ...s,
        matchEdge: s.matchEdge.slice(),
        load: s.load.slice(),
        pot: s.pot.slice(),
      });
    },
    settle: (v) => {
      if (expected !== undefined) actual.push([v, state!.dist[2 * v]!, state!.dist[2 * v + 1]!]);
    },
    // A skip or a marking comes after the search before it, and relaxes nothing.
    skip: () => {
      compare();
    },
    alive: () => {
      compare();
    },
  });
  compare();
  return counts;
}

describe('the order the searches of solveOptimal settle nodes in', () => {
  it.each(withoutBids)(
    'is a plain Dijkstra’s over every residual arc, ties to the source, then the sink, then by index, each arc relaxed at most once but by a best-edge list: $name',
    ({ tiers, bids }) => {
      const all = { searches: 0, tied: 0, listed: 0, fewer: 0 };
      fc.assert(
        fc.property(searchedGraphArb(tiers), (graph) => {
          const seen = settlesChecked(graph, bids);
          for (const k of ['searches', 'tied', 'listed', 'fewer'] as const) all[k] += seen[k];
        }),
        { numRuns: runs(100) },
      );
      // The searches must meet ties, and lefts whose best-edge lists spare them arcs, often enough.
      expect(all.tied).toBeGreaterThanOrEqual(0.1 * all.searches);
      expect(all.fewer).toBeGreaterThanOrEqual(0.1 * all.searches);
    },
  );
});
