import { describe, expect, it } from 'vitest';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import type { Exclusion, ExclusionCode, ScoreReason, ScoreReasonCode } from '../src/reasons.js';
import { explainPair } from '../src/explain.js';
import { rankPosts, rankLabourers } from '../src/rank.js';
import {
  namerFor,
  renderAssessment,
  renderBreakdown,
  renderExclusion,
  renderRanking,
  renderScoreReason,
  type Locale,
} from '../src/render.js';
import { scorePair } from '../src/score.js';
import type {
  AreaCode,
  BaseId,
  CertificateId,
  EmployerId,
  IsoDate,
  ParkId,
  PostId,
  SkillId,
  TownCode,
  LabourerId,
} from '../src/types.js';
import { TANGXIA, ZHENXIONG, dataset, employer, labourer, post } from './helpers/build.js';

const d = (s: string) => s as IsoDate;
const skill = 'welding' as SkillId;
const cert = 'electrician-low-voltage' as CertificateId;
const e1 = 'e1' as EmployerId;
const site = { kind: 'town', town: TANGXIA } as const;

/** One example of every exclusion code; the type makes a missing code a compile error. */
const EXCLUSIONS: { readonly [K in ExclusionCode]: Extract<Exclusion, { code: K }> } = {
  'under-minimum-age': { code: 'under-minimum-age', params: { age: 15, minimum: 16 } },
  'minor-hazardous': { code: 'minor-hazardous', params: { age: 17, adultAge: 18 } },
  'minor-special-operation': {
    code: 'minor-special-operation',
    params: { age: 17, adultAge: 18, certificate: cert },
  },
  'retirement-age-reached': {
    code: 'retirement-age-reached',
    params: { retirementDate: d('2025-09-01'), schedule: 'male', retirementAgeMonths: 723 },
  },
  'retirement-undetermined': {
    code: 'retirement-undetermined',
    params: { age: 55, earliestRetirementDate: d('2021-01-01') },
  },
  'outside-post-age-range': { code: 'outside-post-age-range', params: { age: 50, min: 18, max: 45 } },
  'employer-not-approved': { code: 'employer-not-approved', params: { employer: e1, status: 'pending' } },
  'employer-vetting-expired': {
    code: 'employer-vetting-expired',
    params: { employer: e1, validUntil: d('2025-12-31') },
  },
  'employer-vetting-not-yet-valid': {
    code: 'employer-vetting-not-yet-valid',
    params: { employer: e1, vettedOn: d('2026-04-01') },
  },
  'no-openings-left': { code: 'no-openings-left', params: { openings: 10, filled: 10 } },
  'window-not-open': { code: 'window-not-open', params: { opens: d('2026-04-01') } },
  'window-closed': { code: 'window-closed', params: { closes: d('2026-02-28') } },
  'available-after-window': {
    code: 'available-after-window',
    params: { availableFrom: d('2026-08-01'), closes: d('2026-06-30') },
  },
  'cannot-leave-home': { code: 'cannot-leave-home', params: { originCounty: ZHENXIONG, site } },
  'outside-mobility-scope': {
    code: 'outside-mobility-scope',
    params: { scope: 'home-province', originCounty: ZHENXIONG, site },
  },
  'certificate-missing': { code: 'certificate-missing', params: { certificate: cert } },
  'certificate-expired': {
    code: 'certificate-expired',
    params: { certificate: cert, validUntil: d('2025-01-01') },
  },
  'required-skill-missing': { code: 'required-skill-missing', params: { skill } },
  'refused-destination': {
    code: 'refused-destination',
    params: { destination: { kind: 'park', park: 'guanshao' as ParkId } },
  },
  'dormitory-needed': { code: 'dormitory-needed', params: {} },
  'below-minimum-pay': { code: 'below-minimum-pay', params: { net: 2500, minimum: 3500, short: 1000 } },
  'ended-for-cause': {
    code: 'ended-for-cause',
    params: { employer: e1, post: 'p1' as PostId, reason: 'wages-unpaid', on: d('2026-01-15') },
  },
};

