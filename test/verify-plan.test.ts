import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import type { Plan, PlanEntry } from '../src/plan.js';
import type { PostId, LabourerId } from '../src/types.js';
import { parsePlan, safeParsePlan } from '../src/plan-file.js';
import { verifyPlan } from '../src/verify-plan.js';
import { summarizePlan } from '../src/summary.js';
import { dataset, labourer, post, zeroScoreDataset } from './helpers/build.js';

const ds = dataset({
  labourers: ['a', 'b', 'c'].map((id, i) =>
    labourer({ id: id as LabourerId, household: i === 2 ? 'other' : 'registered' }),
  ),
  posts: [post({ id: 'p1' as PostId, openings: 1 }), post({ id: 'p2' as PostId, openings: 1 })],
});

const codes = (plan: Plan): string[] => {
  const { violations } = verifyPlan(plan, ds);
  // Every violation is told in Chinese too, in words of its own.
  for (const v of violations) {
    expect(v.messageZh, v.message).toMatch(/[\u4e00-\u9fff]/);
    expect(v.messageZh).not.toBe(v.message);
  }
  return [...new Set(violations.map((v) => v.code))];
};
const withEntries = (plan: Plan, f: (e: readonly PlanEntry[]) => PlanEntry[]): Plan => ({
  ...plan,
  entries: f(plan.entries),
});

describe('verifyPlan', () => {
  const plan = assign(ds);

  it('accepts the plans assign makes, in every mode, also read back from JSON', () => {
    for (const mode of ['optimal', 'stable', 'greedy'] as const) {
      const p = assign(ds, { mode });
      expect(verifyPlan(p, ds)).toEqual({ ok: true, violations: [] });
      expect(verifyPlan(parsePlan(JSON.parse(JSON.stringify(p))), ds).ok).toBe(true);
    }
  });

  it('finds a missing labourer and a labourer listed twice', () => {
    expect(codes(withEntries(plan, (e) => e.slice(1)))).toContain('labourer-missing');
    expect(codes(withEntries(plan, (e) => [e[0]!, ...e]))).toContain('labourer-listed-twice');
  });

  it('finds an exceeded capacity', () => {
    const tampered = withEntries(plan, (es) =>
      es.map((e) => (e.kind === 'placed' ? { ...e, post: 'p1' as PostId } : e)),
    );
    expect(codes(tampered)).toContain('capacity-exceeded');
  });

  it('finds an ineligible placement and a wrong score', () => {
    const closed = dataset({
      ...ds,
      posts: [post({ id: 'p1' as PostId, openings: 1, filled: 1 }), ds.posts[1]!],
    });
    expect(verifyPlan(plan, closed).violations.map((v) => v.code)).toContain('ineligible');
    const wrong = withEntries(plan, (es) =>
      es.map((e) => (e.kind === 'placed' ? { ...e, score: 0.123 } : e)),
    );
    expect(codes(wrong)).toContain('score-mismatch');
  });

  it('finds a non-optimal plan from its certificate, and an unplaced labourer with room left', () => {
    // Swap the priority labourer at p2 for the non-priority one: the duals no longer fit.
    const atP2 = plan.entries.find((e) => e.kind === 'placed' && e.post === 'p2')!;
    const score = atP2.kind === 'placed' ? atP2.score : 0;
    const swapped = withEntries(plan, (es) =>
      es.map((e): PlanEntry => {
        if (e.labourer === 'c')
          return {
            kind: 'placed',
            labourer: e.labourer,
            post: 'p2' as PostId,
            employer: ds.posts[1]!.employer,
            score,
            bonus: 0,
            tier: 1,
          };
        if (e === atP2)
          return {
            kind: 'unplaced',
            labourer: e.labourer,
            tier: 0,
            reasons: [{ code: 'posts-filled', params: { nearMisses: [] } }],
          };
        return e;
      }),
    );
    const found = codes(swapped);
    expect(found).toContain('certificate');
    expect(found).toContain('reason-mismatch');
  });

  it('finds a blocking pair in a plan claimed stable', () => {
    const stable = assign(ds, { mode: 'stable' });
    const empty: Plan = {
      ...stable,
      entries: stable.entries.map((e) =>
        e.kind === 'placed'
          ? {
              kind: 'unplaced',
              labourer: e.labourer,
              tier: e.tier,
              reasons: [{ code: 'posts-filled', params: { nearMisses: [] } }],
            }
          : e,
      ),
    };
    const found = codes(empty);
    expect(found).toContain('blocking-pair');
    expect(found).toContain('unplaced-with-room');
  });

  it('finds a broken group', () => {
    const groups = [{ id: 'g', members: ['a', 'b'], rule: 'same-post' as const }];
    const p = assign(ds, { groups, mode: 'greedy' });
    const broken: Plan = { ...p, options: { ...p.options, groups } };
    const split = assign(ds, { mode: 'greedy' });
    expect(codes({ ...split, options: broken.options, groups: broken.groups })).toContain('group-broken');
  });

  it('refuses a malformed plan with paths', () => {
    const r = safeParsePlan({
      ...JSON.parse(JSON.stringify(plan)),
      entries: [{ kind: 'placed', labourer: 'a' }],
    });
    expect(r.success).toBe(false);
    expect(!r.success && r.issues.map((i) => i.path)).toContain('entries[0].post');
  });
});

