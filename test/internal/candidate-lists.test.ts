import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/compile.js';
import { checkEligibility } from '../../src/eligibility.js';
import { findLists, listBytes, listFinder } from '../../src/internal/candidate-lists.js';
import { scorePair } from '../../src/score.js';
import { richDatasetArb, smallSampleArb } from '../helpers/rich.js';
import { runs } from '../helpers/runs.js';

const caseArb = fc.record({
  ds: fc.oneof(richDatasetArb, smallSampleArb),
  minScore: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.8, noNaN: true })),
});

describe('listFinder', () => {
  it("is a labourer's every eligible pair scoring at least the minimum, by post id, with its score", () => {
    fc.assert(
      fc.property(caseArb, ({ ds, minScore }) => {
        const index = compileIndex(ds);
        const find = listFinder(index, minScore);
        ds.labourers.forEach((l, w) => {
          const expected = ds.posts
            .map((p, i) => ({ i, id: p.id, ok: checkEligibility(ds, l, p).length === 0 }))
            .filter((x) => x.ok)
            .map((x) => ({ ...x, score: scorePair(ds, l, ds.posts[x.i]!).score }))
            .filter((x) => x.score >= minScore)
            .sort((a, b) => (a.id < b.id ? -1 : 1));
          const got = find(w);
          expect([...got.offsets]).toEqual([0, expected.length]);
          expect([...got.posts]).toEqual(expected.map((x) => x.i));
          expect([...got.scores]).toEqual(expected.map((x) => x.score));
          // Its bytes, what a planner's budget counts: two offsets, and a post and a score a pair.
          expect(listBytes(got)).toBe(8 + 12 * expected.length);
        });
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('findLists', () => {
  it('packs the lists of the labourers in the order given, as long as their bytes fit the budget', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.record({
            c: fc.constant(c),
            order: fc.shuffledSubarray(
              c.ds.labourers.map((_, w) => w),
              { minLength: 0 },
            ),
            cut: fc.nat(),
            over: fc.boolean(),
          }),
        ),
        ({ c: { ds, minScore }, order, cut, over }) => {
          const index = compileIndex(ds);
          const find = listFinder(index, minScore);
          const lists = order.map((w) => find(w));
          // A budget that holds exactly the first k lists, or one byte less (k − 1 of them).
          const k = order.length === 0 ? 0 : cut % (order.length + 1);
          const fit = lists.slice(0, k).reduce((n, l) => n + listBytes(l), 0);
          const bytes = over ? fit : fit - 1;
          const kept = over || k === 0 ? k : k - 1;
          const packed = findLists(index, Int32Array.from(order), minScore, Math.max(0, bytes));
          expect([...packed.labourers]).toEqual(order.slice(0, kept));
          expect(packed.offsets).toHaveLength(kept + 1);
          for (let i = 0; i < kept; i++) {
            const a = packed.offsets[i]!;
            const b = packed.offsets[i + 1]!;
            expect([...packed.posts.subarray(a, b)]).toEqual([...lists[i]!.posts]);
            expect([...packed.scores.subarray(a, b)]).toEqual([...lists[i]!.scores]);
          }
          expect(packed.posts).toHaveLength(packed.offsets[kept]!);
          expect(packed.scores).toHaveLength(packed.offsets[kept]!);
        },
      ),
      { numRuns: runs(60) },
    );
  });
});