/** One example of every score reason code. */
const REASONS: { readonly [K in ScoreReasonCode]: Extract<ScoreReason, { code: K }> } = {
  'skill-required-met': { code: 'skill-required-met', params: { skill, held: 4, required: 5 } },
  'skill-required-below-level': {
    code: 'skill-required-below-level',
    params: { skill, held: 5, required: 3, credit: 0.6 },
  },
  'skill-required-related': {
    code: 'skill-required-related',
    params: { skill, via: 'machine-maintenance' as SkillId, credit: 0.3 },
  },
  'skill-required-trained': {
    code: 'skill-required-trained',
    params: { skill, course: '焊工培训', credit: 1 },
  },
  'skill-required-learn-on-job': { code: 'skill-required-learn-on-job', params: { skill, credit: 0.5 } },
  'skill-required-missing': { code: 'skill-required-missing', params: { skill } },
  'skill-optional-held': { code: 'skill-optional-held', params: { skill, credit: 1 } },
  'skill-optional-missing': { code: 'skill-optional-missing', params: { skill } },
  'skill-certified': { code: 'skill-certified', params: { skill } },
  'skills-none-required': { code: 'skills-none-required', params: {} },
  'skills-used': { code: 'skills-used', params: { used: [skill], of: 2 } },
  'skills-unused': { code: 'skills-unused', params: { unused: ['packaging' as SkillId] } },
  'pay-net': { code: 'pay-net', params: { basis: 4950, dormitoryCost: 0, mealsCost: 300, net: 4650 } },
  'pay-piece-rate-floor': { code: 'pay-piece-rate-floor', params: { guaranteed: 2100, expected: 6000 } },
  'pay-below-minimum-acceptable': { code: 'pay-below-minimum-acceptable', params: { net: 2500, min: 3000 } },
  'pay-between-minimum-and-target': {
    code: 'pay-between-minimum-and-target',
    params: { net: 3350, min: 3000, target: 4500 },
  },
  'pay-meets-target': { code: 'pay-meets-target', params: { net: 4650, target: 4500 } },
  'pay-uplift-over-home-minimum': {
    code: 'pay-uplift-over-home-minimum',
    params: { net: 3500, homeMinimum: 1750, county: '440204' as never, uplift: 1 },
  },
  'home-minimum-wage-unknown': { code: 'home-minimum-wage-unknown', params: { county: ZHENXIONG } },
  'origin-home-county': { code: 'origin-home-county', params: { county: ZHENXIONG } },
  'origin-park-serves': { code: 'origin-park-serves', params: { park: 'yuedian' as ParkId } },
  'origin-paired-town': { code: 'origin-paired-town', params: { county: ZHENXIONG, town: TANGXIA } },
  'origin-designated-base': { code: 'origin-designated-base', params: { base: 'b1' as BaseId } },
  'origin-preferred-destination': {
    code: 'origin-preferred-destination',
    params: { destination: { kind: 'area', area: '4419' as AreaCode } },
  },
  'origin-same-prefecture': { code: 'origin-same-prefecture', params: { area: '5306' as AreaCode } },
  'origin-same-province': { code: 'origin-same-province', params: { area: '53' as AreaCode } },
  'origin-cross-province': {
    code: 'origin-cross-province',
    params: { from: ZHENXIONG as string as AreaCode, to: TANGXIA as string as AreaCode },
  },
  'origin-fellows-at-employer': {
    code: 'origin-fellows-at-employer',
    params: { county: ZHENXIONG, count: 3 },
  },
  'origin-no-fellows-at-employer': { code: 'origin-no-fellows-at-employer', params: { county: ZHENXIONG } },
  'language-shared': { code: 'language-shared', params: { languages: ['zh'] } },
  'language-not-shared': { code: 'language-not-shared', params: { post: ['yue'], labourer: ['zh', 'ii'] } },
  'employer-criteria': { code: 'employer-criteria', params: { met: ['well-managed', 'good-pay'], of: 4 } },
  'employer-retention': { code: 'employer-retention', params: { placements: 20, retained: 15, rate: 0.75 } },
  'employer-track-record-missing': { code: 'employer-track-record-missing', params: { employer: e1 } },
  'employer-retention-measured': {
    code: 'employer-retention-measured',
    params: { placements: 12, months: 6, rate: 0.75 },
  },
};

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

function wellFormed(text: string): void {
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text).not.toMatch(/undefined|NaN|\[object Object\]|null/);
}

