/**
 * The bounded walk against brute force: every eligible pair scored, then filtered and sorted the way
 * the walk promises (value = score − offset, floor, minimum score, cursor, gate), for any offsets.
 */
import { runs } from '../helpers/runs.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex, type CompiledIndex } from '../../src/compile.js';
import { createScratch, kernelEligible, kernelScore } from '../../src/internal/kernel.js';
import { PricingViews, priceRange, type PlanDuals } from '../../src/internal/pricing.js';
import { ruleCounts } from '../../src/internal/rule-counts.js';
import { TopK, Walker, walk, walkLimits } from '../../src/internal/walk.js';
import { checkEligibility, labourerExclusions } from '../../src/eligibility.js';
import { richDatasetArb, smallSampleArb } from '../helpers/rich.js';
import { parseDataset } from '../../src/parse.js';
import { generateSample } from '../../src/sample.js';

const datasets = fc.oneof(richDatasetArb, smallSampleArb);
const largerSampleArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    labourers: fc.integer({ min: 10, max: 60 }),
    posts: fc.integer({ min: 100, max: 400 }),
  })
  .map((o) => parseDataset(generateSample(o)));

/** Every eligible pair of a labourer: post, score. */
function eligibleOf(index: CompiledIndex, w: number): { p: number; score: number }[] {
  const sc = createScratch(index);
  const out: { p: number; score: number }[] = [];
  for (let p = 0; p < index.postCount; p++)
    if (kernelEligible(index, w, p)) out.push({ p, score: kernelScore(index, sc, w, p) });
  return out;
}

/** Offsets: mostly small prices, some posts left out, some very negative. */
const offsetsArb = (P: number) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.double({ min: -0.5, max: 0.9, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
      { weight: 1, arbitrary: fc.constant(0) },
    ),
    { minLength: P, maxLength: P },
  );

