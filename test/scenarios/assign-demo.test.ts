import { describe, expect, it } from 'vitest';
import { assign, compareObjectives } from '../../src/assign.js';
import { renderPlan, renderPlanEntry } from '../../src/render-plan.js';
import { demoDataset } from '../../src/sample.js';
import { verifyPlan } from '../../src/verify-plan.js';

describe('assign on the demo dataset', () => {
  const ds = demoDataset();
  const plans = {
    optimal: assign(ds, { mode: 'optimal' }),
    stable: assign(ds, { mode: 'stable' }),
    greedy: assign(ds, { mode: 'greedy' }),
  };

  it.each(['optimal', 'stable', 'greedy'] as const)(
    '%s: every labourer once, and the plan verifies',
    (mode) => {
      const plan = plans[mode];
      expect(plan.entries).toHaveLength(ds.labourers.length);
      expect(new Set(plan.entries.map((e) => e.labourer)).size).toBe(ds.labourers.length);
      expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
      expect(plan.summary.placed).toBeGreaterThan(0);
    },
  );

  it('the optimal plan is at least as good as the stable and greedy ones', () => {
    expect(compareObjectives(plans.optimal.objective, plans.stable.objective)).toBeGreaterThanOrEqual(0);
    expect(compareObjectives(plans.optimal.objective, plans.greedy.objective)).toBeGreaterThanOrEqual(0);
  });

  it("places the demo's groups whole or not at all, and only they block the stable plan", () => {
    expect(ds.groups.length).toBeGreaterThan(0);
    for (const plan of Object.values(plans)) expect(plan.groups).toHaveLength(ds.groups.length);
    const members = new Set(ds.groups.flatMap((g) => g.members));
    const stable = plans.stable;
    for (const b of stable.blockingPairs ?? []) {
      const holders = stable.entries.filter((e) => e.kind === 'placed' && e.post === b.post);
      expect(members.has(b.labourer) || holders.some((h) => members.has(h.labourer))).toBe(true);
    }
    expect(assign(ds, { mode: 'stable', groups: [] }).blockingPairs).toEqual([]);
  });

  it('the under-16 showcase labourer is excluded outright', () => {
    const excluded = plans.optimal.entries.filter(
      (e) => e.kind === 'unplaced' && e.reasons[0].code === 'labourer-excluded',
    );
    expect(excluded.length).toBeGreaterThan(0);
  });

  it('places fellow villagers together as a group in stable mode and verifies', () => {
    const zhenxiong = ds.labourers
      .filter(
        (w) =>
          w.originCounty === '530627' &&
          plans.stable.entries.some((e) => e.labourer === w.id && e.kind === 'placed'),
      )
      .map((w) => w.id as string)
      .slice(0, 3);
    const plan = assign(ds, {
      mode: 'stable',
      groups: [{ id: 'zhenxiong', members: zhenxiong, rule: 'same-site' }],
    });
    expect(plan.groups[0]!.kind).toBe('placed');
    const verdict = verifyPlan(plan, ds);
    expect(verdict.violations).toEqual([]);
  });

  it('places a cohort at one employer in optimal mode, exact, and verifies', () => {
    const cohort = ds.labourers
      .filter((w) => w.originCounty === '530627')
      .map((w) => w.id as string)
      .slice(3, 6);
    const plan = assign(ds, {
      mode: 'optimal',
      groups: [{ id: 'cohort', members: cohort, rule: 'same-employer' }],
    });
    expect(plan.groupSearch.method).toBe('exact');
    expect(compareObjectives(plan.groupSearch.upperBound!, plan.objective)).toBeGreaterThanOrEqual(0);
    expect(verifyPlan(plan, ds).violations).toEqual([]);
  });

  it('renders in zh-CN and en', () => {
    const zh = renderPlan(plans.optimal, 'zh-CN', ds).split('\n');
    const en = renderPlan(plans.optimal, 'en', ds).split('\n');
    expect(zh[0]).toBe('安置方案（optimal），2026-03-01');
    expect(en[0]).toBe('Placement plan (optimal) as of 2026-03-01');
    const unplaced = plans.optimal.entries.find((e) => e.kind === 'unplaced')!;
    expect(renderPlanEntry(unplaced, 'en', ds)).toMatch(/unplaced: /);
    expect(renderPlanEntry(unplaced, 'zh-CN', ds)).toMatch(/未安置：/);
  });
});
