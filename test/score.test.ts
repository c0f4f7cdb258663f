import { describe, expect, it } from 'vitest';
import type { Policy } from '../src/policy/types.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import type { ComponentName, ScoreBreakdown } from '../src/reasons.js';
import { levelFactor, payFit, scorePair } from '../src/score.js';
import { employerComponent } from '../src/score/employer.js';
import { clamp01, component, weightedMean } from '../src/score/parts.js';
import { payComponent } from '../src/score/pay.js';
import type {
  AreaCode,
  BaseId,
  CountyCode,
  EmployerId,
  IsoDate,
  ParkId,
  SkillId,
  TownCode,
} from '../src/types.js';
import { AS_OF, TANGXIA, ZHENXIONG, dataset, employer, labourer, post } from './helpers/build.js';

const sk = (s: string) => s as SkillId;

function comp(b: ScoreBreakdown, name: ComponentName) {
  const c = b.components.find((x) => x.component === name);
  if (c === undefined) throw new Error(`no component ${name}`);
  return c;
}
function part(b: ScoreBreakdown, name: ComponentName, p: string) {
  const found = comp(b, name).parts.find((x) => x.part === p);
  if (found === undefined) throw new Error(`no part ${p}`);
  return found.value;
}
function codes(b: ScoreBreakdown, name: ComponentName) {
  return comp(b, name).reasons.map((r) => r.code);
}
function score(...args: Parameters<typeof dataset>) {
  const ds = dataset(...args);
  return scorePair(ds, ds.labourers[0]!, ds.posts[0]!);
}

describe('scorePair on the default pair', () => {
  const b = score();
  it('combines the four components with the policy weights', () => {
    expect(comp(b, 'skills').value).toBe(1);
    expect(comp(b, 'pay').value).toBeCloseTo(0.5 + (0.5 * 350) / 1500, 12);
    expect(comp(b, 'origin').value).toBeCloseTo(0.7 * 0.2 + 0.1, 12);
    expect(comp(b, 'employer').value).toBe(1);
    expect(b.score).toBeCloseTo(0.4 + 0.3 * (0.5 + 350 / 3000) + 0.2 * 0.24 + 0.1, 12);
  });
  it('contributions sum to the score and effective weights to 1', () => {
    const sum = b.components.reduce((s, c) => s + c.contribution, 0);
    expect(b.score).toBeCloseTo(sum, 12);
    expect(b.components.reduce((s, c) => s + c.effectiveWeight, 0)).toBeCloseTo(1, 12);
  });
  it('lists the parts without data as missing, not those that do not apply', () => {
    expect(part(b, 'skills', 'optional')).toBeNull();
    expect(b.missing).toEqual([
      { component: 'pay', part: 'uplift' },
      { component: 'employer', part: 'retention' },
    ]);
    expect(codes(b, 'pay')).toContain('home-minimum-wage-unknown');
    expect(codes(b, 'employer')).toContain('employer-track-record-missing');
    expect(codes(b, 'skills')).toEqual(['skills-none-required']);
  });
});

describe('component weights', () => {
  it('a null component hands its weight to the others', () => {
    const noWeights: Policy = { ...dongguanPolicy, weights: { skills: 1, pay: 0, origin: 0, employer: 0 } };
    const b = score({ policy: noWeights });
    expect(b.score).toBe(1);
    expect(comp(b, 'skills').effectiveWeight).toBe(1);
    expect(comp(b, 'pay').contribution).toBe(0);
  });
});

