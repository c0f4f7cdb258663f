import { describe, expect, it } from 'vitest';
import { compileIndex } from '../src/compile.js';
import { groupIssues, groupState, optionKey } from '../src/groups.js';
import { groupOptions, typedGroups } from '../src/internal/plan-groups.js';
import { walkPlanner } from '../src/internal/planner.js';
import type { EmployerId, PostId, LabourerId } from '../src/types.js';
import { dataset, employer, labourer, post } from './helpers/build.js';
import { assign } from '../src/assign.js';
import { parseDataset } from '../src/parse.js';
import { LISTED_BLOCKING_PAIRS } from '../src/plan.js';
import { generateSample } from '../src/sample.js';
import { verifyPlan } from '../src/verify-plan.js';

const ds = dataset({
  labourers: ['a', 'b', 'c'].map((id) => labourer({ id: id as LabourerId })),
  employers: [employer(), employer({ id: 'e2' as EmployerId })],
  posts: [
    post({ id: 'p1' as PostId, openings: 1 }),
    post({ id: 'p2' as PostId, openings: 1 }),
    post({
      id: 'p3' as PostId,
      openings: 3,
      employer: 'e2' as EmployerId,
      site: { kind: 'county', county: '530627' as never },
    }),
  ],
});

describe('groups', () => {
  it('lists every problem with its path', () => {
    const issues = groupIssues(ds, [
      { id: 'g', members: [], rule: 'same-post' },
      { id: 'g', members: ['a', 'a'], rule: 'same-town' as 'same-post' },
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['groups[0].members', 'empty-group'],
      ['groups[1].id', 'duplicate-id'],
      ['groups[1].rule', 'invalid-value'],
      ['groups[1].members[1]', 'duplicate-member'],
    ]);
  });

  it('tells a labourer in two groups from one listed twice, even when the groups share an id', () => {
    const issues = groupIssues(ds, [
      { id: 'g', members: ['a'], rule: 'same-post' },
      { id: 'g', members: ['a', 'b'], rule: 'same-post', kind: 'clan' as 'family' },
      { id: 7 as unknown as string, members: 'b' as unknown as string[], rule: 'same-site' },
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['groups[1].id', 'duplicate-id'],
      ['groups[1].kind', 'invalid-value'],
      ['groups[1].members[0]', 'labourer-in-two-groups'],
      ['groups[2].id', 'invalid-id'],
      ['groups[2].members', 'empty-group'],
    ]);
    expect(groupIssues(ds, [{ id: 'g', members: ['a'], rule: 'same-post' }], 'options.groups')).toEqual([]);
    expect(groupIssues(ds, [{ id: 'g', members: ['z'], rule: 'same-post' }], 'options.groups')[0]?.path).toBe(
      'options.groups[0].members[0]',
    );
  });

  it('finds the options where every member fits at once', () => {
    const index = compileIndex(ds);
    const planner = walkPlanner(index, 0);
    const options = (
      rule: 'same-employer' | 'same-site' | 'same-post',
      members = ['a', 'b'],
      used?: Int32Array,
    ) => groupOptions(ds, planner, typedGroups(index, [{ id: 'g', members, rule }])[0]!, used);
    const keys = (rule: 'same-employer' | 'same-site' | 'same-post', members = ['a', 'b']) =>
      options(rule, members).map((o) => o.key);
    expect(keys('same-employer')).toEqual(['e1', 'e2']);
    expect(keys('same-site')).toEqual(['county:530627', 'town:441900116']);
    expect(keys('same-post')).toEqual(['p3']);
    expect(keys('same-employer', ['a', 'b', 'c'])).toEqual(['e2']);
    // Two of p3's three openings taken: the pair no longer fits there.
    const used = new Int32Array(ds.posts.length);
    used[2] = 2;
    expect(options('same-post', ['a', 'b'], used)).toEqual([]);
    // Both members on e1's two single posts: the exact assignment puts one on each.
    const e1 = options('same-employer').find((o) => o.key === 'e1')!;
    expect(new Set(e1.posts).size).toBe(2);
  });

  it('tells whole, none and broken apart', () => {
    const posts = new Map(ds.posts.map((p) => [p.id as string, p]));
    const g = { id: 'g', members: ['a', 'b'], rule: 'same-employer' as const };
    expect(groupState(g, () => undefined, posts)).toEqual({ kind: 'none' });
    expect(groupState(g, (m) => (m === 'a' ? 'p1' : 'p2'), posts)).toEqual({ kind: 'whole', key: 'e1' });
    expect(groupState(g, (m) => (m === 'a' ? 'p1' : 'p3'), posts)).toEqual({ kind: 'broken' });
    expect(groupState(g, (m) => (m === 'a' ? 'p1' : undefined), posts)).toEqual({ kind: 'broken' });
    expect(optionKey('same-site', ds.posts[0]!)).toBe('town:441900116');
  });
});

describe('blocking pairs at scale', () => {
  it('a stable plan counts every blocking pair and lists the first 1,000, which the verifier holds it to', () => {
    const ds = parseDataset(generateSample({ labourers: 1000, posts: 100, seed: 5 }));
    const plan = assign(ds, { mode: 'stable' });
    expect(plan.blockingPairCount).toBeGreaterThan(LISTED_BLOCKING_PAIRS);
    const listed = plan.blockingPairs!;
    expect(listed).toHaveLength(LISTED_BLOCKING_PAIRS);
    // By labourer id, then post id, without repeats.
    for (let i = 1; i < listed.length; i++) {
      const a = listed[i - 1]!;
      const b = listed[i]!;
      expect(a.labourer < b.labourer || (a.labourer === b.labourer && a.post < b.post)).toBe(true);
    }
    expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
    const codes = (p: typeof plan): string[] => verifyPlan(p, ds).violations.map((v) => v.code);
    expect(codes({ ...plan, blockingPairs: listed.slice(1) })).toEqual(['blocking-pairs-mismatch']);
    expect(codes({ ...plan, blockingPairCount: plan.blockingPairCount! - 1 })).toEqual([
      'blocking-pairs-mismatch',
    ]);
  });
});
