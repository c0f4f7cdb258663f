/**
 * The report's words in both languages, and the figures' formats its renderers share.
 *
 * @module
 */
import type { PriorityTier, UnplacedReasonCode } from './plan.js';
import type { LocalizedName } from './policy/types.js';
import { survivalShare } from './render-retention.js';
import { placeName, type Locale } from './render.js';
import type { OutcomeSlice, PayFigures, ProgrammeReport, RetentionFigures } from './report.js';

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
    'labourer-excluded': '本人不符合条件（未满16岁或已到退休年龄）',
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
    'labourer-excluded': 'Not eligible (under 16 or past retirement age)',
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

export const WORDS: Readonly<Record<Locale, Words>> = { 'zh-CN': ZH, en: EN };

export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** A share as a percentage with one decimal. */
export function pct(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** A difference of shares in percentage points. */
function points(x: number, locale: Locale, sign = true): string {
  const v = (Math.round(x * 1000) / 10).toFixed(1);
  const signed = sign && x > 0 ? `+${v}` : v;
  return locale === 'zh-CN' ? `${signed}个百分点` : `${signed} points`;
}

/** Whole yuan with thousands separators: `4,500元` or `¥4,500`. */
export function moneyFormat(locale: Locale): (yuan: number) => string {
  return (yuan) => {
    const digits = String(Math.round(Math.abs(yuan))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const signed = yuan < 0 && Math.round(Math.abs(yuan)) !== 0 ? `-${digits}` : digits;
    return locale === 'zh-CN' ? `${signed}元` : `¥${signed}`;
  };
}

export function nameOf(name: LocalizedName, locale: Locale): string {
  return locale === 'zh-CN' ? name.zh : name.en;
}

/** An area's name; in English with its Chinese name and code after it, "Zhenxiong County (镇雄县, 530627)". */
export function areaLabel(s: { readonly key: string; readonly name: LocalizedName }, locale: Locale): string {
  if (locale === 'zh-CN') return s.name.zh;
  // A place's English name ends with its Chinese in brackets: the code joins it there.
  const en = s.name.en;
  return en.endsWith(')') ? `${en.slice(0, -1)}, ${s.key})` : `${en} (${s.key})`;
}

export function modeName(mode: string, w: Words): string {
  return w.modes[mode] ?? mode;
}

/** Stable employment's words (this section's own, in both languages). */
export const STABLE = {
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
export function stableRows(report: ProgrammeReport, locale: Locale): (string | number)[][] {
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
    ...st.byCounty.map((f) => row(`${w.byCounty} · ${placeName(f.key, locale)}`, f)),
    ...st.byEmployer.map((f) => row(`${w.byEmployer} · ${employerName(f.key)}`, f)),
  ];
}

export function outcomeRows(
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

export function disparityLines(
  report: ProgrammeReport,
  locale: Locale,
  money: (x: number) => string,
): string[] {
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
