/**
 * Groups in the optimal plan against brute force over every assignment of tiny datasets: when the
 * search is exact, nothing lawful beats the plan; in every mode groups are whole or not placed, and
 * the plan verifies.
 */
import { runs } from './helpers/runs.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, compareObjectives, planIndex, resolveAssignOptions } from '../src/assign.js';
import { compileIndex } from '../src/compile.js';
import { checkEligibility } from '../src/eligibility.js';
import { optionKey } from '../src/groups.js';
import { LISTED_BLOCKING_PAIRS, type PlacementGroup, type PlanObjective } from '../src/plan.js';
import { scorePair } from '../src/score.js';
import type { Dataset } from '../src/types.js';
import { verifyPlan } from '../src/verify-plan.js';
import { parseDataset } from '../src/parse.js';
import { generateSample } from '../src/sample.js';
import { richDatasetArb } from './helpers/rich.js';
import { findLists } from '../src/internal/candidate-lists.js';
import { localPricer, type ShardPricer } from '../src/internal/pricing.js';

/** Tiny datasets with one or two groups of two or three. */
const withGroups: fc.Arbitrary<Dataset> = richDatasetArb
  .filter((ds) => ds.labourers.length >= 2 && ds.labourers.length <= 5 && ds.posts.length <= 4)
  .chain((ds) =>
    fc
      .tuple(
        fc.shuffledSubarray(
          ds.labourers.map((w) => w.id as string),
          { minLength: 2, maxLength: Math.min(5, ds.labourers.length) },
        ),
        fc.constantFrom<PlacementGroup['rule']>('same-employer', 'same-site', 'same-post'),
        fc.constantFrom<PlacementGroup['rule']>('same-employer', 'same-site', 'same-post'),
      )
      .map(([ids, r1, r2]): Dataset => {
        const groups: PlacementGroup[] = [{ id: 'g1', members: ids.slice(0, 2), rule: r1 }];
        if (ids.length >= 4)
          groups.push({ id: 'g2', members: ids.slice(2, Math.min(5, ids.length)), rule: r2 });
        return { ...ds, groups };
      }),
  );

/** Options of sample datasets where many labourers travel in groups. */
const sampleWithGroups = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  labourers: fc.integer({ min: 10, max: 70 }),
  posts: fc.integer({ min: 2, max: 12 }),
  groupShare: fc.constantFrom(0.2, 0.4, 0.6),
});

/** The best objective over every lawful assignment that keeps the group rules. */
function bruteForce(ds: Dataset): PlanObjective {
  const W = ds.labourers.length;
  const options = ds.labourers.map((w) =>
    ds.posts.flatMap((p, i) =>
      checkEligibility(ds, w, p).length === 0 ? [{ i, s: scorePair(ds, w, p).score }] : [],
    ),
  );
  const choice = new Array<number>(W).fill(-1);
  let best: PlanObjective = { priorityPlaced: 0, placed: 0, total: 0 };
  const load = new Array<number>(ds.posts.length).fill(0);
  const recurse = (k: number, prio: number, placed: number, total: number): void => {
    if (k === W) {
      for (const g of ds.groups) {
        const keys = g.members.map((m) => {
          const j = choice[ds.labourers.findIndex((w) => w.id === m)]!;
          return j < 0 ? undefined : optionKey(g.rule, ds.posts[j]!);
        });
        const none = keys.every((x) => x === undefined);
        const whole = keys[0] !== undefined && keys.every((x) => x === keys[0]);
        if (!none && !whole) return;
      }
      const o = { priorityPlaced: prio, placed, total };
      if (compareObjectives(o, best) > 0) best = o;
      return;
    }
    choice[k] = -1;
    recurse(k + 1, prio, placed, total);
    const tier = ds.labourers[k]!.household === 'other' ? 0 : 1;
    for (const { i, s } of options[k]!) {
      const post = ds.posts[i]!;
      if (load[i]! >= Math.max(0, post.openings - post.filled)) continue;
      load[i]!++;
      choice[k] = i;
      recurse(k + 1, prio + tier, placed + 1, total + s);
      load[i]!--;
    }
    choice[k] = -1;
  };
  recurse(0, 0, 0, 0);
  return best;
}

