/**
 * Properties of the plans made from the compiled index (a core priced out by the walk; deferred
 * acceptance with lazily found proposals) against oracles that enumerate every eligible pair.
 */
import { runs } from './helpers/runs.js';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { ELIGIBILITY_RULES, checkEligibility, labourerExclusions } from '../src/eligibility.js';
import { compileIndex, type CompiledIndex } from '../src/compile.js';
import { solve } from '../src/graph/solve.js';
import type { AssignmentMode } from '../src/graph/types.js';
import { buildCandidates, candidateGraph } from '../src/internal/candidates.js';
import { createScratch, kernelEligible, kernelScore } from '../src/internal/kernel.js';
import {
  BIG_FALL,
  HISTORY,
  PRICING_WINDOW,
  PricingState,
  planOptimal,
  type OptimalCore,
} from '../src/internal/optimal-core.js';
import type { Plan } from '../src/plan.js';
import { scorePair } from '../src/score.js';
import type { Dataset } from '../src/types.js';
import { everyEligiblePair, reasonsByRules } from '../src/verify-exhaustive.js';
import { verifyPlan } from '../src/verify-plan.js';
import { parseDataset } from '../src/parse.js';
import { generateSample } from '../src/sample.js';
import { richDatasetArb, smallSampleArb } from './helpers/rich.js';

const datasets = fc.oneof(richDatasetArb, smallSampleArb);
/** A placement's priority households placed and total score. */
function objectiveOf(
  index: CompiledIndex,
  r: { readonly postOf: Int32Array; readonly scoreOf: Float64Array },
): [number, number] {
  let priority = 0;
  let total = 0;
  for (let w = 0; w < index.labourerCount; w++) {
    if (r.postOf[w]! < 0) continue;
    if (index.labourerPriority[w] === 1) priority++;
    total += r.scoreOf[w]!;
  }
  return [priority, total];
}

/** Many labourers for few posts: the labourers' best posts collide, so one each is not enough. */
const crowded = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    labourers: fc.integer({ min: 20, max: 80 }),
    posts: fc.integer({ min: 2, max: 12 }),
  })
  .map((o) => parseDataset(generateSample(o)));
const RUNS = runs(Number(process.env['PLAN_RUNS'] ?? 60));
/** Sequences of related plans are cheap and their faults rare: more runs. */
const SEQUENCE_RUNS = runs(Number(process.env['PLAN_RUNS'] ?? 60) * 5);

/** The oracle: every candidate pair enumerated, solved on the whole graph. */
function oracle(ds: Dataset, mode: AssignmentMode, minScore = 0, candidatesPerLabourer?: number) {
  const c = buildCandidates(ds, {
    minScore,
    ...(candidatesPerLabourer === undefined ? {} : { candidatesPerLabourer }),
  });
  const a = solve(candidateGraph(c), { mode });
  return { a, c, postOf: new Map(a.pairs.map((p) => [p.left, p.right])) };
}

const placedOf = (plan: Plan): Map<string, string> =>
  new Map(
    plan.entries.flatMap((e) => (e.kind === 'placed' ? [[e.labourer as string, e.post as string]] : [])),
  );

const options = fc
  .record({
    minScore: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.8, noNaN: true })),
    n: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  })
  .map(({ minScore, n }) => ({ minScore, ...(n === undefined ? {} : { candidatesPerLabourer: n }) }));