describe('skills component', () => {
  const req = (skill: string, minLevel: 1 | 2 | 3 | 4 | 5 = 5) => ({ skill: sk(skill), minLevel });
  it('levelFactor: 1 when met, 0.2 less per level short, at least 0.3', () => {
    expect(levelFactor(3, 3)).toBe(1);
    expect(levelFactor(2, 3)).toBe(1);
    expect(levelFactor(4, 3)).toBeCloseTo(0.8, 12);
    expect(levelFactor(5, 1)).toBe(0.3);
  });
  it('a held skill at the level meets the requirement, certified earns the bonus', () => {
    const b = score({
      labourers: [labourer({ skills: [{ skill: sk('welding'), level: 4, certified: true }] })],
      posts: [post({ requiredSkills: [req('welding', 4)] })],
    });
    expect(part(b, 'skills', 'required')).toBe(1);
    expect(part(b, 'skills', 'certified')).toBe(1);
    expect(codes(b, 'skills')).toEqual(['skill-required-met', 'skill-certified', 'skills-used']);
    expect(part(b, 'skills', 'use')).toBe(1);
    expect(comp(b, 'skills').value).toBe(1);
  });
  it('a lower level earns partial credit', () => {
    const b = score({
      labourers: [labourer({ skills: [{ skill: sk('welding'), level: 5, certified: false }] })],
      posts: [post({ trainsOnJob: false, requiredSkills: [req('welding', 3)] })],
    });
    expect(part(b, 'skills', 'required')).toBeCloseTo(0.6, 12);
    expect(part(b, 'skills', 'certified')).toBe(0);
    expect(comp(b, 'skills').reasons[0]).toEqual({
      code: 'skill-required-below-level',
      params: { skill: 'welding', held: 5, required: 3, credit: 0.6 },
    });
  });
  it('a completed training counts as the skill at its level (5 by default)', () => {
    const b = score({
      labourers: [
        labourer({
          trainings: [
            {
              course: '叉车司机培训',
              completedOn: '2025-05-01' as IsoDate,
              grantsSkill: sk('forklift-driving'),
            },
          ],
        }),
      ],
      posts: [post({ trainsOnJob: false, requiredSkills: [req('forklift-driving', 5)] })],
    });
    expect(part(b, 'skills', 'required')).toBe(1);
    expect(comp(b, 'skills').reasons[0]).toEqual({
      code: 'skill-required-trained',
      params: { skill: 'forklift-driving', course: '叉车司机培训', credit: 1 },
    });
    expect(part(b, 'skills', 'certified')).toBe(0);
  });
  it('a related skill earns its taxonomy credit, in either direction', () => {
    const a = score({
      labourers: [labourer({ skills: [{ skill: sk('smt-operation'), level: 5, certified: false }] })],
      posts: [post({ trainsOnJob: false, requiredSkills: [req('electronics-assembly')] })],
    });
    const b = score({
      labourers: [labourer({ skills: [{ skill: sk('electronics-assembly'), level: 5, certified: false }] })],
      posts: [post({ trainsOnJob: false, requiredSkills: [req('smt-operation')] })],
    });
    expect(part(a, 'skills', 'required')).toBeCloseTo(0.6, 12);
    expect(part(b, 'skills', 'required')).toBeCloseTo(0.6, 12);
    expect(comp(a, 'skills').reasons[0]).toEqual({
      code: 'skill-required-related',
      params: { skill: 'electronics-assembly', via: 'smt-operation', credit: 0.6 },
    });
  });
  it('a related skill scales with the level factor', () => {
    const b = score({
      labourers: [labourer({ skills: [{ skill: sk('smt-operation'), level: 5, certified: false }] })],
      posts: [post({ trainsOnJob: false, requiredSkills: [req('electronics-assembly', 4)] })],
    });
    expect(part(b, 'skills', 'required')).toBeCloseTo(0.6 * 0.8, 12);
  });
  it('a missing skill earns 0.5 where the post trains on the job, else 0', () => {
    const onJob = score({ posts: [post({ trainsOnJob: true, requiredSkills: [req('welding')] })] });
    const none = score({ posts: [post({ trainsOnJob: false, requiredSkills: [req('welding')] })] });
    expect(part(onJob, 'skills', 'required')).toBe(0.5);
    expect(codes(onJob, 'skills')[0]).toBe('skill-required-learn-on-job');
    expect(part(none, 'skills', 'required')).toBe(0);
    expect(codes(none, 'skills')[0]).toBe('skill-required-missing');
  });
  it('learning on the job beats a weak related skill', () => {
    const b = score({
      labourers: [labourer({ skills: [{ skill: sk('smt-operation'), level: 5, certified: false }] })],
      posts: [post({ trainsOnJob: true, requiredSkills: [req('hand-soldering')] })],
    });
    expect(part(b, 'skills', 'required')).toBe(0.5);
  });
  it('optional skills earn credit without on-job learning', () => {
    const b = score({
      labourers: [labourer({ skills: [{ skill: sk('packaging'), level: 5, certified: false }] })],
      posts: [post({ trainsOnJob: true, optionalSkills: [req('packaging'), req('welding')] })],
    });
    expect(part(b, 'skills', 'optional')).toBe(0.5);
    expect(codes(b, 'skills')).toEqual([
      'skills-none-required',
      'skill-optional-held',
      'skill-optional-missing',
      'skills-used',
    ]);
    expect(comp(b, 'skills').value).toBeCloseTo((0.75 * 1 + 0.25 * 1 + 0.15 * 0.5) / 1.15, 12);
  });
  it("use: the share of the labourer's skills the post asks for, linked ones at the link credit", () => {
    const someone = labourer({
      skills: [
        { skill: sk('smt-operation'), level: 5, certified: false },
        { skill: sk('welding'), level: 5, certified: false },
      ],
    });
    const b = score({
      labourers: [someone],
      posts: [post({ trainsOnJob: false, requiredSkills: [req('electronics-assembly')] })],
    });
    // smt-operation ↔ electronics-assembly is linked at 0.6; welding is not used.
    expect(part(b, 'skills', 'use')).toBeCloseTo(0.6 / 2, 12);
    expect(comp(b, 'skills').reasons).toContainEqual({
      code: 'skills-used',
      params: { used: ['smt-operation'], of: 2 },
    });
    expect(comp(b, 'skills').reasons).toContainEqual({
      code: 'skills-unused',
      params: { unused: ['welding'] },
    });
  });
  it('use: a skill held and trained counts once; a post asking nothing uses none', () => {
    const someone = labourer({
      skills: [{ skill: sk('auto-repair'), level: 5, certified: false }],
      trainings: [
        {
          course: 'auto-repair-zhaotong',
          completedOn: '2025-05-01' as IsoDate,
          grantsSkill: sk('auto-repair'),
        },
      ],
    });
    const general = score({ labourers: [someone] });
    expect(part(general, 'skills', 'use')).toBe(0);
    expect(comp(general, 'skills').value).toBeCloseTo(0.75 / 1, 12);
    const repair = score({
      labourers: [someone],
      posts: [post({ requiredSkills: [req('auto-repair')] })],
    });
    expect(part(repair, 'skills', 'use')).toBe(1);
    expect(comp(repair, 'skills').value!).toBeGreaterThan(comp(general, 'skills').value!);
  });
  it('use is null for a labourer with no skill, and the other parts keep their old proportions', () => {
    const b = score({
      posts: [
        post({
          trainsOnJob: false,
          requiredSkills: [req('welding')],
          optionalSkills: [req('packaging')],
        }),
      ],
    });
    expect(part(b, 'skills', 'use')).toBeNull();
    expect(b.missing).not.toContainEqual({ component: 'skills', part: 'use' });
    expect(comp(b, 'skills').value).toBe(0);
    const onJob = score({ posts: [post({ requiredSkills: [req('welding')] })] });
    expect(comp(onJob, 'skills').value).toBe((0.5 * 0.75 + 0 * 0.1) / (0.75 + 0.1));
  });
});