describe('the walk', () => {
  it('finds the k pairs of largest value, exactly, whatever the offsets, floor, minimum score and cursor', () => {
    fc.assert(
      fc.property(
        datasets.chain((ds) =>
          fc.tuple(
            fc.constant(ds),
            offsetsArb(ds.posts.length),
            fc.integer({ min: 1, max: 6 }),
            fc.double({ min: -0.6, max: 0.9, noNaN: true }),
            fc.double({ min: 0, max: 0.8, noNaN: true }),
            fc.boolean(),
          ),
        ),
        ([ds, offs, k, floor, minScore, useCursor]) => {
          const index = compileIndex(ds);
          const offsets = Float64Array.from(offs);
          const wk = new Walker(index, { offsets });
          const out = new TopK(k);
          const rank = index.postIdRank;
          for (let w = 0; w < index.labourerCount; w++) {
            const all = eligibleOf(index, w)
              .filter(({ p, score }) => offsets[p] !== Number.POSITIVE_INFINITY && score >= minScore)
              .map(({ p, score }) => ({ p, score, value: score - offsets[p]! }))
              .filter((x) => x.value >= floor)
              .sort((a, b) => b.value - a.value || rank[a.p]! - rank[b.p]!);
            const lim = walkLimits(floor, minScore);
            // A cursor after the first pair: the walk must return the pairs after it.
            const cursor = useCursor && all.length > 0 ? all[0]! : undefined;
            if (cursor !== undefined) {
              lim.afterValue = cursor.value;
              lim.afterRank = rank[cursor.p]!;
            }
            out.reset(k);
            walk(wk, w, lim, out);
            const expected = (cursor === undefined ? all : all.slice(1)).slice(0, k);
            expect(Array.from(out.posts.subarray(0, out.size))).toEqual(expected.map((x) => x.p));
            expect(Array.from(out.scores.subarray(0, out.size))).toEqual(expected.map((x) => x.score));
          }
        },
      ),
      { numRuns: runs(80) },
    );
  });

  it('stays exact when posts close between walks (the buckets built before are kept, closed posts linked over)', () => {
    fc.assert(
      fc.property(
        // Posts enough that whole buckets close, up to the end of the bucket arrays.
        fc.oneof(datasets, largerSampleArb).chain((ds) =>
          fc.tuple(
            fc.constant(ds),
            // Walks in order: a labourer, the posts closed after it, whether the next walk of it
            // resumes after its last pair.
            fc.array(
              fc.tuple(
                fc.nat({ max: Math.max(0, ds.labourers.length - 1) }),
                fc.array(fc.nat({ max: Math.max(0, ds.posts.length - 1) }), {
                  maxLength: Math.ceil(ds.posts.length / 4),
                }),
                fc.boolean(),
              ),
              { minLength: 1, maxLength: 40 },
            ),
            fc.integer({ min: 1, max: 3 }),
          ),
        ),
        ([ds, steps, k]) => {
          const index = compileIndex(ds);
          const offsets = new Float64Array(index.postCount);
          const kept = new Walker(index, { offsets });
          // Every county's buckets kept, links and all, as the greedy matching keeps them.
          kept.keepBytes = Number.POSITIVE_INFINITY;
          const rank = index.postIdRank;
          const out = new TopK(k);
          const fresh = new TopK(k);
          const lim = walkLimits(0);
          for (const [at, closing, resume] of steps) {
            const w = index.labourerIds.indexOf(ds.labourers[at]!.id);
            lim.afterValue = Number.POSITIVE_INFINITY;
            lim.afterRank = -1;
            for (let pass = 0; pass < (resume ? 2 : 1); pass++) {
              if (pass === 1) {
                if (out.size === 0) break;
                lim.afterValue = out.values[out.size - 1]!;
                lim.afterRank = rank[out.posts[out.size - 1]!]!;
              }
              out.reset(k);
              walk(kept, w, lim, out);
              fresh.reset(k);
              walk(new Walker(index, { offsets: offsets.slice() }), w, lim, fresh);
              expect(Array.from(out.posts.subarray(0, out.size))).toEqual(
                Array.from(fresh.posts.subarray(0, fresh.size)),
              );
            }
            for (const p of closing) offsets[p] = Number.POSITIVE_INFINITY;
          }
        },
      ),
      { numRuns: runs(80) },
    );
  });

  it('with a gate keeps exactly the pairs that pass it, and a budget only ever cuts the list short', () => {
    fc.assert(
      fc.property(
        datasets.chain((ds) =>
          fc.tuple(
            fc.constant(ds),
            fc.array(
              fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(Number.NEGATIVE_INFINITY)),
              {
                minLength: ds.posts.length,
                maxLength: ds.posts.length,
              },
            ),
            fc.array(fc.integer({ min: 0, max: 100 }), {
              minLength: ds.posts.length,
              maxLength: ds.posts.length,
            }),
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 1, max: 40 }),
          ),
        ),
        ([ds, gates, ties, tieRank, budget]) => {
          const index = compileIndex(ds);
          const wk = new Walker(index);
          const gate = Float64Array.from(gates);
          const gateTie = Int32Array.from(ties);
          const out = new TopK(Number.POSITIVE_INFINITY);
          for (let w = 0; w < index.labourerCount; w++) {
            const passing = eligibleOf(index, w)
              .filter(({ p, score }) => score > gate[p]! || (score === gate[p] && tieRank < gateTie[p]!))
              .map(({ p }) => p)
              .sort((a, b) => a - b);
            const lim = walkLimits(0);
            lim.gate = gate;
            lim.gateTie = gateTie;
            lim.tieRank = tieRank;
            out.reset(Number.POSITIVE_INFINITY);
            walk(wk, w, lim, out);
            expect(out.truncated).toBe(false);
            expect(Array.from(out.posts.subarray(0, out.size)).sort((a, b) => a - b)).toEqual(passing);
            lim.budget = budget;
            out.reset(Number.POSITIVE_INFINITY);
            walk(wk, w, lim, out);
            const found = Array.from(out.posts.subarray(0, out.size));
            for (const p of found) expect(passing).toContain(p);
            if (!out.truncated) expect(found.sort((a, b) => a - b)).toEqual(passing);
          }
        },
      ),
      { numRuns: runs(60) },
    );
  });
});