describe('a lawful pair that scores exactly 0', () => {
  const zero = zeroScoreDataset;
  const placed: PlanEntry = {
    kind: 'placed',
    labourer: 'w1' as LabourerId,
    post: 'p1' as PostId,
    employer: 'e1' as never,
    score: 0,
    bonus: 0,
    tier: 1,
  };
  /** The labourer left out, with the reasons the planner gives an unplaced labourer there. */
  const unplaced = (tier: 0 | 1): PlanEntry => ({
    kind: 'unplaced',
    labourer: 'w1' as LabourerId,
    tier,
    reasons: [
      {
        code: 'posts-filled',
        params: { nearMisses: [{ post: 'p1' as PostId, score: 0, held: 0, takenBy: [] }] },
      },
    ],
  });
  /** The plan with its one entry replaced, the objective and the summary made to agree. */
  const withEntry = (plan: Plan, ds: ReturnType<typeof zero>, entry: PlanEntry): Plan => {
    const next = { ...plan, entries: [entry] };
    const priority = entry.kind === 'placed' && entry.tier === 0 ? 1 : 0;
    const objective = { priorityPlaced: priority, placed: entry.kind === 'placed' ? 1 : 0, total: 0 };
    return { ...next, objective, summary: summarizePlan(next, ds) };
  };

  it('optimal: a labourer without priority is placed on it; left out of it, the plan holds too', () => {
    const ds = zero('other');
    const plan = assign(ds, { mode: 'optimal' });
    // Placing adds nothing to the objective; of the equally good plans the one that places is made.
    expect(plan.entries[0]).toEqual(placed);
    expect(plan.objective).toEqual({ priorityPlaced: 0, placed: 1, total: 0 });
    const both = [plan, withEntry(plan, ds, unplaced(1))];
    for (const p of both)
      for (const exhaustive of [false, true])
        expect({ exhaustive, verdict: verifyPlan(p, ds, { exhaustive }) }).toEqual({
          exhaustive,
          verdict: { ok: true, violations: [] },
        });
  });

  it('optimal: a priority labourer left out of it is unplaced with room', () => {
    const ds = zero('registered');
    const plan = assign(ds, { mode: 'optimal' });
    expect(plan.entries[0]!.kind).toBe('placed');
    const out = withEntry(plan, ds, unplaced(0));
    for (const exhaustive of [false, true]) {
      const codes = verifyPlan(out, ds, { exhaustive }).violations.map((v) => v.code);
      expect({ exhaustive, room: codes.includes('unplaced-with-room') }).toEqual({ exhaustive, room: true });
    }
  });

  it('greedy: a labourer without priority left out of it is unplaced with room', () => {
    const ds = zero('other');
    const plan = assign(ds, { mode: 'greedy' });
    expect(plan.entries[0]).toMatchObject({ kind: 'placed', score: 0 });
    const out = withEntry(plan, ds, unplaced(1));
    for (const exhaustive of [false, true]) {
      const codes = verifyPlan(out, ds, { exhaustive }).violations.map((v) => v.code);
      expect({ exhaustive, room: codes.includes('unplaced-with-room') }).toEqual({ exhaustive, room: true });
    }
  });
});

describe('a plan built by hand with an unplaced labourer given no reason', () => {
  it('is refused with a reason mismatch, not a crash', () => {
    const ds = zeroScoreDataset('registered');
    const plan = assign(ds, { mode: 'greedy' });
    const e = plan.entries[0]!;
    const bad = {
      ...plan,
      entries: [
        { kind: 'unplaced', labourer: e.labourer, tier: e.tier, reasons: [] } as unknown as PlanEntry,
      ],
    };
    for (const exhaustive of [false, true]) {
      const verdict = verifyPlan(bad, ds, { exhaustive });
      expect(verdict.ok).toBe(false);
      expect(verdict.violations.map((v) => v.code)).toContain('reason-mismatch');
    }
  });
});