describe('pay component', () => {
  it('payFit is 0 at 75% of the minimum, 0.5 at the minimum and 1 at the target', () => {
    expect(payFit(2250, 3000, 4500)).toBe(0);
    expect(payFit(2000, 3000, 4500)).toBe(0);
    expect(payFit(2625, 3000, 4500)).toBeCloseTo(0.25, 12);
    expect(payFit(3000, 3000, 4500)).toBe(0.5);
    expect(payFit(3750, 3000, 4500)).toBeCloseTo(0.75, 12);
    expect(payFit(4500, 3000, 4500)).toBe(1);
    expect(payFit(9000, 3000, 4500)).toBe(1);
    expect(payFit(3000, 3000, 3000)).toBe(1);
  });
  it('net pay deducts meals, and the dormitory away from home', () => {
    const b = score({ posts: [post({ dormitory: { provided: true, monthlyCost: 200 } })] });
    expect(comp(b, 'pay').reasons[0]).toEqual({
      code: 'pay-net',
      params: { basis: 3650, dormitoryCost: 200, mealsCost: 300, net: 3150 },
    });
  });
  it('the dormitory is not deducted at home unless the labourer needs one', () => {
    const home = post({
      site: { kind: 'county', county: ZHENXIONG },
      dormitory: { provided: true, monthlyCost: 200 },
    });
    const a = score({ posts: [home] });
    const b = score({ posts: [home], labourers: [labourer({ needsDormitory: true })] });
    expect(comp(a, 'pay').reasons[0]).toMatchObject({ params: { dormitoryCost: 0, net: 3350 } });
    expect(comp(b, 'pay').reasons[0]).toMatchObject({ params: { dormitoryCost: 200, net: 3150 } });
  });
  it('a piece-rate post is paid on the mean of floor and expectation', () => {
    const b = score({
      posts: [post({ pay: { kind: 'piece-rate', guaranteedMonthly: 2100, expectedMonthly: 6000 } })],
    });
    expect(codes(b, 'pay')).toContain('pay-piece-rate-floor');
    expect(comp(b, 'pay').reasons[0]).toMatchObject({ params: { basis: 4050, net: 3750 } });
  });
  it('uplift over the home minimum wage where the policy has one', () => {
    // 韶关市浈江区 (440204): tier-4 Guangdong minimum in the default policy.
    const shaoguan = '440204' as CountyCode;
    const b = score({ labourers: [labourer({ originCounty: shaoguan })] });
    const home = comp(b, 'pay').reasons.find((r) => r.code === 'pay-uplift-over-home-minimum');
    expect(home).toBeDefined();
    if (home?.code !== 'pay-uplift-over-home-minimum') return;
    expect(part(b, 'pay', 'uplift')).toBeCloseTo(Math.min(1, (3350 / home.params.homeMinimum - 1) / 0.5), 12);
    expect(b.missing).not.toContainEqual({ component: 'pay', part: 'uplift' });
  });
  it('each band of net pay gives its figures; the minimum itself is acceptable and the target met', () => {
    const net = (comp(score(), 'pay').reasons[0] as { params: { net: number } }).params.net;
    const reason = (min: number, target: number) =>
      comp(score({ labourers: [labourer({ pay: { minMonthly: min, targetMonthly: target } })] }), 'pay')
        .reasons[1];
    expect(reason(net + 1, net + 500)).toEqual({
      code: 'pay-below-minimum-acceptable',
      params: { net, min: net + 1 },
    });
    expect(reason(net, net + 500)).toEqual({
      code: 'pay-between-minimum-and-target',
      params: { net, min: net, target: net + 500 },
    });
    expect(reason(net - 500, net)).toEqual({ code: 'pay-meets-target', params: { net, target: net } });
    // Only a piece-rate post says what its floor and expectation are.
    expect(codes(score(), 'pay')).not.toContain('pay-piece-rate-floor');
    const piece = score({
      posts: [post({ pay: { kind: 'piece-rate', guaranteedMonthly: 2100, expectedMonthly: 6000 } })],
    });
    expect(comp(piece, 'pay').reasons[1]).toEqual({
      code: 'pay-piece-rate-floor',
      params: { guaranteed: 2100, expected: 6000 },
    });
  });
  it('without a minimum wage for the home county, the uplift is missing and said to be', () => {
    // The default labourer is from 镇雄县 (Yunnan), whose minimum wage the default policy lacks.
    const c = payComponent(dongguanPolicy, AS_OF, labourer(), post(), TANGXIA as string as AreaCode);
    expect(c.parts.map((x) => [x.part, x.weight])).toEqual([
      ['fit', 0.75],
      ['uplift', 0.25],
    ]);
    expect(c.parts[1]!.value).toBeNull();
    expect(c.missing).toEqual(['uplift']);
    expect(c.reasons.at(-1)).toEqual({ code: 'home-minimum-wage-unknown', params: { county: ZHENXIONG } });
    // The value is the fit alone.
    expect(c.value).toBe(c.parts[0]!.value);
    // A figure of zero (a hand-built policy; a parsed one refuses it) is no figure either.
    const zero: Policy = {
      ...dongguanPolicy,
      minimumWages: [
        ...dongguanPolicy.minimumWages,
        {
          ...dongguanPolicy.minimumWages[1]!,
          area: '5306' as AreaCode,
          from: '2020-01-01' as IsoDate,
          monthly: 0,
        },
      ],
    };
    expect(payComponent(zero, AS_OF, labourer(), post(), TANGXIA as string as AreaCode).missing).toEqual([
      'uplift',
    ]);
    // With a figure, nothing is missing.
    const known: Policy = {
      ...zero,
      minimumWages: [...dongguanPolicy.minimumWages, { ...zero.minimumWages.at(-1)!, monthly: 1670 }],
    };
    const k = payComponent(known, AS_OF, labourer(), post(), TANGXIA as string as AreaCode);
    expect(k.missing).toEqual([]);
    expect(k.parts[1]!.value).toBeGreaterThan(0);
  });
  it('reasons name where the net pay falls', () => {
    expect(
      codes(score({ labourers: [labourer({ pay: { minMonthly: 4000, targetMonthly: 5000 } })] }), 'pay'),
    ).toContain('pay-below-minimum-acceptable');
    expect(codes(score(), 'pay')).toContain('pay-between-minimum-and-target');
    expect(
      codes(score({ labourers: [labourer({ pay: { minMonthly: 2000, targetMonthly: 3000 } })] }), 'pay'),
    ).toContain('pay-meets-target');
  });
});

