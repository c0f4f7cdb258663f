import { describe, expect, it } from 'vitest';
import { checkEligibility, labourerExclusions } from '../src/eligibility.js';
import { renderTrainingPlan } from '../src/render-advice.js';
import { demoDataset } from '../src/sample.js';
import { applyChanges, trainingChange } from '../src/advise.js';
import { parseOutcomes } from '../src/outcomes.js';
import {
  expectedRetention,
  planTraining,
  selectTraining,
  trainingValue,
  type TrainingOption,
} from '../src/train.js';
import type { CertificateId, EmployerId, IsoDate, PostId, LabourerId } from '../src/types.js';
import { dataset, employer, labourer, post } from './helpers/build.js';

const FORKLIFT = 'forklift-n1' as CertificateId;
const w = (id: string, extra: Parameters<typeof labourer>[0] = {}) =>
  labourer({ id: id as LabourerId, ...extra });

function forkliftCase() {
  return dataset({
    labourers: [w('a'), w('b'), w('c', { household: 'other' })],
    posts: [
      post({ id: 'p0' as PostId, openings: 1 }),
      post({ id: 'p1' as PostId, openings: 1, requiredCertificates: [FORKLIFT] }),
    ],
  });
}

describe('planTraining', () => {
  it('trains one labourer for the one forklift opening, and the new plan places them', () => {
    const ds = forkliftCase();
    const t = planTraining(ds, { budget: 5000 });
    expect(t.mode).toBe('exact');
    expect(t.options.map((o) => [o.labourer, o.course])).toEqual([
      ['b', 'forklift-n1'],
      ['c', 'forklift-n1'],
    ]);
    expect(t.chosen).toEqual([{ course: 'forklift-n1', trainees: ['b'], cost: 1200 }]);
    expect(t.expected.placed).toBe(1);
    expect(t.replanned.before.placed).toBe(1);
    expect(t.replanned.after.placed).toBe(2);
    expect(t.replanned.traineesPlaced).toEqual(['b']);
    expect(t.guarantee).toEqual({ kind: 'exact' });
  });

  it('spends nothing when the budget does not cover a course', () => {
    const t = planTraining(forkliftCase(), { budget: 1199, mode: 'greedy' });
    expect(t.chosen).toEqual([]);
    expect(t.cost).toBe(0);
    expect(t.replanned.after.placed).toBe(t.replanned.before.placed);
  });

  it('pay: chooses the better-paid opening', () => {
    const ds = dataset({
      labourers: [w('a'), w('b')],
      posts: [
        post({ id: 'p0' as PostId, openings: 1 }),
        post({ id: 'p1' as PostId, openings: 1, requiredCertificates: [FORKLIFT] }),
        post({
          id: 'p2' as PostId,
          openings: 1,
          requiredCertificates: ['health-certificate' as CertificateId],
          pay: { kind: 'monthly', baseMonthly: 4000, expectedMonthly: 7000 },
        }),
      ],
    });
    const t = planTraining(ds, { budget: 1500, objective: 'pay' });
    expect(t.chosen.map((c) => c.course)).toEqual(['chinese-cooking']);
    expect(t.placements).toEqual([
      { labourer: 'b', course: 'chinese-cooking', changes: [], why: 'unplaced', post: 'p2' },
    ]);
  });

  it('refuses bad options', () => {
    const ds = forkliftCase();
    expect(() => planTraining(ds, { budget: -1 })).toThrow(RangeError);
    expect(() => planTraining(ds, { budget: Number.NaN })).toThrow(RangeError);
    expect(() => planTraining(ds, { budget: 1, objective: 'x' as 'pay' })).toThrow(RangeError);
    expect(() => planTraining(ds, { budget: 1, mode: 'x' as 'exact' })).toThrow(RangeError);
  });

  it('renders in both locales', () => {
    const t = planTraining(forkliftCase(), { budget: 5000 });
    expect(renderTrainingPlan(t, 'en')).toContain('Forklift driver course: 1 trainee(s) (b), cost ¥1,200');
    expect(renderTrainingPlan(t, 'zh-CN')).toContain('叉车司机培训：1人（b），费用1,200元');
    expect(renderTrainingPlan(t, 'en')).toContain('placed 1 → 2');
  });
});

