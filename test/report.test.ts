import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import type { Plan, PlanEntry } from '../src/plan.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import type { Policy, Source } from '../src/policy/types.js';
import { planToCsv, reportToCsv } from '../src/report-csv.js';
import { reportToHtml } from '../src/report-html.js';
import { reportToMarkdown } from '../src/report-markdown.js';
import { buildReport } from '../src/report.js';
import type { AreaCode, CountyCode, EmployerId, IsoDate, ParkId, PostId, LabourerId } from '../src/types.js';
import { dataset, employer, labourer, post } from './helpers/build.js';

const SOURCE: Source = { citation: 'test notice', confidence: 'illustrative' };
const SHAOGUAN_WUJIANG = '440203' as CountyCode;
const DONGXIANG = '622926' as CountyCode;

// Under 16, gender not recorded (no `gender` key at all).
const { gender: _unrecorded, ...child } = labourer({
  id: 'c' as LabourerId,
  birthDate: '2012-05-05' as IsoDate,
});

const ds = dataset({
  labourers: [
    labourer({ id: 'a' as LabourerId, gender: 'male' }),
    labourer({ id: 'b' as LabourerId, household: 'other', originCounty: SHAOGUAN_WUJIANG, gender: 'female' }),
    child,
    labourer({ id: 'd' as LabourerId, cannotLeaveHome: true, gender: 'male' }),
    labourer({ id: 'e' as LabourerId, originCounty: DONGXIANG, gender: 'female', household: 'monitored' }),
  ],
  employers: [employer(), employer({ id: 'e2' as EmployerId, name: '<b>园区</b> & 厂' })],
  posts: [
    post(),
    post({
      id: 'p2' as PostId,
      employer: 'e2' as EmployerId,
      site: { kind: 'park', park: 'yuedian' as ParkId },
      openings: 5,
      filled: 4,
      pay: { kind: 'monthly', baseMonthly: 2000, expectedMonthly: 3000 },
      dormitory: { provided: false, monthlyCost: 0 },
      meals: { provided: false, monthlyCost: 0 },
    }),
  ],
});

const entries: readonly PlanEntry[] = [
  {
    kind: 'placed',
    labourer: 'a' as LabourerId,
    post: 'p1' as PostId,
    employer: 'e1' as EmployerId,
    score: 0.8,
    bonus: 0,
    tier: 0,
  },
  {
    kind: 'placed',
    labourer: 'b' as LabourerId,
    post: 'p1' as PostId,
    employer: 'e1' as EmployerId,
    score: 0.6,
    bonus: 0,
    tier: 1,
  },
  {
    kind: 'unplaced',
    labourer: 'c' as LabourerId,
    tier: 0,
    reasons: [{ code: 'labourer-excluded', params: { exclusions: [] } }],
  },
  {
    kind: 'placed',
    labourer: 'd' as LabourerId,
    post: 'p2' as PostId,
    employer: 'e2' as EmployerId,
    score: 0.7,
    bonus: 0,
    tier: 0,
  },
  {
    kind: 'unplaced',
    labourer: 'e' as LabourerId,
    tier: 0,
    reasons: [
      { code: 'posts-filled', params: { nearMisses: [] } },
      { code: 'below-min-score', params: { minScore: 0.5, best: { post: 'p1' as PostId, score: 0.4 } } },
    ],
  },
];
const plan: Pick<Plan, 'entries' | 'asOf' | 'mode'> = { entries, asOf: ds.asOf, mode: 'optimal' };
const report = buildReport(plan, ds);

