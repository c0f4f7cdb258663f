/**
 * The walk at the edges its random properties rarely reach: limits equal to a pair's own value or
 * score, gates met exactly and decided by the tie rank, a cursor in the middle of the list, a floor
 * of −∞ with closed posts, offsets that fell since the buckets were built (the allowance), preferred
 * destinations in any order of areas and beyond the count marked one by one, and the budget as the
 * count of posts looked at (pruning that only spares work is checked through it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex, type CompiledIndex } from '../../src/compile.js';
import { createScratch, kernelEligible, kernelScore } from '../../src/internal/kernel.js';
import { TopK, Walker, walk, walkLimits, type WalkLimits } from '../../src/internal/walk.js';
import type {
  AreaCode,
  CountyCode,
  Dataset,
  EmployerId,
  ParkId,
  PostId,
  SkillId,
  TownCode,
  LabourerId,
} from '../../src/types.js';
import { dataset, employer, labourer, post } from '../helpers/build.js';
import { richDatasetArb, smallSampleArb } from '../helpers/rich.js';
import { runs } from '../helpers/runs.js';

/** Towns of Dongguan (areas of their own, prefixes of nothing else here). */
const TOWNS: readonly string[] = [
  '441900101',
  '441900102',
  '441900103',
  '441900104',
  '441900105',
  '441900106',
];
const townOf = (i: number): TownCode => TOWNS[i] as TownCode;
const areaOf = (i: number): AreaCode => TOWNS[i] as AreaCode;
const SKILL = 'hand-soldering' as SkillId;
const GUANSHAO = 'guanshao' as ParkId;
const CAOHU = 'caohu' as ParkId;
const OTHER_SKILL = 'smt-operation' as SkillId;

interface Pair {
  readonly p: number;
  readonly score: number;
  readonly value: number;
}

/** Every eligible pair of a labourer, with its value under the offsets (closed posts left out). */
function pairsOf(index: CompiledIndex, w: number, offsets?: Float64Array): Pair[] {
  const sc = createScratch(index);
  const out: Pair[] = [];
  for (let p = 0; p < index.postCount; p++) {
    const shift = offsets === undefined ? 0 : offsets[p]!;
    if (shift === Number.POSITIVE_INFINITY || !kernelEligible(index, w, p)) continue;
    const score = kernelScore(index, sc, w, p);
    out.push({ p, score, value: score - shift });
  }
  return out;
}

/** Brute force: the pairs the limits keep, value descending then id rank ascending, the first k. */
function expected(index: CompiledIndex, pairs: readonly Pair[], lim: WalkLimits, k: number): Pair[] {
  const rank = index.postIdRank;
  return pairs
    .filter(
      ({ p, score, value }) =>
        score >= lim.minScore &&
        value >= lim.floor &&
        (value < lim.afterValue || (value === lim.afterValue && rank[p]! > lim.afterRank)) &&
        (lim.gate === undefined ||
          score > lim.gate[p]! ||
          (score === lim.gate[p] && lim.tieRank < lim.gateTie![p]!)),
    )
    .sort((a, b) => b.value - a.value || rank[a.p]! - rank[b.p]!)
    .slice(0, k);
}

function listOf(out: TopK): { posts: number[]; scores: number[] } {
  return {
    posts: Array.from(out.posts.subarray(0, out.size)),
    scores: Array.from(out.scores.subarray(0, out.size)),
  };
}

/** The walk's list, sorted as the brute force sorts (a walk keeping every pair lists them as found). */
function walked(index: CompiledIndex, out: TopK): { posts: number[]; scores: number[] } {
  const rank = index.postIdRank;
  const order = Array.from({ length: out.size }, (_, i) => i).sort(
    (a, b) => out.values[b]! - out.values[a]! || rank[out.posts[a]!]! - rank[out.posts[b]!]!,
  );
  return { posts: order.map((i) => out.posts[i]!), scores: order.map((i) => out.scores[i]!) };
}

/**
 * The posts a walk looks at: the least budget with which it is not cut short (the budget counts
 * the posts looked at, scored or passed).
 */
function lookedAt(wk: Walker, w: number, lim: WalkLimits, k: number): number {
  const out = new TopK(k);
  const budget = lim.budget;
  for (let b = 0; ; b++) {
    lim.budget = b;
    out.reset(k);
    walk(wk, w, lim, out);
    if (!out.truncated) {
      lim.budget = budget;
      return b;
    }
  }
}

