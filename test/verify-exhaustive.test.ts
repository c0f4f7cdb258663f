/**
 * The exhaustive verifier asks the rules and the score about every pair: its candidates must be the
 * planner's (every option of `assign`), it must accept every plan `assign` makes and refuse a
 * tampered one as the walk-based verifier does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, type AssignOptions } from '../src/assign.js';
import { compileIndex } from '../src/compile.js';
import { checkEligibility } from '../src/eligibility.js';
import { keepTogetherLists } from '../src/internal/keep-together.js';
import { topLists } from '../src/internal/optimal-core.js';
import { TopK, Walker, walk, walkLimits } from '../src/internal/walk.js';
import type { Plan, PlanEntry } from '../src/plan.js';
import { demoDataset } from '../src/sample.js';
import type { Dataset } from '../src/types.js';
import { verifyPlan } from '../src/verify-plan.js';
import {
  atLeast,
  blockingPairsByCandidates,
  candidatesOf,
  everyEligiblePair,
  type CandidateRuns,
} from '../src/verify-exhaustive.js';
import { zeroScoreDataset } from './helpers/build.js';
import { richDatasetArb, smallSampleArb } from './helpers/rich.js';
import { runs } from './helpers/runs.js';

/** Rich and sample datasets, some with their labourers and posts in reverse order (not by id). */
const datasets = fc
  .tuple(fc.oneof(richDatasetArb, smallSampleArb), fc.boolean())
  .map(([ds, reversed]) =>
    reversed ? { ...ds, labourers: [...ds.labourers].reverse(), posts: [...ds.posts].reverse() } : ds,
  );

/** Each labourer's pairs as `post:score(+bonus)` strings, in run order. */
function runsOf(lists: {
  readonly offsets: ArrayLike<number>;
  readonly posts: ArrayLike<number>;
  readonly scores: ArrayLike<number>;
  readonly bonuses?: ArrayLike<number> | undefined;
}): string[][] {
  const out: string[][] = [];
  for (let w = 0; w + 1 < lists.offsets.length; w++) {
    const run: string[] = [];
    for (let k = lists.offsets[w]!; k < lists.offsets[w + 1]!; k++)
      run.push(`${lists.posts[k]}:${lists.scores[k]}+${lists.bonuses?.[k] ?? 0}`);
    out.push(run);
  }
  return out;
}

/** Every eligible pair scoring at least minScore by the walk, in post id order. */
function walkedPairs(ds: Dataset, minScore: number): string[][] {
  const index = compileIndex(ds);
  const wk = new Walker(index);
  const all = new TopK(Number.POSITIVE_INFINITY);
  const out: string[][] = [];
  for (let w = 0; w < index.labourerCount; w++) {
    all.reset(Number.POSITIVE_INFINITY);
    walk(wk, w, walkLimits(minScore), all);
    const pairs = Array.from({ length: all.size }, (_, i) => [all.posts[i]!, all.scores[i]!] as const).sort(
      (a, b) => index.postIdRank[a[0]]! - index.postIdRank[b[0]]!,
    );
    out.push(pairs.map(([p, s]) => `${p}:${s}+0`));
  }
  return out;
}

const optionsArb: fc.Arbitrary<AssignOptions> = fc.record(
  {
    mode: fc.constantFrom('optimal' as const, 'stable' as const, 'greedy' as const),
    minScore: fc.constantFrom(0, 0.3, 0.6),
    candidatesPerLabourer: fc.integer({ min: 1, max: 4 }),
    keepTogether: fc.record({ weight: fc.constantFrom(0, 0.2, 1) }),
  },
  { requiredKeys: ['mode'] },
);

