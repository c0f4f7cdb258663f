import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/compile.js';
import { checkEligibility } from '../../src/eligibility.js';
import { deferredAcceptance } from '../helpers/deferred.js';
import { postGates } from '../../src/internal/blocking.js';
import { greedyMatch } from '../../src/internal/greedy-match.js';
import { parseDataset } from '../../src/parse.js';
import { generateSample } from '../../src/sample.js';
import { priorityTier } from '../../src/compare.js';
import { scorePair } from '../../src/score.js';
import type { Dataset } from '../../src/types.js';
import { richDatasetArb, smallSampleArb } from '../helpers/rich.js';
import { runs } from '../helpers/runs.js';

/** Datasets, and random labourers left out and openings already taken. */
const caseArb = fc.oneof(richDatasetArb, smallSampleArb).chain((ds) =>
  fc.record({
    ds: fc.constant(ds),
    skip: fc.array(fc.boolean(), { minLength: ds.labourers.length, maxLength: ds.labourers.length }),
    used: fc.array(fc.nat({ max: 3 }), { minLength: ds.posts.length, maxLength: ds.posts.length }),
    minScore: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.8, noNaN: true })),
    skipSome: fc.boolean(),
    // Left out: the lengths a plan uses (two posts at first, eight at a time after).
    listAhead: fc.constantFrom(undefined, 1, 2, 6),
    // Whether labourers left out and openings taken are passed at all (a plan without groups passes neither).
    shaped: fc.boolean(),
    // Whether every labourer's first reach is asked for (the optimal plan's seed asks).
    firstReach: fc.boolean(),
  }),
);

/** Greedy over every eligible pair in the master order (tier, score descending, labourer id, post id). */
function bruteGreedy(
  ds: Dataset,
  skip: readonly boolean[],
  used: readonly number[],
  minScore: number,
): string[] {
  const index = compileIndex(ds);
  const pairs: { w: number; p: number; tier: number; score: number }[] = [];
  ds.labourers.forEach((w, i) => {
    if (skip[i]) return;
    ds.posts.forEach((p, j) => {
      if (checkEligibility(ds, w, p).length > 0) return;
      const score = scorePair(ds, w, p).score;
      if (score >= minScore) pairs.push({ w: i, p: j, tier: priorityTier(w), score });
    });
  });
  const id = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.score - a.score ||
      id(ds.labourers[a.w]!.id, ds.labourers[b.w]!.id) ||
      id(ds.posts[a.p]!.id, ds.posts[b.p]!.id),
  );
  const room = ds.posts.map((_, j) => Math.max(0, index.postCapacity[j]! - used[j]!));
  const at = ds.labourers.map(() => -1);
  for (const x of pairs) {
    if (at[x.w] !== -1 || room[x.p]! === 0) continue;
    at[x.w] = x.p;
    room[x.p]! -= 1;
  }
  return at.map((p) => (p < 0 ? '' : ds.posts[p]!.id));
}

