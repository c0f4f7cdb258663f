/**
 * A programme report as CSV for spreadsheets, and a plan as CSV, one row per labourer.
 *
 * @module
 */
import { contextOf, siteArea } from './internal/context.js';
import { writeCsv, type WriteCsvOptions } from './io/export.js';
import type { Plan } from './plan.js';
import type { LocalizedName } from './policy/types.js';
import { renderUnplacedReason } from './render-plan.js';
import { namerFor, type Locale } from './render.js';
import type { OutcomeSlice, PayFigures, ProgrammeReport } from './report.js';
import { netPay } from './score.js';
import type { Dataset } from './types.js';
import { nameOf, share, WORDS } from './report-words.js';

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvHeaders {
  readonly [key: string]: { readonly zh: string; readonly en: string };
}

const REPORT_COLUMNS: CsvHeaders = {
  section: { zh: '分组', en: 'section' },
  key: { zh: '代码', en: 'key' },
  name: { zh: '名称', en: 'name' },
  labourers: { zh: '人数', en: 'labourers' },
  placed: { zh: '已安置', en: 'placed' },
  unplaced: { zh: '未安置', en: 'unplaced' },
  rate: { zh: '安置率或招满率', en: 'rate' },
  openings: { zh: '空缺岗位数', en: 'openings' },
  meanNet: { zh: '平均月到手收入', en: 'meanNetPay' },
  meanTarget: { zh: '平均期望月薪', en: 'meanTargetPay' },
  meanMin: { zh: '平均最低要求', en: 'meanMinimumPay' },
  meetingMin: { zh: '达到最低要求人数', en: 'meetingMinimum' },
  meetingTarget: { zh: '达到期望人数', en: 'meetingTarget' },
  withHome: { zh: '户籍地最低工资已知人数', en: 'withHomeMinimumWage' },
  meanHome: { zh: '户籍地最低工资均值', en: 'meanHomeMinimumWage' },
  aboveHome: { zh: '高于户籍地最低工资人数', en: 'aboveHomeMinimumWage' },
};

const SECTION_NAMES: Readonly<Record<string, LocalizedName>> = {
  total: { zh: '合计', en: 'total' },
  tier: { zh: '人员类别', en: 'tier' },
  province: { zh: '来源省', en: 'province' },
  prefecture: { zh: '来源市州', en: 'prefecture' },
  county: { zh: '来源县', en: 'county' },
  gender: { zh: '性别', en: 'gender' },
  reason: { zh: '未安置原因', en: 'unplaced-reason' },
  move: { zh: '省内跨省', en: 'province-move' },
  setting: { zh: '就近或城市', en: 'setting' },
  employer: { zh: '用人单位', en: 'employer' },
  site: { zh: '工作地点', en: 'site' },
  subsidy: { zh: '交通补贴', en: 'travel-subsidy' },
};

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function payCells(p: PayFigures): Record<string, unknown> {
  return {
    meanNet: p.placed === 0 ? '' : round(p.meanNet, 2),
    meanTarget: p.placed === 0 ? '' : round(p.meanTarget, 2),
    meanMin: p.placed === 0 ? '' : round(p.meanMin, 2),
    meetingMin: p.meetingMin,
    meetingTarget: p.meetingTarget,
    withHome: p.withHomeMinimum,
    meanHome: p.withHomeMinimum === 0 ? '' : round(p.meanHomeMinimum, 2),
    aboveHome: p.aboveHomeMinimum,
  };
}

function csvColumns(table: CsvHeaders, locale: Locale): { key: string; header: string }[] {
  return Object.entries(table).map(([key, h]) => ({ key, header: locale === 'zh-CN' ? h.zh : h.en }));
}

/** Options of {@link reportToCsv} and {@link planToCsv}. */
export interface ReportCsvOptions extends WriteCsvOptions {
  /**
   * Chinese headers and labels, or English ones.
   * @defaultValue 'zh-CN'
   */
  readonly locale?: Locale;
}

