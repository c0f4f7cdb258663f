/**
 * Each check of `verifyPlan` on its own: a correct plan of a small dataset, one thing tampered with,
 * and the exact violations that must follow (the summary made again where it is not the point, so
 * that a check removed cannot hide behind another).
 */
import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import type { OptimalCertificate } from '../src/graph/types.js';
import type { Plan, PlanEntry, PlacementGroup } from '../src/plan.js';
import { summarizePlan } from '../src/summary.js';
import type { Dataset, EmployerId, IsoDate, PostId, WorkerId } from '../src/types.js';
import { verifyPlan, type PlanViolation } from '../src/verify-plan.js';
import { dataset, employer, labourer, post } from './helpers/build.js';

const L = (id: string, household: 'registered' | 'other', target: number, extra = {}) =>
  labourer({ id: id as WorkerId, household, pay: { minMonthly: 2000, targetMonthly: target }, ...extra });
const pay = (expectedMonthly: number) => ({ kind: 'monthly' as const, baseMonthly: 2300, expectedMonthly });

/**
 * a and d have priority (registered households); e may not leave home, so has no eligible post; p3
 * is full. The optimum puts c at p1 and a, d at p2 (b unplaced); the stable plan puts d at p1.
 */
const ds = dataset({
  labourers: [
    L('a', 'registered', 6000),
    L('b', 'other', 5000),
    L('c', 'other', 4000),
    L('d', 'registered', 4500),
    L('e', 'other', 4500, { cannotLeaveHome: true }),
  ],
  employers: [employer(), employer({ id: 'e2' as EmployerId, name: '二厂' })],
  posts: [
    post({ id: 'p1' as PostId, openings: 1, pay: pay(6500) }),
    post({ id: 'p2' as PostId, openings: 2, pay: pay(4200) }),
    post({ id: 'p3' as PostId, employer: 'e2' as EmployerId, openings: 1, filled: 1 }),
  ],
});

const optimal = assign(ds);
const stable = assign(ds, { mode: 'stable' });
const greedy = assign(ds, { mode: 'greedy' });

/** The violations, each told in words that name what it is about, in English and in Chinese. */
const verdict = (plan: Plan, d: Dataset = ds): readonly PlanViolation[] => {
  const { ok, violations } = verifyPlan(plan, d);
  expect(ok).toBe(violations.length === 0);
  for (const v of violations) {
    expect(v.message).not.toBe('');
    expect(v.messageZh, v.message).toMatch(/[\u4e00-\u9fff]/);
    expect(v.messageZh).not.toBe(v.message);
    const named = [v.post ?? v.worker, v.group].filter((id) => id !== undefined);
    for (const id of named) {
      expect(v.message).toContain(`'${id}'`);
      expect(v.messageZh).toContain(`'${id}'`);
    }
  }
  return violations;
};
/** The codes found, sorted and each once. */
const codes = (plan: Plan, d: Dataset = ds): string[] =>
  [...new Set(verdict(plan, d).map((v) => v.code))].sort();
/** The plan with its entries changed and its summary made again from them. */
const withEntries = (plan: Plan, f: (e: PlanEntry) => PlanEntry, d: Dataset = ds): Plan => {
  const entries = plan.entries.map(f);
  return { ...plan, entries, summary: summarizePlan({ entries }, d) };
};
const entry = (plan: Plan, worker: string): PlanEntry => plan.entries.find((e) => e.worker === worker)!;
const dualsOf = (plan: Plan): OptimalCertificate => plan.certificate as OptimalCertificate;
const withDuals = (plan: Plan, c: Partial<OptimalCertificate>): Plan => ({
  ...plan,
  certificate: { ...dualsOf(plan), ...c },
});

const placedAt = (e: PlanEntry, post: string, d: Dataset = ds): PlanEntry => {
  const p = d.posts.find((q) => q.id === post)!;
  return {
    kind: 'placed',
    worker: e.worker,
    post: p.id,
    employer: p.employer,
    score: 0,
    bonus: 0,
    tier: e.tier,
  };
};
const map = (worker: string, f: (e: PlanEntry) => PlanEntry) => (e: PlanEntry) =>
  e.worker === worker ? f(e) : e;
const unplace = (e: PlanEntry): PlanEntry => ({
  kind: 'unplaced',
  worker: e.worker,
  tier: e.tier,
  reasons: [{ code: 'posts-filled', params: { nearMisses: [] } }],
});