describe('greedyMatch', () => {
  it('is the stable matching: deferred acceptance’s, and greedy over every eligible pair in the master order', () => {
    fc.assert(
      fc.property(
        caseArb,
        ({ ds, skip: skipDrawn, used: usedDrawn, minScore, skipSome, listAhead, shaped, firstReach }) => {
          const index = compileIndex(ds);
          // The index keeps labourers and posts in input order.
          const s = skipSome && shaped ? skipDrawn : skipDrawn.map(() => false);
          const used = shaped ? usedDrawn : usedDrawn.map(() => 0);
          const options = {
            minScore,
            skip: Uint8Array.from(s, (b) => (b ? 1 : 0)),
            used: Int32Array.from(used),
          };
          const g = greedyMatch(index, {
            minScore,
            ...(shaped ? { skip: options.skip, used: options.used } : {}),
            ...(listAhead === undefined ? {} : { listAhead }),
            firstReach,
          });
          const d = deferredAcceptance(index, options);
          expect([...g.postOf]).toEqual([...d.postOf]);
          expect([...g.scoreOf]).toEqual([...d.scoreOf]);
          const names = [...g.postOf].map((p) => (p < 0 ? '' : index.postIds[p]!));
          expect(names).toEqual(bruteGreedy(ds, s, used, minScore));
          // Every placed pair is among the pairs it reports, and each pair reported is eligible with
          // its own score (they seed the optimal plan's core).
          const acc = new Set<string>();
          g.accepted.labourers.forEach((w, i) => {
            const p = g.accepted.posts[i]!;
            acc.add(`${w}:${p}`);
            expect(checkEligibility(ds, ds.labourers[w]!, ds.posts[p]!)).toEqual([]);
            expect(g.accepted.scores[i]).toBe(scorePair(ds, ds.labourers[w]!, ds.posts[p]!).score);
          });
          expect(g.accepted.scores).toHaveLength(g.accepted.labourers.length);
          expect(g.accepted.posts).toHaveLength(g.accepted.labourers.length);
          g.postOf.forEach((p, w) => {
            if (p >= 0) expect(acc.has(`${w}:${p}`)).toBe(true);
          });
          // Not asked for, a labourer outside the priority households reaches only for posts that
          // still had room once every priority labourer was decided: its first walk waits till then.
          if (!firstReach) {
            const room = Int32Array.from(index.postCapacity, (c, p) => Math.max(0, c - used[p]!));
            g.postOf.forEach((p, w) => {
              if (p >= 0 && index.labourerPriority[w] === 1) room[p]! -= 1;
            });
            g.accepted.labourers.forEach((w, i) => {
              if (index.labourerPriority[w] !== 1) expect(room[g.accepted.posts[i]!]).toBeGreaterThan(0);
            });
          }
          // Asked for, each labourer's first reach is among them: its best pair (score, then post
          // id) at a post with room before anyone was placed.
          if (firstReach)
            ds.labourers.forEach((l, w) => {
              if (s[w] || index.labourerExcluded[w] === 1) return;
              let best: { p: number; score: number } | undefined;
              ds.posts.forEach((post, p) => {
                if (index.postCapacity[p]! - used[p]! <= 0) return;
                if (checkEligibility(ds, l, post).length > 0) return;
                const score = scorePair(ds, l, post).score;
                if (score < minScore) return;
                if (
                  best === undefined ||
                  score > best.score ||
                  (score === best.score && post.id < ds.posts[best.p]!.id)
                )
                  best = { p, score };
              });
              if (best !== undefined) expect(acc.has(`${w}:${best.p}`)).toBe(true);
            });
          // The gates its matching leaves are those deferred acceptance reports.
          const room = Int32Array.from(index.postCapacity, (c, p) => Math.max(0, c - used[p]!));
          const gates = postGates(index, g.postOf, g.scoreOf, room).gates;
          for (let t = 0; t < 2; t++) expect([...gates[t]!]).toEqual([...d.gates[t]!]);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it.each([1, 2, 3])(
    'with the lists a plan uses, is deferred acceptance’s matching on a crowded sample (seed %i), where many lists run out',
    (seed) => {
      const index = compileIndex(parseDataset(generateSample({ labourers: 600, posts: 40, seed })));
      const d = deferredAcceptance(index, { minScore: 0, skip: new Uint8Array(index.labourerCount) });
      for (const firstReach of [false, true]) {
        const g = greedyMatch(index, { minScore: 0, firstReach });
        expect([...g.postOf]).toEqual([...d.postOf]);
        expect([...g.scoreOf]).toEqual([...d.scoreOf]);
      }
      // Crowded: most labourers competed for a post that filled before their turn.
      const g = greedyMatch(index, { minScore: 0, firstReach: true });
      expect(g.accepted.labourers.length).toBeGreaterThan(index.labourerCount);
      // Labourers outside the priority households: asked for, their first reaches include posts the
      // priority households filled; not asked for, they reach only for posts left with room.
      const room = Int32Array.from(index.postCapacity);
      g.postOf.forEach((p, w) => {
        if (p >= 0 && index.labourerPriority[w] === 1) room[p]! -= 1;
      });
      const reachesFull = (m: typeof g): number =>
        Array.from(m.accepted.labourers).filter(
          (w, i) => index.labourerPriority[w] !== 1 && room[m.accepted.posts[i]!]! <= 0,
        ).length;
      expect(reachesFull(g)).toBeGreaterThan(0);
      expect(reachesFull(greedyMatch(index, { minScore: 0 }))).toBe(0);
    },
  );

  it.each([false, true])(
    'tells its progress as labourers are decided: from none to all, never past the total (first reach asked: %s)',
    (firstReach) => {
      const index = compileIndex(parseDataset(generateSample({ labourers: 9000, posts: 300, seed: 4 })));
      const told: [number, number][] = [];
      const g = greedyMatch(index, {
        minScore: 0,
        firstReach,
        onProgress: (done, total) => told.push([done, total]),
      });
      // The same matching without anyone to tell.
      expect([...greedyMatch(index, { minScore: 0 }).postOf]).toEqual([...g.postOf]);
      const total = told[0]![1];
      expect(total).toBe(Array.from(index.labourerExcluded).filter((x) => x === 0).length);
      expect(told[0]).toEqual([0, total]);
      expect(told[told.length - 1]).toEqual([total, total]);
      // Reports every 4,096 labourers decided, in between.
      expect(told.length).toBeGreaterThan(2);
      for (let i = 1; i < told.length; i++) {
        expect(told[i]![1]).toBe(total);
        expect(told[i]![0]).toBeGreaterThan(told[i - 1]![0]);
        expect(told[i]![0]).toBeLessThanOrEqual(total);
      }
    },
  );
});
