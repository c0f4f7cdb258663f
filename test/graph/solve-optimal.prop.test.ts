import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../src/graph/internal/compile.js';
import { createNetworkSimplex } from '../../src/graph/internal/network-simplex.js';
import { solveOptimal, solveOptimalProbed, solveOptimalTyped } from '../../src/graph/solve-optimal.js';
import type { Assignment, BipartiteGraph, OptimalCertificate } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import {
  bruteForceOptimum,
  denseShape,
  graphArb,
  heldPairsArb,
  heldPairsGraph,
  mixedWeight,
  shuffled,
  type GraphShape,
} from './graphs.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

type Highs = Awaited<ReturnType<typeof loadHighs>>;

const countsOf = (a: Assignment): [number, number] => [a.placedByTier[0] ?? 0, a.placedByTier[1] ?? 0];

describe('solveOptimal', () => {
  it('optimal equals brute force on every small instance', () => {
    fc.assert(
      fc.property(graphArb({ maxLeft: 6, maxRight: 4, maxCapacity: 3 }), (graph) => {
        const a = solveOptimal(graph);
        const best = bruteForceOptimum(graph);
        expect(countsOf(a)).toEqual(best.counts);
        expect(Math.abs(a.total - best.weight)).toBeLessThanOrEqual(1e-9);
        expect(verifyAssignment(graph, a).violations).toEqual([]);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('optimal equals brute force with negative weights: a counted placement always outweighs any weight', () => {
    fc.assert(
      fc.property(
        graphArb({ maxLeft: 6, maxRight: 4, maxCapacity: 2, weight: fc.integer({ min: -20, max: 20 }) }),
        (graph) => {
          const a = solveOptimal(graph);
          const best = bruteForceOptimum(graph);
          expect(countsOf(a)).toEqual(best.counts);
          expect(a.total).toBe(best.weight);
          expect(verifyAssignment(graph, a).violations).toEqual([]);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  // Dense graphs give every left more edges than the solver keeps in order (8), so its scans fall
  // back to the full edge list and re-pick their best edges; small integer weights make ties, which
  // are what the price rounds leave to the searches. The certificate is checked without trusting
  // the solver: a verified dual proves the optimum.
  it.each([
    { name: 'one numbered tier and none', tiers: [0, null] },
    { name: 'no numbered tier', tiers: [null] },
    { name: 'three numbered tiers and none', tiers: [0, 1, 2, null] },
  ])('optimal is certified on dense graphs with ties and negative weights: $name', ({ tiers }) => {
    fc.assert(
      fc.property(
        graphArb({
          minLeft: 10,
          maxLeft: 50,
          minRight: 3,
          maxRight: 25,
          maxCapacity: 3,
          density: 0.7,
          weight: fc.integer({ min: -4, max: 8 }),
          tiers,
        }),
        (graph) => {
          const a = solveOptimal(graph);
          expect(verifyAssignment(graph, a).violations).toEqual([]);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  // With no bids the price rounds decide no left, and the searches add every one, from potentials
  // the rounds never moved: lefts without an edge among them (the rounds decide those at once), and
  // with two numbered tiers, three components (the general path, not the two-component one).
  it.each([
    { name: 'no numbered tier', tiers: [null] },
    { name: 'one numbered tier and none', tiers: [0, null] },
    { name: 'two numbered tiers and none', tiers: [0, 1, null] },
  ])('optimal equals brute force when the searches add every left: $name', ({ tiers }) => {
    let edgeless = 0;
    let all = 0;
    fc.assert(
      fc.property(
        // Half the graphs get one more left, with no edge.
        fc
          .tuple(
            graphArb({
              maxLeft: 6,
              maxRight: 4,
              maxCapacity: 2,
              density: 0.4,
              weight: fc.integer({ min: -5, max: 9 }),
              tiers,
            }),
            fc.boolean(),
          )
          .map(([g, more]) => (more ? { ...g, left: [...g.left, { id: 'lx', tier: tiers[0]! }] } : g)),
        (graph) => {
          let left = 0;
          const a = solveOptimalProbed(graph, {
            bids: 0,
            rounds: (s) => {
              left = s.decided.reduce((n, d) => n + d, 0);
            },
          });
          expect(left).toBe(0);
          const best = bruteForceOptimum(graph);
          expect(countsOf(a)).toEqual(best.counts);
          expect(a.total).toBe(best.weight);
          expect(verifyAssignment(graph, a).violations).toEqual([]);
          all++;
          if (graph.left.some((l) => !graph.edges.some((e) => e.left === l.id))) edgeless++;
        },
      ),
      { numRuns: runs(1000) },
    );
    expect(edgeless).toBeGreaterThanOrEqual(0.3 * all);
  });

  // With no numbered tier the solver runs on two components, the count part unused. More lefts than
  // openings fill every right, which is when the price rounds raise what staying unplaced is worth
  // and bid again pass after pass; more edges per left than the best-edge lists keep (8) make bids,
  // holders' alternatives and searches pick their lists again; small integer weights make the ties
  // that leave lefts undecided for the searches; rights of capacity 0 are full from the start.
  describe('with no numbered tier', () => {
    it('optimal equals brute force on small graphs with more edges per left than the lists keep', () => {
      const shape: GraphShape = {
        minLeft: 2,
        maxLeft: 5,
        minRight: 9,
        maxRight: 11,
        maxCapacity: 1,
        density: 0.9,
        weight: fc.integer({ min: -2, max: 6 }),
        tiers: [null],
      };
      fc.assert(
        fc.property(graphArb(shape), (graph) => {
          const a = solveOptimal(graph);
          expect(a.total).toBe(bruteForceOptimum(graph).weight);
          expect(verifyAssignment(graph, a).violations).toEqual([]);
        }),
        { numRuns: runs(300) },
      );
    });

    // Two graphs built so that best-edge lists go stale in the rounds: every entry but the held one
    // falls below the largest key of the edges outside the list, so the lists are picked again.
    it("picks a bidder's best edges again when their prices rose past the rest", () => {
      // l bids first (its edge to s, of capacity 0, weighs most), takes r0, and each b_i in turn takes
      // r_i from it, raising its price by 100; by r6, l's listed edges are all worth less than r7.
      const graph: BipartiteGraph = {
        left: [{ id: 'l', tier: null }, ...range(8).map((i) => ({ id: `b${i}`, tier: null }))],
        right: [...range(9).map((i) => ({ id: `r${i}`, capacity: 1 })), { id: 's', capacity: 0 }],
        edges: [
          ...range(8).map((i) => ({ left: 'l', right: `r${i}`, weight: 10 })),
          { left: 'l', right: 'r8', weight: 9 },
          { left: 'l', right: 's', weight: 1000 },
          ...range(8).map((i) => ({ left: `b${i}`, right: `r${i}`, weight: 100 })),
        ],
      };
      const a = solveOptimal(graph);
      expect(verifyAssignment(graph, a).violations).toEqual([]);
      expect(a.total).toBe(bruteForceOptimum(graph).weight);
    });

    it("picks a holder's best edges again when their prices rose past the rest", () => {
      // h takes x; d_i and f_i compete for y_i, raising its price to 100; then e bids for x, and h's
      // best alternative is z (30), outside its list, not the listed y_i (now worth −60).
      const ys = range(8).map((i) => `y${i}`);
      const graph: BipartiteGraph = {
        left: [
          { id: 'h', tier: null },
          { id: 'e', tier: null },
          ...range(8).flatMap((i) => [
            { id: `d${i}`, tier: null },
            { id: `f${i}`, tier: null },
          ]),
        ],
        right: [{ id: 'x', capacity: 1 }, { id: 'z', capacity: 1 }, ...ys.map((id) => ({ id, capacity: 1 }))],
        edges: [
          { left: 'h', right: 'x', weight: 1000 },
          ...ys.map((y) => ({ left: 'h', right: y, weight: 40 })),
          { left: 'h', right: 'z', weight: 30 },
          ...ys.flatMap((y, i) => [
            { left: `d${i}`, right: y, weight: 100 },
            { left: `f${i}`, right: y, weight: 90 },
          ]),
          { left: 'e', right: 'x', weight: 80 },
        ],
      };
      const a = solveOptimal(graph);
      // The certificate proves the optimum: h on x, d_i on y_i.
      expect(verifyAssignment(graph, a).violations).toEqual([]);
      expect(a.total).toBe(1800);
    });

    // Many lefts, each with more edges than its list keeps, competing for few openings: bids, holders'
    // alternatives and searches all read the lists and their bound on the rest. The network simplex,
    // which keeps no lists, is the oracle (placements per tier, then weight).
    it.each([
      { name: 'no numbered tier', tiers: [null] },
      { name: 'one numbered tier and none', tiers: [0, null] },
    ])('agrees with the network simplex where lists are read under competition: $name', ({ tiers }) => {
      const shape: GraphShape = {
        minLeft: 12,
        maxLeft: 40,
        minRight: 9,
        maxRight: 14,
        maxCapacity: 2,
        density: 0.85,
        weight: fc.integer({ min: 0, max: 9 }),
        tiers,
      };
      fc.assert(
        fc.property(graphArb(shape), (graph) => {
          const a = solveOptimal(graph);
          expect(verifyAssignment(graph, a).violations).toEqual([]);
          const g = compileGraph(graph);
          const match = createNetworkSimplex(g).solve().matchEdge;
          let total = 0;
          // Every numbered tier of the graph is counted, placed or not.
          const counts: Record<number, number> = Object.fromEntries(g.tiers.map((t) => [t, 0]));
          match.forEach((e, l) => {
            if (e < 0) return;
            total += g.edgeWeight[e]!;
            const t = g.leftTierIndex[l]!;
            if (t >= 0) counts[g.tiers[t]!] = (counts[g.tiers[t]!] ?? 0) + 1;
          });
          expect(a.placedByTier).toEqual(counts);
          expect(a.total).toBe(total);
        }),
        { numRuns: runs(100) },
      );
    });

    // The largest key outside a left's list bounds what its other edges can offer: when every listed
    // edge is priced out, the left must still find the best of the others. That key comes either
    // from an edge below the list when it was read, or from a listed edge pushed out by a better one.
    it.each([
      {
        name: 'an edge read below the list',
        // l's first eight edges fill its list, the ninth (r8, 9) is below them; b_i takes r_i.
        edges: [...range(8).map((i) => ({ right: `r${i}`, weight: 10 })), { right: 'r8', weight: 9 }],
        bidders: range(8),
        expected: { post: 'r8', total: 809 },
      },
      {
        name: 'a listed edge pushed out',
        // r8 (20) pushes r7 (9) out of l's list, before and after r8's price rises to 10 (ties keep
        // edge order); b_i takes r_i for every i but 7.
        edges: [
          ...range(7).map((i) => ({ right: `r${i}`, weight: 10 })),
          { right: 'r7', weight: 9 },
          { right: 'r8', weight: 20 },
        ],
        bidders: [...range(7), 8],
        expected: { post: 'r7', total: 809 },
      },
    ])("finds a left's best edge outside its list: $name", ({ edges, bidders, expected }) => {
      // Lefts bid in id order: l first ('a'), or after the bidders ('z'), against prices already set.
      for (const l of ['a', 'z']) {
        const graph: BipartiteGraph = {
          left: [{ id: l, tier: null }, ...bidders.map((i) => ({ id: `b${i}`, tier: null }))],
          right: range(9).map((i) => ({ id: `r${i}`, capacity: 1 })),
          edges: [
            ...edges.map((e) => ({ left: l, ...e })),
            ...bidders.map((i) => ({ left: `b${i}`, right: `r${i}`, weight: 100 })),
          ],
        };
        const a = solveOptimal(graph);
        expect(verifyAssignment(graph, a).violations).toEqual([]);
        expect(a.total).toBe(expected.total);
        expect(a.pairs.find((x) => x.left === l)?.right).toBe(expected.post);
      }
    });

    it.each([
      { name: 'ties', weight: fc.integer({ min: 1, max: 12 }) },
      { name: 'negative weights', weight: fc.integer({ min: -5, max: 12 }) },
      { name: 'fractional weights', weight: mixedWeight },
    ])(
      'optimal is certified and independent of input order on oversubscribed graphs: $name',
      ({ weight }) => {
        const shape: GraphShape = {
          minLeft: 12,
          maxLeft: 60,
          minRight: 2,
          maxRight: 20,
          maxCapacity: 3,
          density: 0.8,
          weight,
          tiers: [null],
        };
        fc.assert(
          fc.property(graphArb(shape), fc.integer(), (graph, seed) => {
            const a = solveOptimal(graph);
            expect(verifyAssignment(graph, a).violations).toEqual([]);
            expect(solveOptimal(shuffled(graph, seed))).toEqual(a);
          }),
          { numRuns: runs(200) },
        );
      },
    );
  });

  // Lefts of a later rank tied between two full rights whose holders (of an earlier rank) cannot
  // move, while a right with room keeps staying unplaced worth 0: the price rounds leave them
  // undecided, the first search of the rank fails, and a left whose rights that search did not reach
  // is skipped (no path can place it) and its dual repaired by one search at the end.
  it('skips lefts no path can place and repairs their duals at the end', () => {
    fc.assert(
      fc.property(heldPairsArb(), (sizes) => {
        const graph = heldPairsGraph(sizes);
        const a = solveOptimal(graph);
        expect(verifyAssignment(graph, a).violations).toEqual([]);
        // Every holder keeps its right: a counted placement comes before any weight.
        expect(a.pairs.map((p) => `${p.left}-${p.right}`)).toEqual(
          range(2 * sizes.pairs).map((i) => `h${i}-x${i}`),
        );
      }),
      { numRuns: runs(100) },
    );
  });

  it('gives a right with no openings the least dual that covers its edges', () => {
    // Its dual costs nothing (it has no openings), so any that covers its edges would do; the
    // solver promises the least: 0, or the largest value less the left's dual over its edges
    // (lexicographically, the placement parts first). Integer weights: exact.
    fc.assert(
      fc.property(
        fc.oneof(
          graphArb({ maxLeft: 12, maxRight: 6, maxCapacity: 2, weight: fc.integer({ min: -5, max: 20 }) }),
          graphArb({
            maxLeft: 12,
            maxRight: 6,
            maxCapacity: 2,
            weight: fc.integer({ min: 0, max: 9 }),
            tiers: [0, 1, 2, null],
          }),
          graphArb({
            maxLeft: 12,
            maxRight: 6,
            maxCapacity: 1,
            weight: fc.integer({ min: 0, max: 9 }),
            tiers: [null],
          }),
        ),
        (graph) => {
          const a = solveOptimal(graph);
          const c = a.certificate as OptimalCertificate;
          const T = c.tiers.length;
          const tierOf = new Map(graph.left.map((l) => [l.id, l.tier === undefined ? 0 : l.tier]));
          const lexLess = (x: readonly number[], y: readonly number[]): boolean => {
            for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! < y[k]!;
            return false;
          };
          for (const r of graph.right) {
            if (r.capacity !== 0) continue;
            let least: number[] = new Array<number>(T + 1).fill(0);
            for (const e of graph.edges) {
              if (e.right !== r.id) continue;
              const tier = tierOf.get(e.left) ?? null;
              const u = [...c.leftTierPotential[e.left]!, c.leftPotential[e.left]!];
              const value = [...c.tiers.map((t) => (t === tier ? 1 : 0)), e.weight];
              const need = value.map((x, k) => x - u[k]!);
              if (lexLess(least, need)) least = need;
            }
            expect([...c.rightTierPotential[r.id]!, c.rightPotential[r.id]!]).toEqual(least);
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('hands out the same duals as typed arrays as in its certificate', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          graphArb({ maxLeft: 12, maxRight: 6, maxCapacity: 3, weight: fc.integer({ min: -5, max: 20 }) }),
          graphArb({ maxLeft: 12, maxRight: 6, maxCapacity: 3, tiers: [0, 1, 2, null] }),
          graphArb({ maxLeft: 12, maxRight: 6, maxCapacity: 2, tiers: [null] }),
        ),
        (graph) => {
          const g = compileGraph(graph);
          const { matchEdge, duals } = solveOptimalTyped(g);
          const a = solveOptimal(graph);
          const c = a.certificate as OptimalCertificate;
          const T = g.tiers.length;
          expect(duals.T).toBe(T);
          expect(c.tiers).toEqual(g.tiers);
          g.leftIds.forEach((id, l) => {
            expect(duals.leftWeight[l]).toBe(c.leftPotential[id]);
            expect(Array.from(duals.leftTier.subarray(l * T, l * T + T))).toEqual(c.leftTierPotential[id]);
          });
          g.rightIds.forEach((id, r) => {
            expect(duals.rightWeight[r]).toBe(c.rightPotential[id]);
            expect(Array.from(duals.rightTier.subarray(r * T, r * T + T))).toEqual(c.rightTierPotential[id]);
          });
          const pairs = Array.from(matchEdge).flatMap((e, l) =>
            e < 0 ? [] : [`${g.leftIds[l]}-${g.rightIds[g.edgeRight[e]!]}`],
          );
          expect(pairs).toEqual(a.pairs.map((p) => `${p.left}-${p.right}`));
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('placement counts on dense graphs do not depend on the weights', () => {
    // The placement counts of a lexicographic optimum do not depend on the weights: the same graph
    // with every weight 0 must place as many of each tier.
    fc.assert(
      fc.property(graphArb({ ...denseShape, density: 0.6, tiers: [0, null] }), (graph) => {
        const a = solveOptimal(graph);
        const flat = solveOptimal({ ...graph, edges: graph.edges.map((e) => ({ ...e, weight: 0 })) });
        expect(a.placedByTier).toEqual(flat.placedByTier);
      }),
      { numRuns: runs(200) },
    );
  });

  describe('against an LP solver', () => {
    let highs: Highs;
    beforeAll(async () => {
      highs = await loadHighs();
    });

    /**
     * The lexicographic optimum (tier 0 count, tier 1 count, weight) of the LP relaxation, by three LPs
     * in turn, each kept on the optimal face of the one before: bipartite b-matching is totally
     * unimodular and a face of an integral polytope is integral, so the last optimum is integral too.
     * Also returns the optimum of the single LP with big-M tier bonuses.
     */
    function lpOptimum(
      graph: BipartiteGraph,
      bonus: readonly [number, number],
    ): { counts: [number, number]; weight: number; combined: number } {
      // A null tier counts no placement: no indicator, no bonus.
      const tierOf = new Map(graph.left.map((n) => [n.id, n.tier === undefined ? 0 : n.tier]));
      const bonusOf = (t: number | null | undefined): number =>
        t === null || t === undefined ? 0 : bonus[t]!;
      const m = graph.edges.length;
      const indicator = (t: number): number[] => graph.edges.map((e) => (tierOf.get(e.left) === t ? 1 : 0));
      const all = graph.edges.map((_, i) => i);
      return highs.withModel({ format: 'lp', data: 'Maximize\n obj:\nSubject To\nEnd' }, (model) => {
        model.options.set({ output_flag: false });
        model.addVars(new Array<number>(m).fill(0), new Array<number>(m).fill(1));
        const rows: { edges: number[]; lower: number; upper: number }[] = [];
        for (const n of graph.left)
          rows.push({
            edges: all.filter((i) => graph.edges[i]!.left === n.id),
            lower: -highs.infinity,
            upper: 1,
          });
        for (const n of graph.right)
          rows.push({
            edges: all.filter((i) => graph.edges[i]!.right === n.id),
            lower: -highs.infinity,
            upper: n.capacity,
          });
        const addRows = (list: readonly { edges: number[]; lower: number; upper: number }[]): void => {
          const starts = [0];
          for (const r of list) starts.push(starts[starts.length - 1]! + r.edges.length);
          const indices = list.flatMap((r) => r.edges);
          model.addRows({
            lower: Float64Array.from(list, (r) => r.lower),
            upper: Float64Array.from(list, (r) => r.upper),
            matrix: {
              format: 'csr',
              numRows: list.length,
              numCols: m,
              starts: Int32Array.from(starts),
              indices: Int32Array.from(indices),
              values: new Float64Array(indices.length).fill(1),
            },
          });
        };
        addRows(rows);
        const maximise = (cost: readonly number[]): number => {
          model.changeColsCost({ kind: 'range', from: 0, to: m - 1 }, cost);
          model.run();
          expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
          return model.getObjectiveValue();
        };
        const combined = maximise(graph.edges.map((e) => e.weight + bonusOf(tierOf.get(e.left))));
        const counts: [number, number] = [0, 0];
        for (const t of [0, 1] as const) {
          const ind = indicator(t);
          counts[t] = Math.round(maximise(ind));
          addRows([{ edges: all.filter((i) => ind[i] === 1), lower: counts[t], upper: highs.infinity }]);
        }
        return { counts, weight: maximise(graph.edges.map((e) => e.weight)), combined };
      });
    }

    /** Solves, checks the certificate, and compares counts, weight and the big-M optimum with HiGHS. */
    function agreesWithLp(graph: BipartiteGraph): void {
      const a = solveOptimal(graph);
      expect(verifyAssignment(graph, a).violations).toEqual([]);
      // Big-M tier bonuses M_t = W·(n + 1)^(T−1−t) with W = n·max|w| + 1.
      const n = graph.left.length;
      const W = n * Math.max(...graph.edges.map((e) => Math.abs(e.weight))) + 1;
      const bonus = [W * (n + 1), W] as const;
      const lp = lpOptimum(graph, bonus);
      expect(countsOf(a)).toEqual(lp.counts);
      expect(Math.abs(a.total - lp.weight)).toBeLessThanOrEqual(1e-6 * Math.max(1, lp.weight));
      const ours = a.total + bonus[0] * countsOf(a)[0] + bonus[1] * countsOf(a)[1];
      expect(Math.abs(ours - lp.combined)).toBeLessThanOrEqual(1e-6 * Math.max(1, lp.combined));
    }

    // HiGHS runs in WebAssembly; allow for a slow or busy machine (the result does not depend on time).
    it.each([
      {
        name: 'medium instances',
        count: 20,
        shape: {
          minLeft: 30,
          maxLeft: 80,
          minRight: 10,
          maxRight: 20,
          maxCapacity: 4,
          density: 0.15,
          weight: fc.integer({ min: 0, max: 2000 }).map((c) => c / 100),
        },
      },
      {
        // More edges per left than the solver keeps in order, one numbered tier (its fast path).
        name: 'dense instances',
        count: 10,
        shape: {
          minLeft: 30,
          maxLeft: 60,
          minRight: 12,
          maxRight: 20,
          maxCapacity: 3,
          density: 0.6,
          weight: fc.integer({ min: 0, max: 300 }).map((c) => c / 100),
          tiers: [0, null],
        },
      },
      {
        // No numbered tier, more lefts than openings, ties: the rounds' passes and the searches both
        // have work (see 'with no numbered tier' above).
        name: 'oversubscribed instances with no numbered tier',
        count: 15,
        shape: {
          minLeft: 30,
          maxLeft: 70,
          minRight: 3,
          maxRight: 12,
          maxCapacity: 3,
          density: 0.8,
          weight: fc.integer({ min: 1, max: 20 }),
          tiers: [null],
        },
      },
    ])(
      'optimal equals an independent LP solution on $name',
      ({ count, shape }) => {
        const graphs = graphArb(shape).filter((g) => g.edges.length > 0);
        fc.assert(fc.property(graphs, agreesWithLp), { numRuns: count });
      },
      120_000,
    );
  });
});