/** One tampering each: its name, the plan, and the codes it must raise (sorted). */
const homebound = dataset({
  ...ds,
  labourers: ds.labourers.map((l) => (l.id === 'c' ? { ...l, cannotLeaveHome: true } : l)),
});
const cases: [string, () => Plan, string[], Dataset?][] = [
  ['mode other than the options say', () => ({ ...optimal, mode: 'stable' }), ['mode-mismatch']],
  ['date other than the dataset', () => ({ ...optimal, asOf: '2026-03-02' as IsoDate }), ['as-of-mismatch']],
  [
    'options invalid',
    () => ({ ...optimal, options: { ...optimal.options, minScore: 2 } }),
    ['options-invalid'],
  ],
  [
    'kept placements',
    () => ({ ...optimal, kept: { placements: [], options: {} as never } }),
    ['kept-mismatch'],
  ],
  [
    'entries out of order',
    () => {
      const e = [...optimal.entries];
      [e[0], e[1]] = [e[1]!, e[0]!];
      return { ...optimal, entries: e };
    },
    ['not-sorted'],
  ],
  [
    'unknown labourer at the end',
    () => ({
      ...optimal,
      entries: [...optimal.entries, { ...entry(optimal, 'e'), worker: 'zz' as WorkerId }],
    }),
    ['summary-mismatch', 'unknown-worker'],
  ],
  [
    '__proto__ as a labourer',
    () => {
      const entries = [{ ...entry(optimal, 'e'), worker: '__proto__' as WorkerId }, ...optimal.entries];
      return { ...optimal, entries };
    },
    ['summary-mismatch', 'unknown-worker'],
  ],
  [
    'labourer listed twice, next to itself',
    () => {
      const entries = [optimal.entries[0]!, ...optimal.entries];
      return { ...optimal, entries };
    },
    ['summary-mismatch', 'worker-listed-twice'],
  ],
  [
    'labourer missing',
    () => ({ ...optimal, entries: optimal.entries.filter((e) => e.worker !== 'e') }),
    ['summary-mismatch', 'worker-missing'],
  ],
  [
    'tier misstated',
    () =>
      withEntries(
        optimal,
        map('e', (e) => ({ ...e, tier: 0 })),
      ),
    ['tier-mismatch'],
  ],
  [
    'unknown post',
    () =>
      withEntries(
        optimal,
        map('c', (e) => ({ ...e, post: 'zz' as PostId })),
      ),
    ['certificate', 'objective-mismatch', 'reason-mismatch', 'unknown-post', 'unplaced-with-room'],
  ],
  [
    'employer misstated',
    () =>
      withEntries(
        optimal,
        map('c', (e) => ({ ...e, employer: 'e2' as EmployerId })),
      ),
    ['employer-mismatch'],
  ],
  [
    'score misstated by 1e-6',
    () =>
      withEntries(
        optimal,
        map('c', (e) => (e.kind === 'placed' ? { ...e, score: e.score + 1e-6 } : e)),
      ),
    ['score-mismatch'],
  ],
  [
    'bonus misstated',
    () =>
      withEntries(
        optimal,
        map('c', (e) => (e.kind === 'placed' ? { ...e, bonus: 0.05 } : e)),
      ),
    ['score-mismatch'],
  ],
  [
    'score within the tolerance',
    () =>
      withEntries(
        optimal,
        map('c', (e) => (e.kind === 'placed' ? { ...e, score: e.score + 1e-12 } : e)),
      ),
    [],
  ],
  [
    'reason rule count off by one',
    () =>
      withEntries(
        optimal,
        map('e', (e) =>
          e.kind === 'unplaced'
            ? {
                ...e,
                reasons: [
                  {
                    code: 'no-eligible-post',
                    params: { posts: 3, byRule: { 'no-openings-left': 1, 'cannot-leave-home': 2 } },
                  },
                ],
              }
            : e,
        ),
      ),
    ['reason-mismatch'],
  ],
  [
    'objective priorityPlaced off by one',
    () => ({ ...optimal, objective: { ...optimal.objective, priorityPlaced: 1 } }),
    ['objective-mismatch'],
  ],
  [
    'objective placed off by one',
    () => ({ ...optimal, objective: { ...optimal.objective, placed: 4 } }),
    ['objective-mismatch'],
  ],
  [
    'objective total off by 1e-6',
    () => ({ ...optimal, objective: { ...optimal.objective, total: optimal.objective.total + 1e-6 } }),
    ['objective-mismatch'],
  ],
  [
    'summary placed off by one',
    () => ({ ...optimal, summary: { ...optimal.summary, placed: 4 } }),
    ['summary-mismatch'],
  ],
  [
    'no certificate',
    () => {
      const { certificate: _c, ...rest } = optimal;
      return rest;
    },
    ['certificate'],
  ],
  [
    'stable certificate on an optimal plan',
    () => ({ ...optimal, certificate: stable.certificate! }),
    ['certificate'],
  ],
  ['certificate tiers misstated', () => withDuals(optimal, { tiers: [] }), ['certificate']],
  [
    'certificate tiers of the right length but wrong',
    () => withDuals(optimal, { tiers: [0] }),
    ['certificate'],
  ],
  [
    'dual of a labourer missing',
    () => {
      const { b: _b, ...leftPotential } = dualsOf(optimal).leftPotential;
      return withDuals(optimal, { leftPotential });
    },
    ['certificate'],
  ],
  [
    'dual of a post not finite',
    () => withDuals(optimal, { rightPotential: { ...dualsOf(optimal).rightPotential, p3: Number.NaN } }),
    ['certificate'],
  ],
  [
    'tier dual of a labourer too short',
    () => withDuals(optimal, { leftTierPotential: { ...dualsOf(optimal).leftTierPotential, b: [] } }),
    ['certificate'],
  ],
  [
    'tier dual of a post not an integer',
    () => withDuals(optimal, { rightTierPotential: { ...dualsOf(optimal).rightTierPotential, p3: [0.5] } }),
    ['certificate'],
  ],
  [
    'u of an unplaced labourer positive',
    () => withDuals(optimal, { leftPotential: { ...dualsOf(optimal).leftPotential, b: 0.1 } }),
    ['certificate'],
  ],
  [
    'u of a labourer negative',
    () => withDuals(optimal, { leftTierPotential: { ...dualsOf(optimal).leftTierPotential, a: [0] } }),
    ['certificate'],
  ],
  [
    'v of a full post raised',
    () => withDuals(optimal, { rightPotential: { ...dualsOf(optimal).rightPotential, p1: 0.9 } }),
    ['certificate'],
  ],
  [
    'v of a post without openings raised',
    () => withDuals(optimal, { rightPotential: { ...dualsOf(optimal).rightPotential, p3: 0.1 } }),
    [],
  ],
  [
    'v of a post lowered',
    () => withDuals(optimal, { rightPotential: { ...dualsOf(optimal).rightPotential, p2: 0.7 } }),
    ['certificate'],
  ],
  [
    'stable plan with a blocking pair',
    () => ({ ...withEntries(stable, (e) => entry(optimal, e.worker)), objective: optimal.objective }),
    ['blocking-pair', 'blocking-pairs-mismatch'],
  ],
  [
    'greedy plan with a blocking pair',
    () => ({ ...withEntries(greedy, (e) => entry(optimal, e.worker)), objective: optimal.objective }),
    ['blocking-pair'],
  ],
  [
    'blocking pairs counted where there are none',
    () => ({ ...stable, blockingPairCount: 1 }),
    ['blocking-pairs-mismatch'],
  ],
  [
    'blocking pair listed where there is none',
    () => ({ ...stable, blockingPairs: [{ worker: 'b' as WorkerId, post: 'p1' as PostId }] }),
    ['blocking-pairs-mismatch'],
  ],
  [
    'capacity exceeded',
    () =>
      withEntries(
        stable,
        map('b', (e) => ({
          ...entry(stable, 'c'),
          worker: e.worker,
          tier: e.tier,
          score: 0.7455000000000002,
        })),
      ),
    ['capacity-exceeded', 'objective-mismatch'],
  ],
  [
    'unplaced with room',
    () => withEntries(stable, map('c', unplace)),
    [
      'blocking-pair',
      'blocking-pairs-mismatch',
      'objective-mismatch',
      'reason-mismatch',
      'unplaced-with-room',
    ],
  ],
  // c may no longer leave home: its placement at p1 breaks a rule, and nothing else changes.
  ['placed where it breaks a rule', () => optimal, ['ineligible'], homebound],
];