describe('parts', () => {
  it('a weighted mean of no known part is null, not NaN', () => {
    expect(weightedMean([{ part: 'a', value: null, weight: 1 }])).toBeNull();
    expect(weightedMean([{ part: 'a', value: 0.5, weight: 0 }])).toBeNull();
    expect(weightedMean([])).toBeNull();
    expect(
      weightedMean([
        { part: 'a', value: 0.5, weight: 1 },
        { part: 'b', value: null, weight: 3 },
        { part: 'c', value: 1, weight: 1 },
      ]),
    ).toBe(0.75);
  });
  it('clamp01 keeps a number within [0, 1]', () => {
    expect(clamp01(-0.1)).toBe(0);
    expect(clamp01(1.0000000000000002)).toBe(1);
    expect(clamp01(0.3)).toBe(0.3);
  });
  it('a component without missing parts lists none', () => {
    expect(component([{ part: 'a', value: 0.5, weight: 1 }], []).missing).toEqual([]);
    expect(component([{ part: 'a', value: null, weight: 1 }], [], ['a'])).toMatchObject({
      value: null,
      missing: ['a'],
    });
  });
});

describe('origin component', () => {
  const park = (id: string) => ({ kind: 'park' as const, park: id as ParkId });
  it('the home county links fully', () => {
    const b = score({ posts: [post({ site: { kind: 'county', county: ZHENXIONG } })] });
    expect(part(b, 'origin', 'link')).toBe(1);
    expect(codes(b, 'origin')[0]).toBe('origin-home-county');
  });
  it('a park serving the origin links fully', () => {
    const served = dongguanPolicy.parks.find((p) => p.serves.some((a) => ZHENXIONG.startsWith(a)));
    expect(served).toBeDefined();
    const b = score({ posts: [post({ site: park(served!.id) })] });
    expect(part(b, 'origin', 'link')).toBe(1);
    expect(comp(b, 'origin').reasons[0]).toEqual({
      code: 'origin-park-serves',
      params: { park: served!.id },
    });
  });
  it('a paired town links fully while the pairing is in force', () => {
    const policy: Policy = {
      ...dongguanPolicy,
      pairings: [
        {
          originCounty: ZHENXIONG,
          towns: [TANGXIA],
          from: '2025-01-01' as IsoDate,
          to: '2026-01-01' as IsoDate,
          source: { citation: 'test', confidence: 'illustrative' },
        },
      ],
    };
    expect(codes(score({ policy, asOf: '2025-06-01' as IsoDate }), 'origin')[0]).toBe('origin-paired-town');
    expect(codes(score({ policy, asOf: AS_OF }), 'origin')[0]).toBe('origin-cross-province');
  });
  it('a designated base at the employer links fully', () => {
    const base = {
      id: 'b1' as BaseId,
      name: { zh: '基地', en: 'Base' },
      origin: '5306' as AreaCode,
      employer: 'e1' as EmployerId,
      from: '2024-01-01' as IsoDate,
      source: { citation: 'test', confidence: 'illustrative' as const },
    };
    const policy: Policy = { ...dongguanPolicy, bases: [base] };
    expect(comp(score({ policy }), 'origin').reasons[0]).toEqual({
      code: 'origin-designated-base',
      params: { base: 'b1' },
    });
    const elsewhere: Policy = {
      ...dongguanPolicy,
      bases: [{ ...base, site: { kind: 'town', town: '441900003' as TownCode } }],
    };
    expect(codes(score({ policy: elsewhere }), 'origin')[0]).toBe('origin-cross-province');
  });
  it('preferred destination 0.9, same prefecture 0.7, same province 0.5, else 0.2', () => {
    const pref = score({
      labourers: [
        labourer({
          mobility: {
            scope: 'anywhere',
            preferred: [{ kind: 'area', area: '4419' as AreaCode }],
            refused: [],
          },
        }),
      ],
    });
    expect(part(pref, 'origin', 'link')).toBe(0.9);
    expect(
      part(
        score({ posts: [post({ site: { kind: 'county', county: '530602' as CountyCode } })] }),
        'origin',
        'link',
      ),
    ).toBe(0.7);
    expect(
      part(
        score({ posts: [post({ site: { kind: 'county', county: '530102' as CountyCode } })] }),
        'origin',
        'link',
      ),
    ).toBe(0.5);
    expect(comp(score(), 'origin').reasons[0]).toEqual({
      code: 'origin-cross-province',
      params: { from: ZHENXIONG, to: TANGXIA },
    });
  });
  it('fellow villagers at the employer, full at ten', () => {
    const b = score({ employers: [employer({ workforceByOrigin: [{ county: ZHENXIONG, count: 4 }] })] });
    expect(part(b, 'origin', 'fellows')).toBeCloseTo(0.4, 12);
    expect(comp(b, 'origin').reasons[1]).toEqual({
      code: 'origin-fellows-at-employer',
      params: { county: ZHENXIONG, count: 4 },
    });
    const full = score({ employers: [employer({ workforceByOrigin: [{ county: ZHENXIONG, count: 40 }] })] });
    expect(part(full, 'origin', 'fellows')).toBe(1);
  });
  it('language: 1 if none named or one shared, else 0', () => {
    expect(part(score({ posts: [post({ languages: ['zh', 'yue'] })] }), 'origin', 'language')).toBe(1);
    const b = score({ posts: [post({ languages: ['yue'] })] });
    expect(part(b, 'origin', 'language')).toBe(0);
    expect(codes(b, 'origin')).toContain('language-not-shared');
  });
});

