/**
 * A programme report as a person reads it: Markdown, one self-contained HTML page with inline SVG
 * charts (no script, font or address outside the file, so it opens offline and prints), and CSV for
 * spreadsheets; and a plan as CSV, one row per labourer.
 *
 * @module
 */
import { placeNameEn } from './division-names-en.js';
import { divisionName } from './divisions.js';
import { contextOf, siteArea } from './internal/context.js';
import { writeCsv, type WriteCsvOptions } from './io/export.js';
import type { Plan, PriorityTier, UnplacedReasonCode } from './plan.js';
import type { LocalizedName } from './policy/types.js';
import { renderUnplacedReason } from './render-plan.js';
import { retentionGroupLabel, retentionHeading, survivalShare } from './render-retention.js';
import type { RetentionReport } from './retention.js';
import { namerFor, type Locale } from './render.js';
import type { FillSlice, OutcomeSlice, PayFigures, ProgrammeReport, RetentionFigures } from './report.js';
import { netPay } from './score.js';
import type { Dataset } from './types.js';

// ---------------------------------------------------------------------------------------------
// Words

interface Words {
  readonly title: (policy: string) => string;
  readonly subtitle: (asOf: string, mode: string, planAsOf: string) => string;
  readonly modes: Readonly<Record<string, string>>;
  readonly labourers: string;
  readonly placed: string;
  readonly unplaced: string;
  readonly placementRate: string;
  readonly priorityRate: string;
  readonly meanNet: string;
  readonly fillRate: string;
  readonly openings: string;
  readonly posts: string;
  readonly share: string;
  readonly meanTarget: string;
  readonly meanMin: string;
  readonly homeMinimum: string;
  readonly meetingMin: string;
  readonly meetingTarget: string;
  readonly aboveHome: string;
  readonly count: string;
  readonly name: string;
  readonly sections: {
    readonly headline: string;
    readonly origin: string;
    readonly tier: string;
    readonly reasons: string;
    readonly destination: string;
    readonly pay: string;
    readonly fill: string;
    readonly disparity: string;
    readonly subsidy: string;
    readonly notes: string;
  };
  readonly charts: {
    readonly byPrefecture: string;
    readonly byCounty: string;
    readonly byProvince: string;
    readonly reasons: string;
    readonly move: string;
    readonly setting: string;
    readonly pay: string;
    readonly byEmployer: string;
    readonly bySite: string;
    readonly gender: string;
  };
  readonly reasons: Readonly<Record<UnplacedReasonCode, string>>;
  readonly tiers: Readonly<Record<PriorityTier, string>>;
  readonly headlineNote: {
    readonly placed: (placed: number, labourers: number) => string;
    readonly pay: (target: string) => string;
    readonly fill: (placed: number, openings: number) => string;
  };
  readonly payNotes: (p: PayFigures, money: (x: number) => string) => readonly string[];
  readonly homeMinimumUnknown: (unknown: number) => string;
  readonly disparity: {
    readonly genderRate: (gap: string) => string;
    readonly genderPay: (ratio: string) => string;
    readonly genderMissing: (min: number) => string;
    readonly originRate: (hi: string, hiRate: string, lo: string, loRate: string, gap: string) => string;
    readonly originPay: (hi: string, hiPay: string, lo: string, loPay: string) => string;
    readonly originMissing: (min: number) => string;
  };
  readonly subsidy: {
    readonly undefined: string;
    readonly eligible: (n: number) => string;
    readonly amount: (n: number, total: string) => string;
    readonly crossOnly: string;
    readonly anyMove: string;
    readonly from: string;
    readonly to: string;
    readonly amountCol: string;
    readonly area: string;
    readonly scope: string;
  };
  readonly notes: readonly string[];
  readonly footer: string;
  readonly none: string;
}

const ZH: Words = {
  title: (policy) => `${policy}安置情况报告`,
  subtitle: (asOf, mode, planAsOf) =>
    `数据日期 ${asOf} · 安置方案：${mode}${planAsOf === asOf ? '' : `（方案日期 ${planAsOf}）`}`,
  modes: { optimal: '最优方案', stable: '稳定匹配', greedy: '贪心基线' },
  labourers: '登记劳动力',
  placed: '已安置',
  unplaced: '未安置',
  placementRate: '安置率',
  priorityRate: '重点人员安置率',
  meanNet: '平均月到手收入',
  fillRate: '岗位招满率',
  openings: '空缺岗位数',
  posts: '岗位',
  share: '占比',
  meanTarget: '平均期望月薪',
  meanMin: '平均最低要求',
  homeMinimum: '户籍地最低工资',
  meetingMin: '达到最低要求',
  meetingTarget: '达到期望',
  aboveHome: '高于户籍地最低工资',
  count: '人数',
  name: '名称',
  sections: {
    headline: '总体情况',
    origin: '按来源地',
    tier: '按人员类别',
    reasons: '未安置原因',
    destination: '就业去向',
    pay: '收入与期望',
    fill: '用人单位与镇街招满率',
    disparity: '公平性（性别与来源地差异）',
    subsidy: '交通补贴',
    notes: '说明',
  },
  charts: {
    byPrefecture: '各市（州）安置人数与安置率',
    byCounty: '各县（市、区）安置人数与安置率',
    byProvince: '各省（区）安置情况',
    reasons: '未安置人员按首要原因',
    move: '省内与跨省就业',
    setting: '就近就业与城市就业',
    pay: '各市（州）已安置人员月收入与期望（元）',
    byEmployer: '各用人单位招满率',
    bySite: '各镇街、园区招满率',
    gender: '按性别：安置率与平均月收入',
  },
  reasons: {
    'worker-excluded': '本人不符合条件（未满16岁或已到退休年龄）',
    'no-eligible-post': '没有符合条件的岗位',
    'below-min-score': '匹配度低于方案下限',
    'posts-filled': '合适岗位已招满',
    'group-not-placed-whole': '同行小组无法整体安置',
  },
  tiers: { 0: '重点人员（脱贫户、监测户）', 1: '其他人员' },
  headlineNote: {
    placed: (placed, labourers) => `${labourers}人中安置${placed}人`,
    pay: (target) => `期望 ${target}`,
    fill: (placed, openings) => `${openings}个空缺岗位中安置${placed}人`,
  },
  payNotes: (p, money) => [
    `已安置 ${p.placed} 人，平均月到手收入 ${money(p.meanNet)}，平均期望 ${money(p.meanTarget)}，平均最低要求 ${money(p.meanMin)}。`,
    `${p.meetingMin} 人（${pct(share(p.meetingMin, p.placed))}）达到本人最低要求，${p.meetingTarget} 人（${pct(share(p.meetingTarget, p.placed))}）达到期望。`,
    p.withHomeMinimum === 0
      ? '政策中没有已安置人员户籍地的最低工资标准，无法与户籍地比较。'
      : `${p.withHomeMinimum} 人的户籍地最低工资标准已知（平均 ${money(p.meanHomeMinimum)}），他们平均月到手 ${money(p.meanNetWithHomeMinimum)}，其中 ${p.aboveHomeMinimum} 人高于户籍地最低工资。`,
  ],
  homeMinimumUnknown: (n) =>
    `${n} 名已安置人员的户籍地最低工资不在政策数据中（默认政策只含广东各市标准），可在政策的最低工资表中补充。`,
  disparity: {
    genderRate: (gap) => `女性安置率与男性相差 ${gap}（女性减男性）。`,
    genderPay: (ratio) => `女性平均月收入为男性的 ${ratio}。`,
    genderMissing: (min) => `男女任一方人数不足 ${min} 人，不计算性别差异。`,
    originRate: (hi, hiRate, lo, loRate, gap) =>
      `安置率最高的市（州）是${hi}（${hiRate}），最低的是${lo}（${loRate}），相差 ${gap}。`,
    originPay: (hi, hiPay, lo, loPay) => `平均月收入最高的是${hi}（${hiPay}），最低的是${lo}（${loPay}）。`,
    originMissing: (min) => `不足两个市（州）达到 ${min} 人，不比较来源地差异。`,
  },
  subsidy: {
    undefined: '政策中未规定交通补贴（各省规定不同，可在政策中按当地文件补充）。',
    eligible: (n) => `符合交通补贴条件的已安置人员：${n} 人。`,
    amount: (n, total) => `其中 ${n} 人补贴金额已知，合计 ${total}。`,
    crossOnly: '仅跨省',
    anyMove: '不限',
    from: '起始日期',
    to: '截止日期',
    amountCol: '每人金额',
    area: '来源地',
    scope: '范围',
  },
  notes: [
    '月到手收入 = （保底或底薪 + 预期月薪）÷ 2 − 宿舍费 − 伙食费（宿舍费在需要宿舍或离开本县时计入）。',
    '安置率 = 已安置人数 ÷ 登记人数；招满率 = 安置人数 ÷ 方案前剩余空缺岗位数。',
    '未安置人员按其第一条原因归类；每个分组的人数合计均等于总人数。',
  ],
  footer: '由 bangfu 生成',
  none: '—',
};