describe('pricing', () => {
  it('finds a violating pair for exactly the labourers some eligible pair violates for', () => {
    fc.assert(
      fc.property(
        datasets.chain((ds) =>
          fc.tuple(
            fc.constant(ds),
            fc.array(
              fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: -0.5, max: 1, noNaN: true })),
              {
                minLength: ds.labourers.length,
                maxLength: ds.labourers.length,
              },
            ),
            fc.array(
              fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: -0.5, max: 1, noNaN: true })),
              {
                minLength: ds.posts.length,
                maxLength: ds.posts.length,
              },
            ),
          ),
        ),
        ([ds, us, vs]) => {
          const index = compileIndex(ds);
          const W = index.labourerCount;
          // One numbered tier (priority households); tier parts 0–2 on either side.
          const duals: PlanDuals = {
            T: 1,
            tiers: [1],
            labourerTier: Int32Array.from({ length: W }, (_, w) =>
              index.labourerPriority[w] === 1 ? 0 : -1,
            ),
            labourerTierDual: Float64Array.from(us, ([c]) => c),
            labourerDual: Float64Array.from(us, ([, x]) => x),
            postTierDual: Float64Array.from(vs, ([c]) => c),
            postDual: Float64Array.from(vs, ([, x]) => x),
          };
          const tol = 1e-9;
          const window = 0.3;
          const found = priceRange(index, 0, W, duals, {
            minScore: 0,
            perLabourer: 3,
            tolerance: tol,
            window,
          });
          // Views kept from call to call give the same answer as fresh ones, as the post duals fall a
          // little, a lot, or rise.
          const views = new PricingViews();
          const options = { minScore: 0, perLabourer: 3, tolerance: tol, window, views };
          expect(priceRange(index, 0, W, duals, options)).toEqual(found);
          for (const moved of [0.005, 0.3, -0.01]) {
            const next: PlanDuals = {
              ...duals,
              postDual: Float64Array.from(duals.postDual, (v, p) => v - moved * ((p % 3) - 0.5)),
            };
            expect(priceRange(index, 0, W, next, options)).toEqual(
              priceRange(index, 0, W, next, { ...options, views: undefined }),
            );
          }
          // Restricted to some posts, views kept across shards of labourers give the same answer as
          // one call with fresh views; they serve that set of posts only.
          const some = Uint8Array.from({ length: index.postCount }, (_, p) => (p % 2 === 0 ? 1 : 0));
          const restricted = { minScore: 0, perLabourer: 3, tolerance: tol, window, posts: some };
          const whole = priceRange(index, 0, W, duals, restricted);
          const shared = new PricingViews();
          const half = W >> 1;
          const a = priceRange(index, 0, half, duals, { ...restricted, views: shared });
          const b = priceRange(index, half, W, duals, { ...restricted, views: shared });
          // Each labourer's violating pairs (labourers come in walk order within a call).
          const byLabourer = (...vs: (typeof whole)[]): string[] =>
            vs
              .flatMap((v) =>
                Array.from(
                  v.labourers,
                  (w, i) => `${w}:${Array.from(v.posts.subarray(v.offsets[i], v.offsets[i + 1])).join(',')}`,
                ),
              )
              .sort();
          expect(byLabourer(a, b)).toEqual(byLabourer(whole));
          expect([...a.slack!, ...b.slack!]).toEqual([...whole.slack!]);
          if (shared.byKey.size > 0)
            expect(() =>
              priceRange(index, 0, W, duals, { ...restricted, posts: some.slice(), views: shared }),
            ).toThrow(RangeError);
          // The pairs kept as nearest to violating, and the slack every other pair has at least.
          for (let w = 0; w < W; w++) {
            if (index.labourerExcluded[w] === 1) continue;
            const t = duals.labourerTier[w]! >= 0 ? 1 : 0;
            const u = duals.labourerDual[w]!;
            const near = new Set<number>();
            for (let k = found.near!.offsets[w]!; k < found.near!.offsets[w + 1]!; k++)
              near.add(found.near!.posts[k]!);
            const far = found.slack![w]!;
            expect(far).toBeLessThanOrEqual(window);
            if (near.size < 3 && far !== Number.NEGATIVE_INFINITY) expect(far).toBe(window);
            for (const { p, score } of eligibleOf(index, w)) {
              const c = t - duals.labourerTierDual[w]! - duals.postTierDual[p]!;
              if (c > 0) expect(far).toBe(Number.NEGATIVE_INFINITY);
              if (c !== 0) continue;
              const slackOf = u + duals.postDual[p]! - score;
              if (near.has(p)) expect(slackOf).toBeLessThanOrEqual(window + 1e-9);
              else expect(slackOf).toBeGreaterThanOrEqual(far - 1e-9);
            }
          }
          const expected: number[] = [];
          for (let w = 0; w < W; w++) {
            const t = duals.labourerTier[w]! >= 0 ? 1 : 0;
            const violated = eligibleOf(index, w).some(({ p, score }) => {
              const c = t - duals.labourerTierDual[w]! - duals.postTierDual[p]!;
              return c > 0 || (c === 0 && score - duals.postDual[p]! - duals.labourerDual[w]! > tol);
            });
            if (violated) expected.push(w);
          }
          expect(Array.from(found.labourers).sort((a, b) => a - b)).toEqual(expected);
          // Every pair reported violates.
          for (let i = 0; i < found.labourers.length; i++) {
            const w = found.labourers[i]!;
            const t = duals.labourerTier[w]! >= 0 ? 1 : 0;
            for (let k = found.offsets[i]!; k < found.offsets[i + 1]!; k++) {
              const p = found.posts[k]!;
              const c = t - duals.labourerTierDual[w]! - duals.postTierDual[p]!;
              expect(
                c > 0 || (c === 0 && found.scores[k]! - duals.postDual[p]! - duals.labourerDual[w]! > tol),
              ).toBe(true);
            }
          }
        },
      ),
      { numRuns: runs(80) },
    );
  });
});

describe('rule counts', () => {
  it('equal checkEligibility post by post, each code once per post, for every labourer not excluded outright', () => {
    fc.assert(
      fc.property(datasets, (ds) => {
        const index = compileIndex(ds);
        const sc = createScratch(index);
        ds.labourers.forEach((labourer, w) => {
          if (labourerExclusions(ds, labourer).length > 0) return;
          const byRule: Record<string, number> = {};
          for (const post of ds.posts)
            for (const code of new Set(checkEligibility(ds, labourer, post).map((e) => e.code)))
              byRule[code] = (byRule[code] ?? 0) + 1;
          expect(ruleCounts(index, sc, w)).toEqual(byRule);
        });
      }),
      { numRuns: runs(100) },
    );
  });
});
