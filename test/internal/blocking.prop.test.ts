/**
 * blockingPairsOf against brute force over every eligible pair of random placements: the count, the
 * first pairs by labourer id then post id for any number asked, and the pairs a predicate keeps,
 * whether candidates come from the walk (with and without group members) or from explicit lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priorityTier } from '../../src/compare.js';
import { compileIndex } from '../../src/compile.js';
import { checkEligibility } from '../../src/eligibility.js';
import { blockingPairsOf } from '../../src/internal/blocking.js';
import { idOrderOf } from '../../src/internal/id-order.js';
import type { PairLists } from '../../src/internal/optimal-core.js';
import { scorePair } from '../../src/score.js';
import type { Dataset } from '../../src/types.js';
import { dataset } from '../helpers/build.js';
import { richDatasetArb, smallSampleArb } from '../helpers/rich.js';
import { runs } from '../helpers/runs.js';

/** A dataset and a random placement of it: posts (maybe ineligible), weights with ties, openings. */
const placementArb = fc.oneof(richDatasetArb, smallSampleArb).chain((ds) => {
  const W = ds.labourers.length;
  const P = ds.posts.length;
  const perLabourer = fc.record({
    post: fc.integer({ min: -1, max: P - 1 }),
    // The weight is the score of some pair of the labourer (ties with its candidates), nudged or not.
    weightFrom: fc.integer({ min: 0, max: Math.max(0, P - 1) }),
    nudge: fc.constantFrom(0, 0, 0.05, -0.05),
    member: fc.boolean(),
    bonus: fc.constantFrom(0, 0, 0.1),
    listed: fc.boolean(),
  });
  return fc.record({
    ds: fc.constant(ds),
    labourers: fc.array(perLabourer, { minLength: W, maxLength: W }),
    capacity: fc.array(fc.nat({ max: 3 }), { minLength: P, maxLength: P }),
    minScore: fc.constantFrom(0, 0.3, 0.6),
    keep: fc.func(fc.boolean()),
  });
});

interface Pair {
  readonly w: number;
  readonly p: number;
}

/**
 * Every blocking pair by brute force, by labourer id then post id: a labourer and a candidate post
 * (weight `weight`) it prefers to where it is, which has room or whose least preferred holder (tier,
 * then weight, then id) it comes before. With `within`, a non-member only at full posts whose least
 * preferred holder is a member.
 */
function bruteForce(
  ds: Dataset,
  postOf: Int32Array,
  weightOf: Float64Array,
  capacity: Int32Array,
  candidates: (w: number) => readonly { p: number; weight: number }[],
  within?: Uint8Array,
): Pair[] {
  const W = ds.labourers.length;
  const tier = (w: number): number => (priorityTier(ds.labourers[w]!) === 0 ? 0 : 1);
  const wid = (w: number): string => ds.labourers[w]!.id;
  const pid = (p: number): string => ds.posts[p]!.id;
  /** Does post p put labourer a (at weight wa) ahead of b (at wb)? */
  const ahead = (a: number, wa: number, b: number, wb: number): boolean =>
    tier(a) !== tier(b) ? tier(a) < tier(b) : wa !== wb ? wa > wb : wid(a) < wid(b);
  const out: Pair[] = [];
  for (let w = 0; w < W; w++) {
    for (const { p, weight } of candidates(w)) {
      const cur = postOf[w]!;
      if (cur === p) continue;
      if (cur >= 0 && (weight < weightOf[w]! || (weight === weightOf[w] && pid(cur) < pid(p)))) continue;
      const holders: number[] = [];
      for (let h = 0; h < W; h++) if (postOf[h] === p) holders.push(h);
      let least = -1;
      for (const h of holders) if (least < 0 || ahead(least, weightOf[least]!, h, weightOf[h]!)) least = h;
      const room = holders.length < capacity[p]!;
      if (within !== undefined && within[w] !== 1 && (room || least < 0 || within[least] !== 1)) continue;
      if (room || (least >= 0 && ahead(w, weight, least, weightOf[least]!))) out.push({ w, p });
    }
  }
  return out.sort((a, b) =>
    wid(a.w) !== wid(b.w) ? (wid(a.w) < wid(b.w) ? -1 : 1) : pid(a.p) < pid(b.p) ? -1 : 1,
  );
}

const pairsOf = (c: { labourers: Int32Array; posts: Int32Array }): Pair[] =>
  Array.from(c.labourers, (w, i) => ({ w, p: c.posts[i]! }));