describe('buildReport', () => {
  it('counts the totals, openings left and mean score', () => {
    expect(report.totals).toMatchObject({
      labourers: 5,
      placed: 3,
      unplaced: 2,
      placementRate: 3 / 5,
      openings: 11,
      fillRate: 3 / 11,
    });
    expect(report.totals.meanScore).toBeCloseTo(0.7, 12);
    expect(report.asOf).toBe('2026-03-01');
    expect(report.plan).toEqual({ asOf: '2026-03-01', mode: 'optimal' });
    expect(report.policy.id).toBe(dongguanPolicy.id);
  });

  it('splits by origin county, prefecture and province, with official names', () => {
    expect(
      report.byCounty.map((s) => [s.key, s.name.zh, s.prefecture, s.province, s.labourers, s.placed]),
    ).toEqual([
      ['440203', '武江区', '4402', '44', 1, 1],
      ['530627', '镇雄县', '5306', '53', 3, 2],
      ['622926', '东乡族自治县', '6229', '62', 1, 0],
    ]);
    expect(report.byPrefecture.map((s) => [s.key, s.name.zh, s.unplaced, s.placementRate])).toEqual([
      ['4402', '韶关市', 0, 1],
      ['5306', '昭通市', 1, 2 / 3],
      ['6229', '临夏回族自治州', 1, 0],
    ]);
    expect(report.byProvince.map((s) => s.key)).toEqual(['44', '53', '62']);
  });

  it('splits by tier and gender, unrecorded gender kept apart', () => {
    expect(report.byTier.map((s) => [s.tier, s.labourers, s.placed])).toEqual([
      [0, 4, 2],
      [1, 1, 1],
    ]);
    expect(report.byGender.map((s) => [s.key, s.labourers, s.placed])).toEqual([
      ['female', 2, 1],
      ['male', 2, 2],
      ['unrecorded', 1, 0],
    ]);
  });

  it('counts the unplaced under their first reason only', () => {
    expect(report.unplacedByReason).toEqual([
      { code: 'labourer-excluded', count: 1 },
      { code: 'no-eligible-post', count: 0 },
      { code: 'below-min-score', count: 0 },
      { code: 'posts-filled', count: 1 },
      { code: 'group-not-placed-whole', count: 0 },
    ]);
  });

  it('tells in-province from cross-province, and near home from the city', () => {
    const placed = (rows: readonly { key: string; placed: number }[]) => rows.map((r) => [r.key, r.placed]);
    expect(placed(report.provinceMove.rows)).toEqual([
      ['in-province', 2],
      ['cross-province', 1],
    ]);
    expect(report.provinceMove.unplaced).toBe(2);
    expect(placed(report.setting.rows)).toEqual([
      ['near-home', 1],
      ['city', 2],
      ['elsewhere', 0],
    ]);
  });

  it('compares net pay with what the placed asked for and with the home minimum wage', () => {
    // a and b: (2300 + 5000) / 2 − 300 meals = 3350; d: (2000 + 3000) / 2 = 2500.
    const p = report.totals.pay;
    expect(p).toMatchObject({ placed: 3, meetingMin: 2, meetingTarget: 0, meanMin: 3000, meanTarget: 4500 });
    expect(p.meanNet).toBeCloseTo((3350 * 2 + 2500) / 3, 9);
    // Only Shaoguan (Guangdong tier 4, 1,750 from 2025-03-01) has a minimum wage in the default policy.
    expect(p).toMatchObject({
      withHomeMinimum: 1,
      meanHomeMinimum: 1750,
      meanNetWithHomeMinimum: 3350,
      aboveHomeMinimum: 1,
    });
    const nearHome = report.setting.rows.find((r) => r.key === 'near-home')!;
    expect(nearHome.pay.meanNet).toBe(2500);
  });

  it('gives the fill rate by employer and by site', () => {
    expect(report.byEmployer.map((e) => [e.key, e.posts, e.openings, e.placed, e.fillRate])).toEqual([
      ['e1', 1, 10, 2, 0.2],
      ['e2', 1, 1, 1, 1],
    ]);
    expect(report.bySite.map((s) => [s.key, s.name.zh, s.openings, s.placed])).toEqual([
      ['park:yuedian', '粤滇产业园', 1, 1],
      ['town:441900116', '塘厦镇', 10, 2],
    ]);
  });

  it('leaves groups below the minimum size out of the disparity figures', () => {
    expect(report.disparity).toEqual({ minGroupSize: 5 });
    const small = buildReport(plan, ds, { minGroupSize: 1 });
    expect(small.disparity.genderRateGap).toBeCloseTo(0.5 - 1, 12);
    expect(small.disparity.genderPayRatio).toBeCloseTo(3350 / ((3350 + 2500) / 2), 12);
    expect(small.disparity.prefectureRate).toMatchObject({
      highest: { key: '4402', value: 1 },
      lowest: { key: '6229', value: 0 },
      gap: 1,
    });
    expect(small.disparity.prefecturePay).toMatchObject({
      highest: { key: '4402' },
      lowest: { key: '5306' },
    });
  });

  it('says travel subsidies are not defined when the policy has none', () => {
    expect(report.travelSubsidy).toEqual({ defined: false });
    expect(reportToMarkdown(report)).toContain('政策中未规定交通补贴');
    expect(reportToHtml(report, 'en')).toContain('Travel subsidies are not defined by the policy');
  });

  it('counts labourers eligible for travel subsidies where the policy defines them', () => {
    const policy: Policy = {
      ...dongguanPolicy,
      travelSubsidies: [
        {
          from: '2025-01-01' as IsoDate,
          originArea: '53' as AreaCode,
          crossProvinceOnly: true,
          amount: 500,
          households: ['registered', 'monitored'],
          source: SOURCE,
        },
        {
          from: '2025-01-01' as IsoDate,
          originArea: '530627' as AreaCode,
          crossProvinceOnly: false,
          amount: 300,
          source: SOURCE,
        },
        {
          from: '2024-01-01' as IsoDate,
          to: '2026-01-01' as IsoDate,
          originArea: '44' as AreaCode,
          crossProvinceOnly: false,
          source: SOURCE,
        },
        {
          from: '2025-01-01' as IsoDate,
          originArea: '44' as AreaCode,
          crossProvinceOnly: false,
          households: ['registered'],
          source: SOURCE,
        },
      ],
    };
    const r = buildReport(plan, { ...ds, policy });
    // a (cross-province, registered, Zhenxiong) fits rows 1 and 2; d (near home) row 2 only; b's rows
    // are expired or for registered households (b is 'other').
    expect(r.travelSubsidy).toEqual({
      defined: true,
      eligible: 2,
      withAmount: 2,
      totalAmount: 600,
      rows: [
        {
          originArea: '53',
          name: { zh: '云南省', en: 'Yunnan Province (云南省)' },
          crossProvinceOnly: true,
          from: '2025-01-01',
          amount: 500,
          eligible: 1,
        },
        {
          originArea: '530627',
          name: { zh: '镇雄县', en: 'Zhenxiong County (镇雄县)' },
          crossProvinceOnly: false,
          from: '2025-01-01',
          amount: 300,
          eligible: 2,
        },
        {
          originArea: '44',
          name: { zh: '广东省', en: 'Guangdong Province (广东省)' },
          crossProvinceOnly: false,
          from: '2024-01-01',
          to: '2026-01-01',
          eligible: 0,
        },
        {
          originArea: '44',
          name: { zh: '广东省', en: 'Guangdong Province (广东省)' },
          crossProvinceOnly: false,
          from: '2025-01-01',
          eligible: 0,
        },
      ],
    });
    expect(reportToMarkdown(r, 'en')).toContain('Placed labourers eligible for a travel subsidy: 2.');
  });

  it('refuses a plan that names a labourer or post the dataset lacks', () => {
    const stray = { ...plan, entries: [...entries, { ...entries[2]!, labourer: 'zz' as LabourerId }] };
    expect(() => buildReport(stray, ds)).toThrow(/buildReport: .*labourer zz/);
    const badPost = { ...plan, entries: [{ ...entries[0]!, post: 'nope' as PostId } as PlanEntry] };
    expect(() => buildReport(badPost, ds)).toThrow(/post nope/);
    expect(() => buildReport(plan, ds, { minGroupSize: 0 })).toThrow(RangeError);
  });

  it('reports progress up to the last entry', () => {
    const calls: [number, number][] = [];
    buildReport(plan, ds, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.at(-1)).toEqual([5, 5]);
  });

  it('reads a plan made by assign', () => {
    const made = assign(ds);
    const r = buildReport(made, ds);
    expect(r.totals.placed).toBe(made.summary.placed);
    expect(r.byEmployer.map((e) => e.placed)).toEqual(made.summary.byEmployer.map((e) => e.placed));
  });
});

