import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { BangfuValidationError } from '../src/errors.js';
import type { PlacementGroup } from '../src/plan.js';
import type { AreaCode, CertificateId, EmployerId, IsoDate, PostId, LabourerId } from '../src/types.js';
import { verifyPlan } from '../src/verify-plan.js';
import { dataset, employer, labourer, post, TANGXIA, zeroScoreDataset } from './helpers/build.js';

const w = (id: string, extra: Parameters<typeof labourer>[0] = {}) =>
  labourer({ id: id as LabourerId, ...extra });
const p = (id: string, extra: Parameters<typeof post>[0] = {}) => post({ id: id as PostId, ...extra });

describe('assign', () => {
  it('places a priority labourer before a better-scoring non-priority one (optimal)', () => {
    const ds = dataset({
      labourers: [
        w('a', { household: 'other', pay: { minMonthly: 2000, targetMonthly: 2500 } }),
        w('b', { household: 'monitored' }),
      ],
      posts: [p('p1', { openings: 1 })],
    });
    const plan = assign(ds);
    expect(plan.entries.map((e) => [e.labourer, e.kind])).toEqual([
      ['a', 'unplaced'],
      ['b', 'placed'],
    ]);
    const a = plan.entries[0]!;
    expect(a.kind === 'unplaced' && a.reasons[0]).toEqual({
      code: 'posts-filled',
      params: {
        nearMisses: [
          {
            post: 'p1',
            score: expect.any(Number),
            held: 1,
            takenBy: [{ labourer: 'b', tier: 0, score: expect.any(Number) }],
          },
        ],
      },
    });
    expect(plan.certificate?.kind).toBe('duals');
    expect(verifyPlan(plan, ds)).toEqual({ ok: true, violations: [] });
  });

  it('says which rules excluded every post, and excludes under-16s outright', () => {
    const ds = dataset({
      labourers: [
        w('a', {
          mobility: {
            scope: 'anywhere',
            preferred: [],
            refused: [{ kind: 'area', area: '4419' as AreaCode }],
          },
        }),
        w('b', { birthDate: '2012-01-01' as IsoDate }),
      ],
      posts: [p('p1'), p('p2', { openings: 3, filled: 3 })],
    });
    const [a, b] = assign(ds).entries;
    expect(a).toMatchObject({
      kind: 'unplaced',
      reasons: [
        {
          code: 'no-eligible-post',
          params: { posts: 2, byRule: { 'refused-destination': 2, 'no-openings-left': 1 } },
        },
      ],
    });
    expect(b).toMatchObject({
      kind: 'unplaced',
      reasons: [{ code: 'labourer-excluded', params: { exclusions: [{ code: 'under-minimum-age' }] } }],
    });
  });

  it('reports the best post below the minimum score', () => {
    const ds = dataset({ labourers: [w('a')], posts: [p('p1')] });
    const plan = assign(ds, { minScore: 1 });
    expect(plan.entries[0]).toMatchObject({
      kind: 'unplaced',
      reasons: [{ code: 'below-min-score', params: { minScore: 1, best: { post: 'p1' } } }],
    });
    expect(verifyPlan(plan, ds).ok).toBe(true);
  });

  it('places a group whole at one post or not at all, and says why', () => {
    const ds = dataset({
      labourers: [w('a'), w('b'), w('c', { household: 'other' })],
      posts: [p('p1', { openings: 1 }), p('p2', { openings: 1 })],
    });
    for (const mode of ['optimal', 'stable', 'greedy'] as const) {
      const plan = assign(ds, { mode, groups: [{ id: 'fam', members: ['b', 'a'], rule: 'same-post' }] });
      expect(plan.groups).toEqual([
        { kind: 'not-placed', group: 'fam', rule: 'same-post', why: { code: 'no-common-option' } },
      ]);
      expect(plan.entries[0]).toMatchObject({
        kind: 'unplaced',
        reasons: [{ code: 'group-not-placed-whole', params: { group: 'fam' } }],
      });
      expect(plan.entries[2]).toMatchObject({ kind: 'placed', labourer: 'c' });
      expect(verifyPlan(plan, ds).violations).toEqual([]);
    }
  });

  it('places a group at one employer when the relaxation splits it (exact search)', () => {
    const ds = dataset({
      labourers: [w('a'), w('b')],
      employers: [employer(), employer({ id: 'e2' as EmployerId })],
      posts: [
        p('p1', { openings: 1, pay: { kind: 'monthly', baseMonthly: 3000, expectedMonthly: 7000 } }),
        p('p2', { openings: 1, employer: 'e2' as EmployerId }),
        p('p3', { openings: 1, employer: 'e2' as EmployerId }),
      ],
    });
    const plan = assign(ds, { groups: [{ id: 'g', members: ['a', 'b'], rule: 'same-employer' }] });
    expect(plan.groups).toEqual([
      { kind: 'placed', group: 'g', rule: 'same-employer', at: 'e2', options: 1 },
    ]);
    expect(plan.groupSearch).toMatchObject({ method: 'exact', graph: 'groups-fixed' });
    expect(plan.objective.total).toBeLessThan(plan.groupSearch.upperBound!.total);
    expect(verifyPlan(plan, ds).violations).toEqual([]);
  });

  it('falls back to the documented heuristic beyond the exact limit, still keeping the rule', () => {
    const ds = dataset({
      labourers: [w('a'), w('b'), w('c'), w('d')],
      employers: [employer(), employer({ id: 'e2' as EmployerId })],
      posts: [
        p('p1', { openings: 1 }),
        p('p2', { openings: 2, employer: 'e2' as EmployerId }),
        p('p3', { openings: 1, employer: 'e2' as EmployerId }),
      ],
    });
    const groups = [
      { id: 'g1', members: ['a', 'b'], rule: 'same-employer' as const },
      { id: 'g2', members: ['c', 'd'], rule: 'same-employer' as const },
    ];
    const plan = assign(ds, { groups, exactGroupLimit: 1 });
    expect(plan.groupSearch.method).toBe('heuristic');
    expect(plan.groups.filter((g) => g.kind === 'placed')).toHaveLength(1);
    expect(verifyPlan(plan, ds).violations).toEqual([]);
  });

  it('refuses unknown members and a labourer in two groups, with paths', () => {
    const ds = dataset({ labourers: [w('a'), w('b')] });
    const run = () =>
      assign(ds, {
        groups: [
          { id: 'g1', members: ['a', 'zz'], rule: 'same-post' },
          { id: 'g2', members: ['a'], rule: 'same-site' },
        ],
      });
    expect(run).toThrow(BangfuValidationError);
    try {
      run();
    } catch (e) {
      expect((e as BangfuValidationError).issues.map((i) => [i.path, i.code])).toEqual([
        ['groups[0].members[1]', 'unknown-labourer'],
        ['groups[1].members[0]', 'labourer-in-two-groups'],
      ]);
    }
  });

  it('refuses bad options', () => {
    const ds = dataset();
    expect(() => assign(ds, { minScore: 2 })).toThrow(/assign: minScore/);
    expect(() => assign(ds, { candidatesPerLabourer: 0 })).toThrow(/candidatesPerLabourer/);
    expect(() => assign(ds, { mode: 'best' as 'optimal' })).toThrow(/mode/);
  });

  it('keepTogether adds a bonus where fellow villagers could work at the same employer', () => {
    const ds = dataset({
      labourers: [w('a'), w('b')],
      employers: [employer(), employer({ id: 'e2' as EmployerId })],
      posts: [p('p1'), p('p2', { employer: 'e2' as EmployerId, site: { kind: 'town', town: TANGXIA } })],
    });
    const plan = assign(ds, { keepTogether: { weight: 0.5 } });
    const placed = plan.entries.filter((e) => e.kind === 'placed');
    expect(placed.every((e) => e.kind === 'placed' && e.bonus === 0.05)).toBe(true);
    expect(verifyPlan(plan, ds).ok).toBe(true);
  });

  it('candidatesPerLabourer keeps only the best posts', () => {
    const ds = dataset({ labourers: [w('a')], posts: [p('p1', { openings: 0 }), p('p2'), p('p3')] });
    const plan = assign(ds, { candidatesPerLabourer: 1, mode: 'greedy' });
    expect(plan.entries[0]).toMatchObject({ kind: 'placed', post: 'p2' });
  });
});