describe('planTraining on the demo dataset', () => {
  it('trains labourers for posts that require a skill they have no route to, and the new plan places more', () => {
    const ds = demoDataset();
    const t = planTraining(ds, { budget: 50000, combinations: false });
    expect(t.chosen.length).toBeGreaterThan(0);
    expect(t.cost).toBeLessThanOrEqual(50000);
    expect(t.expected.placed).toBeGreaterThan(0);
    expect(t.replanned.after.placed).toBeGreaterThan(t.replanned.before.placed);
    expect(t.replanned.traineesPlaced.length).toBeGreaterThan(0);
    // Before this rule no course opened anything on the demo: skills never made a pair eligible.
    const byId = new Map(ds.labourers.map((l) => [l.id as string, l]));
    const closedBySkill = t.placements.filter((pl) =>
      checkEligibility(
        ds,
        byId.get(pl.labourer)!,
        ds.posts.find((x) => x.id === pl.post)!,
      ).some((e) => e.code === 'required-skill-missing'),
    );
    expect(closedBySkill.length).toBeGreaterThan(0);
  });
});

describe('selectTraining', () => {
  const opt = (
    labourer: string,
    course: string,
    cost: number,
    posts: [string, number][],
  ): TrainingOption => ({
    labourer: labourer as LabourerId,
    course,
    changes: [],
    cost,
    why: 'unplaced',
    posts: posts.map(([post, net]) => ({ post: post as PostId, net, score: 0.5, retention: 0.5 })),
  });

  it('no post counts more placements than its openings', () => {
    const options = [opt('a', 'c', 1, [['p', 3000]]), opt('b', 'c', 1, [['p', 3000]])];
    expect(trainingValue(options, new Map([['p', 1]]), 'placed')).toEqual({
      placed: 1,
      pay: 3000,
      retained: 0.5,
    });
    expect(trainingValue(options, new Map([['p', 2]]), 'placed')).toEqual({
      placed: 2,
      pay: 6000,
      retained: 1,
    });
  });

  it('greedy keeps the best single option when it beats the ratio picks', () => {
    const options = [opt('a', 'c', 1, [['p', 100]]), opt('b', 'c', 10, [['q', 5000]])];
    const spare = new Map([
      ['p', 1],
      ['q', 1],
    ]);
    expect(selectTraining(options, spare, 10, 'pay', 'greedy').chosen).toEqual([1]);
    expect(selectTraining(options, spare, 10, 'pay', 'exact').chosen).toEqual([1]);
  });

  it('one course per labourer', () => {
    const options = [opt('a', 'c1', 1, [['p', 3000]]), opt('a', 'c2', 1, [['q', 3000]])];
    const spare = new Map([
      ['p', 1],
      ['q', 1],
    ]);
    for (const mode of ['greedy', 'exact'] as const)
      expect(selectTraining(options, spare, 10, 'placed', mode).chosen).toHaveLength(1);
  });
});

describe('training judged on the day it ends', () => {
  // A man born 1965-10-01 reaches the statutory retirement age on 2026-01-01 (60 years and 3
  // months). On 2025-12-20, a 15-day forklift course would end on 2026-01-04: he could never
  // lawfully start the post it opens.
  const asOf = '2025-12-20' as IsoDate;
  const old = w('old', { birthDate: '1965-10-01' as IsoDate, availableFrom: asOf });
  const young = w('young', { availableFrom: asOf });
  const ds = () =>
    dataset({
      asOf,
      labourers: [old, young],
      posts: [
        post({
          id: 'p1' as PostId,
          openings: 2,
          requiredCertificates: [FORKLIFT],
          window: { opens: '2025-11-01' as IsoDate, closes: '2026-06-30' as IsoDate },
        }),
      ],
    });

  it('is eligible today, but not once the course has ended', () => {
    const d = ds();
    expect(labourerExclusions(d, old)).toEqual([]);
    const trained = { ...old, availableFrom: '2026-01-04' as IsoDate };
    expect(labourerExclusions(d, trained).map((e) => e.code)).toEqual(['retirement-age-reached']);
    expect(labourerExclusions(d, trained)[0]!.params).toMatchObject({
      retirementDate: '2026-01-01',
      startsOn: '2026-01-04',
    });
  });

  it('is never offered the course, and the training plan does not count him', () => {
    const t = planTraining(ds(), { budget: 10_000 });
    expect(t.options.map((o) => o.labourer)).toEqual(['young']);
    expect(t.replanned.traineesPlaced).not.toContain('old');
  });
});