describe('employer component', () => {
  it('criteria share and six-month retention', () => {
    const b = score({
      employers: [
        employer({
          vetting: { ...employer().vetting, criteria: ['good-pay', 'well-managed'] },
          trackRecord: { placements: 20, retainedSixMonths: 15 },
        }),
      ],
    });
    expect(part(b, 'employer', 'criteria')).toBe(0.5);
    expect(part(b, 'employer', 'retention')).toBe(0.75);
    expect(comp(b, 'employer').reasons[0]).toEqual({
      code: 'employer-criteria',
      params: { met: ['well-managed', 'good-pay'], of: 4 },
    });
  });
  it('fewer than five placements is no evidence', () => {
    const b = score({ employers: [employer({ trackRecord: { placements: 4, retainedSixMonths: 4 } })] });
    expect(part(b, 'employer', 'retention')).toBeNull();
    // Said so, naming the employer, and the missing part listed; the value is the criteria alone.
    expect(comp(b, 'employer').reasons[1]).toEqual({
      code: 'employer-track-record-missing',
      params: { employer: 'e1' },
    });
    expect(
      employerComponent(employer({ trackRecord: { placements: 4, retainedSixMonths: 4 } })),
    ).toMatchObject({
      missing: ['retention'],
      value: 1,
    });
  });
  it('five placements are evidence: the rate, with its counts, in the reason', () => {
    const c = employerComponent(employer({ trackRecord: { placements: 5, retainedSixMonths: 2 } }));
    expect(c.missing).toEqual([]);
    expect(c.parts.find((x) => x.part === 'retention')?.value).toBe(0.4);
    expect(c.reasons[1]).toEqual({
      code: 'employer-retention',
      params: { placements: 5, retained: 2, rate: 0.4 },
    });
    expect(c.value).toBeCloseTo(0.7, 12);
    // No track record at all is missing evidence too.
    const none = employerComponent(employer());
    expect(none.missing).toEqual(['retention']);
    expect(none.reasons.map((r) => r.code)).toEqual(['employer-criteria', 'employer-track-record-missing']);
  });
  it('retention measured from outcomes replaces the typed figure, whatever its count', () => {
    const b = score({
      employers: [
        employer({
          trackRecord: { placements: 20, retainedSixMonths: 20 },
          measuredRetention: { months: 6, placements: 3, rate: 0.4 },
        }),
      ],
    });
    expect(part(b, 'employer', 'retention')).toBe(0.4);
    expect(comp(b, 'employer').reasons[1]).toEqual({
      code: 'employer-retention-measured',
      params: { placements: 3, months: 6, rate: 0.4 },
    });
    // criteria all met (1) and 0.4, weighted equally.
    expect(comp(b, 'employer').value).toBeCloseTo(0.7, 12);
  });
});

it('scorePair does not mutate its inputs', () => {
  const ds = dataset({ posts: [post({ requiredSkills: [{ skill: sk('welding'), minLevel: 5 }] })] });
  const before = JSON.stringify(ds);
  scorePair(ds, ds.labourers[0]!, ds.posts[0]!);
  expect(JSON.stringify(ds)).toBe(before);
});
