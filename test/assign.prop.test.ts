import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, compareObjectives } from '../src/assign.js';
import { checkEligibility } from '../src/eligibility.js';
import { dongguanTowns } from '../src/divisions.js';
import { groupState } from '../src/groups.js';
import type { PlacementGroup, PlanObjective } from '../src/plan.js';
import { scorePair } from '../src/score.js';
import type { AreaCode, Dataset, EmployerId, PostId, LabourerId } from '../src/types.js';
import { verifyPlan } from '../src/verify-plan.js';
import { dataset, employer, labourer, post } from './helpers/build.js';

const TOWNS = dongguanTowns().slice(0, 3);

/** A small random dataset: up to 5 labourers, 3 posts in 3 towns of 2 employers, random refusals and pay. */
const smallDataset = fc
  .record({
    labourers: fc.array(
      fc.record({
        household: fc.constantFrom('registered', 'monitored', 'other'),
        refuses: fc.subarray([0, 1, 2]),
        min: fc.integer({ min: 25, max: 45 }),
        under16: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    posts: fc.array(
      fc.record({
        town: fc.integer({ min: 0, max: 2 }),
        employer: fc.integer({ min: 0, max: 1 }),
        openings: fc.integer({ min: 0, max: 2 }),
        pay: fc.integer({ min: 30, max: 60 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ labourers, posts }) =>
    dataset({
      labourers: labourers.map((w, i) =>
        labourer({
          id: `w${i}` as LabourerId,
          household: w.household,
          pay: { minMonthly: w.min * 100, targetMonthly: w.min * 100 + 1500 },
          mobility: {
            scope: 'anywhere',
            preferred: [],
            refused: w.refuses.map((t) => ({ kind: 'area' as const, area: TOWNS[t]! as string as AreaCode })),
          },
          ...(w.under16 && i === 0 ? { birthDate: '2011-01-01' as Dataset['asOf'] } : {}),
        }),
      ),
      employers: [
        employer({ id: 'e0' as EmployerId }),
        employer({ id: 'e1' as EmployerId, name: '示例服装厂' }),
      ],
      posts: posts.map((p, i) =>
        post({
          id: `p${i}` as PostId,
          employer: `e${p.employer}` as EmployerId,
          site: { kind: 'town', town: TOWNS[p.town]! },
          openings: p.openings,
          pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: p.pay * 100 },
        }),
      ),
    }),
  );

/** The best objective over every lawful plan, by enumeration: priority placed, then total score. */
function bruteForce(ds: Dataset, groups: readonly PlacementGroup[] = []): PlanObjective {
  const labourers = [...ds.labourers];
  const options = labourers.map((w) => [
    undefined,
    ...ds.posts.filter((p) => checkEligibility(ds, w, p).length === 0),
  ]);
  const postById = new Map(ds.posts.map((p) => [p.id as string, p]));
  let best: PlanObjective | undefined;
  const pick = new Array<number>(labourers.length).fill(0);
  for (;;) {
    const load = new Map<string, number>();
    let ok = true;
    const postOf = new Map<string, string>();
    let objective = { priorityPlaced: 0, placed: 0, total: 0 };
    labourers.forEach((w, i) => {
      const p = options[i]![pick[i]!];
      if (p === undefined) return;
      postOf.set(w.id, p.id);
      const n = (load.get(p.id) ?? 0) + 1;
      load.set(p.id, n);
      if (n > p.openings - p.filled) ok = false;
      objective = {
        priorityPlaced: objective.priorityPlaced + (w.household === 'other' ? 0 : 1),
        placed: objective.placed + 1,
        total: objective.total + scorePair(ds, w, p).score,
      };
    });
    if (ok && groups.every((g) => groupState(g, (m) => postOf.get(m), postById).kind !== 'broken'))
      if (best === undefined || compareObjectives(objective, best) > 0) best = objective;
    let i = labourers.length - 1;
    while (i >= 0 && pick[i] === options[i]!.length - 1) pick[i--] = 0;
    if (i < 0) break;
    pick[i]!++;
  }
  return best!;
}

const RULES = ['same-employer', 'same-site', 'same-post'] as const;

describe('assign (properties)', () => {
  it('optimal mode equals brute force over all lawful plans', () => {
    fc.assert(
      fc.property(smallDataset, (ds) => {
        const plan = assign(ds, { mode: 'optimal' });
        expect(compareObjectives(plan.objective, bruteForce(ds))).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('optimal mode with groups equals brute force over all plans keeping the group rules', () => {
    fc.assert(
      fc.property(
        smallDataset,
        fc.constantFrom(...RULES),
        fc.integer({ min: 2, max: 3 }),
        (ds, rule, size) => {
          const members = ds.labourers.slice(0, size).map((w) => w.id as string);
          const groups = members.length >= 2 ? [{ id: 'g', members, rule }] : [];
          const plan = assign(ds, { mode: 'optimal', groups });
          expect(compareObjectives(plan.objective, bruteForce(ds, groups))).toBe(0);
          expect(verifyPlan(plan, ds).violations).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('priority: no priority labourer is unplaced while a non-priority one holds a post they were eligible for', () => {
    fc.assert(
      fc.property(smallDataset, (ds) => {
        const plan = assign(ds, { mode: 'optimal' });
        const byId = new Map(ds.labourers.map((w) => [w.id as string, w]));
        const postById = new Map(ds.posts.map((p) => [p.id as string, p]));
        for (const u of plan.entries) {
          if (u.kind !== 'unplaced' || u.tier !== 0) continue;
          for (const h of plan.entries) {
            if (h.kind !== 'placed' || h.tier !== 1) continue;
            expect(checkEligibility(ds, byId.get(u.labourer)!, postById.get(h.post)!)).not.toEqual([]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every labourer is accounted for exactly once, capacities are never exceeded, the group rule is never broken', () => {
    fc.assert(
      fc.property(
        smallDataset,
        fc.constantFrom('optimal', 'stable', 'greedy' as const),
        fc.constantFrom(...RULES),
        (ds, mode, rule) => {
          const members = ds.labourers.slice(1, 3).map((w) => w.id as string);
          const groups = members.length === 2 ? [{ id: 'g', members, rule }] : [];
          const plan = assign(ds, { mode, groups });
          expect(plan.entries.map((e) => e.labourer).sort()).toEqual(ds.labourers.map((w) => w.id).sort());
          const load = new Map<string, number>();
          for (const e of plan.entries)
            if (e.kind === 'placed') load.set(e.post, (load.get(e.post) ?? 0) + 1);
          for (const p of ds.posts) expect(load.get(p.id) ?? 0).toBeLessThanOrEqual(p.openings - p.filled);
          const postOf = new Map<string, string>(
            plan.entries.flatMap((e) => (e.kind === 'placed' ? [[e.labourer, e.post]] : [])),
          );
          const posts = new Map(ds.posts.map((p) => [p.id as string, p]));
          for (const g of groups) expect(groupState(g, (m) => postOf.get(m), posts).kind).not.toBe('broken');
          expect(verifyPlan(plan, ds).violations).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stable mode without groups has no blocking pair', () => {
    fc.assert(
      fc.property(smallDataset, (ds) => {
        const plan = assign(ds, { mode: 'stable' });
        expect(plan.blockingPairs).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('same input in any order gives the same plan', () => {
    fc.assert(
      fc.property(smallDataset, fc.constantFrom('optimal', 'stable', 'greedy' as const), (ds, mode) => {
        const shuffled = {
          ...ds,
          labourers: [...ds.labourers].reverse(),
          posts: [...ds.posts].reverse(),
          employers: [...ds.employers].reverse(),
        };
        expect(assign(shuffled, { mode })).toEqual(assign(ds, { mode }));
      }),
      { numRuns: 100 },
    );
  });
});
