import { describe, expect, it } from 'vitest';
import {
  advise,
  applyChanges,
  birthdayAt,
  CHANGE_CODES,
  LIFTED_BY,
  trainingChange,
  type Change,
  type ChangeParams,
} from '../src/advise.js';
import { assign } from '../src/assign.js';
import { checkEligibility } from '../src/eligibility.js';
import { BangfuValidationError } from '../src/errors.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import { renderAdvice, renderChange } from '../src/render-advice.js';
import { demoDataset } from '../src/sample.js';
import { scorePair } from '../src/score.js';
import type {
  AreaCode,
  CertificateId,
  CountyCode,
  Dataset,
  IsoDate,
  Labourer,
  MobilityScope,
  Post,
  PostId,
  SkillId,
  LabourerId,
} from '../src/types.js';
import { dataset, labourer, post } from './helpers/build.js';

const w = (id: string, extra: Parameters<typeof labourer>[0] = {}) =>
  labourer({ id: id as LabourerId, ...extra });
const p = (id: string, extra: Parameters<typeof post>[0] = {}) => post({ id: id as PostId, ...extra });
const FORKLIFT = 'forklift-n1' as CertificateId;
/** The dataset with the labourer's minimum pay soft (scored, not a rule). */
const softPay = (ds: Dataset): Dataset => ({ ...ds, policy: { ...ds.policy, labourerMinimumPay: 'soft' } });

function eligibleAfter(ds: Dataset, labourer: Labourer, changes: readonly Change[], target: Post): boolean {
  const sc = applyChanges(ds, labourer, changes);
  if (sc === undefined) return false;
  return checkEligibility({ ...ds, asOf: sc.date }, sc.labourer, target).length === 0;
}

function codes(changes: readonly Change[]): string[] {
  return changes.map((c) => c.code);
}