describe('everyEligiblePair and candidatesOf', () => {
  it('find the very candidates the planner takes from the walk: all, the best N, with keep-together bonuses', () => {
    fc.assert(
      fc.property(
        datasets,
        fc.constantFrom(0, 0.3, 0.6),
        fc.integer({ min: 1, max: 5 }),
        (ds, minScore, n) => {
          const index = compileIndex(ds);
          const every = everyEligiblePair(ds, minScore);
          expect(runsOf(every)).toEqual(walkedPairs(ds, minScore));
          const base = { mode: 'optimal' as const, minScore, groups: [], exactGroupLimit: 64 };
          expect(runsOf(candidatesOf(ds, every, { ...base, candidatesPerLabourer: n }))).toEqual(
            runsOf(topLists(index, n, minScore)),
          );
          for (const weight of [0, 0.25, 3]) {
            const ours = candidatesOf(ds, every, { ...base, keepTogether: { weight } });
            const planner = keepTogetherLists(index, minScore, { weight });
            expect(runsOf(ours)).toEqual(runsOf(planner));
            expect(Array.from(ours.weights!)).toEqual(Array.from(planner.weights!));
          }
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it('every eligible pair is one checkEligibility finds nothing against', () => {
    const ds = demoDataset();
    const every = everyEligiblePair(ds, 0);
    let eligible = 0;
    for (const w of ds.labourers)
      for (const p of ds.posts) if (checkEligibility(ds, w, p).length === 0) eligible++;
    expect(every.posts.length).toBe(eligible);
    expect(eligible).toBeGreaterThan(0);
  });

  it('keeps the pairs that score exactly the minimum score', () => {
    const ds = demoDataset();
    const all = everyEligiblePair(ds, 0);
    const at = Math.floor(all.scores.length / 2);
    const minScore = all.scores[at]!;
    const kept = atLeast(all, minScore);
    expect(Array.from(kept.scores).every((x) => x >= minScore)).toBe(true);
    expect(kept.scores.length).toBe(Array.from(all.scores).filter((x) => x >= minScore).length);
    expect(kept.scores.length).toBeGreaterThan(0);
    expect(Array.from(kept.scores)).toContain(minScore);
    expect(runsOf(everyEligiblePair(ds, minScore))).toEqual(runsOf(kept));
  });

  it('keeps a lawful pair that scores exactly the minimum, 0 included, and an unplaced labourer prefers it', () => {
    const ds = zeroScoreDataset();
    const every = everyEligiblePair(ds, 0);
    expect(Array.from(every.scores)).toEqual([0]);
    const unplaced = blockingPairsByCandidates(
      ds,
      every,
      Int32Array.of(-1),
      Float64Array.of(0),
      [1],
      1,
      () => true,
    );
    expect(unplaced.count).toBe(1);
  });
});

describe('verifyPlan exhaustive', () => {
  it('accepts every plan assign makes, in every mode and with every candidate option', () => {
    fc.assert(
      fc.property(datasets, optionsArb, (ds, options) => {
        const plan = assign(ds, options);
        expect(verifyPlan(plan, ds, { exhaustive: true }).violations).toEqual([]);
      }),
      { numRuns: runs(40) },
    );
  });

  it('refuses what the walk-based verifier refuses, for the same reasons: a placed labourer left out, the dual of a post lowered', () => {
    fc.assert(
      fc.property(datasets, optionsArb, fc.nat(), fc.nat(), (ds, options, i, j) => {
        const plan = assign(ds, options);
        const placed = plan.entries.filter((e) => e.kind === 'placed');
        const tampered: Plan[] = [];
        const someReasons = plan.entries.find((e) => e.kind === 'unplaced')?.reasons;
        if (placed.length > 0 && someReasons !== undefined) {
          // One placed labourer left unplaced, with another's reasons.
          const e = placed[i % placed.length]!;
          const unplaced: PlanEntry = {
            kind: 'unplaced',
            labourer: e.labourer,
            tier: e.tier,
            reasons: someReasons,
          };
          tampered.push({ ...plan, entries: plan.entries.map((x) => (x === e ? unplaced : x)) });
        }
        if (plan.certificate?.kind === 'duals') {
          const c = plan.certificate;
          const ids = Object.keys(c.rightPotential);
          if (ids.length > 0) {
            const id = ids[j % ids.length]!;
            tampered.push({
              ...plan,
              certificate: {
                ...c,
                rightPotential: { ...c.rightPotential, [id]: c.rightPotential[id]! - 0.25 },
              },
            });
          }
        }
        for (const bad of tampered) {
          const fast = verifyPlan(bad, ds);
          const exhaustive = verifyPlan(bad, ds, { exhaustive: true });
          expect(new Set(exhaustive.violations.map((v) => v.code))).toEqual(
            new Set(fast.violations.map((v) => v.code)),
          );
          expect(fast.ok).toBe(false);
          expect(exhaustive.ok).toBe(false);
        }
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('blockingPairsByCandidates', () => {
  /** Brute force over every candidate pair, straight from the definition. */
  function brute(
    ds: Dataset,
    c: CandidateRuns,
    postOf: Int32Array,
    weightOf: Float64Array,
    capacity: Int32Array,
  ): string[] {
    const tier = (w: number): number => (ds.labourers[w]!.household === 'other' ? 1 : 0);
    const id = (w: number): string => ds.labourers[w]!.id;
    /** Whether a (of weight wa) comes before b (of weight wb) in a post's order. */
    const before = (a: number, wa: number, b: number, wb: number): boolean =>
      tier(a) !== tier(b) ? tier(a) < tier(b) : wa !== wb ? wa > wb : id(a) < id(b);
    const wt = c.weights ?? c.scores;
    const out: string[] = [];
    const byId = [...ds.labourers.keys()].sort((a, b) => (id(a) < id(b) ? -1 : 1));
    for (const w of byId)
      for (let k = c.offsets[w]!; k < c.offsets[w + 1]!; k++) {
        const p = c.posts[k]!;
        const cur = postOf[w]!;
        const better =
          cur < 0 ||
          (cur !== p &&
            (wt[k]! > weightOf[w]! || (wt[k] === weightOf[w] && ds.posts[p]!.id < ds.posts[cur]!.id)));
        if (!better) continue;
        const holders = [...postOf.keys()].filter((h) => postOf[h] === p);
        const least = holders.find((h) =>
          holders.every((o) => o === h || before(o, weightOf[o]!, h, weightOf[h]!)),
        );
        if (
          holders.length < capacity[p]! ||
          (least !== undefined && before(w, wt[k]!, least, weightOf[least]!))
        )
          out.push(`${id(w)}|${ds.posts[p]!.id}`);
      }
    return out;
  }

  it('finds the blocking pairs brute force finds, for any placement, the first N in id order', () => {
    fc.assert(
      fc.property(
        datasets,
        fc.array(fc.integer({ min: -1, max: 40 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (ds, picks, first, tight) => {
          const every = everyEligiblePair(ds, 0);
          const W = ds.labourers.length;
          const index = compileIndex(ds);
          const capacity = index.postCapacity;
          // A placement on candidate pairs, within the openings.
          const postOf = new Int32Array(W).fill(-1);
          const weightOf = new Float64Array(W);
          const load = new Int32Array(ds.posts.length);
          for (let w = 0; w < W; w++) {
            const pick = picks[w % Math.max(1, picks.length)] ?? -1;
            const n = every.offsets[w + 1]! - every.offsets[w]!;
            if (pick < 0 || n === 0) continue;
            const k = every.offsets[w]! + (pick % n);
            const p = every.posts[k]!;
            if (load[p]! >= capacity[p]!) continue;
            load[p]! += 1;
            postOf[w] = p;
            weightOf[w] = every.scores[k]!;
          }
          // Tight: every post exactly full, so each pair is decided by the post's least preferred holder.
          const openings = tight ? load : capacity;
          const found = blockingPairsByCandidates(
            ds,
            every,
            postOf,
            weightOf,
            openings,
            first,
            (w) => w % 2 === 0,
          );
          const expected = brute(ds, every, postOf, weightOf, openings);
          expect(found.count).toBe(expected.length);
          const name = ([w, p]: readonly [number, number]): string =>
            `${ds.labourers[w]!.id}|${ds.posts[p]!.id}`;
          expect(found.first.map(name)).toEqual(expected.slice(0, first));
          expect(found.kept.map(name)).toEqual(
            expected.filter((s) => ds.labourers.findIndex((l) => l.id === s.split('|')[0]) % 2 === 0),
          );
        },
      ),
      { numRuns: runs(60) },
    );
  });
});