const EN: Words = {
  title: (policy) => `Programme report: ${policy}`,
  subtitle: (asOf, mode, planAsOf) =>
    `Data as of ${asOf} · placement plan: ${mode}${planAsOf === asOf ? '' : ` (plan dated ${planAsOf})`}`,
  modes: { optimal: 'optimal', stable: 'stable matching', greedy: 'greedy baseline' },
  labourers: 'Registered labourers',
  placed: 'Placed',
  unplaced: 'Unplaced',
  placementRate: 'Placement rate',
  priorityRate: 'Priority placement rate',
  meanNet: 'Mean monthly net pay',
  fillRate: 'Openings filled',
  openings: 'Openings',
  posts: 'Posts',
  share: 'Share',
  meanTarget: 'Mean target pay',
  meanMin: 'Mean minimum asked',
  homeMinimum: 'Home minimum wage',
  meetingMin: 'Meeting their minimum',
  meetingTarget: 'Meeting their target',
  aboveHome: 'Above home minimum wage',
  count: 'Labourers',
  name: 'Name',
  sections: {
    headline: 'At a glance',
    origin: 'By origin',
    tier: 'By priority tier',
    reasons: 'Why labourers are unplaced',
    destination: 'Where the placed work',
    pay: 'Pay against expectations',
    fill: 'Openings filled by employer and town',
    disparity: 'Disparities by gender and origin',
    subsidy: 'Travel subsidy',
    notes: 'Notes',
  },
  charts: {
    byPrefecture: 'Placed and unplaced by origin prefecture',
    byCounty: 'Placed and unplaced by origin county',
    byProvince: 'By origin province',
    reasons: 'Unplaced labourers by first reason',
    move: 'Within or across provinces',
    setting: 'Near home or in the city',
    pay: 'Monthly pay of the placed by origin prefecture (CNY)',
    byEmployer: 'Openings filled by employer',
    bySite: 'Openings filled by town or park',
    gender: 'By gender: placement rate and mean pay',
  },
  reasons: {
    'worker-excluded': 'Not eligible (under 16 or past retirement age)',
    'no-eligible-post': 'No eligible post',
    'below-min-score': 'Every match below the minimum score',
    'posts-filled': 'Suitable posts already filled',
    'group-not-placed-whole': 'Group could not be placed together',
  },
  tiers: { 0: 'Priority (registered or monitored households)', 1: 'Other labourers' },
  headlineNote: {
    placed: (placed, labourers) => `${placed} of ${labourers}`,
    pay: (target) => `target ${target}`,
    fill: (placed, openings) => `${placed} of ${openings} openings`,
  },
  payNotes: (p, money) => [
    `${p.placed} placed; mean monthly net pay ${money(p.meanNet)} against a mean target of ${money(p.meanTarget)} and a mean minimum of ${money(p.meanMin)}.`,
    `${p.meetingMin} (${pct(share(p.meetingMin, p.placed))}) earn at least their minimum, ${p.meetingTarget} (${pct(share(p.meetingTarget, p.placed))}) at least their target.`,
    p.withHomeMinimum === 0
      ? 'The policy holds no minimum wage for the home counties of the placed, so pay cannot be compared with home.'
      : `${p.withHomeMinimum} have a known home minimum wage (mean ${money(p.meanHomeMinimum)}); they earn ${money(p.meanNetWithHomeMinimum)} on average, and ${p.aboveHomeMinimum} earn more than it.`,
  ],
  homeMinimumUnknown: (n) =>
    `${n} placed labourers come from areas whose minimum wage the policy does not hold (the default policy has Guangdong's only); add rows to the policy's minimum wages to compare them.`,
  disparity: {
    genderRate: (gap) => `Women's placement rate differs from men's by ${gap} (women minus men).`,
    genderPay: (ratio) => `Women's mean net pay is ${ratio} of men's.`,
    genderMissing: (min) => `Fewer than ${min} women or men: no gender gap computed.`,
    originRate: (hi, hiRate, lo, loRate, gap) =>
      `Highest placement rate: ${hi} (${hiRate}); lowest: ${lo} (${loRate}); a gap of ${gap}.`,
    originPay: (hi, hiPay, lo, loPay) => `Highest mean pay: ${hi} (${hiPay}); lowest: ${lo} (${loPay}).`,
    originMissing: (min) =>
      `Fewer than two prefectures with ${min} or more labourers: no origin gap computed.`,
  },
  subsidy: {
    undefined:
      'Travel subsidies are not defined by the policy (rules vary by province; add them to the policy from the local notice).',
    eligible: (n) => `Placed labourers eligible for a travel subsidy: ${n}.`,
    amount: (n, total) => `${n} of them with a known amount, ${total} in all.`,
    crossOnly: 'cross-province only',
    anyMove: 'any placement',
    from: 'From',
    to: 'Until',
    amountCol: 'Amount each',
    area: 'Origin',
    scope: 'Scope',
  },
  notes: [
    'Net monthly pay = (guaranteed or base pay + expected pay) ÷ 2 − dormitory − meals (dormitory counted when needed or away from the home county).',
    'Placement rate = placed ÷ registered; openings filled = placed ÷ openings left before the plan.',
    'Unplaced labourers count under their first reason; every split adds up to the totals.',
  ],
  footer: 'Generated by bangfu',
  none: '—',
};