describe('advise: each kind of change', () => {
  it('take-training: a course granting the missing certificate, and nothing less', () => {
    const target = p('p1', { requiredCertificates: [FORKLIFT] });
    const labourer = w('w1');
    const ds = dataset({ labourers: [labourer], posts: [target] });
    const a = advise(ds, 'w1');
    expect(a.suggestions).toHaveLength(1);
    const s = a.suggestions[0]!;
    expect(s.changes).toEqual([
      expect.objectContaining({
        code: 'take-training',
        params: expect.objectContaining({ course: 'forklift-n1', cost: 1200 }),
      }),
    ]);
    expect(s.unlocks.map((u) => [u.post, u.kind])).toEqual([['p1', 'eligible']]);
    expect(s.availableFrom).toBe('2026-03-16');
    expect(eligibleAfter(ds, labourer, s.changes, target)).toBe(true);
    expect(eligibleAfter(ds, labourer, [], target)).toBe(false);
    expect(s.unlocks[0]!.score).toBe(
      scorePair(ds, applyChanges(ds, labourer, s.changes)!.labourer, target).score,
    );
  });

  it("take-training respects the course's place: a Zhaotong course only for those who can go there", () => {
    const course = dongguanPolicy.trainings.find((t) => t.id === 'auto-repair-zhaotong')!;
    const change = trainingChange(course);
    const ds = dataset();
    const from = (originCounty: string, scope: MobilityScope, cannotLeaveHome = false) =>
      applyChanges(
        ds,
        w('w1', {
          originCounty: originCounty as CountyCode,
          mobility: { scope, preferred: [], refused: [] },
          cannotLeaveHome,
        }),
        [change],
      );
    // 镇雄县 lies in 昭通市: the course is at home, whatever the mobility.
    expect(from('530627', 'home-county')).toBeDefined();
    expect(from('530627', 'home-county', true)).toBeDefined();
    // 东乡族自治县 (临夏, 甘肃): only a labourer who may go anywhere.
    expect(from('622926', 'home-county')).toBeUndefined();
    expect(from('622926', 'home-province')).toBeUndefined();
    expect(from('622926', 'anywhere')).toBeDefined();
    expect(from('622926', 'anywhere', true)).toBeUndefined();
    // 宣威市 (曲靖, 云南): the same province.
    expect(from('530381', 'home-province')).toBeDefined();
    expect(from('530381', 'home-prefecture')).toBeUndefined();
    // Widening the mobility with the course makes it reachable.
    const linxia = w('w1', {
      originCounty: '622926' as CountyCode,
      mobility: { scope: 'home-county', preferred: [], refused: [] },
    });
    expect(
      applyChanges(ds, linxia, [
        change,
        { code: 'widen-mobility', params: { from: 'home-county', to: 'anywhere' } },
      ]),
    ).toBeDefined();
  });

  it('take-training is not offered when the labourer would retire before the course ends', () => {
    // Born 1965-10-01: retires 2026-01-01. A 15-day course from 2025-12-20 ends on 2026-01-04.
    const asOf = '2025-12-20' as IsoDate;
    const target = p('p1', {
      requiredCertificates: [FORKLIFT],
      window: { opens: '2025-11-01' as IsoDate, closes: '2026-06-30' as IsoDate },
    });
    const old = w('w1', { birthDate: '1965-10-01' as IsoDate, availableFrom: asOf });
    const ds = dataset({ asOf, labourers: [old], posts: [target] });
    expect(advise(ds, 'w1').suggestions.flatMap((s) => codes(s.changes))).not.toContain('take-training');
    // Ten years younger, the same course is offered.
    const young = w('w1', { birthDate: '1975-10-01' as IsoDate, availableFrom: asOf });
    const ds2 = dataset({ asOf, labourers: [young], posts: [target] });
    expect(advise(ds2, 'w1').suggestions.flatMap((s) => codes(s.changes))).toContain('take-training');
  });

  it('take-training is not offered to a minor for a special-operation certificate; waiting plus the course is', () => {
    const target = p('p1', { requiredCertificates: [FORKLIFT] });
    const labourer = w('w1', { birthDate: '2008-06-10' as IsoDate });
    const ds = dataset({ labourers: [labourer], posts: [target] });
    const a = advise(ds, 'w1');
    expect(a.suggestions.map((s) => codes(s.changes))).toEqual([['take-training', 'wait-until']]);
    const wait = a.suggestions[0]!.changes[1] as { code: 'wait-until'; params: ChangeParams['wait-until'] };
    expect(wait.params).toEqual({ date: '2026-06-10', reason: 'adult-age' });
    expect(a.suggestions[0]!.on).toBe('2026-06-10');
    expect(applyChanges(ds, labourer, [a.suggestions[0]!.changes[0]])).toBeUndefined();
    const outlook = a.posts[0]!;
    expect(outlook.kind === 'excluded' && outlook.fixed).toEqual([
      {
        exclusion: expect.objectContaining({ code: 'minor-special-operation' }),
        why: 'law',
        wait: { date: '2026-06-10', reason: 'adult-age' },
      },
    ]);
  });

  it('widen-mobility: the narrowest scope that reaches the site', () => {
    const near = p('p1', { site: { kind: 'county', county: '530621' as CountyCode } });
    const labourer = w('w1', { mobility: { scope: 'home-county', preferred: [], refused: [] } });
    const ds = dataset({ labourers: [labourer], posts: [near] });
    const [s] = advise(ds, 'w1').suggestions;
    expect(s!.changes).toEqual([
      { code: 'widen-mobility', params: { from: 'home-county', to: 'home-prefecture' } },
    ]);
    expect(eligibleAfter(ds, labourer, s!.changes, near)).toBe(true);
    expect(eligibleAfter(ds, labourer, [], near)).toBe(false);
    const far = p('p2');
    const ds2 = dataset({ labourers: [labourer], posts: [far] });
    const [s2] = advise(ds2, 'w1').suggestions;
    expect(s2!.changes).toEqual([
      { code: 'widen-mobility', params: { from: 'home-county', to: 'anywhere' } },
    ]);
    const narrower: Change = { code: 'widen-mobility', params: { from: 'home-county', to: 'home-province' } };
    expect(eligibleAfter(ds2, labourer, [narrower], far)).toBe(false);
  });

  it('drop-refusal: the refused place, and nothing less', () => {
    const refused = { kind: 'area' as const, area: '4419' as AreaCode };
    const labourer = w('w1', { mobility: { scope: 'anywhere', preferred: [], refused: [refused] } });
    const ds = dataset({ labourers: [labourer], posts: [p('p1')] });
    const [s] = advise(ds, 'w1').suggestions;
    expect(s!.changes).toEqual([{ code: 'drop-refusal', params: { destination: refused } }]);
    expect(eligibleAfter(ds, labourer, s!.changes, ds.posts[0]!)).toBe(true);
  });

  it('start-earlier: the closing day, the latest start that works', () => {
    const labourer = w('w1', { availableFrom: '2026-08-01' as IsoDate });
    const target = p('p1');
    const ds = dataset({ labourers: [labourer], posts: [target] });
    const [s] = advise(ds, 'w1').suggestions;
    expect(s!.changes).toEqual([{ code: 'start-earlier', params: { from: '2026-08-01', to: '2026-06-30' } }]);
    expect(eligibleAfter(ds, labourer, s!.changes, target)).toBe(true);
    const later: Change = {
      code: 'start-earlier',
      params: { from: '2026-08-01' as IsoDate, to: '2026-07-01' as IsoDate },
    };
    expect(eligibleAfter(ds, labourer, [later], target)).toBe(false);
  });

  it('accept-no-dormitory: for a post away from home without one', () => {
    const labourer = w('w1', { needsDormitory: true });
    const target = p('p1', { dormitory: { provided: false, monthlyCost: 0 } });
    const ds = dataset({ labourers: [labourer], posts: [target] });
    const [s] = advise(ds, 'w1').suggestions;
    expect(s!.changes).toEqual([{ code: 'accept-no-dormitory', params: {} }]);
    expect(eligibleAfter(ds, labourer, s!.changes, target)).toBe(true);
  });

  it('wait-until: a 17-year-old and a hazardous post, on the 18th birthday', () => {
    const labourer = w('w1', { birthDate: '2008-09-30' as IsoDate });
    const target = p('p1', {
      hazardous: true,
      window: { opens: '2026-01-01' as IsoDate, closes: '2026-12-31' as IsoDate },
    });
    const ds = dataset({ labourers: [labourer], posts: [target] });
    const [s] = advise(ds, 'w1').suggestions;
    expect(s!.changes).toEqual([{ code: 'wait-until', params: { date: '2026-09-30', reason: 'adult-age' } }]);
    expect(eligibleAfter(ds, labourer, s!.changes, target)).toBe(true);
    // The day before is too early.
    expect(checkEligibility({ ...ds, asOf: '2026-09-29' as IsoDate }, labourer, target)).not.toEqual([]);
  });

  it('wait-until is no help when the window closes before the birthday', () => {
    const labourer = w('w1', { birthDate: '2008-09-30' as IsoDate });
    const ds = dataset({ labourers: [labourer], posts: [p('p1', { hazardous: true })] });
    const a = advise(ds, 'w1');
    expect(a.suggestions).toEqual([]);
    expect(a.posts[0]).toMatchObject({ kind: 'excluded', suggestions: 0 });
  });

  it('two changes together, each needed', () => {
    const target = p('p1', { requiredCertificates: [FORKLIFT] });
    const labourer = w('w1', { mobility: { scope: 'home-province', preferred: [], refused: [] } });
    const ds = dataset({ labourers: [labourer], posts: [target] });
    const a = advise(ds, 'w1');
    expect(a.suggestions.map((s) => codes(s.changes))).toEqual([['take-training', 'widen-mobility']]);
    const [c1, c2] = a.suggestions[0]!.changes;
    expect(eligibleAfter(ds, labourer, [c1!, c2!], target)).toBe(true);
    expect(eligibleAfter(ds, labourer, [c1!], target)).toBe(false);
    expect(eligibleAfter(ds, labourer, [c2!], target)).toBe(false);
    expect(advise(ds, 'w1', { maxChanges: 1 }).suggestions).toEqual([]);
  });

  it('never suggests changing what cannot change, and says why', () => {
    const labourer = w('w1', { cannotLeaveHome: true });
    const ds = dataset({
      labourers: [labourer],
      posts: [
        p('p1'),
        p('p2', { openings: 2, filled: 2, site: { kind: 'county', county: labourer.originCounty } }),
      ],
    });
    const a = advise(ds, 'w1');
    expect(a.suggestions).toEqual([]);
    expect(a.posts).toEqual([
      expect.objectContaining({
        kind: 'excluded',
        post: 'p1',
        fixed: [expect.objectContaining({ why: 'family-care' })],
        suggestions: 0,
      }),
      expect.objectContaining({
        kind: 'excluded',
        post: 'p2',
        fixed: [expect.objectContaining({ why: 'post' })],
        suggestions: 0,
      }),
    ]);
  });

  it('under 16: no post at all, and the 16th birthday', () => {
    const ds = dataset({ labourers: [w('w1', { birthDate: '2010-08-31' as IsoDate })], posts: [p('p1')] });
    const a = advise(ds, 'w1');
    expect(a).toMatchObject({ notBefore: '2026-08-31', suggestions: [], posts: [] });
    expect(renderAdvice(a, 'en')).toContain('2026-08-31');
  });

  it('never mutates the dataset', () => {
    const ds = dataset({
      labourers: [w('w1', { needsDormitory: true, availableFrom: '2026-08-01' as IsoDate })],
      posts: [p('p1', { requiredCertificates: [FORKLIFT], dormitory: { provided: false, monthlyCost: 0 } })],
    });
    const before = JSON.stringify(ds);
    advise(ds, 'w1', { maxChanges: 3 });
    expect(JSON.stringify(ds)).toBe(before);
  });
});