/**
 * A programme report as one CSV table (UTF-8 with BOM unless asked otherwise): one row per group of
 * every split (total, tier, province, prefecture, county, gender, unplaced reason, in or across
 * provinces, near home or city, employer, site, travel-subsidy row), the split named in the first
 * column, rates as fractions, money in CNY rounded to the fen.
 *
 * @param report - The report (from `buildReport`).
 * @param options - Header language and encoding.
 * @returns The file's bytes.
 * @example
 * new TextDecoder().decode(reportToCsv(report)).split('\r\n')[0]
 * //=> '分组,代码,名称,人数,已安置,未安置,安置率或招满率,空缺岗位数,平均月到手收入,…'
 *
 * Complexity: O(size of the report).
 */
export function reportToCsv(report: ProgrammeReport, options: ReportCsvOptions = {}): Uint8Array {
  const locale = options.locale ?? 'zh-CN';
  const sec = (s: string): string => nameOf(SECTION_NAMES[s] ?? { zh: s, en: s }, locale);
  const w = WORDS[locale];
  const rows: Record<string, unknown>[] = [];
  const t = report.totals;
  rows.push({
    section: sec('total'),
    key: 'all',
    name: nameOf(report.policy.name, locale),
    labourers: t.labourers,
    placed: t.placed,
    unplaced: t.unplaced,
    rate: round(t.placementRate, 4),
    openings: t.openings,
    ...payCells(t.pay),
  });
  const outcome = (s: string, slices: readonly OutcomeSlice[]): void => {
    for (const x of slices)
      rows.push({
        section: sec(s),
        key: x.key,
        name: nameOf(x.name, locale),
        labourers: x.labourers,
        placed: x.placed,
        unplaced: x.unplaced,
        rate: round(x.placementRate, 4),
        ...payCells(x.pay),
      });
  };
  outcome('tier', report.byTier);
  outcome('province', report.byProvince);
  outcome('prefecture', report.byPrefecture);
  outcome('county', report.byCounty);
  outcome('gender', report.byGender);
  for (const r of report.unplacedByReason)
    rows.push({
      section: sec('reason'),
      key: r.code,
      name: w.reasons[r.code],
      labourers: r.count,
      unplaced: r.count,
    });
  for (const [s, b] of [
    ['move', report.provinceMove],
    ['setting', report.setting],
  ] as const)
    for (const r of b.rows)
      rows.push({
        section: sec(s),
        key: r.key,
        name: nameOf(r.name, locale),
        labourers: r.placed,
        placed: r.placed,
        rate: round(share(r.placed, t.placed), 4),
        ...payCells(r.pay),
      });
  for (const [s, slices] of [
    ['employer', report.byEmployer],
    ['site', report.bySite],
  ] as const)
    for (const f of slices)
      rows.push({
        section: sec(s),
        key: f.key,
        name: nameOf(f.name, locale),
        placed: f.placed,
        rate: round(f.fillRate, 4),
        openings: f.openings,
      });
  const sub = report.travelSubsidy;
  if (!sub.defined) rows.push({ section: sec('subsidy'), key: 'undefined', name: w.subsidy.undefined });
  else
    for (const r of sub.rows)
      rows.push({
        section: sec('subsidy'),
        key: r.originArea,
        name: nameOf(r.name, locale),
        labourers: r.eligible,
        placed: r.eligible,
      });
  return writeCsv(rows, csvColumns(REPORT_COLUMNS, locale), options);
}