/** Small datasets on six towns: preferred towns, posts in any order of towns, skills, pay spread over bands. */
const townsArb: fc.Arbitrary<Dataset> = fc
  .record({
    labourers: fc.array(
      fc.record({
        preferred: fc.subarray([...TOWNS, '4419'], { maxLength: 3 }),
        skilled: fc.constantFrom(0, 1, 2),
        min: fc.constantFrom(1500, 3000, 5200),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    posts: fc.array(
      fc.record({
        town: fc.nat({ max: TOWNS.length - 1 }),
        employer: fc.nat({ max: 2 }),
        pay: fc.constantFrom(3600, 4200, 5000, 5000, 6500, 8000, 11000),
        skill: fc.constantFrom('none', 'required', 'optional', 'other'),
        trains: fc.boolean(),
      }),
      { minLength: 1, maxLength: 16 },
    ),
    retention: fc.array(fc.constantFrom(0, 0.35, 0.8, 1), { minLength: 3, maxLength: 3 }),
  })
  .map(({ labourers, posts, retention }) =>
    dataset({
      employers: retention.map((rate, e) =>
        employer({ id: `e${e}` as EmployerId, measuredRetention: { months: 6, placements: 10, rate } }),
      ),
      labourers: labourers.map((l, i) =>
        labourer({
          id: `w${i}` as LabourerId,
          skills:
            l.skilled === 0
              ? []
              : [
                  { skill: SKILL, level: 4, certified: l.skilled === 2 },
                  ...(l.skilled === 2 ? [{ skill: OTHER_SKILL, level: 5 as const, certified: false }] : []),
                ],
          pay: { minMonthly: l.min, targetMonthly: l.min + 1500 },
          mobility: {
            scope: 'anywhere',
            preferred: l.preferred.map((area) => ({ kind: 'area' as const, area: area as AreaCode })),
            refused: [],
          },
        }),
      ),
      posts: posts.map((x, i) =>
        post({
          id: `p${String(i).padStart(2, '0')}` as PostId,
          employer: `e${x.employer}` as EmployerId,
          site: { kind: 'town', town: townOf(x.town) },
          pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: x.pay },
          trainsOnJob: x.trains,
          requiredSkills:
            x.skill === 'required'
              ? [{ skill: SKILL, minLevel: 5 }]
              : x.skill === 'other'
                ? [{ skill: OTHER_SKILL, minLevel: 5 }]
                : [],
          optionalSkills: x.skill === 'optional' ? [{ skill: SKILL, minLevel: 3 }] : [],
        }),
      ),
    }),
  );

const datasets = fc.oneof(townsArb, townsArb, richDatasetArb, smallSampleArb);

/** Offsets: none, or small prices with some posts closed. */
const offsetsArb = (P: number): fc.Arbitrary<Float64Array | undefined> =>
  fc.option(
    fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: fc.double({ min: -0.3, max: 0.6, noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
        ),
        { minLength: P, maxLength: P },
      )
      .map((xs) => Float64Array.from(xs)),
    { nil: undefined },
  );

/** How each limit is drawn for a labourer: from the values and scores of its own pairs. */
const limitsArb = fc.record({
  k: fc.constantFrom(1, 2, 3, Number.POSITIVE_INFINITY),
  floor: fc.constantFrom('none', 'pair', 'pair'),
  minScore: fc.constantFrom('none', 'pair', 'above'),
  cursor: fc.constantFrom('none', 'pair', 'pair'),
  gate: fc.constantFrom('none', 'pairs'),
  pick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  tieRank: fc.integer({ min: 0, max: 3 }),
  gateTies: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
  gateKind: fc.array(fc.constantFrom('open', 'exact', 'exact', 'above'), { minLength: 40, maxLength: 40 }),
});

type LimitsDraw = typeof limitsArb extends fc.Arbitrary<infer T> ? T : never;

function limitsFor(index: CompiledIndex, pairs: readonly Pair[], d: LimitsDraw): WalkLimits {
  const at = (i: number): Pair | undefined =>
    pairs.length === 0 ? undefined : pairs[d.pick[i]! % pairs.length];
  const lim = walkLimits(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY);
  if (d.floor === 'pair') lim.floor = at(0)?.value ?? lim.floor;
  if (d.minScore !== 'none') {
    const s = at(1)?.score;
    // Just above a pair's score: the pair is below the minimum, its bound is not.
    if (s !== undefined) lim.minScore = d.minScore === 'pair' ? s : s + 1e-12;
  }
  const c = d.cursor === 'pair' ? at(2) : undefined;
  if (c !== undefined) {
    lim.afterValue = c.value;
    lim.afterRank = index.postIdRank[c.p]!;
  }
  if (d.gate === 'pairs') {
    // Each post's gate its own score exactly (then the tie rank decides), a hair above it, or open.
    const gate = new Float64Array(index.postCount).fill(Number.NEGATIVE_INFINITY);
    const gateTie = new Int32Array(index.postCount);
    for (const { p, score } of pairs) {
      const kind = d.gateKind[p % 40]!;
      gate[p] = kind === 'open' ? Number.NEGATIVE_INFINITY : kind === 'exact' ? score : score + 1e-12;
      gateTie[p] = d.gateTies[p % 40]!;
    }
    lim.gate = gate;
    lim.gateTie = gateTie;
    lim.tieRank = d.tieRank;
  }
  return lim;
}

describe('TopK', () => {
  it('keeps the k best by value, ties by id rank, and its floor is the k-th value once full', () => {
    const top = new TopK(2);
    expect(top.truncated).toBe(false);
    expect(top.floor()).toBe(Number.NEGATIVE_INFINITY);
    top.offer(0.5, 0.5, 3, 30);
    expect(top.floor()).toBe(Number.NEGATIVE_INFINITY);
    top.offer(0.7, 0.7, 1, 10);
    expect(top.floor()).toBe(0.5);
    top.offer(0.5, 0.5, 2, 20);
    expect(listOf(top).posts).toEqual([10, 20]);
    expect(top.floor()).toBe(0.5);
    top.offer(0.9, 0.9, 5, 50);
    expect(listOf(top).posts).toEqual([50, 10]);
    expect(top.floor()).toBe(0.7);
  });

  it('reset empties it, clears truncated and grows it to a larger k', () => {
    const top = new TopK(1);
    top.offer(1, 1, 0, 0);
    top.truncated = true;
    top.reset(4);
    expect(top.size).toBe(0);
    expect(top.k).toBe(4);
    expect(top.truncated).toBe(false);
    for (let i = 0; i < 6; i++) top.offer(i / 10, i / 10, i, 100 + i);
    expect(listOf(top)).toEqual({ posts: [105, 104, 103, 102], scores: [0.5, 0.4, 0.3, 0.2] });
    expect(top.floor()).toBe(0.2);
  });

  it('with k infinite keeps every pair offered, in the order offered, past its first capacity', () => {
    const top = new TopK(Number.POSITIVE_INFINITY);
    const posts = Array.from({ length: 40 }, (_, i) => (i * 7) % 40);
    for (const p of posts) top.offer(p / 40, p / 40, p, p);
    expect(listOf(top).posts).toEqual(posts);
    expect(top.floor()).toBe(Number.NEGATIVE_INFINITY);
    top.reset(Number.POSITIVE_INFINITY);
    expect(top.size).toBe(0);
  });
});

describe('the walk at the edges of its limits', () => {
  it('refuses offsets that do not have one entry per post', () => {
    const index = compileIndex(dataset({ posts: [post(), post({ id: 'p2' as PostId })] }));
    expect(() => new Walker(index, { offsets: new Float64Array(1) })).toThrow(
      new RangeError('walk: offsets must have one entry per post'),
    );
  });

  it('keeps exactly what brute force keeps with limits at a pair’s own value, score and cursor, and gates met exactly', () => {
    fc.assert(
      fc.property(
        datasets.chain((ds) => fc.tuple(fc.constant(ds), offsetsArb(ds.posts.length), limitsArb)),
        ([ds, offsets, d]) => {
          const index = compileIndex(ds);
          const wk = new Walker(index, { offsets });
          const out = new TopK(d.k);
          for (let w = 0; w < index.labourerCount; w++) {
            const pairs = pairsOf(index, w, offsets);
            const lim = limitsFor(index, pairs, d);
            out.reset(d.k);
            walk(wk, w, lim, out);
            const want = expected(index, pairs, lim, d.k);
            expect(walked(index, out)).toEqual({
              posts: want.map((x) => x.p),
              scores: want.map((x) => x.score),
            });
          }
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('stays exact with the allowance when offsets fall after the buckets were built', () => {
    fc.assert(
      fc.property(
        datasets.chain((ds) =>
          fc.tuple(
            fc.constant(ds),
            fc.array(fc.double({ min: -0.2, max: 0.4, noNaN: true }), {
              minLength: ds.posts.length,
              maxLength: ds.posts.length,
            }),
            fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), {
              minLength: ds.posts.length,
              maxLength: ds.posts.length,
            }),
            fc.constantFrom(1, 2, 3),
          ),
        ),
        ([ds, before, falls, k]) => {
          const index = compileIndex(ds);
          const offsets = Float64Array.from(before);
          const wk = new Walker(index, { offsets });
          const out = new TopK(k);
          // Every county's buckets built with the offsets as they were.
          for (let w = 0; w < index.labourerCount; w++)
            walk(wk, w, walkLimits(Number.NEGATIVE_INFINITY), out);
          for (let p = 0; p < offsets.length; p++) offsets[p] = offsets[p]! - falls[p]!;
          wk.allowance = Math.max(0, ...falls);
          for (let w = index.labourerCount - 1; w >= 0; w--) {
            const lim = walkLimits(Number.NEGATIVE_INFINITY);
            out.reset(k);
            walk(wk, w, lim, out);
            const want = expected(index, pairsOf(index, w, offsets), lim, k);
            expect(listOf(out)).toEqual({ posts: want.map((x) => x.p), scores: want.map((x) => x.score) });
          }
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

/** A labourer who prefers town 2 (and may go anywhere), with the given fields. */
const prefersTownTwo = (fields: Parameters<typeof labourer>[0] = {}): ReturnType<typeof labourer> =>
  labourer({
    ...fields,
    mobility: { scope: 'anywhere', preferred: [{ kind: 'area', area: areaOf(2) }], refused: [] },
  });

/** A labourer who prefers town 2, and one post in town 2 (p2) and one in town 3 (p3). */
const townsTwoAndThree = (): Dataset =>
  dataset({
    labourers: [prefersTownTwo()],
    posts: [2, 3].map((t) => post({ id: `p${t}` as PostId, site: { kind: 'town', town: townOf(t) } })),
  });

/** Employer e1, whose measured retention is `rate`, and e2, which kept everyone it placed. */
const employersRated = (rate: number): ReturnType<typeof employer>[] => [
  employer({ measuredRetention: { months: 6, placements: 10, rate } }),
  employer({ id: 'e2' as EmployerId, measuredRetention: { months: 6, placements: 10, rate: 1 } }),
];

describe('preferred destinations', () => {
  /**
   * One labourer preferring a destination, `n` posts there (at a lesser employer, lifted above the
   * post elsewhere by the preference alone) and one post elsewhere, first in the order of areas and
   * of parks; with `firstPark`, the post elsewhere is in a town, so that the preferred park is the
   * index's first (number 0) and its posts are not the index's first.
   */
  function crowded(n: number, where: 'area' | 'park', prefer = 2, firstPark = false): Dataset {
    const site =
      where === 'area' ? { kind: 'town' as const, town: townOf(2) } : { kind: 'park' as const, park: CAOHU };
    return dataset({
      labourers: [
        labourer({
          mobility: {
            scope: 'anywhere',
            preferred: [
              where === 'area' ? { kind: 'area', area: areaOf(prefer) } : { kind: 'park', park: CAOHU },
            ],
            refused: [],
          },
        }),
      ],
      employers: employersRated(0.8),
      posts: [
        post({
          id: 'a-elsewhere' as PostId,
          employer: 'e2' as EmployerId,
          site:
            where === 'area' || firstPark
              ? { kind: 'town', town: townOf(0) }
              : { kind: 'park', park: GUANSHAO },
        }),
        ...Array.from({ length: n }, (_, i) =>
          post({ id: `b${String(i).padStart(5, '0')}` as PostId, site }),
        ),
      ],
    });
  }

  for (const where of ['area', 'park'] as const) {
    it(`are found when there are more of them than are marked one by one (a preferred ${where})`, () => {
      const index = compileIndex(crowded(4100, where));
      const pairs = pairsOf(index, 0);
      for (const k of [1, 3]) {
        const out = new TopK(k);
        walk(new Walker(index), 0, walkLimits(0), out);
        const want = expected(index, pairs, walkLimits(0), k);
        // The preference lifts the posts there above the post elsewhere.
        expect(index.postIds[want[0]!.p]).toBe('b00000');
        expect(listOf(out)).toEqual({ posts: want.map((x) => x.p), scores: want.map((x) => x.score) });
      }
    }, 30_000);

    it(`beyond the count marked one by one, widen every bound by the preference's rise alone (a preferred ${where})`, () => {
      // Posts elsewhere paid little: below the preferred posts by more than the rise, never looked at.
      const ds = crowded(4100, where);
      const low = ds.posts[0]!;
      const index = compileIndex({
        ...ds,
        posts: [
          ...ds.posts,
          ...['c1', 'c2'].map((id) => ({
            ...low,
            id: id as PostId,
            employer: 'e1' as EmployerId,
            pay: { kind: 'monthly' as const, baseMonthly: 2300, expectedMonthly: 4400 },
          })),
        ],
      });
      const wk = new Walker(index);
      const lim = walkLimits(0);
      const out = new TopK(1);
      // The least budget that is not cut short: the posts looked at.
      let lo = 0;
      let hi = index.postCount + 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        lim.budget = mid;
        out.reset(1);
        walk(wk, 0, lim, out);
        if (out.truncated) lo = mid + 1;
        else hi = mid;
      }
      expect(lo).toBe(index.postCount - 2);
    }, 30_000);

    it(`up to the count marked one by one, widen no bound of the walk (a preferred ${where})`, () => {
      // The walk looks at the post elsewhere alone; the preferred posts are bounded after it. With
      // the preference's allowance in every bound, it would look at them all. A preferred park that
      // is the index's first (number 0) is marked like any other.
      for (const [n, first] of [
        [3, false],
        [4096, false],
        [3, true],
      ] as const) {
        const index = compileIndex(crowded(n, where, 2, first));
        if (where === 'park') expect(index.parkIds.indexOf(CAOHU)).toBe(first ? 0 : 1);
        const lim = walkLimits(0);
        lim.budget = 1;
        const out = new TopK(1);
        walk(new Walker(index), 0, lim, out);
        expect(out.truncated).toBe(false);
        expect(index.postIds[out.posts[0]!]).toBe('b00000');
      }
    }, 30_000);
  }

  it('a preferred post whose bound is its score to the last bit is kept at a floor of its own value', () => {
    // Skills at their best (none asked), the origin raised by the whole rise (all of Dongguan
    // preferred), the pay exact: only the margin keeps the bound from falling short by rounding.
    const index = compileIndex(
      dataset({
        labourers: [
          labourer({
            pay: { minMonthly: 1500, targetMonthly: 3000 },
            mobility: {
              scope: 'anywhere',
              preferred: [{ kind: 'area', area: '4419' as AreaCode }],
              refused: [],
            },
          }),
        ],
        employers: [employer({ measuredRetention: { months: 6, placements: 10, rate: 0.8 } })],
        posts: ['p0', 'p1'].map((id) =>
          post({
            id: id as PostId,
            site: { kind: 'town', town: townOf(0) },
            trainsOnJob: false,
            pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 4500 },
          }),
        ),
      }),
    );
    const pairs = pairsOf(index, 0);
    const out = new TopK(1);
    walk(new Walker(index), 0, walkLimits(pairs[0]!.value), out);
    expect(listOf(out).posts).toEqual([0]);
  });

  it('a preferred town without posts widens no bound either', () => {
    const index = compileIndex(crowded(3, 'area', 5));
    expect(lookedAt(new Walker(index), 0, walkLimits(0), 1)).toBe(1);
  });

  it('are found whatever the order of the posts’ towns', () => {
    // Sixty posts in towns out of order, and a labourer preferring each town.
    const ds = dataset({
      labourers: TOWNS.map((_, t) =>
        labourer({
          id: `w${t}` as LabourerId,
          mobility: { scope: 'anywhere', preferred: [{ kind: 'area', area: areaOf(t) }], refused: [] },
        }),
      ),
      posts: Array.from({ length: 60 }, (_, i) =>
        post({
          id: `p${String(i).padStart(2, '0')}` as PostId,
          site: { kind: 'town', town: townOf((i * i * 7 + 3 * i + (i >> 2)) % 6) },
          pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 4500 + 150 * ((i * 7) % 11) },
        }),
      ),
    });
    const index = compileIndex(ds);
    const wk = new Walker(index);
    for (let w = 0; w < index.labourerCount; w++)
      for (const k of [1, 3]) {
        const out = new TopK(k);
        walk(wk, w, walkLimits(0), out);
        const want = expected(index, pairsOf(index, w), walkLimits(0), k);
        expect(listOf(out)).toEqual({ posts: want.map((x) => x.p), scores: want.map((x) => x.score) });
      }
  });

  it('a large offset hides no post, preferred or not, from a minimum score or a gate it meets exactly', () => {
    const ds = townsTwoAndThree();
    const index = compileIndex(ds);
    const offsets = Float64Array.from([0.9, 0.9]);
    const wk = new Walker(index, { offsets });
    const pairs = pairsOf(index, 0, offsets);
    expect(pairs.length).toBe(2);
    const out = new TopK(Number.POSITIVE_INFINITY);
    for (const { p, score } of pairs) {
      const byScore = walkLimits(Number.NEGATIVE_INFINITY, score);
      const gated = walkLimits(Number.NEGATIVE_INFINITY);
      gated.gate = new Float64Array(2).fill(score);
      gated.gateTie = Int32Array.from([1, 1]);
      for (const lim of [byScore, gated]) {
        out.reset(Number.POSITIVE_INFINITY);
        walk(wk, 0, lim, out);
        expect(listOf(out).posts).toContain(p);
        expect(walked(index, out).posts).toEqual(expected(index, pairs, lim, 9).map((x) => x.p));
      }
      // A gate met exactly that the tie rank does not pass (the labourer ranks after the holder),
      // and a gate just above the score, below its bound, that the rank would pass: the post is
      // not kept either way.
      for (const [at, tie] of [
        [score, 0],
        [score + 1e-12, 1],
      ] as const) {
        const lim = walkLimits(Number.NEGATIVE_INFINITY);
        lim.gate = new Float64Array(2).fill(at);
        lim.gateTie = Int32Array.from([tie, tie]);
        out.reset(Number.POSITIVE_INFINITY);
        walk(wk, 0, lim, out);
        expect(listOf(out).posts).not.toContain(p);
        expect(walked(index, out).posts).toEqual(expected(index, pairs, lim, 9).map((x) => x.p));
      }
    }
  });

  it('a closed preferred post is never listed, even with no floor', () => {
    const ds = townsTwoAndThree();
    const index = compileIndex(ds);
    const offsets = Float64Array.from([Number.POSITIVE_INFINITY, 0]);
    const out = new TopK(Number.POSITIVE_INFINITY);
    walk(new Walker(index, { offsets }), 0, walkLimits(Number.NEGATIVE_INFINITY), out);
    expect(listOf(out).posts).toEqual([1]);
  });

  it('a cursor above a preferred post of lower id rank still lets it through', () => {
    // p0 is preferred but poorly paid at a poor employer, p1 elsewhere well paid at a good one:
    // after p1 (the better), p0 comes next though its id ranks before p1's.
    const ds = dataset({
      labourers: [prefersTownTwo({ pay: { minMonthly: 2000, targetMonthly: 9000 } })],
      employers: employersRated(0.35),
      posts: [
        post({
          id: 'p0' as PostId,
          site: { kind: 'town', town: townOf(2) },
          pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 2500 },
        }),
        post({
          id: 'p1' as PostId,
          employer: 'e2' as EmployerId,
          site: { kind: 'town', town: townOf(3) },
          pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 9000 },
        }),
      ],
    });
    const index = compileIndex(ds);
    const pairs = pairsOf(index, 0);
    const [p0, p1] = [pairs.find((x) => x.p === 0)!, pairs.find((x) => x.p === 1)!];
    expect(p1.value).toBeGreaterThan(p0.value);
    const lim = walkLimits(0);
    lim.afterValue = p1.value;
    lim.afterRank = index.postIdRank[1]!;
    const out = new TopK(1);
    walk(new Walker(index), 0, lim, out);
    expect(listOf(out).posts).toEqual([0]);
  });

  it('a cursor between two equal pairs returns the second, preferred or not', () => {
    const ds = dataset({
      labourers: [prefersTownTwo()],
      posts: [2, 2, 3, 3].map((t, i) =>
        post({ id: `p${i}` as PostId, site: { kind: 'town', town: townOf(t) } }),
      ),
    });
    const index = compileIndex(ds);
    const wk = new Walker(index);
    const pairs = pairsOf(index, 0);
    const out = new TopK(1);
    for (const first of [0, 2]) {
      const lim = walkLimits(0);
      lim.afterValue = pairs[first]!.value;
      lim.afterRank = index.postIdRank[first]!;
      out.reset(1);
      walk(wk, 0, lim, out);
      expect(pairs[first]!.value).toBe(pairs[first + 1]!.value);
      expect(listOf(out).posts).toEqual(expected(index, pairs, lim, 1).map((x) => x.p));
      if (first === 0) expect(listOf(out).posts).toEqual([1]);
    }
  });
});

describe('the budget counts the posts looked at', () => {
  /** Six posts a labourer may take, better paid by post number, the last also at a better employer. */
  const six = (): Dataset =>
    dataset({
      labourers: [labourer({ pay: { minMonthly: 3000, targetMonthly: 12000 } })],
      employers: employersRated(0.35),
      posts: TOWNS.map((_, i) =>
        post({
          id: `p${i}` as PostId,
          employer: (i === 5 ? 'e2' : 'e1') as EmployerId,
          site: { kind: 'town', town: townOf(i) },
          pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 4500 + 1000 * i },
        }),
      ),
    });

  it('keeping every pair, the walk looks at each post once: a budget one short cuts it', () => {
    const index = compileIndex(six());
    const wk = new Walker(index);
    const lim = walkLimits(Number.NEGATIVE_INFINITY);
    const out = new TopK(Number.POSITIVE_INFINITY);
    lim.budget = 6;
    walk(wk, 0, lim, out);
    expect(out.truncated).toBe(false);
    expect(out.size).toBe(6);
    lim.budget = 5;
    out.reset(Number.POSITIVE_INFINITY);
    walk(wk, 0, lim, out);
    expect(out.truncated).toBe(true);
    lim.budget = 0;
    out.reset(Number.POSITIVE_INFINITY);
    walk(wk, 0, lim, out);
    expect(out.truncated).toBe(true);
    expect(out.size).toBe(0);
  });

  it('keeping every pair, each post is looked at once, and once more from its signature if it asks for a skill within the labourer’s reach', () => {
    // w0 holds a skill linked to no other; w1 two skills, each linked to one more.
    const asks = ['security-guard', 'cooking', 'food-service', 'cleaning', 'housekeeping'] as SkillId[];
    const index = compileIndex(
      dataset({
        labourers: [
          labourer({ id: 'w0' as LabourerId, skills: [{ skill: asks[0]!, level: 4, certified: false }] }),
          labourer({
            id: 'w1' as LabourerId,
            skills: [
              { skill: asks[1]!, level: 4, certified: false },
              { skill: asks[3]!, level: 4, certified: false },
            ],
          }),
        ],
        posts: [
          post({ id: 'none' as PostId }),
          ...asks.map((skill) =>
            post({ id: skill as string as PostId, requiredSkills: [{ skill, minLevel: 5 }] }),
          ),
        ],
      }),
    );
    const wk = new Walker(index);
    const lim = walkLimits(Number.NEGATIVE_INFINITY);
    // w1 first, so that w0's walk follows one that reached more skills.
    expect(lookedAt(wk, 1, lim, Number.POSITIVE_INFINITY)).toBe(6 + 4);
    expect(lookedAt(wk, 0, lim, Number.POSITIVE_INFINITY)).toBe(6 + 1);
  });

  /** Two labourers of two counties, four posts alike. */
  const twoCounties = (): CompiledIndex => {
    const base = six().posts[0]!;
    return compileIndex(
      dataset({
        labourers: [labourer(), labourer({ id: 'w2' as LabourerId, originCounty: '530621' as CountyCode })],
        posts: ['a', 'b', 'c', 'd'].map((id) => ({ ...base, id: id as PostId })),
      }),
    );
  };

  it('counties kept for reuse keep their links over closed posts', () => {
    // Labourers of two counties walked in turn, the buckets of both kept.
    const index = twoCounties();
    const offsets = Float64Array.from([-0.05, 0, 0.01, 0.02]);
    const wk = new Walker(index, { offsets });
    wk.keepBytes = Number.POSITIVE_INFINITY;
    const out = new TopK(Number.POSITIVE_INFINITY);
    const lim = walkLimits(Number.NEGATIVE_INFINITY);
    for (const w of [0, 1]) walk(wk, w, lim, out);
    offsets[0] = offsets[2] = Number.POSITIVE_INFINITY;
    // Each walk links over the closed posts of its county; when the county comes back, they cost nothing.
    for (const w of [0, 1]) walk(wk, w, lim, out);
    lim.budget = 2;
    for (const w of [0, 1, 0, 1]) {
      out.reset(Number.POSITIVE_INFINITY);
      walk(wk, w, lim, out);
      expect(out.truncated).toBe(false);
      expect(listOf(out).posts).toEqual([1, 3]);
    }
  });

  it('a county that does not fit in the bytes to keep is not kept: its links are built anew', () => {
    const index = twoCounties();
    const offsets = Float64Array.from([-0.05, 0, 0.01, 0.02]);
    const wk = new Walker(index, { offsets });
    wk.keepBytes = 1;
    const out = new TopK(Number.POSITIVE_INFINITY);
    const lim = walkLimits(Number.NEGATIVE_INFINITY);
    for (const w of [0, 1]) walk(wk, w, lim, out);
    offsets[2] = Number.POSITIVE_INFINITY;
    for (const w of [0, 1]) walk(wk, w, lim, out);
    // Back in the first county, rebuilt: the closed post between the open ones is looked at again.
    expect(lookedAt(wk, 0, lim, Number.POSITIVE_INFINITY)).toBe(4);
  });

  it('within the bytes to keep, the counties left most recently are kept, and taking one back frees its bytes', () => {
    // Three counties with the same posts (so the same bytes each); the closed post between open ones
    // shows whether a county came back with its links (3 posts looked at) or was built anew (4).
    const base = six().posts[0]!;
    const index = compileIndex(
      dataset({
        labourers: ['530627', '530621', '530622'].map((county, i) =>
          labourer({ id: `w${i}` as LabourerId, originCounty: county as CountyCode }),
        ),
        posts: ['a', 'b', 'c', 'd'].map((id) => ({ ...base, id: id as PostId })),
      }),
    );
    const lim = walkLimits(Number.NEGATIVE_INFINITY);
    const out = new TopK(Number.POSITIVE_INFINITY);
    /** Walks the labourers in turn (the post `c` closed after the first `before`), then counts the last one's. */
    const cost = (keepBytes: number, before: number[], after: number[], last: number): number => {
      const offsets = Float64Array.from([-0.05, 0, 0.01, 0.02]);
      const wk = new Walker(index, { offsets });
      wk.keepBytes = keepBytes;
      for (const w of before) walk(wk, w, lim, out);
      offsets[2] = Number.POSITIVE_INFINITY;
      for (const w of after) walk(wk, w, lim, out);
      return lookedAt(wk, last, lim, Number.POSITIVE_INFINITY);
    };
    // Room for two counties: the least with which the first comes back with its links after the
    // second (the county left is kept before the one coming back is taken out).
    let lo = 0;
    let hi = 1 << 24;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cost(mid, [0], [0, 1], 0) === 3) hi = mid;
      else lo = mid + 1;
    }
    const two = lo;
    expect(cost(two - 1, [0], [0, 1], 0)).toBe(4);
    // With three counties, the least recently left is dropped, the other two kept and taken back in turn.
    expect(cost(two, [0, 1, 2], [1, 2], 1)).toBe(3);
    expect(cost(two, [0, 1, 2], [1, 2, 1], 2)).toBe(3);
  });

  it('a signature whose skills fall short of their best is walked at its real bound', () => {
    // The labourer holds the skill below the level asked: the signature's bucket enters the heap
    // with the skills at their best, above the post without skills, and goes back below it.
    const index = compileIndex(
      dataset({
        labourers: [labourer({ skills: [{ skill: SKILL, level: 5, certified: false }] })],
        posts: [
          post({ id: 'plain' as PostId }),
          post({ id: 'asks' as PostId, requiredSkills: [{ skill: SKILL, minLevel: 3 }] }),
        ],
      }),
    );
    const lim = walkLimits(0);
    expect(lookedAt(new Walker(index), 0, lim, 1)).toBe(1);
    const out = new TopK(1);
    walk(new Walker(index), 0, lim, out);
    expect(index.postIds[out.posts[0]!]).toBe('plain');
  });

  it('a post whose value beats every other bound is the only one looked at', () => {
    // A twin of the best post at the lesser employer (the same bucket, a lower key), and a labourer
    // with a skill none of the posts asks for (the skills' bound of untouched buckets below 1).
    const ds = six();
    const best = ds.posts[5]!;
    const index = compileIndex({
      ...ds,
      labourers: [
        ds.labourers[0]!,
        labourer({
          id: 'w2' as LabourerId,
          skills: [{ skill: SKILL, level: 4, certified: false }],
          pay: ds.labourers[0]!.pay,
        }),
      ],
      posts: [...ds.posts, { ...best, id: 'p5-twin' as PostId, employer: 'e1' as EmployerId }],
    });
    const wk = new Walker(index);
    for (let w = 0; w < 2; w++)
      for (const floor of [Number.NEGATIVE_INFINITY, 0]) {
        const lim = walkLimits(floor);
        expect(lookedAt(wk, w, lim, 1)).toBe(1);
        const out = new TopK(1);
        walk(wk, w, lim, out);
        expect(index.postIds[out.posts[0]!]).toBe('p5');
      }
  });

  it('a floor above every value: nothing is looked at', () => {
    const index = compileIndex(six());
    expect(lookedAt(new Walker(index), 0, walkLimits(2), 3)).toBe(0);
  });

  it('posts below a hard minimum pay are never looked at', () => {
    const ds = six();
    const index = compileIndex({
      ...ds,
      labourers: [
        labourer({
          skills: [{ skill: SKILL, level: 4, certified: false }],
          pay: { minMonthly: 30000, targetMonthly: 32000 },
        }),
      ],
      posts: [
        ...ds.posts,
        post({ id: 'q1' as PostId, requiredSkills: [{ skill: SKILL, minLevel: 5 }], trainsOnJob: false }),
        post({ id: 'q2' as PostId, optionalSkills: [{ skill: SKILL, minLevel: 5 }] }),
      ],
    });
    expect(lookedAt(new Walker(index), 0, walkLimits(Number.NEGATIVE_INFINITY), 3)).toBe(0);
  });

  it('closed posts: a bucket closed to its end is passed unseen, and once linked over none is looked at again', () => {
    // Four posts without skills in one bucket, ordered by their offsets (the keys follow them), and
    // three that ask for the labourer's skill.
    const base = six().posts[0]!;
    const ds = dataset({
      labourers: [labourer({ skills: [{ skill: SKILL, level: 4, certified: false }] })],
      posts: [
        ...['a', 'b', 'c', 'd'].map((id) => ({ ...base, id: id as PostId })),
        ...['s1', 's2', 's3'].map((id) => ({
          ...base,
          id: id as PostId,
          requiredSkills: [{ skill: SKILL, minLevel: 5 as const }],
        })),
      ],
    });
    const index = compileIndex(ds);
    const offsets = Float64Array.from([-0.05, 0, 0.01, 0.02, 0, 0, 0]);
    const wk = new Walker(index, { offsets });
    const lim = walkLimits(Number.NEGATIVE_INFINITY);
    // The posts asking for the labourer's skill are passed in their type's bucket and scored from
    // their signature's: looked at twice.
    expect(lookedAt(wk, 0, lim, Number.POSITIVE_INFINITY)).toBe(10);
    // Closed: the head of the first bucket, one post between two left open, and the skill's posts.
    for (const p of [0, 2, 4, 5, 6]) offsets[p] = Number.POSITIVE_INFINITY;
    // The first walk after: the closed head and the buckets closed to their end passed unseen, the
    // closed post between the open ones looked at (and linked over).
    const out = new TopK(Number.POSITIVE_INFINITY);
    lim.budget = 3;
    out.reset(Number.POSITIVE_INFINITY);
    walk(wk, 0, lim, out);
    expect(out.truncated).toBe(false);
    expect(listOf(out).posts).toEqual([1, 3]);
    lim.budget = Number.POSITIVE_INFINITY;
    expect(lookedAt(wk, 0, lim, Number.POSITIVE_INFINITY)).toBe(2);
    out.reset(Number.POSITIVE_INFINITY);
    walk(wk, 0, lim, out);
    expect(listOf(out).posts).toEqual([1, 3]);
  });
});
