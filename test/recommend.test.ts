import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/recommend.js';
import type { PostId, LabourerId } from '../src/types.js';
import { dataset, labourer, post } from './helpers/build.js';

const make = (labourers: number, posts: readonly number[]) =>
  dataset({
    labourers: Array.from({ length: labourers }, (_, i) =>
      labourer({
        id: `w${i}` as LabourerId,
        household: i % 3 === 0 ? 'other' : 'registered',
        pay: { minMonthly: 2500 + 100 * i, targetMonthly: 4000 + 150 * i },
      }),
    ),
    posts: posts.map((pay, i) =>
      post({
        id: `p${i}` as PostId,
        openings: 1 + (i % 2),
        pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: pay },
      }),
    ),
  });

describe('recommend', () => {
  it('without a cap gives each labourer their plain top-k', () => {
    const ds = make(3, [3000, 5000, 7000]);
    const r = recommend(ds, { top: 2 });
    expect(r.lists.map((l) => l.recommendations.map((x) => x.post))).toEqual([
      ['p2', 'p1'],
      ['p2', 'p1'],
      ['p2', 'p1'],
    ]);
  });

  it('never recommends a post to more labourers than its cap, and the result is stable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 30, max: 70 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (n, pays, top, cap) => {
          const ds = make(
            n,
            pays.map((x) => x * 100),
          );
          const r = recommend(ds, { top, maxPerPost: cap });
          const scoreOf = new Map<string, number>();
          const holders = new Map<string, { w: string; tier: number; score: number }[]>();
          for (const l of r.lists) {
            expect(l.recommendations.length).toBeLessThanOrEqual(top);
            for (const x of l.recommendations) {
              const list = holders.get(x.post) ?? [];
              list.push({ w: l.labourer, tier: l.tier, score: x.score });
              holders.set(x.post, list);
            }
          }
          for (const [p, list] of holders) {
            expect(list.length).toBeLessThanOrEqual(cap);
            expect(r.load[p]!.recommended).toBe(list.length);
          }
          // No labourer and post would both rather be paired (same-scoring posts are all eligible here).
          const full = recommend(ds, { top: 100 });
          for (const l of full.lists) {
            const mine = r.lists.find((x) => x.labourer === l.labourer)!;
            const worstMine = mine.recommendations.at(-1);
            for (const x of l.recommendations) {
              scoreOf.set(`${l.labourer}|${x.post}`, x.score);
              if (mine.recommendations.some((y) => y.post === x.post)) continue;
              const wants =
                mine.recommendations.length < top ||
                (worstMine !== undefined &&
                  (x.score > worstMine.score || (x.score === worstMine.score && x.post < worstMine.post)));
              if (!wants) continue;
              const held = holders.get(x.post) ?? [];
              const worst = [...held].sort(
                (a, b) => b.tier - a.tier || a.score - b.score || (a.w < b.w ? 1 : -1),
              )[0];
              const takes =
                held.length < cap ||
                (worst !== undefined &&
                  (l.tier < worst.tier ||
                    (l.tier === worst.tier &&
                      (x.score > worst.score || (x.score === worst.score && l.labourer < worst.w)))));
              expect(takes).toBe(false);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('spreads the lists when the cap binds', () => {
    const ds = make(4, [3000, 5000, 7000]);
    const r = recommend(ds, { top: 1, maxPerPost: 2 });
    expect(Object.values(r.load).map((l) => l.recommended)).toEqual([0, 2, 2]);
    expect(r.lists.reduce((s, l) => s + l.withheld, 0)).toBeGreaterThan(0);
  });

  it('caps per opening', () => {
    const ds = make(4, [7000, 7000]);
    const r = recommend(ds, { top: 1, perOpening: 1 });
    expect(r.load).toEqual({ p0: { cap: 1, recommended: 1 }, p1: { cap: 2, recommended: 2 } });
  });

  it('refuses bad options', () => {
    expect(() => recommend(make(1, [5000]), { top: 0 })).toThrow(/recommend: top/);
    expect(() => recommend(make(1, [5000]), { perOpening: -1 })).toThrow(/perOpening/);
  });
});
