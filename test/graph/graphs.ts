/**
 * Generators of bipartite graphs and brute-force references for the solver tests.
 */
import fc from 'fast-check';
import type { BipartiteGraph, Edge, LeftNode, RightNode } from '../../src/graph/types.js';

export interface GraphShape {
  readonly minLeft?: number;
  readonly maxLeft: number;
  readonly minRight?: number;
  readonly maxRight: number;
  readonly maxCapacity: number;
  /** Chance that a given left/right pair is an edge. */
  readonly density?: number;
  readonly weight?: fc.Arbitrary<number>;
  /** Tiers to draw from (each left may also leave its tier out); 0, 1 and `null` by default. */
  readonly tiers?: readonly (number | null)[];
}

/** Dense graphs of 10–40 lefts and 3–20 rights of capacity up to 3 (their density and weights are the caller's). */
export const denseShape = { minLeft: 10, maxLeft: 40, minRight: 3, maxRight: 20, maxCapacity: 3 } as const;

/** Integer weights 0–20 and arbitrary doubles in [0, 20]. */
export const mixedWeight: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.double({ min: 0, max: 20, noNaN: true, noDefaultInfinity: true }),
);

/**
 * Valid graphs: ids `l0…`, `r0…`, tiers from `shape.tiers` (0/1/null by default; sometimes left
 * undefined), capacities 0…maxCapacity.
 */
export function graphArb(shape: GraphShape): fc.Arbitrary<BipartiteGraph> {
  const weight = shape.weight ?? mixedWeight;
  const density = shape.density ?? 0.5;
  return fc
    .record({
      tiers: fc.array(
        fc.option(fc.constantFrom<number | null>(...(shape.tiers ?? [0, 1, null])), { nil: undefined }),
        {
          minLength: shape.minLeft ?? 0,
          maxLength: shape.maxLeft,
        },
      ),
      caps: fc.array(fc.integer({ min: 0, max: shape.maxCapacity }), {
        minLength: shape.minRight ?? 0,
        maxLength: shape.maxRight,
      }),
    })
    .chain(({ tiers, caps }) =>
      fc
        .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), weight), {
          minLength: tiers.length * caps.length,
          maxLength: tiers.length * caps.length,
        })
        .map((cells) => {
          const left: LeftNode[] = tiers.map((t, i) =>
            t === undefined ? { id: `l${i}` } : { id: `l${i}`, tier: t },
          );
          const right: RightNode[] = caps.map((c, j) => ({ id: `r${j}`, capacity: c }));
          const edges: Edge[] = [];
          cells.forEach(([p, w], k) => {
            if (p < density)
              edges.push({
                left: `l${Math.floor(k / caps.length)}`,
                right: `r${k % caps.length}`,
                weight: w,
              });
          });
          return { left, right, edges };
        }),
    );
}

