import fc from 'fast-check';
import { runs } from './helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { comparePostEntries, compareLabourerEntries } from '../src/compare.js';
import { checkEligibility, labourerExclusions } from '../src/eligibility.js';
import { explainPair } from '../src/explain.js';
import { rankPosts, rankLabourers } from '../src/rank.js';
import type { PostRanking, RankOptions, LabourerRanking } from '../src/results.js';
import type { Dataset } from '../src/types.js';
import { datasetArb } from './helpers/arbitraries.js';

/** Each run ranks every labourer and post of a dataset; fewer runs keep the file quick. */
const RUNS = { numRuns: runs(60) };

const optionsArb: fc.Arbitrary<RankOptions> = fc.record(
  {
    top: fc.integer({ min: 1, max: 8 }),
    minScore: fc.double({ min: 0, max: 1, noNaN: true }),
    includeExcluded: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A dataset and the same dataset with its labourers, posts and employers shuffled. */
const shuffledArb = datasetArb.chain((ds) =>
  fc
    .record({
      labourers: fc.shuffledSubarray([...ds.labourers], { minLength: ds.labourers.length }),
      posts: fc.shuffledSubarray([...ds.posts], { minLength: ds.posts.length }),
      employers: fc.shuffledSubarray([...ds.employers], { minLength: ds.employers.length }),
    })
    .map((parts): [Dataset, Dataset] => [ds, { ...ds, ...parts }]),
);

const postView = (r: PostRanking) => ({
  ranked: r.ranked.map((e) => [e.rank, e.post.id, e.score]),
  excluded: r.excluded.map((e) => [e.post.id, e.exclusions, e.breakdown?.score]),
  counts: [r.excludedCount, r.eligibleNotShown],
});
const labourerView = (r: LabourerRanking) => ({
  ranked: r.ranked.map((e) => [e.rank, e.labourer.id, e.score]),
  excluded: r.excluded.map((e) => [e.labourer.id, e.exclusions, e.breakdown?.score]),
  counts: [r.excludedCount, r.eligibleNotShown],
});

describe('rank', () => {
  it('ranking is independent of input order', () => {
    fc.assert(
      fc.property(shuffledArb, optionsArb, ([ds, shuffled], options) => {
        for (const w of ds.labourers) {
          expect(postView(rankPosts(shuffled, w.id, options))).toEqual(
            postView(rankPosts(ds, w.id, options)),
          );
        }
        for (const p of ds.posts) {
          expect(labourerView(rankLabourers(shuffled, p.id, options))).toEqual(
            labourerView(rankLabourers(ds, p.id, options)),
          );
        }
      }),
      RUNS,
    );
  });

  it('no ranked pair breaks a hard rule', () => {
    fc.assert(
      fc.property(datasetArb, optionsArb, (ds, options) => {
        for (const w of ds.labourers) {
          for (const e of rankPosts(ds, w.id, options).ranked)
            expect(checkEligibility(ds, w, e.post)).toEqual([]);
        }
        for (const p of ds.posts) {
          for (const e of rankLabourers(ds, p.id, options).ranked)
            expect(checkEligibility(ds, e.labourer, p)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('every post is ranked, excluded or counted as not shown, exactly once', () => {
    fc.assert(
      fc.property(datasetArb, optionsArb, (ds, options) => {
        for (const w of ds.labourers) {
          const r = rankPosts(ds, w.id, { ...options, includeExcluded: true });
          if (labourerExclusions(ds, w).some((e) => e.code === 'under-minimum-age')) {
            expect([r.ranked.length, r.excluded.length, r.excludedCount, r.eligibleNotShown]).toEqual([
              0, 0, 0, 0,
            ]);
            continue;
          }
          const listed = [...r.ranked.map((e) => e.post.id), ...r.excluded.map((e) => e.post.id)];
          expect(new Set(listed).size).toBe(listed.length);
          expect(listed.length + r.eligibleNotShown).toBe(ds.posts.length);
          expect(r.excludedCount).toBe(r.excluded.length);
          expect(r.ranked.length).toBeLessThanOrEqual(options.top ?? 10);
          for (const e of r.ranked) expect(e.score).toBeGreaterThanOrEqual(options.minScore ?? 0);
          const eligible = ds.posts.filter((p) => checkEligibility(ds, w, p).length === 0).length;
          expect(r.ranked.length + r.eligibleNotShown).toBe(eligible);
        }
        for (const p of ds.posts) {
          const r = rankLabourers(ds, p.id, { ...options, includeExcluded: true });
          const listed = [...r.ranked.map((e) => e.labourer.id), ...r.excluded.map((e) => e.labourer.id)];
          expect(new Set(listed).size).toBe(listed.length);
          expect(listed.length + r.eligibleNotShown).toBe(ds.labourers.length);
          for (const e of r.excluded) {
            if (e.exclusions.some((x) => x.code === 'under-minimum-age')) {
              expect(e.exclusions).toHaveLength(1);
              expect(e.breakdown).toBeUndefined();
            } else expect(e.breakdown).toBeDefined();
          }
        }
      }),
      RUNS,
    );
  });

  it('ranked entries follow the one total order with ranks 1..n', () => {
    fc.assert(
      fc.property(datasetArb, optionsArb, (ds, options) => {
        for (const w of ds.labourers) {
          const { ranked } = rankPosts(ds, w.id, options);
          ranked.forEach((e, i) => {
            expect(e.rank).toBe(i + 1);
            const next = ranked[i + 1];
            if (next !== undefined) {
              expect(
                comparePostEntries(
                  { id: e.post.id, score: e.score },
                  { id: next.post.id, score: next.score },
                ),
              ).toBeLessThan(0);
            }
          });
        }
        for (const p of ds.posts) {
          const { ranked } = rankLabourers(ds, p.id, options);
          ranked.forEach((e, i) => {
            expect(e.rank).toBe(i + 1);
            const next = ranked[i + 1];
            if (next !== undefined) {
              expect(
                compareLabourerEntries(
                  { id: e.labourer.id, score: e.score, household: e.labourer.household },
                  { id: next.labourer.id, score: next.score, household: next.labourer.household },
                ),
              ).toBeLessThan(0);
            }
          });
        }
      }),
      RUNS,
    );
  });

  it('explanation score equals ranked score', () => {
    fc.assert(
      fc.property(datasetArb, (ds) => {
        for (const w of ds.labourers) {
          for (const e of rankPosts(ds, w.id, { top: 100 }).ranked) {
            const a = explainPair(ds, w.id, e.post.id);
            expect(a.kind).toBe('eligible');
            if (a.kind === 'eligible') {
              expect(a.score).toBe(e.score);
              expect(a.breakdown).toEqual(e.breakdown);
            }
          }
          for (const e of rankPosts(ds, w.id).excluded) {
            const a = explainPair(ds, w.id, e.post.id);
            expect(a.kind).toBe('excluded');
            if (a.kind === 'excluded') expect(a.exclusions).toEqual(e.exclusions);
          }
        }
      }),
      RUNS,
    );
  });
});