describe('courses with one other change, retention and leavers', () => {
  it('offers a course with one other change to those no course alone places, and each combination holds', () => {
    const ds = demoDataset();
    const alone = planTraining(ds, { budget: 50000, combinations: false });
    const t = planTraining(ds, { budget: 50000 });
    const combos = t.options.filter((o) => o.changes.length > 0);
    expect(combos.length).toBeGreaterThan(alone.options.length);
    const single = new Set(alone.options.map((o) => o.labourer));
    for (const o of combos) {
      expect(o.changes).toHaveLength(1);
      expect(o.changes[0]!.code).not.toBe('wait-until');
      expect(o.changes[0]!.code).not.toBe('take-training');
      // Only for those no course alone places.
      expect(single.has(o.labourer)).toBe(false);
    }
    // One combination checked by the rules themselves: with the course and the change the
    // labourer is eligible for the posts listed.
    const o = combos[0]!;
    const course = ds.policy.trainings.find((c) => c.id === o.course)!;
    const w = ds.labourers.find((l) => l.id === o.labourer)!;
    const sc = applyChanges(ds, w, [trainingChange(course), ...o.changes])!;
    for (const p of o.posts)
      expect(
        checkEligibility(
          ds,
          sc.labourer,
          ds.posts.find((x) => x.id === p.post)!,
        ),
      ).toEqual([]);
    // And the plan made with the trainees trained places more than without combinations.
    expect(t.expected.placed).toBeGreaterThanOrEqual(alone.expected.placed);
    expect(t.replanned.after.placed).toBeGreaterThan(t.replanned.before.placed);
  }, 60_000);

  it('retained: weighs each opening by its employer’s retention, so the lasting post wins over the better paid', () => {
    const lasting = employer({
      id: 'e2' as EmployerId,
      name: '留得住厂',
      trackRecord: { placements: 20, retainedSixMonths: 18 },
    });
    const leaky = employer({ trackRecord: { placements: 20, retainedSixMonths: 4 } });
    const ds = dataset({
      labourers: [w('a'), w('b')],
      employers: [leaky, lasting],
      posts: [
        post({ id: 'p0' as PostId, openings: 1 }),
        post({
          id: 'p1' as PostId,
          openings: 1,
          requiredCertificates: [FORKLIFT],
          pay: { kind: 'monthly', baseMonthly: 4000, expectedMonthly: 7000 },
        }),
        post({ id: 'p2' as PostId, employer: lasting.id, openings: 1, requiredCertificates: [FORKLIFT] }),
      ],
    });
    const pay = planTraining(ds, { budget: 1200, objective: 'pay' });
    const kept = planTraining(ds, { budget: 1200, objective: 'retained' });
    expect(pay.placements.map((p) => p.post)).toEqual(['p1']);
    expect(kept.placements.map((p) => p.post)).toEqual(['p2']);
    expect(kept.expected.retained).toBeCloseTo(0.9, 12);
    expect(pay.expected.retained).toBeCloseTo(0.2, 12);
    expect(expectedRetention(lasting, 0.5)).toBe(0.9);
    expect(expectedRetention(employer(), 0.5)).toBe(0.5);
    expect(
      expectedRetention({ ...leaky, measuredRetention: { months: 6, placements: 3, rate: 0.7 } }, 0.5),
    ).toBe(0.7);
  });

  it('with outcomes: plans on what they leave, and a leaver for a skills mismatch is a candidate', () => {
    // b left p0 for a skills mismatch; the forklift course raises b's skills at p1 (and a stays in work at p0).
    const ds = dataset({
      labourers: [w('a'), w('b')],
      posts: [
        post({
          id: 'p0' as PostId,
          openings: 2,
          trainsOnJob: true,
          requiredSkills: [{ skill: 'forklift-driving' as never, minLevel: 5 }],
        }),
        post({
          id: 'p1' as PostId,
          openings: 1,
          trainsOnJob: true,
          requiredSkills: [{ skill: 'forklift-driving' as never, minLevel: 5 }],
        }),
      ],
    });
    const outcomes = parseOutcomes(
      {
        outcomes: [
          { labourer: 'a', post: 'p0', events: [{ kind: 'started', on: '2025-10-01' }] },
          {
            labourer: 'b',
            post: 'p0',
            events: [
              { kind: 'started', on: '2025-10-01' },
              { kind: 'left', on: '2025-11-15', reason: 'skills-mismatch' },
            ],
          },
        ],
      },
      ds,
    );
    const t = planTraining(ds, { budget: 5000, outcomes });
    const leaver = t.options.filter((o) => o.why === 'left-skills-mismatch');
    expect(leaver.map((o) => o.labourer)).toEqual(leaver.map(() => 'b'));
    expect(leaver.length).toBeGreaterThan(0);
    // a is in work: not a candidate, and the plan made again keeps a.
    expect(t.options.some((o) => o.labourer === 'a')).toBe(false);
  });
});
