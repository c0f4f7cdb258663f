import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../src/compile.js';
import { checkEligibility } from '../src/eligibility.js';
import { scoreRow } from '../bench/index-row.js';
import { createScratch, kernelEligible, kernelScore } from '../src/internal/kernel.js';
import { parseDataset } from '../src/parse.js';
import { eligiblePairs, rankAll, rankedOf, topKPosts } from '../src/rank-all.js';
import { rankPosts } from '../src/rank.js';
import { generateSample } from '../src/sample.js';
import { scorePair } from '../src/score.js';
import type { AreaCode, Dataset, Destination, Post, PostId } from '../src/types.js';
import { datasetArb } from './helpers/arbitraries.js';
import { richDatasetArb } from './helpers/rich.js';
import { runs } from './helpers/runs.js';

/** Sample datasets from random seeds, small enough to compare every pair. */
const sampleArb: fc.Arbitrary<Dataset> = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    labourers: fc.integer({ min: 1, max: 40 }),
    posts: fc.integer({ min: 1, max: 40 }),
  })
  .map((o) => parseDataset(generateSample(o)));

/** A dataset with every post duplicated under other ids, so that scores tie often. */
const tiedArb: fc.Arbitrary<Dataset> = fc
  .tuple(datasetArb, fc.integer({ min: 1, max: 3 }))
  .map(([ds, copies]) => {
    const posts: Post[] = [];
    for (let c = copies; c >= 0; c--) {
      for (const p of ds.posts) posts.push({ ...p, id: `${p.id}-${c}` as PostId });
    }
    return { ...ds, posts };
  });

/** Labourers who prefer the site (its town, county or park) of some post, so preferences matter. */
const preferringArb: fc.Arbitrary<Dataset> = fc
  .tuple(fc.oneof(datasetArb, sampleArb), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }))
  .map(([ds, picks]) => ({
    ...ds,
    labourers: ds.labourers.map((w, i) => {
      const pick = picks[i % picks.length]!;
      const post = ds.posts[pick % Math.max(1, ds.posts.length)];
      if (post === undefined || pick % 4 === 3) return w;
      const site = post.site;
      const preferred: Destination =
        site.kind === 'park'
          ? { kind: 'park', park: site.park }
          : {
              kind: 'area',
              area: (site.kind === 'town' && pick % 2 === 0
                ? site.town
                : site.kind === 'town'
                  ? site.town.slice(0, 6)
                  : site.county) as string as AreaCode,
            };
      return { ...w, mobility: { ...w.mobility, preferred: [preferred, ...w.mobility.preferred] } };
    }),
  }));

/**
 * Posts near some labourers' homes with a dormitory that costs: a labourer who lives at home there is
 * paid the net without the dormitory, one who needs it the net with it.
 */
const localArb: fc.Arbitrary<Dataset> = fc
  .tuple(fc.oneof(datasetArb, sampleArb), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }))
  .map(([ds, picks]) => ({
    ...ds,
    posts: ds.posts.map((p, i): Post => {
      const pick = picks[i % picks.length]!;
      const w = ds.labourers[pick % Math.max(1, ds.labourers.length)];
      if (w === undefined || pick % 3 === 2) return p;
      return {
        ...p,
        site: { kind: 'county', county: w.originCounty },
        dormitory: { provided: true, monthlyCost: 100 + (pick % 5) * 100 },
      };
    }),
    labourers: ds.labourers.map((w, i) => ({ ...w, needsDormitory: picks[i % picks.length]! % 2 === 0 })),
  }));

const anyDataset = fc.oneof(datasetArb, richDatasetArb, sampleArb, tiedArb, preferringArb, localArb);

function bruteForce(ds: Dataset, top: number, minScore: number): string[] {
  return ds.labourers.map((w) =>
    JSON.stringify(
      rankPosts(ds, w.id, { top, minScore, includeExcluded: false }).ranked.map((r) => ({
        post: r.post.id,
        score: r.score,
      })),
    ),
  );
}