const WORDS: Readonly<Record<Locale, Words>> = { 'zh-CN': ZH, en: EN };

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** A share as a percentage with one decimal. */
function pct(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** A difference of shares in percentage points. */
function points(x: number, locale: Locale, sign = true): string {
  const v = (Math.round(x * 1000) / 10).toFixed(1);
  const signed = sign && x > 0 ? `+${v}` : v;
  return locale === 'zh-CN' ? `${signed}个百分点` : `${signed} points`;
}

/** Whole yuan with thousands separators: `4,500元` or `¥4,500`. */
function moneyFormat(locale: Locale): (yuan: number) => string {
  return (yuan) => {
    const digits = String(Math.round(Math.abs(yuan))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const signed = yuan < 0 && Math.round(Math.abs(yuan)) !== 0 ? `-${digits}` : digits;
    return locale === 'zh-CN' ? `${signed}元` : `¥${signed}`;
  };
}

function nameOf(name: LocalizedName, locale: Locale): string {
  return locale === 'zh-CN' ? name.zh : name.en;
}

/** An area's name; in English with its Chinese name and code after it, "Zhenxiong County (镇雄县, 530627)". */
function areaLabel(s: { readonly key: string; readonly name: LocalizedName }, locale: Locale): string {
  if (locale === 'zh-CN') return s.name.zh;
  // A place's English name ends with its Chinese in brackets: the code joins it there.
  const en = s.name.en;
  return en.endsWith(')') ? `${en.slice(0, -1)}, ${s.key})` : `${en} (${s.key})`;
}

function modeName(mode: string, w: Words): string {
  return w.modes[mode] ?? mode;
}

// ---------------------------------------------------------------------------------------------
// Markdown

function mdCell(text: string | number): string {
  return String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mdTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const head = `| ${headers.map(mdCell).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

function outcomeRows(
  slices: readonly OutcomeSlice[],
  label: (s: OutcomeSlice) => string,
  money: (x: number) => string,
  w: Words,
): (string | number)[][] {
  return slices.map((s) => [
    label(s),
    s.labourers,
    s.placed,
    s.unplaced,
    pct(s.placementRate),
    s.placed === 0 ? w.none : money(s.pay.meanNet),
  ]);
}

function fillRows(slices: readonly FillSlice[], locale: Locale): (string | number)[][] {
  return slices.map((s) => [nameOf(s.name, locale), s.posts, s.openings, s.placed, pct(s.fillRate)]);
}

/**
 * A programme report as Markdown: headline figures, then one table per split, in the same order as
 * the HTML page.
 *
 * @param report - The report (from `buildReport`).
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @returns Markdown text ending in a newline.
 * @example
 * reportToMarkdown(buildReport(plan, ds), 'en').split('\n')[0] //=> '# Programme report: Dongguan labour cooperation'
 *
 * Complexity: O(size of the report).
 */
export function reportToMarkdown(report: ProgrammeReport, locale: Locale = 'zh-CN'): string {
  const w = WORDS[locale];
  const money = moneyFormat(locale);
  const t = report.totals;
  const priority = report.byTier.find((s) => s.tier === 0);
  const outcomeHead = [w.name, w.count, w.placed, w.unplaced, w.placementRate, w.meanNet];
  const fillHead = [w.name, w.posts, w.openings, w.placed, w.fillRate];
  const out: string[] = [
    `# ${w.title(nameOf(report.policy.name, locale))}`,
    '',
    w.subtitle(report.asOf, modeName(report.plan.mode, w), report.plan.asOf),
    '',
    `## ${w.sections.headline}`,
    '',
    `- ${w.labourers}: ${t.labourers}`,
    `- ${w.placed}: ${t.placed} (${pct(t.placementRate)})`,
    `- ${w.unplaced}: ${t.unplaced}`,
    ...(priority === undefined
      ? []
      : [`- ${w.priorityRate}: ${pct(priority.placementRate)} (${priority.placed}/${priority.labourers})`]),
    `- ${w.meanNet}: ${t.placed === 0 ? w.none : money(t.pay.meanNet)} (${w.headlineNote.pay(money(t.pay.meanTarget))})`,
    `- ${w.fillRate}: ${pct(t.fillRate)} (${w.headlineNote.fill(t.placed, t.openings)})`,
    '',
    `## ${w.sections.origin}`,
    '',
    ...(
      [
        [w.charts.byProvince, report.byProvince],
        [w.charts.byPrefecture, report.byPrefecture],
        [w.charts.byCounty, report.byCounty],
      ] as const
    ).flatMap(([title, slices]) => [
      `### ${title}`,
      '',
      mdTable(
        outcomeHead,
        outcomeRows(slices, (s) => areaLabel(s, locale), money, w),
      ),
      '',
    ]),
    `## ${w.sections.tier}`,
    '',
    mdTable(
      outcomeHead,
      outcomeRows(report.byTier, (s) => nameOf(s.name, locale), money, w),
    ),
    '',
    `## ${w.sections.reasons}`,
    '',
    mdTable(
      [w.name, w.count, w.share],
      report.unplacedByReason.map((r) => [w.reasons[r.code], r.count, pct(share(r.count, t.unplaced))]),
    ),
    '',
    `## ${w.sections.destination}`,
    '',
    mdTable(
      [w.name, w.placed, w.share, w.meanNet],
      [...report.provinceMove.rows, ...report.setting.rows].map((r) => [
        nameOf(r.name, locale),
        r.placed,
        pct(share(r.placed, t.placed)),
        r.placed === 0 ? w.none : money(r.pay.meanNet),
      ]),
    ),
    '',
    `## ${w.sections.pay}`,
    '',
    ...w.payNotes(t.pay, money).map((l) => `- ${l}`),
    '',
    mdTable(
      [w.name, w.placed, w.meanNet, w.meanTarget, w.meanMin, w.homeMinimum, w.aboveHome],
      report.byPrefecture
        .filter((s) => s.placed > 0)
        .map((s) => [
          areaLabel(s, locale),
          s.placed,
          money(s.pay.meanNet),
          money(s.pay.meanTarget),
          money(s.pay.meanMin),
          s.pay.withHomeMinimum === 0 ? w.none : money(s.pay.meanHomeMinimum),
          s.pay.withHomeMinimum === 0 ? w.none : `${s.pay.aboveHomeMinimum}/${s.pay.withHomeMinimum}`,
        ]),
    ),
    '',
    `## ${w.sections.fill}`,
    '',
    `### ${w.charts.byEmployer}`,
    '',
    mdTable(fillHead, fillRows(report.byEmployer, locale)),
    '',
    `### ${w.charts.bySite}`,
    '',
    mdTable(fillHead, fillRows(report.bySite, locale)),
    '',
    `## ${w.sections.disparity}`,
    '',
    mdTable(
      outcomeHead,
      outcomeRows(report.byGender, (s) => nameOf(s.name, locale), money, w),
    ),
    '',
    ...disparityLines(report, locale, money).map((l) => `- ${l}`),
    '',
    `## ${w.sections.subsidy}`,
    '',
    ...subsidyMarkdown(report, locale, money),
    '',
    ...stableMarkdown(report, locale),
    `## ${w.sections.notes}`,
    '',
    ...w.notes.map((l) => `- ${l}`),
    '',
  ];
  return out.join('\n');
}

function disparityLines(report: ProgrammeReport, locale: Locale, money: (x: number) => string): string[] {
  const w = WORDS[locale];
  const d = report.disparity;
  const lines: string[] = [];
  if (d.genderRateGap !== undefined) lines.push(w.disparity.genderRate(points(d.genderRateGap, locale)));
  else lines.push(w.disparity.genderMissing(d.minGroupSize));
  if (d.genderPayRatio !== undefined) lines.push(w.disparity.genderPay(pct(d.genderPayRatio)));
  if (d.prefectureRate !== undefined) {
    const r = d.prefectureRate;
    lines.push(
      w.disparity.originRate(
        areaLabel(r.highest, locale),
        pct(r.highest.value),
        areaLabel(r.lowest, locale),
        pct(r.lowest.value),
        points(Math.abs(r.gap), locale, false),
      ),
    );
  } else lines.push(w.disparity.originMissing(d.minGroupSize));
  if (d.prefecturePay !== undefined) {
    const r = d.prefecturePay;
    lines.push(
      w.disparity.originPay(
        areaLabel(r.highest, locale),
        money(r.highest.value),
        areaLabel(r.lowest, locale),
        money(r.lowest.value),
      ),
    );
  }
  return lines;
}

function subsidyMarkdown(report: ProgrammeReport, locale: Locale, money: (x: number) => string): string[] {
  const w = WORDS[locale];
  const s = report.travelSubsidy;
  if (!s.defined) return [w.subsidy.undefined];
  return [
    w.subsidy.eligible(s.eligible),
    ...(s.withAmount > 0 ? ['', w.subsidy.amount(s.withAmount, money(s.totalAmount))] : []),
    '',
    mdTable(
      [w.subsidy.area, w.subsidy.scope, w.subsidy.from, w.subsidy.to, w.subsidy.amountCol, w.count],
      s.rows.map((r) => [
        areaLabel({ key: r.originArea, name: r.name }, locale),
        r.crossProvinceOnly ? w.subsidy.crossOnly : w.subsidy.anyMove,
        r.from,
        r.to ?? w.none,
        r.amount === undefined ? w.none : money(r.amount),
        r.eligible,
      ]),
    ),
  ];
}

/** Stable employment's words (this section's own, in both languages). */
const STABLE = {
  'zh-CN': {
    title: '稳定就业（上岗后仍在岗的比例）',
    intro: (n: number, left: number) =>
      `共 ${n} 次安置有回访记录，其中 ${left} 次已离岗；在岗比例为 Kaplan–Meier 估计，括号内为 95% 置信区间，未回访到该时点的记为“—”。`,
    head: (months: readonly number[]) => [
      '组别',
      '安置',
      '离岗（因故）',
      ...months.map((m) => `${m} 个月在岗`),
    ],
    all: '全部安置',
    byTier: '按优先层级',
    byCounty: '按户籍县',
    byEmployer: '按用人单位',
    chart: '上岗后在岗比例（按月）',
    months: '个月',
  },
  en: {
    title: 'Stable employment (share still in work after starting)',
    intro: (n: number, left: number) =>
      `${n} placements followed up, ${left} of them ended; the share in work is a Kaplan–Meier estimate with its 95% interval in brackets, “—” where follow-up has not reached that month.`,
    head: (months: readonly number[]) => [
      'group',
      'placed',
      'left (for cause)',
      ...months.map((m) => `in work at ${m} months`),
    ],
    all: 'all placements',
    byTier: 'by priority tier',
    byCounty: 'by origin county',
    byEmployer: 'by employer',
    chart: 'Share in work, by months since starting',
    months: 'months',
  },
} as const;

/** The rows of the stable-employment table: the programme, then tiers, counties and employers. */
function stableRows(report: ProgrammeReport, locale: Locale): (string | number)[][] {
  const st = report.stableEmployment!;
  const w = STABLE[locale];
  const cell = (a: RetentionFigures['at'][number]): string => survivalShare(a, [' (', ')']);
  const row = (label: string, f: RetentionFigures): (string | number)[] => [
    label,
    f.placements,
    `${f.left} (${f.leftForCause})`,
    ...f.at.map(cell),
  ];
  const tierName = (key: string): string => {
    const t = report.byTier.find((x) => String(x.tier) === key);
    return t === undefined ? key : nameOf(t.name, locale);
  };
  const employerName = (key: string): string => {
    const e = report.byEmployer.find((x) => x.key === key);
    return e === undefined ? key : nameOf(e.name, locale);
  };
  return [
    row(w.all, st.programme),
    ...st.byTier.map((f) => row(`${w.byTier} · ${tierName(f.key)}`, f)),
    ...st.byCounty.map((f) =>
      row(`${w.byCounty} · ${locale === 'en' ? placeNameEn(f.key) : (divisionName(f.key) ?? f.key)}`, f),
    ),
    ...st.byEmployer.map((f) => row(`${w.byEmployer} · ${employerName(f.key)}`, f)),
  ];
}

function stableMarkdown(report: ProgrammeReport, locale: Locale): string[] {
  const st = report.stableEmployment;
  if (st === undefined) return [];
  const w = STABLE[locale];
  return [
    `## ${w.title}`,
    '',
    w.intro(st.programme.placements, st.programme.left),
    '',
    mdTable(w.head(st.months), stableRows(report, locale)),
    '',
  ];
}

/** Kaplan–Meier curves as steps: the programme and each tier, months across, share in work up. */
function survivalChart(report: ProgrammeReport, locale: Locale): string {
  const st = report.stableEmployment!;
  const w = STABLE[locale];
  const names = [
    w.all,
    ...st.byTier.map((f) =>
      nameOf(report.byTier.find((x) => String(x.tier) === f.key)?.name ?? { zh: f.key, en: f.key }, locale),
    ),
  ];
  return survivalFigure(
    w.chart,
    w.months,
    st.curves.map((c, i) => ({ ...c, name: names[i] ?? c.key })),
  );
}

/** A curve to draw: its name, how far it is known, and its steps (months, share still in work). */
interface NamedCurve {
  readonly name: string;
  readonly followUp: number;
  readonly steps: readonly { readonly months: number; readonly survival: number }[];
}

/** Step curves of survival on one chart, the first drawn heavier (the whole programme). */
function survivalFigure(title: string, monthsWord: string, curves: readonly NamedCurve[]): string {
  const width = CHART_WIDTH;
  const height = 260;
  const left = 48;
  const right = 16;
  const top = 40;
  const bottom = 36;
  const maxMonths = Math.max(12, Math.ceil(Math.max(0, ...curves.map((c) => c.followUp))));
  const sx = (m: number): number => left + (Math.min(m, maxMonths) / maxMonths) * (width - left - right);
  const sy = (v: number): number => top + (1 - v) * (height - top - bottom);
  const colours = ['var(--placed)', 'var(--fill)', 'var(--reason)', 'var(--home)', 'var(--min)'];
  const parts: string[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1])
    parts.push(
      `<line class="grid" x1="${left}" y1="${sy(v).toFixed(1)}" x2="${width - right}" y2="${sy(v).toFixed(1)}"/>` +
        `<text class="tick" x="${left - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end">${Math.round(v * 100)}%</text>`,
    );
  for (let m = 0; m <= maxMonths; m += maxMonths > 24 ? 6 : 3)
    parts.push(
      `<text class="tick" x="${sx(m).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${m}</text>`,
    );
  parts.push(
    `<text class="tick" x="${width - right}" y="${height - 6}" text-anchor="end">${esc(monthsWord)}</text>`,
  );
  curves.forEach((c, i) => {
    // A step curve: flat at each survival until the next event, drawn to the end of follow-up.
    let y = 1;
    const pts = [`${sx(0).toFixed(1)},${sy(1).toFixed(1)}`];
    for (const step of c.steps) {
      pts.push(`${sx(step.months).toFixed(1)},${sy(y).toFixed(1)}`);
      y = step.survival;
      pts.push(`${sx(step.months).toFixed(1)},${sy(y).toFixed(1)}`);
    }
    pts.push(`${sx(c.followUp).toFixed(1)},${sy(y).toFixed(1)}`);
    const colour = colours[i % colours.length]!;
    parts.push(
      `<polyline class="survival" fill="none" stroke="${colour}" stroke-width="${i === 0 ? 2.5 : 1.5}" points="${pts.join(' ')}"><title>${esc(c.name)}</title></polyline>`,
      `<rect x="${left + i * 170}" y="12" width="12" height="4" fill="${colour}"/><text class="note small" x="${left + i * 170 + 16}" y="18">${esc(fit(c.name, 9))}</text>`,
    );
  });
  return figure(title, height, parts.join(''));
}