describe('optimal plans and pairs that score exactly 0', () => {
  /** A pay ask far above what any post pays: the pay part of every pair is 0. */
  const ask = { minMonthly: 60_000, targetMonthly: 80_000 };
  /**
   * Labourers without priority asking far more than the posts pay: every pair is lawful (the
   * minimum soft) and scores 0, so no placement changes the objective.
   */
  const zeros = (
    labourers: number,
    openings: readonly [string, number][],
    groups: readonly PlacementGroup[] = [],
  ) => {
    return dataset({
      labourers: Array.from({ length: labourers }, (_, i) =>
        w(`w${i + 1}`, { household: 'other', pay: ask }),
      ),
      posts: openings.map(([id, n]) => p(id, { openings: n })),
      groups,
      policy: zeroScoreDataset().policy,
    });
  };
  const placements = (plan: ReturnType<typeof assign>) =>
    plan.entries.map((e) => [e.labourer, e.kind === 'placed' ? e.post : null]);

  it('fill the openings left, no more: labourers in id order, each at its first post by id with room', () => {
    const ds = zeros(4, [
      ['p3', 1],
      ['p2', 1],
      ['p1', 2],
    ]);
    for (const o of [{}, { candidatesPerLabourer: 3 }]) {
      const plan = assign(ds, o);
      expect(placements(plan)).toEqual([
        ['w1', 'p1'],
        ['w2', 'p1'],
        ['w3', 'p2'],
        ['w4', 'p3'],
      ]);
      expect(plan.objective).toEqual({ priorityPlaced: 0, placed: 4, total: 0 });
      for (const exhaustive of [false, true]) expect(verifyPlan(plan, ds, { exhaustive }).ok).toBe(true);
    }
    const short = zeros(3, [
      ['p2', 1],
      ['p1', 1],
    ]);
    const plan = assign(short);
    expect(placements(plan)).toEqual([
      ['w1', 'p1'],
      ['w2', 'p2'],
      ['w3', null],
    ]);
    const w3 = plan.entries[2]!;
    expect(w3.kind === 'unplaced' && w3.reasons[0]!.code).toBe('posts-filled');
  });

  it('leave group members to their group: a group that cannot go whole is not placed piecemeal', () => {
    // Two members who must share one post: no post has two openings.
    const ds = zeros(
      3,
      [
        ['p2', 1],
        ['p1', 1],
      ],
      [{ id: 'g', members: ['w1', 'w2'] as LabourerId[], rule: 'same-post' }],
    );
    const plan = assign(ds);
    expect(placements(plan)).toEqual([
      ['w1', null],
      ['w2', null],
      ['w3', 'p1'],
    ]);
    expect(verifyPlan(plan, ds).ok).toBe(true);
  });

  it('count who the solver placed, at any post: a post it filled takes nobody more, and nobody placed moves', () => {
    // pa, the first post of the dataset, pays what x1 asks (x1 scores above 0 there: the solver
    // places x1); x2 asks far more than any post pays, and pb pays below what either asks (both
    // score 0 there). x1 comes first in id order, so it would be the one moved.
    const ds = dataset({
      labourers: [
        w('x1', { household: 'other', pay: { minMonthly: 3_000, targetMonthly: 4_000 } }),
        w('x2', { household: 'other', pay: ask }),
      ],
      posts: [
        p('pa', { openings: 1 }),
        p('pb', { openings: 1, pay: { kind: 'monthly', baseMonthly: 2300, expectedMonthly: 2300 } }),
      ],
      policy: zeroScoreDataset().policy,
    });
    for (const o of [{}, { candidatesPerLabourer: 2 }]) {
      const plan = assign(ds, o);
      expect(placements(plan)).toEqual([
        ['x1', 'pa'],
        ['x2', 'pb'],
      ]);
      expect(plan.objective.total).toBeGreaterThan(0);
      for (const exhaustive of [false, true]) expect(verifyPlan(plan, ds, { exhaustive }).ok).toBe(true);
    }
  });

  it('put a labourer at its first post by id with room even when that is the first post of the dataset', () => {
    // pa is both the dataset's first post (position 0) and the first by id.
    const ds = zeros(1, [
      ['pa', 1],
      ['pb', 1],
    ]);
    for (const o of [{}, { candidatesPerLabourer: 2 }])
      expect(placements(assign(ds, o))).toEqual([['w1', 'pa']]);
  });

  it('find pairs of weight 0 where the policy weighs employers too, at an employer that scores 0', () => {
    // An employer meeting none of the vetting criteria, with no track record, scores 0; the pay
    // part is 0 for labourers asking far more than the posts pay.
    const ds = dataset({
      labourers: [w('w1', { household: 'other', pay: ask }), w('w2', { household: 'other', pay: ask })],
      employers: [
        employer({
          vetting: {
            status: 'approved',
            criteria: [],
            vettedOn: '2025-06-01' as IsoDate,
            validUntil: '2027-05-31' as IsoDate,
          },
        }),
      ],
      posts: [p('pa', { openings: 1 }), p('pb', { openings: 1 })],
      policy: { ...zeroScoreDataset().policy, weights: { skills: 0, pay: 1, origin: 0, employer: 1 } },
    });
    const plan = assign(ds);
    expect(placements(plan)).toEqual([
      ['w1', 'pa'],
      ['w2', 'pb'],
    ]);
    expect(plan.objective.total).toBe(0);
    expect(verifyPlan(plan, ds).ok).toBe(true);
  });

  it("read each labourer's own candidates only: not the next labourer's first pair", () => {
    // Every pair scores 0. pa asks for a health certificate, which w3 lacks: with one candidate
    // each, w1's and w2's list is pa (first by id), w3's pb. w1 takes pa; w2's only candidate is
    // then full, so w2 stays unplaced although pb, w3's candidate, still has room.
    const health = [{ certificate: 'health-certificate' as CertificateId }];
    const ds = dataset({
      labourers: [
        w('w1', { household: 'other', pay: ask, certificates: health }),
        w('w2', { household: 'other', pay: ask, certificates: health }),
        w('w3', { household: 'other', pay: ask }),
      ],
      posts: [
        p('pa', { openings: 1, requiredCertificates: ['health-certificate' as CertificateId] }),
        p('pb', { openings: 1 }),
      ],
      policy: zeroScoreDataset().policy,
    });
    const plan = assign(ds, { candidatesPerLabourer: 1 });
    expect(placements(plan)).toEqual([
      ['w1', 'pa'],
      ['w2', null],
      ['w3', 'pb'],
    ]);
    expect(verifyPlan(plan, ds).ok).toBe(true);
  });

  it("keep to each labourer's candidates: its best N posts, and none below the minimum score", () => {
    // With one candidate each (the first post by id among equal scores), only one can be placed.
    const ds = zeros(3, [
      ['p2', 1],
      ['p1', 1],
    ]);
    const one = assign(ds, { candidatesPerLabourer: 1 });
    expect(placements(one)).toEqual([
      ['w1', 'p1'],
      ['w2', null],
      ['w3', null],
    ]);
    expect(verifyPlan(one, ds).ok).toBe(true);
    // A pair scoring 0 is no candidate under a minimum above 0.
    const none = assign(ds, { minScore: 0.1 });
    expect(placements(none)).toEqual([
      ['w1', null],
      ['w2', null],
      ['w3', null],
    ]);
    expect(verifyPlan(none, ds).ok).toBe(true);
  });
});
