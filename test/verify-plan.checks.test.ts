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
import type { Dataset, EmployerId, IsoDate, PostId, LabourerId } from '../src/types.js';
import { verifyPlan, type PlanViolation } from '../src/verify-plan.js';
import { dataset, employer, labourer, post } from './helpers/build.js';

const L = (id: string, household: 'registered' | 'other', target: number, extra = {}) =>
  labourer({ id: id as LabourerId, household, pay: { minMonthly: 2000, targetMonthly: target }, ...extra });
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
    const named = [v.post ?? v.labourer, v.group].filter((id) => id !== undefined);
    for (const id of named) {
      expect(v.message).toContain(`'${id}'`);
      expect(v.messageZh).toContain(`'${id}'`);
    }
  }
  return violations;
};
/** A violation in one line: its code, what it names, its message in English and in Chinese. */
const fmt = (v: PlanViolation): string =>
  [v.code, v.labourer, v.post, v.group].filter((x) => x !== undefined).join(' ') +
  `: ${v.message} | ${v.messageZh}`;
/** The codes found, sorted and each once. */
const codes = (plan: Plan, d: Dataset = ds): string[] =>
  [...new Set(verdict(plan, d).map((v) => v.code))].sort();
/** The plan with its entries changed and its summary made again from them. */
const withEntries = (plan: Plan, f: (e: PlanEntry) => PlanEntry, d: Dataset = ds): Plan => {
  const entries = plan.entries.map(f);
  return { ...plan, entries, summary: summarizePlan({ entries }, d) };
};
const entry = (plan: Plan, labourer: string): PlanEntry => plan.entries.find((e) => e.labourer === labourer)!;
const dualsOf = (plan: Plan): OptimalCertificate => plan.certificate as OptimalCertificate;
const withDuals = (plan: Plan, c: Partial<OptimalCertificate>): Plan => ({
  ...plan,
  certificate: { ...dualsOf(plan), ...c },
});

const placedAt = (e: PlanEntry, post: string, d: Dataset = ds): PlanEntry => {
  const p = d.posts.find((q) => q.id === post)!;
  return {
    kind: 'placed',
    labourer: e.labourer,
    post: p.id,
    employer: p.employer,
    score: 0,
    bonus: 0,
    tier: e.tier,
  };
};
const map = (labourer: string, f: (e: PlanEntry) => PlanEntry) => (e: PlanEntry) =>
  e.labourer === labourer ? f(e) : e;