/** The same graph with its three lists permuted (by a seed). */
export function shuffled(graph: BipartiteGraph, seed: number): BipartiteGraph {
  let s = seed >>> 0 || 1;
  const rand = (n: number): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
  const perm = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = rand(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { left: perm(graph.left), right: perm(graph.right), edges: perm(graph.edges) };
}

/** One complete assignment: for each left (in graph order) the index of its edge in `graph.edges`, or −1. */
export type Choice = readonly number[];

/** Every feasible assignment of a (small) graph. */
export function* allAssignments(graph: BipartiteGraph): Generator<Choice> {
  const byLeft = graph.left.map((n) => graph.edges.flatMap((e, i) => (e.left === n.id ? [i] : [])));
  const cap = new Map(graph.right.map((r) => [r.id, r.capacity]));
  const load = new Map<string, number>();
  const choice: number[] = [];
  function* go(i: number): Generator<Choice> {
    if (i === graph.left.length) {
      yield [...choice];
      return;
    }
    choice.push(-1);
    yield* go(i + 1);
    choice.pop();
    for (const e of byLeft[i]!) {
      const r = graph.edges[e]!.right;
      const n = load.get(r) ?? 0;
      if (n >= cap.get(r)!) continue;
      load.set(r, n + 1);
      choice.push(e);
      yield* go(i + 1);
      choice.pop();
      load.set(r, n);
    }
  }
  yield* go(0);
}

/** The value of an assignment: placements per numbered tier (0, then 1; `null` uncounted), then total weight. */
export interface Value {
  readonly counts: readonly [number, number];
  readonly weight: number;
}

export function valueOf(graph: BipartiteGraph, choice: Choice): Value {
  const counts: [number, number] = [0, 0];
  let weight = 0;
  choice.forEach((e, i) => {
    if (e < 0) return;
    const t = graph.left[i]!.tier;
    if (t !== null) counts[t ?? 0]!++;
    weight += graph.edges[e]!.weight;
  });
  return { counts, weight };
}

/** Lexicographic comparison of values: tier 0 count, tier 1 count, weight. */
export function compareValues(a: Value, b: Value): number {
  return a.counts[0] - b.counts[0] || a.counts[1] - b.counts[1] || a.weight - b.weight;
}

/** The lexicographic optimum over all assignments, by enumeration. */
export function bruteForceOptimum(graph: BipartiteGraph): Value {
  let best: Value = { counts: [0, 0], weight: 0 };
  for (const c of allAssignments(graph)) {
    const v = valueOf(graph, c);
    if (compareValues(v, best) > 0) best = v;
  }
  return best;
}

/**
 * Textbook left-proposing deferred acceptance, written for clarity: each left walks its sorted list
 * (weight descending, then right id), each right keeps its holders sorted by its own order (tier,
 * `null` last, then weight descending, then left id) and drops the last when over capacity. Returns
 * the right id of each placed left.
 */
export function referenceStable(graph: BipartiteGraph): Map<string, string> {
  const rank = (id: string): number => {
    const t = graph.left.find((n) => n.id === id)!.tier;
    return t === null ? Number.POSITIVE_INFINITY : (t ?? 0);
  };
  const lists = new Map<string, Edge[]>();
  for (const n of graph.left) lists.set(n.id, []);
  for (const e of graph.edges) lists.get(e.left)!.push(e);
  for (const list of lists.values())
    list.sort((a, b) => b.weight - a.weight || (a.right < b.right ? -1 : a.right > b.right ? 1 : 0));
  const capacity = new Map(graph.right.map((r) => [r.id, r.capacity]));
  const holders = new Map<string, Edge[]>(graph.right.map((r) => [r.id, []]));
  const nextIndex = new Map<string, number>(graph.left.map((n) => [n.id, 0]));
  const free = graph.left.map((n) => n.id);
  while (free.length > 0) {
    const l = free.pop()!;
    const list = lists.get(l)!;
    const i = nextIndex.get(l)!;
    if (i >= list.length) continue;
    nextIndex.set(l, i + 1);
    const e = list[i]!;
    const held = holders.get(e.right)!;
    held.push(e);
    held.sort(
      (a, b) =>
        rank(a.left) - rank(b.left) ||
        b.weight - a.weight ||
        (a.left < b.left ? -1 : a.left > b.left ? 1 : 0),
    );
    if (held.length > capacity.get(e.right)!) free.push(held.pop()!.left);
  }
  const out = new Map<string, string>();
  for (const [right, held] of holders) for (const e of held) out.set(e.left, right);
  return out;
}

/** Graphs at the edge of the model: no nodes, a side without nodes, a right of capacity 0 with an edge. */
export const degenerateGraphs: readonly BipartiteGraph[] = [
  { left: [], right: [], edges: [] },
  { left: [{ id: 'a' }], right: [], edges: [] },
  { left: [], right: [{ id: 'x', capacity: 2 }], edges: [] },
  {
    left: [{ id: 'a', tier: null }],
    right: [{ id: 'x', capacity: 0 }],
    edges: [{ left: 'a', right: 'x', weight: 3 }],
  },
];

/**
 * Graphs where every left ranks the rights alike: right `r{j}` is worth `step · (R − j)` to everyone,
 * plus a little noise per edge (integers), with `mult` lefts per right and one or two openings each.
 * The rights everyone lists first fill and their prices climb past what the rights after them offer,
 * so a left's best edges soon lie beyond the few it keeps in order (the best-edge lists' rest).
 */
export function sharedPreferenceGraphArb(tiers: readonly (number | null)[]): fc.Arbitrary<BipartiteGraph> {
  return fc
    .record({
      R: fc.integer({ min: 10, max: 18 }),
      mult: fc.integer({ min: 2, max: 4 }),
      step: fc.integer({ min: 1, max: 12 }),
      noise: fc.integer({ min: 0, max: 6 }),
      capacity: fc.integer({ min: 1, max: 2 }),
    })
    .chain(({ R, mult, step, noise, capacity }) =>
      fc
        .record({
          tiers: fc.array(fc.constantFrom(...tiers), { minLength: R * mult, maxLength: R * mult }),
          cells: fc.array(
            fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: noise })),
            {
              minLength: R * mult * R,
              maxLength: R * mult * R,
            },
          ),
        })
        .map(({ tiers: t, cells }): BipartiteGraph => {
          const left: LeftNode[] = t.map((tier, i) => ({ id: `l${i}`, tier }));
          const right: RightNode[] = Array.from({ length: R }, (_, j) => ({ id: `r${j}`, capacity }));
          const edges: Edge[] = [];
          cells.forEach(([p, n], k) => {
            const i = Math.floor(k / R);
            const j = k % R;
            if (p < 0.95) edges.push({ left: `l${i}`, right: `r${j}`, weight: step * (R - j) + n });
          });
          return { left, right, edges };
        }),
    );
}