const PLAN_COLUMNS: CsvHeaders = {
  labourer: { zh: '编号', en: 'labourer' },
  name: { zh: '姓名', en: 'name' },
  county: { zh: '户籍县代码', en: 'originCounty' },
  countyName: { zh: '户籍县', en: 'originCountyName' },
  tier: { zh: '人员类别', en: 'tier' },
  gender: { zh: '性别', en: 'gender' },
  outcome: { zh: '结果', en: 'outcome' },
  post: { zh: '岗位编号', en: 'post' },
  title: { zh: '岗位名称', en: 'postTitle' },
  employer: { zh: '企业编号', en: 'employer' },
  employerName: { zh: '企业名称', en: 'employerName' },
  site: { zh: '工作地点', en: 'site' },
  score: { zh: '匹配得分', en: 'score' },
  net: { zh: '月到手收入', en: 'netMonthlyPay' },
  min: { zh: '最低期望月薪', en: 'minMonthly' },
  target: { zh: '期望月薪', en: 'targetMonthly' },
  group: { zh: '小组', en: 'group' },
  reason: { zh: '未安置原因代码', en: 'reasonCode' },
  why: { zh: '未安置原因', en: 'reasons' },
};

/**
 * A plan as one CSV table, one row per labourer in the plan's order: who, from where, placed where
 * (post, employer, site, score, net pay against their minimum and target) or why not (the first
 * reason's code and every reason as text).
 *
 * @param plan - The plan.
 * @param dataset - The dataset it was made from (names, origins, pay).
 * @param options - Header and text language, encoding.
 * @returns The file's bytes (UTF-8 with BOM unless asked otherwise).
 * @throws RangeError if an entry names a labourer or post the dataset does not hold.
 * @example
 * new TextDecoder().decode(planToCsv(plan, ds, { locale: 'en' })).split('\r\n')[0]
 * //=> 'labourer,name,originCounty,originCountyName,tier,gender,outcome,post,…'
 *
 * Complexity: O(N) for N entries, plus the text of the reasons.
 */
export function planToCsv(
  plan: Pick<Plan, 'entries'>,
  dataset: Dataset,
  options: ReportCsvOptions = {},
): Uint8Array {
  const locale = options.locale ?? 'zh-CN';
  const zh = locale === 'zh-CN';
  const w = WORDS[locale];
  const ctx = contextOf(dataset);
  const n = namerFor(locale, dataset);
  const genders = { female: zh ? '女' : 'female', male: zh ? '男' : 'male' } as const;
  const rows = plan.entries.map((entry) => {
    const labourer = ctx.labourers.get(entry.labourer);
    if (labourer === undefined)
      throw new RangeError(`planToCsv: the plan names labourer ${entry.labourer}, who is not in the dataset`);
    const base = {
      labourer: labourer.id,
      name: labourer.name ?? '',
      county: labourer.originCounty,
      countyName: n.place(labourer.originCounty),
      tier: zh ? w.tiers[entry.tier] : entry.tier === 0 ? 'priority' : 'other',
      gender: labourer.gender === undefined ? '' : genders[labourer.gender],
      min: labourer.pay.minMonthly,
      target: labourer.pay.targetMonthly,
    };
    if (entry.kind === 'unplaced')
      return {
        ...base,
        outcome: zh ? w.unplaced : 'unplaced',
        reason: entry.reasons[0].code,
        why: entry.reasons.map((r) => renderUnplacedReason(r, locale, dataset)).join(zh ? '；' : '; '),
      };
    const post = ctx.posts.get(entry.post);
    if (post === undefined)
      throw new RangeError(
        `planToCsv: the plan places ${entry.labourer} on post ${entry.post}, which is not in the dataset`,
      );
    return {
      ...base,
      outcome: zh ? w.placed : 'placed',
      post: post.id,
      title: post.title,
      employer: post.employer,
      employerName: ctx.employers.get(post.employer)?.name ?? post.employer,
      site: n.site(post.site),
      score: round(entry.score, 4),
      net: round(netPay(labourer, post, siteArea(post.site, ctx.parks)).net, 2),
      group: entry.group ?? '',
    };
  });
  return writeCsv(rows, csvColumns(PLAN_COLUMNS, locale), options);
}