describe('advise: a required skill missing', () => {
  const SEWING = 'sewing-machine-operation' as SkillId;
  const sewingPost = p('p1', { trainsOnJob: false, requiredSkills: [{ skill: SEWING, minLevel: 5 }] });

  it('is lifted by a course granting the skill, and by nothing else', () => {
    expect(LIFTED_BY['required-skill-missing']).toEqual(['take-training']);
    const ds = dataset({ labourers: [w('w1')], posts: [sewingPost] });
    expect(checkEligibility(ds, ds.labourers[0]!, sewingPost).map((e) => e.code)).toEqual([
      'required-skill-missing',
    ]);
    const a = advise(ds, 'w1');
    expect(a.posts[0]).toMatchObject({ kind: 'excluded', fixed: [], suggestions: 1 });
    expect(a.suggestions).toHaveLength(1);
    const s = a.suggestions[0]!;
    expect(s.changes).toEqual([
      expect.objectContaining({
        code: 'take-training',
        params: expect.objectContaining({ course: 'sewing-machine' }),
      }),
    ]);
    expect(s.unlocks).toEqual([expect.objectContaining({ post: 'p1', kind: 'eligible' })]);
    expect(eligibleAfter(ds, ds.labourers[0]!, s.changes, sewingPost)).toBe(true);
  });

  it('a course granting a related skill lifts it too (food service through cooking)', () => {
    const waiter = p('p1', {
      trainsOnJob: false,
      requiredSkills: [{ skill: 'food-service' as SkillId, minLevel: 5 }],
    });
    const ds = dataset({ labourers: [w('w1')], posts: [waiter] });
    const courses = advise(ds, 'w1').suggestions.map((x) =>
      x.changes.map((c) => (c.code === 'take-training' ? c.params.course : c.code)),
    );
    expect(courses).toContainEqual(['chinese-cooking']);
  });

  it('two missing skills take two courses, and neither alone is suggested for that post', () => {
    const both = p('p1', {
      trainsOnJob: false,
      requiredSkills: [
        { skill: SEWING, minLevel: 5 },
        { skill: 'elderly-care' as SkillId, minLevel: 5 },
      ],
    });
    const ds = dataset({ labourers: [w('w1')], posts: [both] });
    const a = advise(ds, 'w1');
    expect(
      a.suggestions.map((x) => x.changes.map((c) => c.code === 'take-training' && c.params.course)),
    ).toEqual([['elderly-care', 'sewing-machine']]);
    expect(advise(ds, 'w1', { maxChanges: 1 }).suggestions).toEqual([]);
  });

  it('on the demo dataset, labourers are offered courses that open posts requiring a skill they lack', () => {
    const ds = demoDataset();
    let opened = 0;
    for (const labourer of ds.labourers.slice(0, 6)) {
      for (const s of advise(ds, labourer.id).suggestions) {
        if (!s.changes.some((c) => c.code === 'take-training')) continue;
        for (const u of s.unlocks) {
          const target = ds.posts.find((x) => x.id === u.post)!;
          const before = checkEligibility(ds, labourer, target).map((e) => e.code);
          if (!before.includes('required-skill-missing')) continue;
          expect(u.kind).toBe('eligible');
          expect(eligibleAfter(ds, labourer, s.changes, target)).toBe(true);
          opened += 1;
        }
      }
    }
    expect(opened).toBeGreaterThan(0);
  });
});