describe('blockingPairsOf', () => {
  it('gives the count, the first pairs for any number asked and the kept pairs that brute force finds', () => {
    let outOfIdOrder = 0;
    fc.assert(
      fc.property(placementArb, ({ ds, labourers, capacity, minScore, keep }) => {
        const index = compileIndex(ds);
        const W = ds.labourers.length;
        const P = ds.posts.length;
        const postOf = Int32Array.from(labourers, (x) => x.post);
        const weightOf = Float64Array.from(labourers, (x, w) =>
          P === 0 ? 0 : scorePair(ds, ds.labourers[w]!, ds.posts[x.weightFrom]!).score + x.nudge,
        );
        const within = Uint8Array.from(labourers, (x) => (x.member ? 1 : 0));
        const cap = Int32Array.from(capacity);
        // Every eligible pair at or above the floor, as the walk finds them; excluded labourers have none.
        const eligible = (w: number): { p: number; score: number }[] =>
          index.labourerExcluded[w] === 1
            ? []
            : ds.posts.flatMap((post, p) => {
                const lab = ds.labourers[w]!;
                if (checkEligibility(ds, lab, post).length > 0) return [];
                const score = scorePair(ds, lab, post).score;
                return [{ p, score }];
              });
        const byWalk = (w: number): { p: number; weight: number }[] =>
          eligible(w)
            .filter((x) => x.score >= minScore)
            .map((x) => ({ p: x.p, weight: x.score }));
        // Explicit lists: some eligible pairs of each labourer, by post id rank, weighed with a bonus.
        const offsets = new Int32Array(W + 1);
        const listPosts: number[] = [];
        const listScores: number[] = [];
        const listWeights: number[] = [];
        for (let w = 0; w < W; w++) {
          const chosen = eligible(w)
            .filter((x) => labourers[w]!.listed || x.p % 2 === 0)
            .sort((a, b) => index.postIdRank[a.p]! - index.postIdRank[b.p]!);
          for (const x of chosen) {
            listPosts.push(x.p);
            listScores.push(x.score);
            listWeights.push(x.score + labourers[w]!.bonus);
          }
          offsets[w + 1] = listPosts.length;
        }
        const lists: PairLists = {
          offsets,
          posts: Int32Array.from(listPosts),
          scores: Float64Array.from(listScores),
          weights: Float64Array.from(listWeights),
        };
        const byList = (w: number): { p: number; weight: number }[] => {
          const out: { p: number; weight: number }[] = [];
          if (index.labourerExcluded[w] === 1) return out;
          for (let k = offsets[w]!; k < offsets[w + 1]!; k++)
            out.push({ p: listPosts[k]!, weight: listWeights[k]! });
          return out;
        };

        const cases = [
          { lists: undefined, within: undefined, expected: bruteForce(ds, postOf, weightOf, cap, byWalk) },
          { lists: undefined, within, expected: bruteForce(ds, postOf, weightOf, cap, byWalk, within) },
          { lists, within: undefined, expected: bruteForce(ds, postOf, weightOf, cap, byList) },
        ];
        const { labourerByWalk, labourerRank } = idOrderOf(index);
        if (labourerByWalk.some((w, i) => i > 0 && labourerRank[w]! < labourerRank[labourerByWalk[i - 1]!]!))
          outOfIdOrder++;
        for (const c of cases) {
          const n = c.expected.length;
          for (const first of new Set([0, 1, 2, 3, 7, n - 1, n, n + 5].filter((k) => k >= 0))) {
            const found = blockingPairsOf(index, postOf, weightOf, minScore, c.lists, {
              capacity: cap,
              within: c.within,
              first,
              keep,
            });
            expect(found.count).toBe(n);
            expect(pairsOf(found)).toEqual(c.expected.slice(0, first));
            expect(pairsOf(found.kept)).toEqual(c.expected.filter(({ w, p }) => keep(w, p)));
          }
          // Nothing asked for: only the count.
          const bare = blockingPairsOf(index, postOf, weightOf, minScore, c.lists, {
            capacity: cap,
            within: c.within,
          });
          expect([bare.count, bare.labourers.length, bare.kept.labourers.length]).toEqual([n, 0, 0]);
        }
      }),
      { numRuns: runs(150) },
    );
    // The walk takes labourers county by county, so the first pairs are not simply the first found.
    expect(outOfIdOrder).toBeGreaterThan(0);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses first = %s, naming it', (first) => {
    const index = compileIndex(dataset());
    expect(() =>
      blockingPairsOf(index, new Int32Array(0), new Float64Array(0), 0, undefined, { first }),
    ).toThrow(new RangeError(`blockingPairsOf: first must be a non-negative integer, got ${first}`));
  });
});