describe('every code renders in every locale', () => {
  for (const locale of LOCALES) {
    for (const e of Object.values(EXCLUSIONS)) {
      it(`${locale} exclusion ${e.code}`, () => wellFormed(renderExclusion(e, locale)));
    }
    for (const r of Object.values(REASONS)) {
      it(`${locale} reason ${r.code}`, () => wellFormed(renderScoreReason(r, locale)));
    }
  }
  it('the two locales differ for every code', () => {
    for (const e of Object.values(EXCLUSIONS))
      expect(renderExclusion(e, 'en')).not.toBe(renderExclusion(e, 'zh-CN'));
    for (const r of Object.values(REASONS))
      expect(renderScoreReason(r, 'en')).not.toBe(renderScoreReason(r, 'zh-CN'));
  });
});

describe('names, money and dates', () => {
  it('money is 4,500元 in Chinese and ¥4,500 in English, rounded to the yuan', () => {
    expect(namerFor('zh-CN', dongguanPolicy).money(4500)).toBe('4,500元');
    expect(namerFor('en', dongguanPolicy).money(4500)).toBe('¥4,500');
    expect(namerFor('en', dongguanPolicy).money(1234567.4)).toBe('¥1,234,567');
    expect(namerFor('en', dongguanPolicy).money(999)).toBe('¥999');
    expect(namerFor('en', dongguanPolicy).money(-1200)).toBe('¥-1,200');
  });
  it('places by division name, skills, certificates and parks by policy name', () => {
    expect(renderScoreReason(REASONS['origin-paired-town'])).toBe('塘厦镇与镇雄县县镇对口联系');
    expect(renderScoreReason(REASONS['skill-required-missing'], 'en')).toBe(
      'Lacks a required skill: Welding',
    );
    expect(renderExclusion(EXCLUSIONS['certificate-missing'], 'en')).toBe(
      'Missing certificate: Special operation: low-voltage electrician',
    );
    expect(renderExclusion(EXCLUSIONS['required-skill-missing'], 'en')).toBe(
      'The post requires Welding and does not train beginners on the job; the labourer has no route to it (not held, not trained, no related skill)',
    );
    expect(renderExclusion(EXCLUSIONS['required-skill-missing'])).toBe(
      '岗位要求焊接且不提供岗前培训，本人既不具备该技能，也没有相近技能或相关培训',
    );
    expect(renderScoreReason(REASONS['origin-park-serves'])).toContain('粤滇');
    expect(renderScoreReason(REASONS['origin-cross-province'], 'en')).toBe(
      'Across provinces: Yunnan Province (云南省) → Guangdong Province (广东省)',
    );
  });
  it('a training course by its catalogue name, else by the id given', () => {
    const trained = (course: string) =>
      ({ code: 'skill-required-trained', params: { skill, course, credit: 1 } }) as const;
    expect(renderScoreReason(trained('auto-repair-zhaotong'))).toContain('汽车维修培训（昭通）');
    expect(renderScoreReason(trained('auto-repair-zhaotong'), 'en')).toContain(
      'Auto repair course (Zhaotong)',
    );
    expect(renderScoreReason(trained('焊工培训'))).toContain('“焊工培训”');
  });
  it('Dongxiang and Tujia by name', () => {
    expect(namerFor('zh-CN', dongguanPolicy).languages(['sce', 'tji'])).toBe('东乡语、土家语');
    expect(namerFor('en', dongguanPolicy).languages(['sce', 'tji'])).toBe('Dongxiang, Tujia');
  });
  it('the skills a post uses and does not use', () => {
    expect(renderScoreReason(REASONS['skills-used'], 'en')).toBe(
      "The post uses Welding of the labourer's 2 skills",
    );
    expect(renderScoreReason(REASONS['skills-unused'])).toContain('用不上');
  });
  it('dates as written', () => {
    expect(renderExclusion(EXCLUSIONS['window-closed'])).toBe('报名已于2026-02-28截止');
    expect(renderExclusion(EXCLUSIONS['window-closed'], 'en')).toBe('Applications closed on 2026-02-28');
  });
  it('employers by name when a dataset is passed, else by id', () => {
    const ds = dataset();
    expect(renderExclusion(EXCLUSIONS['employer-not-approved'], 'zh-CN', ds)).toContain('示例电子厂');
    expect(renderExclusion(EXCLUSIONS['employer-not-approved'], 'zh-CN')).toContain('e1');
  });
  it('the default locale is zh-CN', () => {
    expect(renderScoreReason(REASONS['pay-meets-target'])).toBe(
      renderScoreReason(REASONS['pay-meets-target'], 'zh-CN'),
    );
    expect(renderScoreReason(REASONS['pay-meets-target'])).toBe('到手4,650元，达到期望4,500元');
  });
});