function stableHtml(report: ProgrammeReport, locale: Locale): string {
  const st = report.stableEmployment;
  if (st === undefined) return '';
  const w = STABLE[locale];
  return section(
    'stable-employment',
    w.title,
    `<p>${esc(w.intro(st.programme.placements, st.programme.left))}</p>` +
      survivalChart(report, locale) +
      table(w.head(st.months), stableRows(report, locale)),
  );
}

// ---------------------------------------------------------------------------------------------
// HTML and SVG

/** Escapes text for HTML content and attribute values. */
function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Width of text in units of the font size: wide (CJK) characters 1, others about 0.56. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
  return width;
}

/** Text cut to fit a width (in font sizes), with an ellipsis. */
function fit(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const cw = (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
    if (width + cw > max - 1) break;
    out += ch;
    width += cw;
  }
  return `${out}…`;
}

/** Round tick values from 0 to at least `max`, about five of them. */
function ticks(max: number, whole = false): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  // Counts of people get whole-number ticks.
  const step = whole ? Math.max(1, nice) : nice;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1e9) / 1e9);
  return out;
}

interface Series {
  readonly name: string;
  /** A CSS class giving the fill colour. */
  readonly cls: string;
}

interface BarRow {
  readonly label: string;
  /** One value per series, stacked left to right. */
  readonly values: readonly number[];
  /** Text at the right of the bar. */
  readonly note: string;
}