/**
 * A group of two (a, b) kept at one employer: the relaxation would put a at p1 (e1), so the exact
 * search fixes the group at e2 and states the relaxation's bound.
 */
const gds = dataset({
  labourers: [labourer({ id: 'a' as WorkerId }), labourer({ id: 'b' as WorkerId })],
  employers: [employer(), employer({ id: 'e2' as EmployerId })],
  posts: [
    post({
      id: 'p1' as PostId,
      openings: 1,
      pay: { kind: 'monthly', baseMonthly: 3000, expectedMonthly: 7000 },
    }),
    post({ id: 'p2' as PostId, openings: 1, employer: 'e2' as EmployerId }),
    post({ id: 'p3' as PostId, openings: 1, employer: 'e2' as EmployerId }),
  ],
});
const g: PlacementGroup = { id: 'g', members: ['a' as WorkerId, 'b' as WorkerId], rule: 'same-employer' };
const grouped = assign(gds, { groups: [g] });
const groupedStable = assign(gds, { groups: [g], mode: 'stable' });
/** A same-post group of two that no post can take whole (one opening each): not placed. */
const fds = dataset({
  labourers: [
    labourer({ id: 'a' as WorkerId }),
    labourer({ id: 'b' as WorkerId }),
    labourer({ id: 'c' as WorkerId, household: 'other' }),
  ],
  posts: [post({ id: 'p1' as PostId, openings: 1 }), post({ id: 'p2' as PostId, openings: 1 })],
});
const fam: PlacementGroup = { id: 'fam', members: ['b' as WorkerId, 'a' as WorkerId], rule: 'same-post' };
const famPlan = assign(fds, { groups: [fam] });
const famStable = assign(fds, { groups: [fam], mode: 'stable' });
const withGroups = (plan: Plan, groups: Plan['groups']): Plan => ({ ...plan, groups });
const boundOf = (plan: Plan): OptimalCertificate => plan.groupSearch.bound!;