describe('the optimal plan', () => {
  it('reaches the optimum over every candidate pair, and its certificate holds on every one', () => {
    fc.assert(
      fc.property(datasets, options, (ds, o) => {
        const plan = assign(ds, { groups: [], ...o });
        const { a } = oracle(ds, 'optimal', o.minScore, o.candidatesPerLabourer);
        expect(plan.objective.priorityPlaced).toBe(a.placedByTier[1] ?? 0);
        expect(plan.objective.total).toBeCloseTo(a.total, 9);
        expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves nobody outside a group and without priority unplaced while a candidate post has openings left', () => {
    // Pay alone weighs and the labourer's minimum is soft: a post paying far below what a labourer
    // asks is a lawful pair that scores exactly 0, which adds nothing to the objective. Some
    // labourers ask far more than any post pays.
    const zeroing = fc.tuple(datasets, fc.infiniteStream(fc.boolean())).map(([ds, asks]) => ({
      ...ds,
      labourers: ds.labourers.map((w) =>
        asks.next().value === true ? { ...w, pay: { minMonthly: 60_000, targetMonthly: 80_000 } } : w,
      ),
      policy: {
        ...ds.policy,
        labourerMinimumPay: 'soft' as const,
        weights: { skills: 0, pay: 1, origin: 0, employer: 0 },
      },
    }));
    let zero = 0;
    fc.assert(
      fc.property(fc.oneof(datasets, zeroing), fc.option(fc.integer({ min: 1, max: 4 })), (ds, n) => {
        const o = n === null ? {} : { candidatesPerLabourer: n };
        const plan = assign(ds, o);
        const candidates = buildCandidates(ds, { minScore: 0, ...o });
        const placed = placedOf(plan);
        const load = new Map<string, number>();
        for (const p of placed.values()) load.set(p, (load.get(p) ?? 0) + 1);
        const members = new Set(ds.groups.flatMap((g) => g.members as readonly string[]));
        for (const e of plan.entries) {
          if (e.kind === 'placed' && e.score === 0) zero++;
          if (e.kind !== 'unplaced' || members.has(e.labourer)) continue;
          for (const edge of candidates.byLabourer.get(e.labourer)!.edges) {
            const post = candidates.postById.get(edge.post)!;
            expect({
              labourer: e.labourer,
              post: edge.post,
              room: (load.get(edge.post) ?? 0) < post.openings - post.filled,
            }).toEqual({ labourer: e.labourer, post: edge.post, room: false });
          }
        }
        expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
        expect(verifyPlan(plan, ds, { exhaustive: true })).toEqual({ ok: true, violations: [] });
      }),
      { numRuns: RUNS },
    );
    // Pairs of weight 0 were placed in a good share of the runs.
    expect(zero).toBeGreaterThan(RUNS / 4);
  });

  it('stays exact when the first core misses the optimal pairs (one post per labourer, one pair added per round)', () => {
    let priced = 0;
    fc.assert(
      fc.property(fc.oneof(datasets, crowded), (ds) => {
        const index = compileIndex(ds);
        const r = planOptimal(index, { minScore: 0, seed: 1, perLabourer: 1 });
        if (r.rounds > 1) priced++;
        const { a } = oracle(ds, 'optimal');
        const [priority, total] = objectiveOf(index, r);
        expect(priority).toBe(a.placedByTier[1] ?? 0);
        expect(total).toBeCloseTo(a.total, 9);
      }),
      { numRuns: RUNS },
    );
    // Pricing found pairs the first core lacked in a good share of the runs.
    expect(priced).toBeGreaterThan(RUNS / 4);
  });

  it('started from any placement (feasible or not, inside the core or not), ends at the same optimum', () => {
    let started = 0;
    fc.assert(
      fc.property(
        fc.oneof(datasets, crowded),
        fc.infiniteStream(fc.integer({ min: -3, max: 40 })),
        (ds, picks) => {
          const index = compileIndex(ds);
          const cold = planOptimal(index, { minScore: 0, seed: 1, perLabourer: 1 });
          // The optimum disturbed: some labourers taken out, some moved to any post (maybe an
          // ineligible pair, maybe one beyond a post's openings: the planner keeps what fits).
          const warm = Int32Array.from(cold.postOf, (p) => {
            const x = picks.next().value as number;
            return x < 0 ? -1 : x < 20 || index.postCount === 0 ? p : x % index.postCount;
          });
          const hot = planOptimal(index, { minScore: 0, seed: 1, perLabourer: 1, start: cold.core, warm });
          if (warm.some((p) => p >= 0)) started++;
          const [pc, tc] = objectiveOf(index, cold);
          const [ph, th] = objectiveOf(index, hot);
          expect(ph).toBe(pc);
          expect(th).toBeCloseTo(tc, 9);
          // The warm start's placements are lawful: only candidate pairs, openings respected.
          const load = new Int32Array(index.postCount);
          for (let w = 0; w < index.labourerCount; w++) {
            const p = hot.postOf[w]!;
            if (p < 0) continue;
            load[p]! += 1;
            expect(kernelEligible(index, w, p)).toBe(true);
          }
          for (let p = 0; p < index.postCount; p++)
            expect(load[p]).toBeLessThanOrEqual(index.postCapacity[p]!);
        },
      ),
      { numRuns: RUNS },
    );
    expect(started).toBeGreaterThan(RUNS / 2);
  });

  it('started from a placement beyond openings, ends where the input arrays in another order end', () => {
    let over = 0;
    fc.assert(
      fc.property(fc.oneof(datasets, crowded), fc.nat(), fc.infiniteStream(fc.nat()), (ds, seed, picks) => {
        // Labourers in reverse, posts rotated by the seed: the same dataset in another order.
        const k = ds.posts.length === 0 ? 0 : seed % ds.posts.length;
        const other = {
          ...ds,
          labourers: [...ds.labourers].reverse(),
          posts: [...ds.posts.slice(k), ...ds.posts.slice(0, k)],
        };
        const a = compileIndex(ds);
        const b = compileIndex(other);
        // Every labourer started at some post, by id, most posts over their openings: which of a
        // post's labourers keep their start must not depend on the order.
        const startAt = new Map<string, string | undefined>(
          ds.labourers.map((l) => [l.id, ds.posts[(picks.next().value as number) % ds.posts.length]?.id]),
        );
        const warmOf = (index: CompiledIndex): Int32Array => {
          const post = new Map(index.postIds.map((id, p) => [id, p]));
          return Int32Array.from(index.labourerIds, (id) => post.get(startAt.get(id) ?? '') ?? -1);
        };
        const placed = (index: CompiledIndex): Map<string, string> => {
          const r = planOptimal(index, { minScore: 0, seed: 1, perLabourer: 1, warm: warmOf(index) });
          return new Map(
            index.labourerIds.map((id, w) => [id, r.postOf[w]! < 0 ? '-' : index.postIds[r.postOf[w]!]!]),
          );
        };
        const counts = new Map<string, number>();
        for (const p of startAt.values()) if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
        if (ds.posts.some((p) => (counts.get(p.id) ?? 0) > p.openings - p.filled)) over++;
        expect(placed(b)).toEqual(placed(a));
      }),
      { numRuns: RUNS },
    );
    expect(over).toBeGreaterThan(RUNS / 2);
  });
});

/**
 * Do a plan's duals hold on every eligible pair of the labourers not skipped (lexicographically:
 * tier part first, then the score within 1e-9)? Every pair enumerated, no walk.
 */
function dualsHoldEverywhere(index: CompiledIndex, r: OptimalCore, skip: Uint8Array): boolean {
  const { T, labourerTier, labourerTierDual, labourerDual, postTierDual, postDual } = r.duals;
  const sc = createScratch(index);
  for (let w = 0; w < index.labourerCount; w++) {
    if (skip[w] === 1) continue;
    for (let p = 0; p < index.postCount; p++) {
      if (!kernelEligible(index, w, p)) continue;
      let d = 0;
      for (let k = 0; k < T && d === 0; k++)
        d = (k === labourerTier[w] ? 1 : 0) - labourerTierDual[w * T + k]! - postTierDual[p * T + k]!;
      if (d > 0) return false;
      if (d === 0 && kernelScore(index, sc, w, p) - labourerDual[w]! - postDual[p]! > 1e-9) return false;
    }
  }
  return true;
}

describe('partial pricing across related plans', () => {
  it('skips walks, yet every plan of a sequence sharing what pricing kept ends with duals that hold on every eligible pair, at the optimum', () => {
    let skipped = 0;
    fc.assert(
      fc.property(
        fc.oneof(datasets, crowded),
        fc.infiniteStream(fc.integer({ min: 0, max: 99 })),
        // Every fall looked at anew, none, or a share (the planner's, or smaller).
        fc.constantFrom(0, 0.002, BIG_FALL, Number.POSITIVE_INFINITY),
        // The planner's window, or one so narrow that labourers' duals often rise past it.
        fc.constantFrom(PRICING_WINDOW, 0.002),
        // The rounds of duals the planner keeps, or so few that labourers are walked for want of them.
        fc.constantFrom(HISTORY, 1, 2),
        // Labourers left out of a plan and taken in again by the next: few, or half.
        fc.constantFrom(15, 50),
        (ds, picks, bigFall, window, history, leftOut) => {
          const index = compileIndex(ds);
          const W = index.labourerCount;
          const pick = (): number => picks.next().value as number;
          const st = new PricingState(W, 1);
          // The whole, then sub-problems as the group search makes them: labourers left out,
          // openings taken, each warm from the one before and pricing from what it kept.
          let before: OptimalCore | undefined;
          for (let step = 0; step < 6; step++) {
            const skip = new Uint8Array(W);
            const used = new Int32Array(index.postCount);
            if (step > 0) {
              for (let w = 0; w < W; w++) skip[w] = pick() < leftOut ? 1 : 0;
              for (let p = 0; p < index.postCount; p++)
                used[p] = pick() < 25 ? Math.min(index.postCapacity[p]!, 1 + (pick() % 2)) : 0;
            }
            const shape = step === 0 ? {} : { skip, used };
            const r = planOptimal(index, {
              ...shape,
              minScore: 0,
              seed: 1,
              perLabourer: 1,
              bigFall,
              window,
              history,
              pricing: st,
              ...(before === undefined ? {} : { start: before.core, warm: before.postOf }),
            });
            if (step > 0 && st.only.some((x, w) => x === 0 && skip[w] === 0 && st.known[w] === 1)) skipped++;
            for (let w = 0; w < W; w++) if (index.labourerExcluded[w] === 1) skip[w] = 1;
            expect(dualsHoldEverywhere(index, r, skip)).toBe(true);
            // The same optimum as a plan that starts afresh and walks every labourer in its first round.
            const fresh = planOptimal(index, { ...shape, minScore: 0, seed: 1, perLabourer: 1 });
            const [pr, tr] = objectiveOf(index, r);
            const [pf, tf] = objectiveOf(index, fresh);
            expect(pr).toBe(pf);
            expect(tr).toBeCloseTo(tf, 9);
            before = r;
          }
        },
      ),
      { numRuns: SEQUENCE_RUNS },
    );
    // The kept slack spared some labourers their walk in a good share of the runs.
    expect(skipped).toBeGreaterThan(SEQUENCE_RUNS / 4);
  });
});

describe('stable and greedy plans', () => {
  it.each(['stable', 'greedy'] as const)('%s: the very matching of the whole candidate graph', (mode) => {
    fc.assert(
      fc.property(datasets, options, (ds, o) => {
        const plan = assign(ds, { mode, groups: [], ...o });
        const { postOf } = oracle(ds, mode, o.minScore, o.candidatesPerLabourer);
        expect(placedOf(plan)).toEqual(postOf);
        if (mode === 'stable') {
          expect(plan.blockingPairs).toEqual([]);
          expect(plan.blockingPairCount).toBe(0);
        }
        expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
      }),
      { numRuns: RUNS },
    );
  });

  it('posts take labourers in the order rankLabourers shows: a post never holds a labourer ranked below one it turned away', () => {
    fc.assert(
      fc.property(datasets, (ds) => {
        const plan = assign(ds, { mode: 'stable', groups: [] });
        const placed = placedOf(plan);
        for (const post of ds.posts) {
          const holders = ds.labourers.filter((w) => placed.get(w.id) === post.id);
          if (holders.length === 0) continue;
          for (const w of ds.labourers) {
            if (placed.has(w.id) || checkEligibility(ds, w, post).length > 0) continue;
            // An unplaced eligible labourer: the post holds only labourers ranked ahead of it.
            const tier = (x: typeof w): number => (x.household === 'other' ? 1 : 0);
            const s = scorePair(ds, w, post).score;
            for (const h of holders) {
              const hs = scorePair(ds, h, post).score;
              const ahead =
                tier(h) < tier(w) || (tier(h) === tier(w) && (hs > s || (hs === s && h.id < w.id)));
              expect(ahead).toBe(true);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('unplaced reasons', () => {
  it('are exact: excluded outright, the rule counts over every post, the best post below the minimum, or the best candidates', () => {
    fc.assert(
      fc.property(datasets, fc.double({ min: 0, max: 0.9, noNaN: true }), (ds, minScore) => {
        const plan = assign(ds, { groups: [], minScore });
        const placed = placedOf(plan);
        for (const e of plan.entries) {
          if (e.kind !== 'unplaced') continue;
          const w = ds.labourers.find((x) => x.id === e.labourer)!;
          const r = e.reasons[0];
          const eligible = ds.posts
            .filter((p) => checkEligibility(ds, w, p).length === 0)
            .map((p) => ({ post: p.id, score: scorePair(ds, w, p).score }))
            .sort((a, b) => b.score - a.score || (a.post < b.post ? -1 : 1));
          if (labourerExclusions(ds, w).length > 0) {
            expect(r.code).toBe('labourer-excluded');
          } else if (eligible.length === 0) {
            expect(r.code).toBe('no-eligible-post');
            const byRule: Record<string, number> = {};
            for (const p of ds.posts)
              for (const code of new Set(checkEligibility(ds, w, p).map((x) => x.code)))
                byRule[code] = (byRule[code] ?? 0) + 1;
            expect(r.code === 'no-eligible-post' && r.params.byRule).toEqual(byRule);
            // Both reasoners write the counts alike: codes in rule order.
            const inOrder = ELIGIBILITY_RULES.map((x) => x.code).filter((c) => c in byRule);
            expect(r.code === 'no-eligible-post' && Object.keys(r.params.byRule)).toEqual(inOrder);
            const postOf = Int32Array.from(ds.labourers, (x) => {
              const at = placed.get(x.id);
              return at === undefined ? -1 : ds.posts.findIndex((p) => p.id === at);
            });
            const scoreOf = Float64Array.from(ds.labourers, (x) => {
              const at = ds.posts.find((p) => p.id === placed.get(x.id));
              return at === undefined ? 0 : scorePair(ds, x, at).score;
            });
            const exhaustive = reasonsByRules(
              ds,
              everyEligiblePair(ds, 0),
              { minScore },
              postOf,
              scoreOf,
            )(ds.labourers.indexOf(w));
            expect(JSON.stringify(exhaustive)).toBe(JSON.stringify(e.reasons));
          } else if (eligible[0]!.score < minScore) {
            expect(r).toEqual({ code: 'below-min-score', params: { minScore, best: eligible[0] } });
          } else {
            expect(r.code).toBe('posts-filled');
            const best = eligible.filter((x) => x.score >= minScore).slice(0, 3);
            expect(
              r.code === 'posts-filled' && r.params.nearMisses.map((m) => ({ post: m.post, score: m.score })),
            ).toEqual(best);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('plans are the same whatever the order of the input arrays', () => {
  // A case the property below found once in 10^4 or so runs: two posts of one employer where two
  // labourers score the same, so two optima are equal. The pairs pricing added joined the network
  // simplex in the order of the input's labourers, and its pivots ended at the other optimum.
  it('optimal, with equal optima the pairs pricing adds tell apart only by their order', () => {
    const { dataset, shuffled } = JSON.parse(
      readFileSync(new URL('./fixtures/order-ties.json', import.meta.url), 'utf8'),
    ) as {
      dataset: { labourers: { id: string }[]; posts: { id: string }[]; employers: { id: string }[] };
      shuffled: { labourers: string[]; posts: string[]; employers: string[] };
    };
    const inOrder = <T extends { id: string }>(xs: readonly T[], ids: readonly string[]): T[] =>
      ids.map((id) => xs.find((x) => x.id === id)!);
    const other = {
      ...dataset,
      labourers: inOrder(dataset.labourers, shuffled.labourers),
      posts: inOrder(dataset.posts, shuffled.posts),
      employers: inOrder(dataset.employers, shuffled.employers),
    };
    expect(other.labourers).not.toEqual(dataset.labourers);
    const a = assign(parseDataset(dataset), { mode: 'optimal' });
    const b = assign(parseDataset(other), { mode: 'optimal' });
    expect(b.entries).toEqual(a.entries);
    expect(b.certificate).toEqual(a.certificate);
  });

  it.each(['optimal', 'stable'] as const)('%s', (mode) => {
    fc.assert(
      fc.property(datasets, fc.nat(), (ds, seed) => {
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          let s = seed + 1;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const other = {
          ...ds,
          labourers: shuffle(ds.labourers),
          posts: shuffle(ds.posts),
          employers: shuffle(ds.employers),
        };
        expect(assign(other, { mode }).entries).toEqual(assign(ds, { mode }).entries);
      }),
      { numRuns: RUNS },
    );
  });
});