describe('advise: into the openings', () => {
  const AUTO = 'auto-repair' as SkillId;
  const mechanic = (id: string, extra: Parameters<typeof labourer>[0] = {}) =>
    w(id, { skills: [{ skill: 'machine-maintenance' as SkillId, level: 5, certified: false }], ...extra });
  const garage = p('p1', { openings: 1, trainsOnJob: false, requiredSkills: [{ skill: AUTO, minLevel: 5 }] });
  // A route to auto repair (machine maintenance, related) keeps w1 eligible for the garage, which
  // does not train beginners; cooking, unused there, keeps w1 below the mechanic w2.
  const cook = (id: string, extra: Parameters<typeof labourer>[0] = {}) =>
    w(id, {
      skills: [
        { skill: 'machine-maintenance' as SkillId, level: 5, certified: false },
        { skill: 'cooking' as SkillId, level: 5, certified: false },
      ],
      ...extra,
    });

  it('a course that lifts the score above the one holding the opening (ranking)', () => {
    const ds = dataset({
      labourers: [cook('w1'), mechanic('w2', { household: 'registered' })],
      posts: [garage],
    });
    const a = advise(ds, 'w1');
    expect(a.basis).toBe('ranking');
    expect(a.posts[0]).toMatchObject({ kind: 'outside-openings', rival: { labourer: 'w2' } });
    const s = a.suggestions.find((x) => x.changes[0].code === 'take-training')!;
    expect(s.changes[0]).toMatchObject({ params: { course: 'auto-repair-zhaotong' } });
    expect(s.unlocks[0]).toMatchObject({ post: 'p1', kind: 'into-openings' });
    const rival = scorePair(ds, ds.labourers[1]!, garage).score;
    expect(s.unlocks[0]!.score).toBeGreaterThan(rival);
  });

  it('with a plan: the lowest holder, and the priority tier no change alters', () => {
    const ds = dataset({ labourers: [cook('w1', { household: 'other' }), mechanic('w2')], posts: [garage] });
    const plan = assign(ds);
    const a = advise(ds, 'w1', { plan });
    expect(a.basis).toBe('plan');
    expect(a.posts[0]).toMatchObject({ kind: 'outside-openings', blocked: 'priority-tier', suggestions: 0 });
    expect(a.suggestions).toEqual([]);
  });

  it('accept-pay lifts a post below the minimum: the highest whole-yuan minimum its net pay meets', () => {
    const paid = p('p1', { openings: 1 });
    const ds = dataset({
      labourers: [w('w1', { pay: { minMonthly: 5000, targetMonthly: 6000 } })],
      posts: [paid],
    });
    const a = advise(ds, 'w1');
    expect(a.posts[0]).toMatchObject({ kind: 'excluded' });
    const s = a.suggestions.find((x) => x.changes[0].code === 'accept-pay');
    expect(s).toBeDefined();
    const change = s!.changes[0] as { code: 'accept-pay'; params: ChangeParams['accept-pay'] };
    const net = s!.unlocks[0]!.net;
    expect(change.params).toEqual({ from: 5000, to: Math.floor(net) });
    const changed = applyChanges(ds, ds.labourers[0]!, [change])!.labourer;
    expect(checkEligibility(ds, changed, paid)).toEqual([]);
    expect(checkEligibility(ds, ds.labourers[0]!, paid).map((e) => e.code)).toEqual(['below-minimum-pay']);
  });

  it('accept-pay (minimum soft): the highest minimum that works, never below the net pay', () => {
    const paid = p('p1', { openings: 1 });
    const ds = softPay(
      dataset({
        labourers: [
          w('w1', { pay: { minMonthly: 5000, targetMonthly: 6000 } }),
          w('w2', { household: 'registered', pay: { minMonthly: 3500, targetMonthly: 4000 } }),
        ],
        posts: [paid],
      }),
    );
    const a = advise(ds, 'w1');
    const s = a.suggestions.find((x) => x.changes[0].code === 'accept-pay');
    expect(s).toBeDefined();
    const change = s!.changes[0] as { code: 'accept-pay'; params: ChangeParams['accept-pay'] };
    const net = s!.unlocks[0]!.net;
    expect(change.params.from).toBe(5000);
    expect(change.params.to).toBeGreaterThanOrEqual(Math.ceil(net));
    expect(change.params.to).toBe(3500);
    const at = (to: number) =>
      scorePair(
        ds,
        applyChanges(ds, ds.labourers[0]!, [{ code: 'accept-pay', params: { from: 5000, to } }])!.labourer,
        paid,
      ).score;
    const rival = scorePair(ds, ds.labourers[1]!, paid).score;
    expect(at(change.params.to)).toBeGreaterThan(rival - 1e-12);
    expect(at(change.params.to + 1) > rival).toBe(false);
  });
});