describe('groups', () => {
  it('optimal: an exact group search is as good as the best lawful assignment, and no plan beats its bound', () => {
    let exact = 0;
    fc.assert(
      fc.property(withGroups, (ds) => {
        const plan = assign(ds, { exactGroupLimit: 10_000 });
        const best = bruteForce(ds);
        expect(compareObjectives(plan.objective, best)).toBeLessThanOrEqual(0);
        if (plan.groupSearch.method === 'exact') {
          exact++;
          expect(compareObjectives(plan.objective, best)).toBe(0);
        }
        if (plan.groupSearch.upperBound !== undefined)
          expect(compareObjectives(plan.groupSearch.upperBound, best)).toBeGreaterThanOrEqual(0);
        expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
      }),
      { numRuns: 100 },
    );
    expect(exact).toBeGreaterThan(50);
  });

  it.each(['optimal', 'stable', 'greedy'] as const)(
    '%s: with the heuristic (exact limit 1) groups stay whole or out, and the plan verifies',
    (mode) => {
      fc.assert(
        fc.property(withGroups, (ds) => {
          const plan = assign(ds, { mode, exactGroupLimit: 1 });
          const post = new Map(
            plan.entries.flatMap((e) => (e.kind === 'placed' ? [[e.labourer as string, e.post]] : [])),
          );
          for (const g of ds.groups) {
            const placed = g.members.filter((m) => post.has(m)).length;
            expect(placed === 0 || placed === g.members.length).toBe(true);
          }
          expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
          if (mode === 'optimal')
            expect(compareObjectives(plan.objective, bruteForce(ds))).toBeLessThanOrEqual(0);
        }),
        { numRuns: 60 },
      );
    },
  );
  it('stable: lists exactly the blocking pairs that brute force over every eligible pair finds', () => {
    let seen = 0;
    fc.assert(
      fc.property(sampleWithGroups, (o) => {
        const ds = parseDataset(generateSample(o));
        const plan = assign(ds, { mode: 'stable' });
        const at = new Map(
          plan.entries.flatMap((e) =>
            e.kind === 'placed' ? [[e.labourer as string, { post: e.post as string, score: e.score }]] : [],
          ),
        );
        const priority = (id: string): number =>
          ds.labourers.find((w) => w.id === id)!.household === 'other' ? 0 : 1;
        /** Does post p's order put labourer a (at score sa) ahead of b (at sb)? */
        const ahead = (a: string, sa: number, b: string, sb: number): boolean =>
          priority(a) !== priority(b) ? priority(a) > priority(b) : sa !== sb ? sa > sb : a < b;
        const expected: { labourer: string; post: string }[] = [];
        for (const w of ds.labourers) {
          for (const p of ds.posts) {
            if (checkEligibility(ds, w, p).length > 0) continue;
            const s = scorePair(ds, w, p).score;
            const cur = at.get(w.id);
            if (
              cur !== undefined &&
              (cur.post === p.id || s < cur.score || (s === cur.score && cur.post < p.id))
            )
              continue;
            const holders = [...at].filter(([, x]) => x.post === p.id);
            const room = Math.max(0, p.openings - p.filled) > holders.length;
            if (room || holders.some(([h, x]) => ahead(w.id, s, h, x.score)))
              expected.push({ labourer: w.id, post: p.id });
          }
        }
        expected.sort((a, b) =>
          a.labourer < b.labourer ? -1 : a.labourer > b.labourer ? 1 : a.post < b.post ? -1 : 1,
        );
        if (expected.length > 0) seen++;
        expect(plan.blockingPairs).toEqual(expected.slice(0, LISTED_BLOCKING_PAIRS));
        expect(plan.blockingPairCount).toBe(expected.length);
        // The verifier holds the plan to its count and its list.
        expect(
          verifyPlan({ ...plan, blockingPairCount: expected.length + 1 }, ds).violations.map((v) => v.code),
        ).toContain('blocking-pairs-mismatch');
      }),
      { numRuns: runs(Number(process.env['PLAN_RUNS'] ?? 120)) },
    );
    expect(seen).toBeGreaterThan(0);
  });

  it.each(['optimal', 'stable', 'greedy'] as const)(
    "%s: the plan is the same whether the members' candidate lists are kept or found again",
    (mode) => {
      let grouped = 0;
      fc.assert(
        fc.property(
          sampleWithGroups,
          // No budget (every list found again each time), one that keeps a few lists, and plenty.
          fc.constantFrom(0, 2_000, 20_000),
          (o, bytes) => {
            const ds = parseDataset(generateSample(o));
            if (ds.groups.length > 0) grouped++;
            const resolved = resolveAssignOptions(ds, { mode, exactGroupLimit: 1 });
            const index = compileIndex(ds);
            const bounded = planIndex(ds, index, resolved, undefined, bytes);
            expect(bounded).toEqual(assign(ds, { mode, exactGroupLimit: 1 }));
          },
        ),
        { numRuns: runs(40) },
      );
      expect(grouped).toBeGreaterThan(0);
    },
  );

  it("optimal: the plan is the same whether the members' lists are found elsewhere (all, some, none, out of order) or here", () => {
    let asked = 0;
    /** A pricer that finds lists as a thread would, returning all of them or not. */
    const elsewhere = (how: 'all' | 'first half' | 'none' | 'reversed' | 'declined'): ShardPricer => ({
      price: localPricer.price.bind(localPricer),
      lists(index, labourers, minScore, bytes) {
        asked++;
        if (how === 'declined') return undefined;
        const n = labourers.length;
        const which =
          how === 'first half'
            ? labourers.subarray(0, n >> 1)
            : how === 'none'
              ? labourers.subarray(0, 0)
              : how === 'reversed'
                ? labourers.slice().reverse()
                : labourers;
        return () => findLists(index, which, minScore, bytes);
      },
    });
    fc.assert(
      fc.property(
        sampleWithGroups,
        fc.constantFrom(0, 2_000, 20_000, Number.POSITIVE_INFINITY),
        fc.constantFrom(
          'all' as const,
          'first half' as const,
          'none' as const,
          'reversed' as const,
          'declined' as const,
        ),
        (o, bytes, how) => {
          const ds = parseDataset(generateSample(o));
          const resolved = resolveAssignOptions(ds, { mode: 'optimal', exactGroupLimit: 1 });
          const index = compileIndex(ds);
          const here = planIndex(ds, index, resolved, undefined, bytes);
          expect(planIndex(ds, index, resolved, undefined, bytes, elsewhere(how))).toEqual(here);
        },
      ),
      { numRuns: runs(40) },
    );
    expect(asked).toBeGreaterThan(0);
  });
});