describe('reportToMarkdown', () => {
  it('has a title, the date and one table per split, in each locale', () => {
    const zh = reportToMarkdown(report);
    expect(zh.split('\n')[0]).toBe('# 东莞劳务协作安置情况报告');
    expect(zh).toContain('数据日期 2026-03-01');
    expect(zh).toContain('| 镇雄县 | 3 | 2 | 1 | 66.7% | 2,925元 |');
    expect(zh).toContain('| 本人不符合条件（未满16岁或已到退休年龄） | 1 | 50.0% |');
    const en = reportToMarkdown(report, 'en');
    expect(en.split('\n')[0]).toBe('# Programme report: Dongguan labour cooperation');
    expect(en).toContain('| Zhenxiong County (镇雄县, 530627) | 3 | 2 | 1 | 66.7% | ¥2,925 |');
    expect(en).toContain('## Why labourers are unplaced');
  });

  it('escapes table separators in names', () => {
    const piped = buildReport(plan, {
      ...ds,
      employers: [employer({ name: 'A|B' }), employer({ id: 'e2' as EmployerId })],
    });
    expect(reportToMarkdown(piped)).toContain('| A\\|B |');
  });
});

describe('reportToHtml', () => {
  const html = reportToHtml(report);

  it('is one document in the locale with inline style and SVG charts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>东莞劳务协作安置情况报告 · 2026-03-01</title>');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(reportToHtml(report, 'en')).toContain('<html lang="en">');
  });

  it('loads nothing from outside the file', () => {
    expect(html).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|href)=/);
  });

  it('escapes names from the data', () => {
    expect(html).toContain('&lt;b&gt;园区&lt;/b&gt; &amp; 厂');
    expect(html).not.toContain('<b>园区</b>');
  });
});