describe('composed renderers', () => {
  const ds = dataset({
    labourers: [
      labourer({ name: '张三' }),
      labourer({ id: 'w2' as LabourerId, birthDate: d('2011-01-01') }),
      labourer({ id: 'w3' as LabourerId, household: 'monitored' }),
    ],
    posts: [
      post(),
      post({
        id: 'p2' as PostId,
        title: '焊工 | 夜班',
        requiredSkills: [{ skill, minLevel: 5 }],
        // Trains beginners, so the unskilled w1 may be offered it (required-skill-missing aside).
        trainsOnJob: true,
      }),
      post({ id: 'p3' as PostId, window: { opens: d('2025-01-01'), closes: d('2026-02-28') } }),
    ],
    employers: [employer({ workforceByOrigin: [{ county: ZHENXIONG, count: 3 }] })],
  });

  it('renderBreakdown prints the score and one line per component with its reasons', () => {
    for (const locale of LOCALES) {
      const b = scorePair(ds, ds.labourers[0]!, ds.posts[0]!);
      const text = renderBreakdown(b, locale, ds);
      wellFormed(text);
      const lines = text.split('\n');
      expect(lines[0]).toContain(b.score.toFixed(3));
      const reasonLines = lines.filter((l) => l.startsWith('  - ')).length;
      expect(reasonLines).toBe(b.components.reduce((s, c) => s + c.reasons.length, 0));
      for (const c of b.components) expect(text).toContain(c.contribution.toFixed(3));
    }
    expect(renderBreakdown(scorePair(ds, ds.labourers[0]!, ds.posts[0]!), 'en').split('\n')[1]).toMatch(
      /^skills: value 1\.000, weight 0\.40 \(effective 0\.\d{3}\), contribution 0\.\d{3}$/,
    );
  });

  it('renderAssessment says eligible with the score, or lists every exclusion', () => {
    const ok = renderAssessment(explainPair(ds, 'w1', 'p1'), 'en', ds);
    expect(ok.split('\n')[0]).toMatch(
      /^w1 张三 from Zhenxiong County \(镇雄县\) → p1 普工 at Tangxia Town \(塘厦镇\): eligible, score 0\.\d{3}$/,
    );
    const closed = renderAssessment(explainPair(ds, 'w1', 'p3'), 'zh-CN', ds);
    expect(closed).toContain('不符合条件');
    expect(closed).toContain('报名已于2026-02-28截止');
    expect(closed).toContain('若符合条件');
    const child = renderAssessment(explainPair(ds, 'w2', 'p1'), 'en', ds);
    expect(child).toContain('no job may be introduced');
    expect(child).not.toContain('would score');
    for (const locale of LOCALES) wellFormed(renderAssessment(explainPair(ds, 'w3', 'p2'), locale, ds));
  });

  it('renderRanking prints a table with rank, id, title, site, score and top reasons', () => {
    const text = renderRanking(rankPosts(ds, 'w1'), 'zh-CN', ds);
    wellFormed(text);
    const lines = text.split('\n');
    expect(lines).toContain('| 排名 | 岗位 | 名称 | 地点 | 得分 | 主要原因 |');
    expect(lines.some((l) => l.startsWith('| 1 | p1 | 普工 | 塘厦镇 | 0.'))).toBe(true);
    expect(text).toContain('焊工 \\| 夜班');
    expect(text).toContain('不符合条件的岗位：1 个');
    const en = renderRanking(rankLabourers(ds, 'p1'), 'en', ds);
    wellFormed(en);
    expect(en).toContain('| Rank | Labourer | Name | Origin | Group | Score | Top reasons |');
    expect(en).toContain('Excluded labourers: 1');
  });

  it('renderRanking for a child says no post may be introduced and lists none', () => {
    const text = renderRanking(rankPosts(ds, 'w2'), 'zh-CN', ds);
    expect(text).toContain('依法不得为其介绍任何岗位');
    expect(text).not.toContain('p1');
  });
});

it('an unknown id in a policy lookup renders as the id itself', () => {
  const text = renderScoreReason(
    { code: 'skill-required-missing', params: { skill: 'no-such' as SkillId } },
    'en',
  );
  expect(text).toBe('Lacks a required skill: no-such');
  expect(namerFor('en', dongguanPolicy).place('441900999' as TownCode)).toBe('441900999');
});