const FONT = 13;
const CHART_WIDTH = 1000;

function legend(series: readonly Series[], x0: number, y: number): string {
  let x = x0;
  const parts: string[] = [];
  for (const s of series) {
    parts.push(
      `<rect class="${s.cls}" x="${x}" y="${y - 10}" width="12" height="12" rx="2"/>` +
        `<text x="${x + 17}" y="${y}" class="legend">${esc(s.name)}</text>`,
    );
    x += 17 + Math.ceil(textWidth(s.name) * 12) + 22;
  }
  return parts.join('');
}

/**
 * A horizontal bar chart: one row per label, the series stacked, a note at the right of each bar,
 * gridlines with values on top. Percent axes when `percent` is set (values in [0, 1]).
 */
function barChart(
  title: string,
  series: readonly Series[],
  rows: readonly BarRow[],
  options: {
    readonly percent?: boolean;
    readonly max?: number;
    readonly showLegend?: boolean;
    readonly width?: number;
  } = {},
): string {
  const chartWidth = options.width ?? CHART_WIDTH;
  const rowH = 24;
  const barH = 15;
  const labelW = Math.min(300, Math.max(60, ...rows.map((r) => textWidth(r.label) * FONT + 12)));
  const noteW = Math.max(60, ...rows.map((r) => textWidth(r.note) * (FONT - 1) + 14));
  const showLegend = options.showLegend ?? series.length > 1;
  const top = showLegend ? 50 : 28;
  const x0 = labelW;
  const plotW = chartWidth - labelW - noteW;
  const totals = rows.map((r) => r.values.reduce((a, b) => a + b, 0));
  const dataMax = Math.max(0, ...totals);
  const tickValues = options.percent === true ? [0, 0.25, 0.5, 0.75, 1] : ticks(options.max ?? dataMax, true);
  const max = Math.max(tickValues[tickValues.length - 1] ?? 1, options.max ?? 0, dataMax, 1e-9);
  const sx = (v: number): number => (v / max) * plotW;
  const height = top + rows.length * rowH + 8;
  const parts: string[] = [];
  if (showLegend) parts.push(legend(series, x0, 16));
  for (const v of tickValues) {
    const x = x0 + sx(v);
    parts.push(
      `<line class="grid" x1="${x.toFixed(1)}" y1="${top - 6}" x2="${x.toFixed(1)}" y2="${height - 6}"/>` +
        `<text class="tick" x="${x.toFixed(1)}" y="${top - 10}" text-anchor="middle">${esc(
          options.percent === true ? `${Math.round(v * 100)}%` : String(v),
        )}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const cy = y + rowH / 2;
    const label = fit(row.label, (labelW - 12) / FONT);
    parts.push(
      `<text class="label" x="${x0 - 8}" y="${(cy + 4.5).toFixed(1)}" text-anchor="end">${esc(label)}<title>${esc(row.label)}</title></text>`,
    );
    let x = x0;
    row.values.forEach((v, k) => {
      const width = sx(v);
      if (width <= 0) return;
      const cls = series[k]?.cls ?? 's0';
      parts.push(
        `<rect class="${cls}" x="${x.toFixed(1)}" y="${(cy - barH / 2).toFixed(1)}" width="${width.toFixed(1)}" height="${barH}"><title>${esc(
          `${row.label} · ${series[k]?.name ?? ''}: ${options.percent === true ? pct(v) : v}`,
        )}</title></rect>`,
      );
      x += width;
    });
    parts.push(
      `<text class="note" x="${(x + 6).toFixed(1)}" y="${(cy + 4.5).toFixed(1)}">${esc(row.note)}</text>`,
    );
  });
  return figure(title, height, parts.join(''), chartWidth);
}

interface GroupRow {
  readonly label: string;
  /** One value per series, or undefined where there is none. */
  readonly values: readonly (number | undefined)[];
}

/** Grouped horizontal bars: per label, one thin bar per series, with its value. */
function groupedChart(
  title: string,
  series: readonly Series[],
  rows: readonly GroupRow[],
  format: (v: number) => string,
): string {
  const barH = 11;
  const gap = 2;
  const groupH = series.length * (barH + gap) + 12;
  const labelW = Math.min(300, Math.max(60, ...rows.map((r) => textWidth(r.label) * FONT + 12)));
  const noteW = 90;
  const top = 50;
  const x0 = labelW;
  const plotW = CHART_WIDTH - labelW - noteW;
  const dataMax = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const tickValues = ticks(dataMax);
  const max = Math.max(tickValues[tickValues.length - 1] ?? 1, 1e-9);
  const sx = (v: number): number => (v / max) * plotW;
  const height = top + rows.length * groupH + 4;
  const parts: string[] = [legend(series, x0, 16)];
  for (const v of tickValues) {
    const x = x0 + sx(v);
    parts.push(
      `<line class="grid" x1="${x.toFixed(1)}" y1="${top - 6}" x2="${x.toFixed(1)}" y2="${height - 6}"/>` +
        `<text class="tick" x="${x.toFixed(1)}" y="${top - 10}" text-anchor="middle">${esc(format(v))}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = top + i * groupH + 4;
    const label = fit(row.label, (labelW - 12) / FONT);
    const mid = y + (series.length * (barH + gap)) / 2;
    parts.push(
      `<text class="label" x="${x0 - 8}" y="${(mid + 4.5).toFixed(1)}" text-anchor="end">${esc(label)}<title>${esc(row.label)}</title></text>`,
    );
    series.forEach((s, k) => {
      const v = row.values[k];
      const by = y + k * (barH + gap);
      if (v === undefined) {
        parts.push(`<text class="note faint" x="${x0 + 4}" y="${by + barH - 2}">${esc(s.name)}: —</text>`);
        return;
      }
      const width = sx(v);
      parts.push(
        `<rect class="${s.cls}" x="${x0}" y="${by}" width="${width.toFixed(1)}" height="${barH}"><title>${esc(
          `${row.label} · ${s.name}: ${format(v)}`,
        )}</title></rect>` +
          `<text class="note small" x="${(x0 + width + 5).toFixed(1)}" y="${by + barH - 2}">${esc(format(v))}</text>`,
      );
    });
  });
  return figure(title, height, parts.join(''));
}