/** The sizes of {@link heldPairsGraph}. */
export interface HeldPairs {
  readonly pairs: number;
  readonly tied: number;
  readonly held: number;
  readonly want: number;
  /** How many of the tied lefts also have a right of their own, with an opening. */
  readonly free?: number;
}

/** Sizes of {@link heldPairsGraph}, with up to `maxFree` tied lefts that have a right of their own. */
export function heldPairsArb(maxFree = 0): fc.Arbitrary<HeldPairs> {
  return fc.record({
    pairs: fc.integer({ min: 2, max: 4 }),
    tied: fc.integer({ min: 2, max: 30 }),
    held: fc.integer({ min: 1, max: 9 }),
    want: fc.integer({ min: 1, max: 9 }),
    free: fc.integer({ min: 0, max: maxFree }),
  });
}

/**
 * Holders h<i> (counted) each on one right x<i> of one opening, at weight `held`; left b<j> (not
 * counted) wants the two rights of pair j mod `pairs` equally, at `want`, and the first `free` of
 * them also a right f<j> of their own (weight 1); `room` has an opening and no edges. The rounds
 * leave the b's tied between full rights no path can free (a counted placement comes before any
 * weight), so their searches fail, the dead region is marked, and the rest are skipped.
 */
export function heldPairsGraph({ pairs, tied, held, want, free = 0 }: HeldPairs): BipartiteGraph {
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  return {
    left: [
      ...range(2 * pairs).map((i) => ({ id: `h${i}`, tier: 0 })),
      ...range(tied).map((j) => ({ id: `b${j}`, tier: null })),
    ],
    right: [
      ...range(2 * pairs).map((i) => ({ id: `x${i}`, capacity: 1 })),
      ...range(free).map((i) => ({ id: `f${i}`, capacity: 1 })),
      { id: 'room', capacity: 1 },
    ],
    edges: [
      ...range(2 * pairs).map((i) => ({ left: `h${i}`, right: `x${i}`, weight: held })),
      ...range(tied).flatMap((j) =>
        [0, 1].map((k) => ({ left: `b${j}`, right: `x${2 * (j % pairs) + k}`, weight: want })),
      ),
      ...range(free).map((i) => ({ left: `b${i}`, right: `f${i}`, weight: 1 })),
    ],
  };
}