describe('advise: arguments and text', () => {
  it('refuses an unknown labourer or post, and bad numbers', () => {
    const ds = dataset();
    expect(() => advise(ds, 'nobody')).toThrow(BangfuValidationError);
    expect(() => advise(ds, 'w1', { posts: ['nope'] })).toThrow(BangfuValidationError);
    expect(() => advise(ds, 'w1', { maxChanges: 0 })).toThrow(RangeError);
    expect(() => advise(ds, 'w1', { top: 1.5 })).toThrow(RangeError);
  });

  it('a named post already within reach says so', () => {
    const ds = dataset();
    expect(advise(ds, 'w1', { posts: ['p1'] }).posts).toEqual([
      { kind: 'within-reach', post: 'p1', score: expect.any(Number) },
    ]);
  });

  it('birthdayAt', () => {
    expect(birthdayAt('2008-02-29' as IsoDate, 18)).toBe('2026-03-01');
    expect(birthdayAt('2008-07-01' as IsoDate, 18)).toBe('2026-07-01');
  });

  it('renders every change code in both locales', () => {
    const samples: Change[] = [
      {
        code: 'take-training',
        params: {
          course: 'auto-repair-zhaotong',
          grants: { skills: [{ skill: 'auto-repair' as SkillId, level: 5 }], certificates: [] },
          durationDays: 60,
          cost: 3000,
          area: '5306' as AreaCode,
        },
      },
      { code: 'renew-certificate', params: { certificate: FORKLIFT, expiredOn: '2025-12-31' as IsoDate } },
      { code: 'accept-pay', params: { from: 5000, to: 4200 } },
      { code: 'widen-mobility', params: { from: 'home-province', to: 'anywhere' } },
      { code: 'drop-refusal', params: { destination: { kind: 'area', area: '4419' as AreaCode } } },
      { code: 'start-earlier', params: { from: '2026-08-01' as IsoDate, to: '2026-06-30' as IsoDate } },
      { code: 'accept-no-dormitory', params: {} },
      { code: 'wait-until', params: { date: '2026-09-30' as IsoDate, reason: 'adult-age' } },
    ];
    expect(samples.map((c) => c.code)).toEqual(CHANGE_CODES);
    for (const c of samples)
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = renderChange(c, locale, dongguanPolicy);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
      }
    expect(renderChange(samples[0]!, 'zh-CN')).toContain('汽车维修培训（昭通）');
    expect(renderChange(samples[0]!, 'en')).toContain('Auto repair course (Zhaotong)');
    expect(renderChange(samples[0]!, 'en')).toContain('¥3,000');
  });

  it('renders an advice in both locales', () => {
    const ds = dataset({ posts: [p('p1', { requiredCertificates: [FORKLIFT] })] });
    const a = advise(ds, 'w1');
    expect(renderAdvice(a, 'en', ds)).toContain('opens 1 post(s)');
    expect(renderAdvice(a, 'zh-CN', ds)).toContain('叉车司机培训');
  });
});