describe('reportToCsv and planToCsv', () => {
  const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('writes the report as UTF-8 with a BOM, one row per group of every split', () => {
    const text = decode(reportToCsv(report));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('分组,代码,名称,人数,已安置,未安置,安置率或招满率')).toBe(true);
    expect(lines[1]!.startsWith('合计,all,东莞劳务协作,5,3,2,0.6,11,')).toBe(true);
    expect(lines).toContain('来源县,530627,镇雄县,3,2,1,0.6667,,2925,4500,3000,1,0,0,,0');
    expect(lines).toContain('未安置原因,posts-filled,合适岗位已招满,1,,1,,,,,,,,,,');
    expect(lines.at(-1)!.startsWith('交通补贴,undefined,')).toBe(true);
    // 1 total + 2 tiers + 3 provinces + 3 prefectures + 3 counties + 3 genders + 5 reasons
    // + 2 moves + 3 settings + 2 employers + 2 sites + 1 subsidy line, after the header.
    expect(lines.length).toBe(1 + 30);
    const en = decode(reportToCsv(report, { locale: 'en' }));
    expect(en.slice(1).startsWith('section,key,name,labourers,placed,unplaced,rate')).toBe(true);
  });

  it('writes the plan one row per labourer, with where they go or why not', () => {
    const text = decode(planToCsv(plan, ds, { locale: 'en' }));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines.length).toBe(1 + entries.length);
    expect(lines[0]).toBe(
      'labourer,name,originCounty,originCountyName,tier,gender,outcome,post,postTitle,employer,employerName,site,score,netMonthlyPay,minMonthly,targetMonthly,group,reasonCode,reasons',
    );
    expect(lines[1]).toBe(
      'a,,530627,Zhenxiong County (镇雄县),priority,male,placed,p1,普工,e1,示例电子厂,Tangxia Town (塘厦镇),0.8,3350,3000,4500,,,',
    );
    expect(lines[5]).toMatch(
      /^e,,622926,Dongxiang Autonomous County \(东乡族自治县\),priority,female,unplaced,,,,,,,,3000,4500,,posts-filled,/,
    );
    expect(decode(planToCsv(plan, ds)).slice(1).split('\r\n')[0]!.startsWith('编号,姓名,户籍县代码')).toBe(
      true,
    );
  });
});
