import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/compile.js';
import { checkEligibility } from '../../src/eligibility.js';
import { deferredAcceptance } from '../helpers/deferred.js';
import { postGates } from '../../src/internal/blocking.js';
import { greedyMatch } from '../../src/internal/greedy-match.js';
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
    listAhead: fc.constantFrom(1, 2, 6),
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
      fc.property(caseArb, ({ ds, skip, used, minScore, skipSome, listAhead }) => {
        const index = compileIndex(ds);
        // The index keeps labourers and posts in input order.
        const s = skipSome ? skip : skip.map(() => false);
        const options = {
          minScore,
          skip: Uint8Array.from(s, (b) => (b ? 1 : 0)),
          used: Int32Array.from(used),
        };
        const g = greedyMatch(index, { ...options, listAhead });
        const d = deferredAcceptance(index, options);
        expect([...g.postOf]).toEqual([...d.postOf]);
        expect([...g.scoreOf]).toEqual([...d.scoreOf]);
        const names = [...g.postOf].map((p) => (p < 0 ? '' : index.postIds[p]!));
        expect(names).toEqual(bruteGreedy(ds, s, used, minScore));
        // Every placed pair is among the pairs it reports.
        const acc = new Set<string>();
        g.accepted.workers.forEach((w, i) => acc.add(`${w}:${g.accepted.posts[i]}`));
        g.postOf.forEach((p, w) => {
          if (p >= 0) expect(acc.has(`${w}:${p}`)).toBe(true);
        });
        // The gates its matching leaves are those deferred acceptance reports.
        const room = Int32Array.from(index.postCapacity, (c, p) => Math.max(0, c - used[p]!));
        const gates = postGates(index, g.postOf, g.scoreOf, room).gates;
        for (let t = 0; t < 2; t++) expect([...gates[t]!]).toEqual([...d.gates[t]!]);
      }),
      { numRuns: runs(150) },
    );
  });
});