describe('compiled kernel', () => {
  it('kernel score equals scorePair exactly', () => {
    fc.assert(
      fc.property(anyDataset, (ds) => {
        const index = compileIndex(ds);
        const sc = createScratch(index);
        ds.labourers.forEach((w, i) => {
          ds.posts.forEach((p, j) => {
            expect(Object.is(kernelScore(index, sc, i, j), scorePair(ds, w, p).score)).toBe(true);
          });
        });
      }),
      { numRuns: runs(300) },
    );
  });

  it('a scored row equals the kernel score of each pair', () => {
    fc.assert(
      fc.property(anyDataset, (ds) => {
        const index = compileIndex(ds);
        const sc = createScratch(index);
        const out = new Float64Array(index.postCount);
        ds.labourers.forEach((_, i) => {
          scoreRow(index, sc, i, out);
          const one = createScratch(index);
          ds.posts.forEach((_, j) => {
            expect(Object.is(out[j], kernelScore(index, one, i, j))).toBe(true);
          });
        });
      }),
      { numRuns: runs(300) },
    );
  });

  it('kernel eligibility equals checkEligibility on every pair', () => {
    fc.assert(
      fc.property(anyDataset, (ds) => {
        const index = compileIndex(ds);
        ds.labourers.forEach((w, i) => {
          ds.posts.forEach((p, j) => {
            expect(kernelEligible(index, i, j)).toBe(checkEligibility(ds, w, p).length === 0);
          });
        });
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('rankAll', () => {
  it('pruned top-k equals brute force, ties included', () => {
    fc.assert(
      fc.property(
        anyDataset,
        fc.integer({ min: 1, max: 12 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
        (ds, top, minScore) => {
          const all = rankAll(ds, { top, minScore });
          const got = ds.labourers.map((_, i) => JSON.stringify(rankedOf(all, i)));
          expect(got).toEqual(bruteForce(ds, top, minScore));
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('topKPosts for one labourer equals its slice of rankAll', () => {
    fc.assert(
      fc.property(sampleArb, fc.integer({ min: 1, max: 8 }), (ds, k) => {
        const index = compileIndex(ds);
        const all = rankAll(index, { top: k });
        ds.labourers.forEach((_, i) => {
          const one = topKPosts(index, i, k);
          expect([...one.posts]).toEqual([...all.posts.subarray(all.offsets[i]!, all.offsets[i + 1]!)]);
          expect([...one.scores]).toEqual([...all.scores.subarray(all.offsets[i]!, all.offsets[i + 1]!)]);
        });
      }),
      { numRuns: runs(300) },
    );
  });

  it('the score in an explanation equals the score that ranked it', () => {
    fc.assert(
      fc.property(sampleArb, (ds) => {
        const all = rankAll(ds, { top: 5 });
        ds.labourers.forEach((w, i) => {
          for (const entry of rankedOf(all, i)) {
            const post = ds.posts.find((p) => p.id === entry.post)!;
            expect(scorePair(ds, w, post).score).toBe(entry.score);
          }
        });
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('eligiblePairs', () => {
  it('every eligible pair with its scorePair score, by score then post id', () => {
    fc.assert(
      fc.property(
        anyDataset,
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
        (ds, minScore) => {
          const index = compileIndex(ds);
          const pairs = eligiblePairs(index, { minScore });
          ds.labourers.forEach((w, i) => {
            const all = ds.posts
              .filter((p) => checkEligibility(ds, w, p).length === 0)
              .map((p) => ({ post: p.id as string, score: scorePair(ds, w, p).score }));
            expect(pairs.eligible[i]).toBe(all.length);
            const want = all
              .filter((e) => e.score >= minScore)
              .sort((a, b) => b.score - a.score || (a.post < b.post ? -1 : a.post > b.post ? 1 : 0));
            const got = [];
            for (let k = pairs.offsets[i]!; k < pairs.offsets[i + 1]!; k++) {
              got.push({ post: index.postIds[pairs.posts[k]!]!, score: pairs.scores[k]! });
            }
            expect(got).toEqual(want);
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