function figure(title: string, height: number, body: string, width = CHART_WIDTH): string {
  return (
    `<figure class="chart"><figcaption>${esc(title)}</figcaption>` +
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${Math.ceil(height)}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title>${esc(title)}</title>${body}</svg></figure>`
  );
}

function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return (
    `<table><thead><tr>${headers.map((h, i) => `<th${i === 0 ? '' : ' class="num"'}>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows
      .map(
        (r) => `<tr>${r.map((c, i) => `<td${i === 0 ? '' : ' class="num"'}>${esc(c)}</td>`).join('')}</tr>`,
      )
      .join('')}</tbody></table>`
  );
}

const CSS = `
:root{--ink:#1d2733;--muted:#5b6b7b;--line:#dfe5eb;--bg:#f5f7fa;--card:#fff;--placed:#2f7ebc;--unplaced:#cfd8e1;--reason:#d9822b;--fill:#3c9a6a;--target:#9cc8e8;--min:#f0b45a;--home:#8a8f98;--accent:#b8322a}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
header{background:#17324d;color:#fff;padding:28px 0 24px}
header .wrap{display:flex;flex-direction:column;gap:4px}
header h1{margin:0;font-size:26px;font-weight:650;letter-spacing:.02em}
header p{margin:0;color:#c9d6e3;font-size:14px}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
main .wrap{padding-top:20px;padding-bottom:32px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:0 0 8px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.kpi .v{font-size:28px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.kpi .k{color:var(--muted);font-size:13px}
.kpi .n{color:var(--muted);font-size:12px}
.kpi.good .v{color:var(--placed)}
.kpi.warn .v{color:var(--accent)}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:16px 0}
h2{font-size:19px;margin:0 0 10px;padding-left:10px;border-left:4px solid var(--placed)}
h3{font-size:15px;margin:14px 0 6px;color:var(--muted)}
figure.chart{margin:10px 0 16px}
figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
svg{display:block;max-width:100%;height:auto}
svg text{fill:var(--ink);font-size:${FONT}px}
svg .tick{fill:var(--muted);font-size:11px}
svg .note{fill:var(--muted);font-size:${FONT - 1}px;font-variant-numeric:tabular-nums}
svg .note.small{font-size:10.5px}
svg .faint{fill:#a4afba}
svg .legend{font-size:12px}
svg .grid{stroke:var(--line);stroke-width:1}
.s-placed{fill:var(--placed)}.s-unplaced{fill:var(--unplaced)}.s-reason{fill:var(--reason)}.s-fill{fill:var(--fill)}
.s-target{fill:var(--target)}.s-min{fill:var(--min)}.s-home{fill:var(--home)}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0 10px;font-variant-numeric:tabular-nums}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left}
th{color:var(--muted);font-weight:600;background:#fafbfc}
.num{text-align:right}
ul.facts{margin:6px 0 10px;padding-left:20px}
ul.facts li{margin:3px 0}
.two{display:grid;grid-template-columns:1fr 1fr;gap:18px}
@media (max-width:800px){.two{grid-template-columns:1fr}}
.callout{background:#fff8e6;border:1px solid #f1d9a0;border-radius:8px;padding:10px 14px;margin:8px 0}
footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 28px}
@media print{body{background:#fff}header{background:#fff;color:var(--ink);padding:8px 0}header p{color:var(--muted)}section,.kpi{break-inside:avoid;border-color:#ccc}}
`;

function kpi(label: string, value: string, note: string, tone = ''): string {
  return `<div class="kpi${tone === '' ? '' : ` ${tone}`}"><div class="k">${esc(label)}</div><div class="v">${esc(value)}</div><div class="n">${esc(note)}</div></div>`;
}

function facts(lines: readonly string[]): string {
  return `<ul class="facts">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

/**
 * A programme report as one self-contained HTML page: headline figures, then bar charts (inline SVG)
 * of placement by origin prefecture and county, unplaced reasons, where the placed work, pay against
 * expectations and home minimum wage, openings filled by employer and town, and tables for the rest.
 * It loads nothing: no script, stylesheet, font, image or address outside the file, so it opens
 * offline and prints as it shows.
 *
 * @param report - The report (from `buildReport`).
 * @param locale - The page's language (`lang` attribute and every label). @defaultValue 'zh-CN'
 * @returns The HTML document.
 * @example
 * reportToHtml(buildReport(plan, ds)).startsWith('<!doctype html>\n<html lang="zh-CN">') //=> true
 *
 * Complexity: O(size of the report).
 */
export function reportToHtml(report: ProgrammeReport, locale: Locale = 'zh-CN'): string {
  const w = WORDS[locale];
  const money = moneyFormat(locale);
  const t = report.totals;
  const title = w.title(nameOf(report.policy.name, locale));
  const priority = report.byTier.find((s) => s.tier === 0);
  const outcomeSeries: Series[] = [
    { name: w.placed, cls: 's-placed' },
    { name: w.unplaced, cls: 's-unplaced' },
  ];
  const outcomeChart = (chartTitle: string, slices: readonly OutcomeSlice[]): string =>
    barChart(
      chartTitle,
      outcomeSeries,
      slices.map((s) => ({
        label: areaLabel(s, locale),
        values: [s.placed, s.unplaced],
        note: `${s.placed}/${s.labourers} · ${pct(s.placementRate)}`,
      })),
    );
  const outcomeHead = [w.name, w.count, w.placed, w.unplaced, w.placementRate, w.meanNet];
  const fillChart = (chartTitle: string, slices: readonly FillSlice[]): string =>
    barChart(
      chartTitle,
      [{ name: w.fillRate, cls: 's-fill' }],
      slices
        .filter((s) => s.openings > 0)
        .sort((a, b) => b.fillRate - a.fillRate || b.openings - a.openings)
        .map((s) => ({
          label: nameOf(s.name, locale),
          values: [s.fillRate],
          note: `${s.placed}/${s.openings} · ${pct(s.fillRate)}`,
        })),
      { percent: true, showLegend: false },
    );
  const shareChart = (chartTitle: string, rows: readonly { name: LocalizedName; placed: number }[]): string =>
    barChart(
      chartTitle,
      [{ name: w.placed, cls: 's-placed' }],
      rows.map((r) => ({
        label: nameOf(r.name, locale),
        values: [r.placed],
        note: `${r.placed} · ${pct(share(r.placed, t.placed))}`,
      })),
      { showLegend: false, width: 540 },
    );
  const payRows = report.byPrefecture.filter((s) => s.placed > 0);
  const anyHome = payRows.some((s) => s.pay.withHomeMinimum > 0);
  const paySeries: Series[] = [
    { name: w.meanNet, cls: 's-placed' },
    { name: w.meanTarget, cls: 's-target' },
    { name: w.meanMin, cls: 's-min' },
    ...(anyHome ? [{ name: w.homeMinimum, cls: 's-home' }] : []),
  ];
  const unknownHome = t.pay.placed - t.pay.withHomeMinimum;
  const genderRows = report.byGender.filter((g) => g.labourers > 0);
  const sub = report.travelSubsidy;

  const body = [
    `<div class="kpis">`,
    kpi(w.labourers, String(t.labourers), ''),
    kpi(w.placed, String(t.placed), `${w.placementRate} ${pct(t.placementRate)}`, 'good'),
    kpi(w.unplaced, String(t.unplaced), pct(share(t.unplaced, t.labourers)), t.unplaced > 0 ? 'warn' : ''),
    ...(priority === undefined
      ? []
      : [
          kpi(
            w.priorityRate,
            pct(priority.placementRate),
            w.headlineNote.placed(priority.placed, priority.labourers),
          ),
        ]),
    kpi(
      w.meanNet,
      t.placed === 0 ? w.none : money(t.pay.meanNet),
      t.placed === 0 ? '' : w.headlineNote.pay(money(t.pay.meanTarget)),
    ),
    kpi(w.fillRate, pct(t.fillRate), w.headlineNote.fill(t.placed, t.openings)),
    `</div>`,
    section(
      'origin',
      w.sections.origin,
      outcomeChart(w.charts.byPrefecture, report.byPrefecture) +
        `<h3>${esc(w.charts.byProvince)}</h3>` +
        table(
          outcomeHead,
          outcomeRows(report.byProvince, (s) => areaLabel(s, locale), money, w),
        ) +
        outcomeChart(w.charts.byCounty, report.byCounty),
    ),
    section(
      'tier',
      w.sections.tier,
      table(
        outcomeHead,
        outcomeRows(report.byTier, (s) => nameOf(s.name, locale), money, w),
      ),
    ),
    section(
      'reasons',
      w.sections.reasons,
      t.unplaced === 0
        ? facts([w.none])
        : barChart(
            w.charts.reasons,
            [{ name: w.unplaced, cls: 's-reason' }],
            report.unplacedByReason.map((r) => ({
              label: w.reasons[r.code],
              values: [r.count],
              note: `${r.count} · ${pct(share(r.count, t.unplaced))}`,
            })),
            { showLegend: false },
          ),
    ),
    section(
      'destination',
      w.sections.destination,
      `<div class="two"><div>${shareChart(w.charts.move, report.provinceMove.rows)}</div><div>${shareChart(
        w.charts.setting,
        report.setting.rows,
      )}</div></div>` +
        table(
          [w.name, w.placed, w.share, w.meanNet],
          [...report.provinceMove.rows, ...report.setting.rows].map((r) => [
            nameOf(r.name, locale),
            r.placed,
            pct(share(r.placed, t.placed)),
            r.placed === 0 ? w.none : money(r.pay.meanNet),
          ]),
        ),
    ),
    section(
      'pay',
      w.sections.pay,
      facts(w.payNotes(t.pay, money)) +
        (payRows.length === 0
          ? ''
          : groupedChart(
              w.charts.pay,
              paySeries,
              payRows.map((s) => ({
                label: areaLabel(s, locale),
                values: [
                  s.pay.meanNet,
                  s.pay.meanTarget,
                  s.pay.meanMin,
                  ...(anyHome ? [s.pay.withHomeMinimum === 0 ? undefined : s.pay.meanHomeMinimum] : []),
                ],
              })),
              (v) => money(v),
            )) +
        (unknownHome > 0 ? `<p class="callout">${esc(w.homeMinimumUnknown(unknownHome))}</p>` : ''),
    ),
    section(
      'fill',
      w.sections.fill,
      fillChart(w.charts.bySite, report.bySite) + fillChart(w.charts.byEmployer, report.byEmployer),
    ),
    section(
      'disparity',
      w.sections.disparity,
      (genderRows.length === 0
        ? ''
        : barChart(
            w.charts.gender,
            [{ name: w.placementRate, cls: 's-placed' }],
            genderRows.map((g) => ({
              label: nameOf(g.name, locale),
              values: [g.placementRate],
              note: `${pct(g.placementRate)} · ${g.placed === 0 ? w.none : money(g.pay.meanNet)}`,
            })),
            { percent: true, showLegend: false },
          )) +
        table(
          outcomeHead,
          outcomeRows(report.byGender, (s) => nameOf(s.name, locale), money, w),
        ) +
        facts(disparityLines(report, locale, money)),
    ),
    section(
      'subsidy',
      w.sections.subsidy,
      !sub.defined
        ? `<p class="callout">${esc(w.subsidy.undefined)}</p>`
        : facts([
            w.subsidy.eligible(sub.eligible),
            ...(sub.withAmount > 0 ? [w.subsidy.amount(sub.withAmount, money(sub.totalAmount))] : []),
          ]) +
            table(
              [w.subsidy.area, w.subsidy.scope, w.subsidy.from, w.subsidy.to, w.subsidy.amountCol, w.count],
              sub.rows.map((r) => [
                areaLabel({ key: r.originArea, name: r.name }, locale),
                r.crossProvinceOnly ? w.subsidy.crossOnly : w.subsidy.anyMove,
                r.from,
                r.to ?? w.none,
                r.amount === undefined ? w.none : money(r.amount),
                r.eligible,
              ]),
            ),
    ),
    stableHtml(report, locale),
    section('notes', w.sections.notes, facts(w.notes)),
  ].join('\n');

  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)} · ${esc(report.asOf)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><div class="wrap"><h1>${esc(title)}</h1><p>${esc(
      w.subtitle(report.asOf, modeName(report.plan.mode, w), report.plan.asOf),
    )}</p></div></header>`,
    `<main><div class="wrap">`,
    body,
    `</div></main>`,
    `<footer>${esc(w.footer)} · ${esc(report.asOf)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Retention on its own (bangfu retention --format md|html)

/** The retention page's words. */
const RETENTION_WORDS = {
  'zh-CN': {
    head: (months: readonly number[]) => [
      '组别',
      '安置',
      '离岗（因故）',
      ...months.map((m) => `${m} 个月在岗`),
    ],
    chart: (shown: number, of: number) =>
      shown < of ? `上岗后在岗比例（安置最多的 ${shown} 组，共 ${of} 组）` : '上岗后在岗比例',
    months: '个月',
    none: '没有安置记录。',
    footer: 'bangfu 留岗分析',
  },
  en: {
    head: (months: readonly number[]) => [
      'group',
      'placed',
      'left (for cause)',
      ...months.map((m) => `in work at ${m} months`),
    ],
    chart: (shown: number, of: number) =>
      shown < of
        ? `Share in work by months since starting (the ${shown} largest of ${of} groups)`
        : 'Share in work by months since starting',
    months: 'months',
    none: 'No placements recorded.',
    footer: 'bangfu retention',
  },
} as const;

/** How many groups' curves a retention page draws (the largest; the table lists every group). */
export const RETENTION_CHART_CURVES = 5;

function retentionRows(report: RetentionReport, locale: Locale, dataset?: Dataset): (string | number)[][] {
  const brackets: [string, string] = locale === 'zh-CN' ? ['（', '）'] : [' (', ')'];
  return report.rows.map((r) => [
    retentionGroupLabel(report, r.key, locale, dataset),
    r.placements,
    `${r.left} (${r.leftForCause})`,
    ...r.at.map((a) => survivalShare(a, brackets)),
  ]);
}

/**
 * A retention report as Markdown: the heading, then one table row per group (placed, left and for
 * cause, the share in work at each month with its interval, “—” where follow-up is too short).
 *
 * @param report - From `retention`.
 * @param locale - The language. @defaultValue 'zh-CN'
 * @param dataset - For employer names (optional).
 * @returns The Markdown text.
 * @example
 * retentionToMarkdown(retention(outcomes, ds), 'en').startsWith('# Retention') //=> true
 */
export function retentionToMarkdown(
  report: RetentionReport,
  locale: Locale = 'zh-CN',
  dataset?: Dataset,
): string {
  const w = RETENTION_WORDS[locale];
  return [
    `# ${retentionHeading(report, locale)}`,
    '',
    report.rows.length === 0
      ? w.none
      : mdTable(w.head(report.months), retentionRows(report, locale, dataset)),
    '',
  ].join('\n');
}

/**
 * A retention report as one self-contained HTML page (the programme report's style): the
 * Kaplan–Meier curves of the largest groups ({@link RETENTION_CHART_CURVES}) as inline SVG, and
 * the table of every group. It loads nothing from outside the file.
 *
 * @param report - From `retention`.
 * @param locale - The language. @defaultValue 'zh-CN'
 * @param dataset - For employer names (optional).
 * @returns The HTML document.
 * @example
 * retentionToHtml(retention(outcomes, ds)).startsWith('<!doctype html>') //=> true
 */
export function retentionToHtml(
  report: RetentionReport,
  locale: Locale = 'zh-CN',
  dataset?: Dataset,
): string {
  const w = RETENTION_WORDS[locale];
  const title = retentionHeading(report, locale);
  const largest = [...report.rows]
    .sort((a, b) => b.placements - a.placements || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, RETENTION_CHART_CURVES);
  const body =
    report.rows.length === 0
      ? `<p>${esc(w.none)}</p>`
      : survivalFigure(
          w.chart(largest.length, report.rows.length),
          w.months,
          largest.map((r) => ({
            name: retentionGroupLabel(report, r.key, locale, dataset),
            followUp: r.curve.followUp,
            steps: r.curve.steps.map((s) => ({ months: s.time, survival: s.survival })),
          })),
        ) + table(w.head(report.months), retentionRows(report, locale, dataset));
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><div class="wrap"><h1>${esc(title)}</h1></div></header>`,
    `<main><div class="wrap"><section id="retention">${body}</section></div></main>`,
    `<footer>${esc(w.footer)} · ${esc(report.asOf)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

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
  worker: { zh: '编号', en: 'worker' },
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
 * //=> 'worker,name,originCounty,originCountyName,tier,gender,outcome,post,…'
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
    const worker = ctx.workers.get(entry.worker);
    if (worker === undefined)
      throw new RangeError(`planToCsv: the plan names labourer ${entry.worker}, who is not in the dataset`);
    const base = {
      worker: worker.id,
      name: worker.name ?? '',
      county: worker.originCounty,
      countyName: n.place(worker.originCounty),
      tier: zh ? w.tiers[entry.tier] : entry.tier === 0 ? 'priority' : 'other',
      gender: worker.gender === undefined ? '' : genders[worker.gender],
      min: worker.pay.minMonthly,
      target: worker.pay.targetMonthly,
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
        `planToCsv: the plan places ${entry.worker} on post ${entry.post}, which is not in the dataset`,
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
      net: round(netPay(worker, post, siteArea(post.site, ctx.parks)).net, 2),
      group: entry.group ?? '',
    };
  });
  return writeCsv(rows, csvColumns(PLAN_COLUMNS, locale), options);
}