/** keepTogether: a and b, fellow villagers, could both work at e2 (a bonus of 0.05 each). */
const kds = dataset({
  labourers: [labourer({ id: 'a' as WorkerId }), labourer({ id: 'b' as WorkerId })],
  employers: [employer(), employer({ id: 'e2' as EmployerId })],
  posts: [post({ id: 'p1' as PostId }), post({ id: 'p2' as PostId, employer: 'e2' as EmployerId })],
});
const together = assign(kds, { keepTogether: { weight: 0.5 } });
const top1 = assign(ds, { candidatesPerWorker: 1 });

const groupCases: [string, () => Plan, string[], Dataset][] = [
  [
    'a keep-together bonus left out',
    () => withEntries(together, (e) => (e.kind === 'placed' ? { ...e, bonus: 0 } : e), kds),
    ['score-mismatch'],
    kds,
  ],
  [
    'a placement beyond the candidates per labourer',
    () =>
      withEntries(
        top1,
        map('b', (e) => ({ ...placedAt(e, 'p2'), score: 0.7455000000000002 })),
        ds,
      ),
    ['certificate', 'not-a-candidate', 'objective-mismatch'],
    ds,
  ],
  [
    'unplaced with room on its short candidate list',
    () => withEntries(top1, map('d', unplace), ds),
    ['certificate', 'objective-mismatch', 'reason-mismatch', 'unplaced-with-room'],
    ds,
  ],
  [
    'a placement below the minimum score',
    () => ({ ...optimal, options: { ...optimal.options, minScore: 0.75 } }),
    ['not-a-candidate', 'reason-mismatch'],
    ds,
  ],
  [
    'an outcome for a group not in the options',
    () =>
      withGroups(grouped, [
        ...grouped.groups,
        { kind: 'not-placed', group: 'zz', rule: 'same-post', why: { code: 'no-common-option' } },
      ]),
    ['group-outcome-mismatch'],
    gds,
  ],
  [
    'an outcome given twice',
    () => withGroups(grouped, [...grouped.groups, ...grouped.groups]),
    ['group-outcome-mismatch'],
    gds,
  ],
  [
    'an outcome with another rule',
    () =>
      withGroups(
        grouped,
        grouped.groups.map((o) => ({ ...o, rule: 'same-site' })),
      ),
    ['group-outcome-mismatch'],
    gds,
  ],
  [
    'an outcome at another employer',
    () =>
      withGroups(
        grouped,
        grouped.groups.map((o) => (o.kind === 'placed' ? { ...o, at: 'e1' } : o)),
      ),
    ['certificate', 'group-outcome-mismatch'],
    gds,
  ],
  [
    'a placed group said not placed',
    () =>
      withGroups(
        grouped,
        grouped.groups.map((o) => ({
          kind: 'not-placed',
          group: o.group,
          rule: o.rule,
          why: { code: 'no-common-option' },
        })),
      ),
    ['certificate', 'group-outcome-mismatch'],
    gds,
  ],
  ['no outcome for a group', () => withGroups(grouped, []), ['certificate', 'group-outcome-mismatch'], gds],
  [
    'a group split across employers',
    () =>
      withEntries(
        grouped,
        map('a', (e) => ({
          ...e,
          post: 'p1' as PostId,
          employer: 'e1' as EmployerId,
          score: (entry(assign(gds), 'a') as { score: number }).score,
        })),
        gds,
      ),
    ['certificate', 'group-broken', 'group-outcome-mismatch', 'objective-mismatch'],
    gds,
  ],
  [
    'a group partly placed',
    () => withEntries(grouped, map('a', unplace), gds),
    ['certificate', 'group-broken', 'group-outcome-mismatch', 'objective-mismatch', 'reason-mismatch'],
    gds,
  ],
  [
    'an upper bound without duals',
    () => {
      const { bound: _b, ...groupSearch } = grouped.groupSearch;
      return { ...grouped, groupSearch };
    },
    ['bound-mismatch'],
    gds,
  ],
  [
    'an upper bound overstated',
    () => ({
      ...grouped,
      groupSearch: {
        ...grouped.groupSearch,
        upperBound: {
          ...grouped.groupSearch.upperBound!,
          total: grouped.groupSearch.upperBound!.total + 0.01,
        },
      },
    }),
    ['bound-mismatch'],
    gds,
  ],
  [
    'a bound dual lowered',
    () => ({
      ...grouped,
      groupSearch: {
        ...grouped.groupSearch,
        bound: { ...boundOf(grouped), rightPotential: { ...boundOf(grouped).rightPotential, p1: 0 } },
      },
    }),
    ['bound-mismatch'],
    gds,
  ],
  [
    'a group member reason misstated',
    () =>
      withEntries(
        famPlan,
        map('a', (e) =>
          e.kind === 'unplaced'
            ? {
                ...e,
                reasons: [
                  {
                    code: 'group-not-placed-whole',
                    params: { group: 'fam', why: { code: 'no-capacity-left', options: 1 } },
                  },
                ],
              }
            : e,
        ),
        fds,
      ),
    ['reason-mismatch'],
    fds,
  ],
  ['a group not placed, its outcome gone', () => withGroups(famPlan, []), ['group-outcome-mismatch'], fds],
];