const unplace = (e: PlanEntry): PlanEntry => ({
  kind: 'unplaced',
  labourer: e.labourer,
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
      entries: [...optimal.entries, { ...entry(optimal, 'e'), labourer: 'zz' as LabourerId }],
    }),
    ['summary-mismatch', 'unknown-labourer'],
  ],
  [
    '__proto__ as a labourer',
    () => {
      const entries = [{ ...entry(optimal, 'e'), labourer: '__proto__' as LabourerId }, ...optimal.entries];
      return { ...optimal, entries };
    },
    ['summary-mismatch', 'unknown-labourer'],
  ],
  [
    'labourer listed twice, next to itself',
    () => {
      const entries = [optimal.entries[0]!, ...optimal.entries];
      return { ...optimal, entries };
    },
    ['labourer-listed-twice', 'summary-mismatch'],
  ],
  [
    'labourer missing',
    () => ({ ...optimal, entries: optimal.entries.filter((e) => e.labourer !== 'e') }),
    ['labourer-missing', 'summary-mismatch'],
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
    'a near miss dropped from the reasons',
    () =>
      withEntries(
        optimal,
        map('b', (e) =>
          e.kind === 'unplaced' && e.reasons[0].code === 'posts-filled'
            ? {
                ...e,
                reasons: [
                  {
                    code: 'posts-filled',
                    params: { nearMisses: e.reasons[0].params.nearMisses.slice(0, 1) },
                  },
                ],
              }
            : e,
        ),
      ),
    ['reason-mismatch'],
  ],
  [
    'a near miss added to the reasons',
    () =>
      withEntries(
        optimal,
        map('b', (e) =>
          e.kind === 'unplaced' && e.reasons[0].code === 'posts-filled'
            ? {
                ...e,
                reasons: [
                  {
                    code: 'posts-filled',
                    params: {
                      nearMisses: [...e.reasons[0].params.nearMisses, e.reasons[0].params.nearMisses[0]!],
                    },
                  },
                ],
              }
            : e,
        ),
      ),
    ['reason-mismatch'],
  ],
  [
    'the second near miss held by one fewer',
    () =>
      withEntries(
        optimal,
        map('b', (e) =>
          e.kind === 'unplaced' && e.reasons[0].code === 'posts-filled'
            ? {
                ...e,
                reasons: [
                  {
                    code: 'posts-filled',
                    params: {
                      nearMisses: e.reasons[0].params.nearMisses.map((n, i) =>
                        i === 1 ? { ...n, held: n.held - 1 } : n,
                      ),
                    },
                  },
                ],
              }
            : e,
        ),
      ),
    ['reason-mismatch'],
  ],
  [
    'a reason with a field too many',
    () =>
      withEntries(
        optimal,
        map('e', (e) =>
          e.kind === 'unplaced' && e.reasons[0].code === 'no-eligible-post'
            ? {
                ...e,
                reasons: [
                  { code: 'no-eligible-post', params: { ...e.reasons[0].params, extra: 1 } as never },
                ],
              }
            : e,
        ),
      ),
    ['reason-mismatch'],
  ],
  [
    'a reason with a field missing',
    () =>
      withEntries(
        optimal,
        map('e', (e) =>
          e.kind === 'unplaced' && e.reasons[0].code === 'no-eligible-post'
            ? { ...e, reasons: [{ code: 'no-eligible-post', params: { posts: 3 } as never }] }
            : e,
        ),
      ),
    ['reason-mismatch'],
  ],
  [
    'objective total within the tolerance',
    () => ({ ...optimal, objective: { ...optimal.objective, total: optimal.objective.total + 1e-12 } }),
    [],
  ],
  [
    // 2.34 × 1e-9 is the tolerance on a total of 2.34.
    'objective total off by 1.5e-9, within the relative tolerance',
    () => ({ ...optimal, objective: { ...optimal.objective, total: optimal.objective.total + 1.5e-9 } }),
    [],
  ],
  [
    'summary pay mean off',
    () => ({
      ...optimal,
      summary: {
        ...optimal.summary,
        pay: { ...optimal.summary.pay, meanNet: optimal.summary.pay.meanNet + 1 },
      },
    }),
    ['summary-mismatch'],
  ],
  [
    'summary tiers short of one',
    () => ({ ...optimal, summary: { ...optimal.summary, byTier: optimal.summary.byTier.slice(1) } }),
    ['summary-mismatch'],
  ],
  [
    'tier dual of a post missing',
    () => {
      const { p3: _p3, ...rightTierPotential } = dualsOf(optimal).rightTierPotential;
      return withDuals(optimal, { rightTierPotential });
    },
    ['certificate'],
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
    'v of a post without openings negative',
    () => withDuals(optimal, { rightPotential: { ...dualsOf(optimal).rightPotential, p3: -0.1 } }),
    ['certificate'],
  ],
  [
    'dual of a placed labourer missing',
    () => {
      const { a: _a, ...leftPotential } = dualsOf(optimal).leftPotential;
      return withDuals(optimal, { leftPotential });
    },
    ['certificate'],
  ],
  [
    'a group naming a labourer not in the dataset',
    () => ({
      ...optimal,
      options: {
        ...optimal.options,
        groups: [{ id: 'g', members: ['a' as LabourerId, 'zz' as LabourerId], rule: 'same-post' }],
      },
    }),
    ['options-invalid'],
  ],
  [
    'v of a post lowered',
    () => withDuals(optimal, { rightPotential: { ...dualsOf(optimal).rightPotential, p2: 0.7 } }),
    ['certificate'],
  ],
  [
    'stable plan with a blocking pair',
    () => ({ ...withEntries(stable, (e) => entry(optimal, e.labourer)), objective: optimal.objective }),
    ['blocking-pair', 'blocking-pairs-mismatch'],
  ],
  [
    'greedy plan with a blocking pair',
    () => ({ ...withEntries(greedy, (e) => entry(optimal, e.labourer)), objective: optimal.objective }),
    ['blocking-pair'],
  ],
  [
    'a stable plan without its empty list of blocking pairs',
    () => {
      const { blockingPairs: _b, ...rest } = stable;
      return rest;
    },
    [],
  ],
  [
    'blocking pairs counted where there are none',
    () => ({ ...stable, blockingPairCount: 1 }),
    ['blocking-pairs-mismatch'],
  ],
  [
    'blocking pair listed where there is none',
    () => ({ ...stable, blockingPairs: [{ labourer: 'b' as LabourerId, post: 'p1' as PostId }] }),
    ['blocking-pairs-mismatch'],
  ],
  [
    'capacity exceeded',
    () =>
      withEntries(
        stable,
        map('b', (e) => ({
          ...entry(stable, 'c'),
          labourer: e.labourer,
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
  // Above the minimum score too: a placement that breaks a rule is not also called no candidate.
  [
    'placed where it breaks a rule, below the minimum score',
    () => ({ ...optimal, options: { ...optimal.options, minScore: 0.85 } }),
    ['ineligible', 'not-a-candidate', 'reason-mismatch'],
    homebound,
  ],
];

/**
 * A group of two (a, b) kept at one employer: the relaxation would put a at p1 (e1), so the exact
 * search fixes the group at e2 and states the relaxation's bound.
 */
const gds = dataset({
  labourers: [labourer({ id: 'a' as LabourerId }), labourer({ id: 'b' as LabourerId })],
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
const g: PlacementGroup = { id: 'g', members: ['a' as LabourerId, 'b' as LabourerId], rule: 'same-employer' };
const grouped = assign(gds, { groups: [g] });
const groupedStable = assign(gds, { groups: [g], mode: 'stable' });
/** The same with keep-together bonuses: the forced members' pairs weigh their score and bonus. */
const groupedTogether = assign(gds, { groups: [g], keepTogether: { weight: 0.5 } });
/** A same-post group of two that no post can take whole (one opening each): not placed. */
const fds = dataset({
  labourers: [
    labourer({ id: 'a' as LabourerId }),
    labourer({ id: 'b' as LabourerId }),
    labourer({ id: 'c' as LabourerId, household: 'other' }),
  ],
  posts: [post({ id: 'p1' as PostId, openings: 1 }), post({ id: 'p2' as PostId, openings: 1 })],
});
const fam: PlacementGroup = { id: 'fam', members: ['b' as LabourerId, 'a' as LabourerId], rule: 'same-post' };
const famPlan = assign(fds, { groups: [fam] });
const famStable = assign(fds, { groups: [fam], mode: 'stable' });
const withGroups = (plan: Plan, groups: Plan['groups']): Plan => ({ ...plan, groups });
/**
 * As gds with p1 full and a third labourer, c, who would rather have p2 or p3 than nothing and whom
 * both posts prefer to the members holding them: blocking pairs the group explains.
 */
const cds = dataset({
  ...gds,
  labourers: [
    ...gds.labourers,
    labourer({ id: 'c' as LabourerId, pay: { minMonthly: 2000, targetMonthly: 4000 } }),
  ],
  posts: gds.posts.map((p) => (p.id === 'p1' ? { ...p, filled: 1 } : p)),
});
const explained = assign(cds, { groups: [g], mode: 'stable' });
const boundOf = (plan: Plan): OptimalCertificate => plan.groupSearch.bound!;

/**
 * Two same-employer groups with one exact sub-solve allowed: the heuristic places g1 at e2 (both
 * openings of p2) and not g2, and the certificate belongs to the residual graph: x alone, p2 with
 * no openings left.
 */
const hds = dataset({
  labourers: [
    ...['a', 'b', 'c', 'd'].map((id) => labourer({ id: id as LabourerId })),
    labourer({ id: 'x' as LabourerId, household: 'other', pay: { minMonthly: 2000, targetMonthly: 4000 } }),
  ],
  employers: [employer(), employer({ id: 'e2' as EmployerId })],
  posts: [
    post({ id: 'p1' as PostId, openings: 1 }),
    post({ id: 'p2' as PostId, openings: 2, employer: 'e2' as EmployerId }),
    post({ id: 'p3' as PostId, openings: 2, employer: 'e2' as EmployerId }),
  ],
});
const residual = assign(hds, {
  groups: [
    { id: 'g1', members: ['a', 'b'], rule: 'same-employer' },
    { id: 'g2', members: ['c', 'd'], rule: 'same-employer' },
  ],
  exactGroupLimit: 1,
});
/** As hds with p2 and p3 of three openings: g2 at e2 too, and p3 keeps room beside a member. */
const hds3 = dataset({
  ...hds,
  posts: hds.posts.map((p) => (p.id === 'p1' ? p : { ...p, openings: 3 })),
});
const residual3 = assign(hds3, { groups: residual.options.groups, exactGroupLimit: 1 });

/**
 * Two tiers in the certificate: the group (a, b) forced onto e1 (tier 0) and c with priority
 * (tier 1) placed beside it; d has no priority.
 */
const tds = dataset({
  labourers: [
    labourer({ id: 'a' as LabourerId }),
    labourer({ id: 'b' as LabourerId }),
    labourer({ id: 'c' as LabourerId, pay: { minMonthly: 2000, targetMonthly: 4000 } }),
    labourer({ id: 'd' as LabourerId, household: 'other' }),
  ],
  employers: gds.employers,
  posts: [...gds.posts, post({ id: 'p4' as PostId, openings: 1 })],
});
const twoTiers = assign(tds, { groups: [g] });
const tierDual = (plan: Plan, side: 'left' | 'right', id: string, t: readonly number[]): Plan => {
  const c = dualsOf(plan);
  return side === 'left'
    ? withDuals(plan, { leftTierPotential: { ...c.leftTierPotential, [id]: t } })
    : withDuals(plan, { rightTierPotential: { ...c.rightTierPotential, [id]: t } });
};

/** A same-site group of two at the two posts of one town: the relaxation keeps it whole. */
const sds = dataset({
  labourers: [labourer({ id: 'a' as LabourerId }), labourer({ id: 'b' as LabourerId })],
  posts: [post({ id: 'p1' as PostId, openings: 1 }), post({ id: 'p2' as PostId, openings: 1 })],
});
const site: PlacementGroup = { id: 's', members: ['a' as LabourerId, 'b' as LabourerId], rule: 'same-site' };
const sited = assign(sds, { groups: [site] });

/** keepTogether: a and b, fellow villagers, could both work at e2 (a bonus of 0.05 each). */
const kds = dataset({
  labourers: [labourer({ id: 'a' as LabourerId }), labourer({ id: 'b' as LabourerId })],
  employers: [employer(), employer({ id: 'e2' as EmployerId })],
  posts: [post({ id: 'p1' as PostId }), post({ id: 'p2' as PostId, employer: 'e2' as EmployerId })],
});
const together = assign(kds, { keepTogether: { weight: 0.5 } });
const top1 = assign(ds, { candidatesPerLabourer: 1 });

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
    'v of a post lowered, with short candidate lists',
    () => withDuals(top1, { rightPotential: { ...dualsOf(top1).rightPotential, p1: 0.5 } }),
    ['certificate'],
    ds,
  ],
  [
    'a stable plan with groups leaving a non-member out beside empty posts',
    () => withEntries(famStable, map('c', unplace), fds),
    [
      'blocking-pair',
      'blocking-pairs-mismatch',
      'objective-mismatch',
      'reason-mismatch',
      'unplaced-with-room',
    ],
    fds,
  ],
  [
    'a placement below the minimum score',
    () => ({ ...optimal, options: { ...optimal.options, minScore: 0.75 } }),
    ['not-a-candidate', 'reason-mismatch'],
    ds,
  ],
  [
    'a group split, its first member where the outcome says',
    () =>
      withEntries(
        grouped,
        map('b', (e) => ({
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
    'a group said placed with no member placed',
    () => withEntries(grouped, (e) => unplace(e), gds),
    ['certificate', 'group-outcome-mismatch', 'objective-mismatch', 'reason-mismatch'],
    gds,
  ],
  [
    'a same-site group said placed at another site',
    () =>
      withGroups(
        sited,
        sited.groups.map((o) => (o.kind === 'placed' ? { ...o, at: 'town:441900117' } : o)),
      ),
    ['group-outcome-mismatch'],
    sds,
  ],
  [
    'a member placed without its group',
    () =>
      withEntries(
        grouped,
        map('a', (e) => {
          const { group: _g, ...rest } = e as PlanEntry & { group?: string };
          return rest;
        }),
        gds,
      ),
    ['group-outcome-mismatch'],
    gds,
  ],
  [
    'a member placed with another group',
    () =>
      withEntries(
        grouped,
        map('a', (e) => ({ ...e, group: 'zz' })),
        gds,
      ),
    ['group-outcome-mismatch'],
    gds,
  ],
  [
    'a labourer outside every group placed as a member',
    () =>
      withEntries(
        residual,
        map('x', (e) => ({ ...e, group: 'g1' })),
        hds,
      ),
    ['group-outcome-mismatch'],
    hds,
  ],
  [
    'a member outside the residual graph with a malformed dual',
    () => withDuals(residual, { leftPotential: { ...dualsOf(residual).leftPotential, a: Number.NaN } }),
    [],
    hds,
  ],
  [
    'v of a post the group filled raised, in the residual graph',
    () => withDuals(residual, { rightPotential: { ...dualsOf(residual).rightPotential, p2: 0.5 } }),
    [],
    hds,
  ],
  [
    'v of a post with room left raised, in the residual graph',
    () => withDuals(residual, { rightPotential: { ...dualsOf(residual).rightPotential, p3: 0.5 } }),
    ['certificate'],
    hds,
  ],
  [
    'v of a post with room left beside a member raised, in the residual graph',
    () => withDuals(residual3, { rightPotential: { ...dualsOf(residual3).rightPotential, p3: 0.5 } }),
    ['certificate'],
    hds3,
  ],
  [
    'the heuristic bound overstated',
    () => ({
      ...residual,
      groupSearch: {
        ...residual.groupSearch,
        upperBound: { ...residual.groupSearch.upperBound!, priorityPlaced: 5 },
      },
    }),
    ['bound-mismatch'],
    hds,
  ],
  [
    'a listed blocking pair misnamed (its post)',
    () => ({
      ...explained,
      blockingPairs: explained.blockingPairs!.map((b) => ({ ...b, post: 'p2' as PostId })),
    }),
    ['blocking-pairs-mismatch'],
    cds,
  ],
  [
    'a listed blocking pair misnamed (its labourer)',
    () => ({
      ...explained,
      blockingPairs: explained.blockingPairs!.map((b) => ({ ...b, labourer: 'a' as LabourerId })),
    }),
    ['blocking-pairs-mismatch'],
    cds,
  ],
  [
    'blocking pairs undercounted',
    () => ({ ...explained, blockingPairCount: 1 }),
    ['blocking-pairs-mismatch'],
    cds,
  ],
  [
    'blocking pairs counted but not listed',
    () => ({ ...explained, blockingPairs: [] }),
    ['blocking-pairs-mismatch'],
    cds,
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
    "v of a forced member's post below its score and bonus",
    () =>
      withDuals(groupedTogether, {
        rightPotential: { ...dualsOf(groupedTogether).rightPotential, p2: 0.75 },
      }),
    ['certificate'],
    gds,
  ],
  [
    'the priority tier dual of a priority labourer dropped (two tiers)',
    () => tierDual(twoTiers, 'left', 'c', [0, 0]),
    ['certificate'],
    tds,
  ],
  [
    'the priority tier dual of a post held without priority raised (two tiers)',
    () => tierDual(twoTiers, 'right', 'p2', [0, 1]),
    ['certificate'],
    tds,
  ],
  [
    "the forced tier dual of a member's post dropped (two tiers)",
    () => tierDual(twoTiers, 'right', 'p1', [0, 0]),
    ['certificate'],
    tds,
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

/** Every violation of each tampering, in order: code, what it names, message | message in Chinese. */
const exact: Readonly<Record<string, readonly string[]>> = {
  'a keep-together bonus left out': [
    "score-mismatch a p1: 'a' → 'p1' scores 0.7330000000000001 (bonus 0.05), not 0.7330000000000001 (bonus 0) | 'a' → 'p1' 得分 0.7330000000000001（加分 0.05），不是 0.7330000000000001（加分 0）",
    "score-mismatch b p1: 'b' → 'p1' scores 0.7330000000000001 (bonus 0.05), not 0.7330000000000001 (bonus 0) | 'b' → 'p1' 得分 0.7330000000000001（加分 0.05），不是 0.7330000000000001（加分 0）",
  ],
  'a placement beyond the candidates per labourer': [
    "not-a-candidate b p2: 'b' → 'p2' is below the minimum score or beyond the candidates per labourer | 'b' → 'p2' 低于最低分，或不在每人的候选岗位之内",
    'objective-mismatch: objective is {"priorityPlaced":1,"placed":2,"total":1.5695000000000003}, not {"priorityPlaced":1,"placed":1,"total":0.8240000000000002} | 目标值是 {"priorityPlaced":1,"placed":2,"total":1.5695000000000003}，不是 {"priorityPlaced":1,"placed":1,"total":0.8240000000000002}',
    "certificate b p2: certificate: 'b' → 'p2' is used but u + v is not its value | 对偶证书：'b' → 'p2' 已被采用，但 u + v 不等于其价值",
    'certificate: certificate: dual objective [1,0.8240000000000002] ≠ [1,1.5695000000000003] | 对偶证书：对偶目标值 [1,0.8240000000000002] ≠ [1,1.5695000000000003]',
  ],
  'unplaced with room on its short candidate list': [
    "reason-mismatch a: 'a': the unplaced reasons are not what the plan implies | 'a'：未安置原因与方案不符",
    "unplaced-with-room a p1: 'a' is unplaced but 'p1' has room | 'a' 未安置，但 'p1' 还有空缺",
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
    "unplaced-with-room b p1: 'b' is unplaced but 'p1' has room | 'b' 未安置，但 'p1' 还有空缺",
    "reason-mismatch c: 'c': the unplaced reasons are not what the plan implies | 'c'：未安置原因与方案不符",
    "unplaced-with-room c p1: 'c' is unplaced but 'p1' has room | 'c' 未安置，但 'p1' 还有空缺",
    "reason-mismatch d: 'd': the unplaced reasons are not what the plan implies | 'd'：未安置原因与方案不符",
    "unplaced-with-room d p1: 'd' is unplaced but 'p1' has room | 'd' 未安置，但 'p1' 还有空缺",
    'objective-mismatch: objective is {"priorityPlaced":0,"placed":0,"total":0}, not {"priorityPlaced":1,"placed":1,"total":0.8240000000000002} | 目标值是 {"priorityPlaced":0,"placed":0,"total":0}，不是 {"priorityPlaced":1,"placed":1,"total":0.8240000000000002}',
    "certificate p1: certificate: v('p1') > 0 but it has room | 对偶证书：v('p1') > 0，但该岗位还有空缺",
    'certificate: certificate: dual objective [1,0.8240000000000002] ≠ [0,0] | 对偶证书：对偶目标值 [1,0.8240000000000002] ≠ [0,0]',
  ],
  'v of a post lowered, with short candidate lists': [
    "certificate d p1: certificate: 'd' → 'p1' is used but u + v is not its value | 对偶证书：'d' → 'p1' 已被采用，但 u + v 不等于其价值",
    "certificate a p1: certificate: u('a') + v('p1') < value of the pair | 对偶证书：u('a') + v('p1') 小于该配对的价值",
    "certificate d p1: certificate: u('d') + v('p1') < value of the pair | 对偶证书：u('d') + v('p1') 小于该配对的价值",
    'certificate: certificate: dual objective [1,0.5] ≠ [1,0.8240000000000002] | 对偶证书：对偶目标值 [1,0.5] ≠ [1,0.8240000000000002]',
  ],
  'a stable plan with groups leaving a non-member out beside empty posts': [
    "reason-mismatch c: 'c': the unplaced reasons are not what the plan implies | 'c'：未安置原因与方案不符",
    "unplaced-with-room c p1: 'c' is unplaced but 'p1' has room | 'c' 未安置，但 'p1' 还有空缺",
    'objective-mismatch: objective is {"priorityPlaced":0,"placed":0,"total":0}, not {"priorityPlaced":0,"placed":1,"total":0.7330000000000001} | 目标值是 {"priorityPlaced":0,"placed":0,"total":0}，不是 {"priorityPlaced":0,"placed":1,"total":0.7330000000000001}',
    "blocking-pair c p1: 'c' and 'p1' would both rather be together | 'c' 与 'p1' 都更愿意彼此匹配（阻塞对）",
    "blocking-pair c p2: 'c' and 'p2' would both rather be together | 'c' 与 'p2' 都更愿意彼此匹配（阻塞对）",
    'blocking-pairs-mismatch: the plan counts 4 blocking pairs and lists 4; there are 6 (the first 6 listed) | 方案记阻塞对 4 个、列出 4 个；实有 6 个（应列出前 6 个）',
  ],
  'a placement below the minimum score': [
    "not-a-candidate a p2: 'a' → 'p2' is below the minimum score or beyond the candidates per labourer | 'a' → 'p2' 低于最低分，或不在每人的候选岗位之内",
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
  ],
  'a group split, its first member where the outcome says': [
    "group-broken g: group 'g' is split or partly placed | 组 'g' 被拆开或只安置了一部分",
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":2,"total":1.5810000000000004}, not {"priorityPlaced":2,"placed":2,"total":1.4660000000000002} | 目标值是 {"priorityPlaced":2,"placed":2,"total":1.5810000000000004}，不是 {"priorityPlaced":2,"placed":2,"total":1.4660000000000002}',
    "certificate p2: certificate: v('p2') > 0 but it has room | 对偶证书：v('p2') > 0，但该岗位还有空缺",
    "certificate b p1: certificate: 'b' → 'p1' is used but u + v is not its value | 对偶证书：'b' → 'p1' 已被采用，但 u + v 不等于其价值",
    'certificate: certificate: dual objective [2,1.4660000000000002] ≠ [2,1.5810000000000004] | 对偶证书：对偶目标值 [2,1.4660000000000002] ≠ [2,1.5810000000000004]',
  ],
  'a group said placed with no member placed': [
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
    "reason-mismatch a: 'a': the unplaced reasons are not what the plan implies | 'a'：未安置原因与方案不符",
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
    'objective-mismatch: objective is {"priorityPlaced":0,"placed":0,"total":0}, not {"priorityPlaced":2,"placed":2,"total":1.4660000000000002} | 目标值是 {"priorityPlaced":0,"placed":0,"total":0}，不是 {"priorityPlaced":2,"placed":2,"total":1.4660000000000002}',
    "certificate p2: certificate: v('p2') > 0 but it has room | 对偶证书：v('p2') > 0，但该岗位还有空缺",
    "certificate p3: certificate: v('p3') > 0 but it has room | 对偶证书：v('p3') > 0，但该岗位还有空缺",
    'certificate: certificate: dual objective [2,1.4660000000000002] ≠ [0,0] | 对偶证书：对偶目标值 [2,1.4660000000000002] ≠ [0,0]',
  ],
  'a same-site group said placed at another site': [
    "group-outcome-mismatch s: group 's': the outcome does not match the entries | 组 's'：结果与各条安置不符",
  ],
  'a member placed without its group': [
    "group-outcome-mismatch a: 'a' is placed with no group but is in 'g' | 'a' 的安置记为不属任何小组，实际属小组 'g'",
  ],
  'a member placed with another group': [
    "group-outcome-mismatch a: 'a' is placed with group 'zz' but is in 'g' | 'a' 的安置记为小组 'zz'，实际属小组 'g'",
  ],
  'a labourer outside every group placed as a member': [
    "group-outcome-mismatch x: 'x' is placed with group 'g1' but is in none | 'x' 的安置记为小组 'g1'，实际不属任何小组",
  ],
  'a member outside the residual graph with a malformed dual': [],
  'v of a post the group filled raised, in the residual graph': [],
  'v of a post with room left raised, in the residual graph': [
    "certificate p3: certificate: v('p3') > 0 but it has room | 对偶证书：v('p3') > 0，但该岗位还有空缺",
    "certificate x p3: certificate: 'x' → 'p3' is used but u + v is not its value | 对偶证书：'x' → 'p3' 已被采用，但 u + v 不等于其价值",
    'certificate: certificate: dual objective [1.7992500000000002] ≠ [0.7992500000000001] | 对偶证书：对偶目标值 [1.7992500000000002] ≠ [0.7992500000000001]',
  ],
  'v of a post with room left beside a member raised, in the residual graph': [
    "certificate p3: certificate: v('p3') > 0 but it has room | 对偶证书：v('p3') > 0，但该岗位还有空缺",
    "certificate x p3: certificate: 'x' → 'p3' is used but u + v is not its value | 对偶证书：'x' → 'p3' 已被采用，但 u + v 不等于其价值",
    'certificate: certificate: dual objective [1.7992500000000002] ≠ [0.7992500000000001] | 对偶证书：对偶目标值 [1.7992500000000002] ≠ [0.7992500000000001]',
  ],
  'the heuristic bound overstated': [
    'bound-mismatch: bound: dual objective [4,3.73125] ≠ [5,3.7312500000000006] | 上界：对偶目标值 [4,3.73125] ≠ [5,3.7312500000000006]',
  ],
  'a listed blocking pair misnamed (its post)': [
    'blocking-pairs-mismatch: the plan counts 2 blocking pairs and lists 2; there are 2 (the first 2 listed) | 方案记阻塞对 2 个、列出 2 个；实有 2 个（应列出前 2 个）',
  ],
  'a listed blocking pair misnamed (its labourer)': [
    'blocking-pairs-mismatch: the plan counts 2 blocking pairs and lists 2; there are 2 (the first 2 listed) | 方案记阻塞对 2 个、列出 2 个；实有 2 个（应列出前 2 个）',
  ],
  'blocking pairs undercounted': [
    'blocking-pairs-mismatch: the plan counts 1 blocking pairs and lists 2; there are 2 (the first 2 listed) | 方案记阻塞对 1 个、列出 2 个；实有 2 个（应列出前 2 个）',
  ],
  'blocking pairs counted but not listed': [
    'blocking-pairs-mismatch: the plan counts 2 blocking pairs and lists 0; there are 2 (the first 2 listed) | 方案记阻塞对 2 个、列出 0 个；实有 2 个（应列出前 2 个）',
  ],
  'an outcome for a group not in the options': [
    "group-outcome-mismatch zz: outcome for 'zz' is unknown or repeated | 组 'zz' 的结果不明或重复",
  ],
  'an outcome given twice': [
    "group-outcome-mismatch g: outcome for 'g' is unknown or repeated | 组 'g' 的结果不明或重复",
  ],
  'an outcome with another rule': [
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
  ],
  'an outcome at another employer': [
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
    "certificate a p1: certificate: u('a') + v('p1') < value of the pair | 对偶证书：u('a') + v('p1') 小于该配对的价值",
    "certificate b p1: certificate: u('b') + v('p1') < value of the pair | 对偶证书：u('b') + v('p1') 小于该配对的价值",
  ],
  'a placed group said not placed': [
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
    'certificate: certificate: tiers [0] ≠ [] | 对偶证书：层级 [0] ≠ []',
  ],
  'no outcome for a group': [
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
    'certificate: certificate: tiers [0] ≠ [] | 对偶证书：层级 [0] ≠ []',
  ],
  'a group split across employers': [
    "group-broken g: group 'g' is split or partly placed | 组 'g' 被拆开或只安置了一部分",
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":2,"total":1.5810000000000004}, not {"priorityPlaced":2,"placed":2,"total":1.4660000000000002} | 目标值是 {"priorityPlaced":2,"placed":2,"total":1.5810000000000004}，不是 {"priorityPlaced":2,"placed":2,"total":1.4660000000000002}',
    "certificate p3: certificate: v('p3') > 0 but it has room | 对偶证书：v('p3') > 0，但该岗位还有空缺",
    "certificate a p1: certificate: 'a' → 'p1' is used but u + v is not its value | 对偶证书：'a' → 'p1' 已被采用，但 u + v 不等于其价值",
    'certificate: certificate: dual objective [2,1.4660000000000002] ≠ [2,1.5810000000000004] | 对偶证书：对偶目标值 [2,1.4660000000000002] ≠ [2,1.5810000000000004]',
  ],
  'a group partly placed': [
    "group-broken g: group 'g' is split or partly placed | 组 'g' 被拆开或只安置了一部分",
    "group-outcome-mismatch g: group 'g': the outcome does not match the entries | 组 'g'：结果与各条安置不符",
    "reason-mismatch a: 'a': the unplaced reasons are not what the plan implies | 'a'：未安置原因与方案不符",
    'objective-mismatch: objective is {"priorityPlaced":1,"placed":1,"total":0.7330000000000001}, not {"priorityPlaced":2,"placed":2,"total":1.4660000000000002} | 目标值是 {"priorityPlaced":1,"placed":1,"total":0.7330000000000001}，不是 {"priorityPlaced":2,"placed":2,"total":1.4660000000000002}',
    "certificate p3: certificate: v('p3') > 0 but it has room | 对偶证书：v('p3') > 0，但该岗位还有空缺",
    'certificate: certificate: dual objective [2,1.4660000000000002] ≠ [1,0.7330000000000001] | 对偶证书：对偶目标值 [2,1.4660000000000002] ≠ [1,0.7330000000000001]',
  ],
  "v of a forced member's post below its score and bonus": [
    "certificate b p2: certificate: 'b' → 'p2' is used but u + v is not its value | 对偶证书：'b' → 'p2' 已被采用，但 u + v 不等于其价值",
    "certificate a p2: certificate: u('a') + v('p2') < value of the pair | 对偶证书：u('a') + v('p2') 小于该配对的价值",
    "certificate b p2: certificate: u('b') + v('p2') < value of the pair | 对偶证书：u('b') + v('p2') 小于该配对的价值",
    'certificate: certificate: dual objective [2,1.5330000000000001] ≠ [2,1.5660000000000003] | 对偶证书：对偶目标值 [2,1.5330000000000001] ≠ [2,1.5660000000000003]',
  ],
  'the priority tier dual of a priority labourer dropped (two tiers)': [
    "certificate c p3: certificate: 'c' → 'p3' is used but u + v is not its value | 对偶证书：'c' → 'p3' 已被采用，但 u + v 不等于其价值",
    "certificate c p2: certificate: u('c') + v('p2') < value of the pair | 对偶证书：u('c') + v('p2') 小于该配对的价值",
    'certificate: certificate: dual objective [2,0,3.1132500000000003] ≠ [2,1,3.1132500000000007] | 对偶证书：对偶目标值 [2,0,3.1132500000000003] ≠ [2,1,3.1132500000000007]',
  ],
  'the priority tier dual of a post held without priority raised (two tiers)': [
    "certificate d p2: certificate: 'd' → 'p2' is used but u + v is not its value | 对偶证书：'d' → 'p2' 已被采用，但 u + v 不等于其价值",
    'certificate: certificate: dual objective [2,2,3.1132500000000003] ≠ [2,1,3.1132500000000007] | 对偶证书：对偶目标值 [2,2,3.1132500000000003] ≠ [2,1,3.1132500000000007]',
  ],
  "the forced tier dual of a member's post dropped (two tiers)": [
    "certificate a p1: certificate: 'a' → 'p1' is used but u + v is not its value | 对偶证书：'a' → 'p1' 已被采用，但 u + v 不等于其价值",
    "certificate a p1: certificate: u('a') + v('p1') < value of the pair | 对偶证书：u('a') + v('p1') 小于该配对的价值",
    "certificate b p1: certificate: u('b') + v('p1') < value of the pair | 对偶证书：u('b') + v('p1') 小于该配对的价值",
    'certificate: certificate: dual objective [1,1,3.1132500000000003] ≠ [2,1,3.1132500000000007] | 对偶证书：对偶目标值 [1,1,3.1132500000000003] ≠ [2,1,3.1132500000000007]',
  ],
  'an upper bound without duals': [
    'bound-mismatch: the upper bound comes with no duals to prove it | 上界没有附上可证明它的对偶值',
  ],
  'an upper bound overstated': [
    'bound-mismatch: bound: dual objective [2,1.5810000000000004] ≠ [2,1.5910000000000004] | 上界：对偶目标值 [2,1.5810000000000004] ≠ [2,1.5910000000000004]',
  ],
  'a bound dual lowered': [
    "bound-mismatch a p1: bound: u('a') + v('p1') < value of the pair | 上界：u('a') + v('p1') 小于该配对的价值",
    "bound-mismatch b p1: bound: u('b') + v('p1') < value of the pair | 上界：u('b') + v('p1') 小于该配对的价值",
    'bound-mismatch: bound: dual objective [2,1.4660000000000002] ≠ [2,1.5810000000000004] | 上界：对偶目标值 [2,1.4660000000000002] ≠ [2,1.5810000000000004]',
  ],
  'a group member reason misstated': [
    "reason-mismatch a: 'a': the unplaced reasons are not what the plan implies | 'a'：未安置原因与方案不符",
  ],
  'a group not placed, its outcome gone': [
    "group-outcome-mismatch fam: group 'fam': the outcome does not match the entries | 组 'fam'：结果与各条安置不符",
  ],
  'mode other than the options say': [
    "mode-mismatch: plan mode 'stable' but options say 'optimal' | 方案模式为 'stable'，选项却为 'optimal'",
  ],
  'date other than the dataset': [
    'as-of-mismatch: plan as of 2026-03-02, dataset as of 2026-03-01 | 方案基准日 2026-03-02，数据集基准日 2026-03-01',
  ],
  'options invalid': [
    'options-invalid: verifyPlan: minScore must be a number in [0, 1], got 2 | 方案的选项无效：verifyPlan: minScore must be a number in [0, 1], got 2',
  ],
  'kept placements': [
    'kept-mismatch: the plan keeps 0 placement(s) in work from outcome records: verify it with them (verifyReplan, bangfu verify --outcomes) | 方案依据跟踪记录保留了 0 个在岗安置：请连同跟踪记录核验（verifyReplan，bangfu verify --outcomes）',
  ],
  'entries out of order': ["not-sorted a: entry 1 ('a') is out of order | 第 1 条（'a'）顺序不对"],
  'unknown labourer at the end': [
    "unknown-labourer zz: 'zz' is not a labourer | 'zz' 不是数据集中的劳动力",
    'summary-mismatch: the summary does not match the entries | 汇总与各条安置不符',
  ],
  '__proto__ as a labourer': [
    "unknown-labourer __proto__: '__proto__' is not a labourer | '__proto__' 不是数据集中的劳动力",
    'summary-mismatch: the summary does not match the entries | 汇总与各条安置不符',
  ],
  'labourer listed twice, next to itself': [
    "labourer-listed-twice a: 'a' appears twice | 'a' 出现了两次",
    'summary-mismatch: the summary does not match the entries | 汇总与各条安置不符',
  ],
  'labourer missing': [
    "labourer-missing e: 'e' is not in the plan | 'e' 不在方案中",
    'summary-mismatch: the summary does not match the entries | 汇总与各条安置不符',
  ],
  'tier misstated': ["tier-mismatch e: 'e' has tier 1, not 0 | 'e' 的优先层级是 1，不是 0"],
  'unknown post': [
    "unknown-post c zz: 'zz' is not a post | 'zz' 不是数据集中的岗位",
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
    "unplaced-with-room b p1: 'b' is unplaced but 'p1' has room | 'b' 未安置，但 'p1' 还有空缺",
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":2,"total":1.4886250000000003}, not {"priorityPlaced":2,"placed":3,"total":2.3366250000000006} | 目标值是 {"priorityPlaced":2,"placed":2,"total":1.4886250000000003}，不是 {"priorityPlaced":2,"placed":3,"total":2.3366250000000006}',
    "certificate p1: certificate: v('p1') > 0 but it has room | 对偶证书：v('p1') > 0，但该岗位还有空缺",
    'certificate: certificate: dual objective [2,2.3366250000000006] ≠ [2,1.4886250000000003] | 对偶证书：对偶目标值 [2,2.3366250000000006] ≠ [2,1.4886250000000003]',
  ],
  'employer misstated': ["employer-mismatch c p1: 'p1' belongs to 'e1' | 'p1' 属于 'e1'"],
  'score misstated by 1e-6': [
    "score-mismatch c p1: 'c' → 'p1' scores 0.8480000000000002 (bonus 0), not 0.8480010000000002 (bonus 0) | 'c' → 'p1' 得分 0.8480000000000002（加分 0），不是 0.8480010000000002（加分 0）",
  ],
  'bonus misstated': [
    "score-mismatch c p1: 'c' → 'p1' scores 0.8480000000000002 (bonus 0), not 0.8480000000000002 (bonus 0.05) | 'c' → 'p1' 得分 0.8480000000000002（加分 0），不是 0.8480000000000002（加分 0.05）",
  ],
  'score within the tolerance': [],
  'reason rule count off by one': [
    "reason-mismatch e: 'e': the unplaced reasons are not what the plan implies | 'e'：未安置原因与方案不符",
  ],
  'objective priorityPlaced off by one': [
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":3,"total":2.3366250000000006}, not {"priorityPlaced":1,"placed":3,"total":2.3366250000000006} | 目标值是 {"priorityPlaced":2,"placed":3,"total":2.3366250000000006}，不是 {"priorityPlaced":1,"placed":3,"total":2.3366250000000006}',
  ],
  'objective placed off by one': [
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":3,"total":2.3366250000000006}, not {"priorityPlaced":2,"placed":4,"total":2.3366250000000006} | 目标值是 {"priorityPlaced":2,"placed":3,"total":2.3366250000000006}，不是 {"priorityPlaced":2,"placed":4,"total":2.3366250000000006}',
  ],
  'objective total off by 1e-6': [
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":3,"total":2.3366250000000006}, not {"priorityPlaced":2,"placed":3,"total":2.3366260000000008} | 目标值是 {"priorityPlaced":2,"placed":3,"total":2.3366250000000006}，不是 {"priorityPlaced":2,"placed":3,"total":2.3366260000000008}',
  ],
  'a near miss dropped from the reasons': [
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
  ],
  'a near miss added to the reasons': [
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
  ],
  'the second near miss held by one fewer': [
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
  ],
  'a reason with a field too many': [
    "reason-mismatch e: 'e': the unplaced reasons are not what the plan implies | 'e'：未安置原因与方案不符",
  ],
  'a reason with a field missing': [
    "reason-mismatch e: 'e': the unplaced reasons are not what the plan implies | 'e'：未安置原因与方案不符",
  ],
  'objective total within the tolerance': [],
  'objective total off by 1.5e-9, within the relative tolerance': [],
  'summary pay mean off': ['summary-mismatch: the summary does not match the entries | 汇总与各条安置不符'],
  'summary tiers short of one': [
    'summary-mismatch: the summary does not match the entries | 汇总与各条安置不符',
  ],
  'tier dual of a post missing': [
    "certificate p3: certificate: no well-formed dual for 'p3' | 对偶证书：'p3' 没有格式正确的对偶值",
  ],
  'summary placed off by one': [
    'summary-mismatch: the summary does not match the entries | 汇总与各条安置不符',
  ],
  'no certificate': ['certificate: an optimal plan needs its dual certificate | 最优方案须附对偶证书'],
  'stable certificate on an optimal plan': [
    'certificate: an optimal plan needs its dual certificate | 最优方案须附对偶证书',
  ],
  'certificate tiers misstated': ['certificate: certificate: tiers [] ≠ [1] | 对偶证书：层级 [] ≠ [1]'],
  'certificate tiers of the right length but wrong': [
    'certificate: certificate: tiers [0] ≠ [1] | 对偶证书：层级 [0] ≠ [1]',
  ],
  'dual of a labourer missing': [
    "certificate b: certificate: no well-formed dual for 'b' | 对偶证书：'b' 没有格式正确的对偶值",
  ],
  'dual of a post not finite': [
    "certificate p3: certificate: no well-formed dual for 'p3' | 对偶证书：'p3' 没有格式正确的对偶值",
  ],
  'tier dual of a labourer too short': [
    "certificate b: certificate: no well-formed dual for 'b' | 对偶证书：'b' 没有格式正确的对偶值",
  ],
  'tier dual of a post not an integer': [
    "certificate p3: certificate: no well-formed dual for 'p3' | 对偶证书：'p3' 没有格式正确的对偶值",
  ],
  'u of an unplaced labourer positive': [
    "certificate b: certificate: u('b') > 0 but it is unplaced | 对偶证书：u('b') > 0，但此人未安置",
    'certificate: certificate: dual objective [2,2.4366250000000003] ≠ [2,2.3366250000000006] | 对偶证书：对偶目标值 [2,2.4366250000000003] ≠ [2,2.3366250000000006]',
  ],
  'u of a labourer negative': [
    "certificate a: certificate: u('a') < 0 | 对偶证书：u('a') < 0",
    "certificate a p2: certificate: 'a' → 'p2' is used but u + v is not its value | 对偶证书：'a' → 'p2' 已被采用，但 u + v 不等于其价值",
    "certificate a p2: certificate: u('a') + v('p2') < value of the pair | 对偶证书：u('a') + v('p2') 小于该配对的价值",
    'certificate: certificate: dual objective [1,2.3366250000000006] ≠ [2,2.3366250000000006] | 对偶证书：对偶目标值 [1,2.3366250000000006] ≠ [2,2.3366250000000006]',
  ],
  'v of a full post raised': [
    "certificate c p1: certificate: 'c' → 'p1' is used but u + v is not its value | 对偶证书：'c' → 'p1' 已被采用，但 u + v 不等于其价值",
    'certificate: certificate: dual objective [2,2.388625] ≠ [2,2.3366250000000006] | 对偶证书：对偶目标值 [2,2.388625] ≠ [2,2.3366250000000006]',
  ],
  'v of a post without openings raised': [],
  'v of a post without openings negative': [
    "certificate p3: certificate: v('p3') < 0 | 对偶证书：v('p3') < 0",
  ],
  'dual of a placed labourer missing': [
    "certificate a: certificate: no well-formed dual for 'a' | 对偶证书：'a' 没有格式正确的对偶值",
  ],
  'a group naming a labourer not in the dataset': [
    'options-invalid: invalid groups: 1 problem: groups[0].members[1]: expected the id of a labourer of the dataset | 方案的选项无效：groups[0].members[1]：应为数据集中某名劳动力的编号',
  ],
  'v of a post lowered': [
    "certificate a p2: certificate: 'a' → 'p2' is used but u + v is not its value | 对偶证书：'a' → 'p2' 已被采用，但 u + v 不等于其价值",
    "certificate d p2: certificate: 'd' → 'p2' is used but u + v is not its value | 对偶证书：'d' → 'p2' 已被采用，但 u + v 不等于其价值",
    "certificate a p2: certificate: u('a') + v('p2') < value of the pair | 对偶证书：u('a') + v('p2') 小于该配对的价值",
    "certificate b p2: certificate: u('b') + v('p2') < value of the pair | 对偶证书：u('b') + v('p2') 小于该配对的价值",
    "certificate c p2: certificate: u('c') + v('p2') < value of the pair | 对偶证书：u('c') + v('p2') 小于该配对的价值",
    "certificate d p2: certificate: u('d') + v('p2') < value of the pair | 对偶证书：u('d') + v('p2') 小于该配对的价值",
    'certificate: certificate: dual objective [2,2.1786250000000003] ≠ [2,2.3366250000000006] | 对偶证书：对偶目标值 [2,2.1786250000000003] ≠ [2,2.3366250000000006]',
  ],
  'stable plan with a blocking pair': [
    "blocking-pair a p1: 'a' and 'p1' would both rather be together | 'a' 与 'p1' 都更愿意彼此匹配（阻塞对）",
    "blocking-pair d p1: 'd' and 'p1' would both rather be together | 'd' 与 'p1' 都更愿意彼此匹配（阻塞对）",
    'blocking-pairs-mismatch: the plan counts 0 blocking pairs and lists 0; there are 2 (the first 2 listed) | 方案记阻塞对 0 个、列出 0 个；实有 2 个（应列出前 2 个）',
  ],
  'greedy plan with a blocking pair': [
    "blocking-pair a p1: 'a' and 'p1' would both rather be together | 'a' 与 'p1' 都更愿意彼此匹配（阻塞对）",
    "blocking-pair d p1: 'd' and 'p1' would both rather be together | 'd' 与 'p1' 都更愿意彼此匹配（阻塞对）",
  ],
  'a stable plan without its empty list of blocking pairs': [],
  'blocking pairs counted where there are none': [
    'blocking-pairs-mismatch: the plan counts 1 blocking pairs and lists 0; there are 0 (the first 0 listed) | 方案记阻塞对 1 个、列出 0 个；实有 0 个（应列出前 0 个）',
  ],
  'blocking pair listed where there is none': [
    'blocking-pairs-mismatch: the plan counts 0 blocking pairs and lists 1; there are 0 (the first 0 listed) | 方案记阻塞对 0 个、列出 1 个；实有 0 个（应列出前 0 个）',
  ],
  'capacity exceeded': [
    "capacity-exceeded p2: 'p2' holds 3, 2 openings left | 'p2' 安置了 3 人，空缺只有 2 个",
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":4,"total":3.0723750000000005}, not {"priorityPlaced":2,"placed":3,"total":2.3268750000000007} | 目标值是 {"priorityPlaced":2,"placed":4,"total":3.0723750000000005}，不是 {"priorityPlaced":2,"placed":3,"total":2.3268750000000007}',
  ],
  'unplaced with room': [
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
    "unplaced-with-room b p2: 'b' is unplaced but 'p2' has room | 'b' 未安置，但 'p2' 还有空缺",
    "reason-mismatch c: 'c': the unplaced reasons are not what the plan implies | 'c'：未安置原因与方案不符",
    "unplaced-with-room c p2: 'c' is unplaced but 'p2' has room | 'c' 未安置，但 'p2' 还有空缺",
    'objective-mismatch: objective is {"priorityPlaced":2,"placed":2,"total":1.5576250000000003}, not {"priorityPlaced":2,"placed":3,"total":2.3268750000000007} | 目标值是 {"priorityPlaced":2,"placed":2,"total":1.5576250000000003}，不是 {"priorityPlaced":2,"placed":3,"total":2.3268750000000007}',
    "blocking-pair b p2: 'b' and 'p2' would both rather be together | 'b' 与 'p2' 都更愿意彼此匹配（阻塞对）",
    "blocking-pair c p2: 'c' and 'p2' would both rather be together | 'c' 与 'p2' 都更愿意彼此匹配（阻塞对）",
    'blocking-pairs-mismatch: the plan counts 0 blocking pairs and lists 0; there are 2 (the first 2 listed) | 方案记阻塞对 0 个、列出 0 个；实有 2 个（应列出前 2 个）',
  ],
  'placed where it breaks a rule': [
    "ineligible c p1: 'c' → 'p1' breaks cannot-leave-home | 'c' → 'p1' 违反规则 cannot-leave-home",
  ],
  'placed where it breaks a rule, below the minimum score': [
    "not-a-candidate a p2: 'a' → 'p2' is below the minimum score or beyond the candidates per labourer | 'a' → 'p2' 低于最低分，或不在每人的候选岗位之内",
    "ineligible c p1: 'c' → 'p1' breaks cannot-leave-home | 'c' → 'p1' 违反规则 cannot-leave-home",
    "not-a-candidate d p2: 'd' → 'p2' is below the minimum score or beyond the candidates per labourer | 'd' → 'p2' 低于最低分，或不在每人的候选岗位之内",
    "reason-mismatch b: 'b': the unplaced reasons are not what the plan implies | 'b'：未安置原因与方案不符",
  ],
};

describe('verifyPlan, one check at a time', () => {
  it('accepts plans with groups, keep-together bonuses, short candidate lists, a minimum score met exactly', () => {
    expect(verdict(grouped, gds)).toEqual([]);
    expect(verdict(groupedStable, gds)).toEqual([]);
    expect(groupedTogether.groupSearch.graph).toBe('groups-fixed');
    expect(verdict(groupedTogether, gds)).toEqual([]);
    expect(verdict(assign(gds, { groups: [g], mode: 'greedy' }), gds)).toEqual([]);
    expect(verdict(famPlan, fds)).toEqual([]);
    // The bound of a group search on the candidate graph is the plan's own certificate.
    expect(sited.groupSearch).toMatchObject({ graph: 'candidates' });
    expect(sited.groupSearch.upperBound).toBeDefined();
    expect(sited.groupSearch.bound).toBeUndefined();
    expect(verdict(sited, sds)).toEqual([]);
    expect(verdict(assign(sds, { groups: [site], mode: 'stable' }), sds)).toEqual([]);
    expect(residual.groupSearch.graph).toBe('residual');
    expect(verdict(residual, hds)).toEqual([]);
    expect(dualsOf(twoTiers).tiers).toEqual([0, 1]);
    expect(verdict(twoTiers, tds)).toEqual([]);
    expect(verdict(residual3, hds3)).toEqual([]);
    expect(verdict(explained, cds)).toEqual([]);
    expect(explained.blockingPairCount).toBe(2);
    expect(verdict(assign(cds, { groups: [g], mode: 'greedy' }), cds)).toEqual([]);
    expect(verdict(famStable, fds)).toEqual([]);
    expect(verdict(together, kds)).toEqual([]);
    expect(verdict(assign(kds, { keepTogether: { weight: 0.5 }, mode: 'stable' }), kds)).toEqual([]);
    expect(verdict(top1)).toEqual([]);
    expect(verdict(assign(ds, { candidatesPerLabourer: 1, mode: 'stable' }))).toEqual([]);
    expect(verdict(assign(ds, { minScore: 0.7336250000000001 }))).toEqual([]);
    expect(verdict(assign(ds, { minScore: 0.7336250000000001, mode: 'stable' }))).toEqual([]);
  });
  for (const [name, plan, expected, d] of groupCases)
    it(name, () => {
      expect(codes(plan(), d)).toEqual(expected);
      expect(verdict(plan(), d).map(fmt)).toEqual(exact[name]);
    });
  it('accepts the plans assign makes', () => {
    for (const p of [optimal, stable, greedy]) expect(verdict(p)).toEqual([]);
  });
  for (const [name, plan, expected, d] of cases)
    it(name, () => {
      expect(codes(plan(), d)).toEqual(expected);
      expect(verdict(plan(), d).map(fmt)).toEqual(exact[name]);
    });
});