describe('verifyPlan, one check at a time', () => {
  it('accepts plans with groups, keep-together bonuses, short candidate lists, a minimum score met exactly', () => {
    expect(verdict(grouped, gds)).toEqual([]);
    expect(verdict(groupedStable, gds)).toEqual([]);
    expect(verdict(assign(gds, { groups: [g], mode: 'greedy' }), gds)).toEqual([]);
    expect(verdict(famPlan, fds)).toEqual([]);
    expect(verdict(famStable, fds)).toEqual([]);
    expect(verdict(together, kds)).toEqual([]);
    expect(verdict(assign(kds, { keepTogether: { weight: 0.5 }, mode: 'stable' }), kds)).toEqual([]);
    expect(verdict(top1)).toEqual([]);
    expect(verdict(assign(ds, { candidatesPerWorker: 1, mode: 'stable' }))).toEqual([]);
    expect(verdict(assign(ds, { minScore: 0.7336250000000001 }))).toEqual([]);
    expect(verdict(assign(ds, { minScore: 0.7336250000000001, mode: 'stable' }))).toEqual([]);
  });
  for (const [name, plan, expected, d] of groupCases)
    it(name, () => {
      expect(codes(plan(), d)).toEqual(expected);
    });
  it('accepts the plans assign makes', () => {
    for (const p of [optimal, stable, greedy]) expect(verdict(p)).toEqual([]);
  });
  for (const [name, plan, expected, d] of cases)
    it(name, () => {
      expect(codes(plan(), d)).toEqual(expected);
    });
});
