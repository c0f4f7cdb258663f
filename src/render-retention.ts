/**
 * Retention as text for a caseworker, in Chinese or English: per group, how many were placed and
 * have left, and the share still in work at each month with its interval.
 *
 * @module
 */
import { contextOf } from './internal/context.js';
import { placeName, type Locale } from './render.js';
import type { EmployerRetention, RetentionBy, RetentionReport } from './retention.js';
import type { Dataset } from './types.js';

const BY: Readonly<Record<RetentionBy, { readonly zh: string; readonly en: string }>> = {
  programme: { zh: '全部安置', en: 'all placements' },
  employer: { zh: '按用人单位', en: 'by employer' },
  post: { zh: '按岗位', en: 'by post' },
  'origin-county': { zh: '按户籍县', en: 'by origin county' },
  tier: { zh: '按优先层级', en: 'by priority tier' },
  pay: { zh: '按实得工资与本人最低要求', en: "by net pay against the labourer's minimum" },
  distance: { zh: '按离家远近', en: 'by distance from home' },
  trained: { zh: '按上岗前是否参加培训', en: 'by training before starting' },
  skills: { zh: '按上岗时所需技能是否具备', en: "by the post's required skills on starting" },
  fellows: { zh: '按上岗时单位有无同县老乡', en: 'by fellow villagers at the employer on starting' },
};

const VALUE: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  all: { zh: '全部', en: 'all' },
  'at-or-above': { zh: '不低于最低要求', en: 'at or above the minimum' },
  below: { zh: '低于最低要求', en: 'below the minimum' },
  'home-county': { zh: '本县', en: 'home county' },
  'home-province': { zh: '本省外县', en: 'home province' },
  'other-province': { zh: '外省', en: 'other province' },
  yes: { zh: '参加过培训', en: 'trained' },
  no: { zh: '未参加培训', en: 'not trained' },
  met: { zh: '所需技能已具备', en: 'required skills met' },
  gap: { zh: '所需技能有差距', en: 'short of a required skill' },
  'none-required': { zh: '岗位无技能要求', en: 'no skill required' },
  'with-fellows': { zh: '有同县老乡', en: 'with fellow villagers' },
  'no-fellows': { zh: '无同县老乡', en: 'no fellow villagers' },
};

/**
 * The name of a retention group as a caseworker reads it: the tier's, county's or employer's name,
 * a fact's value in words, or the key itself.
 *
 * @param report - The report the group is of.
 * @param key - The group's key.
 * @param locale - `zh-CN` or `en`.
 * @param dataset - For employer names (optional).
 * @returns The label.
 * @example
 * retentionGroupLabel(retention(outcomes, ds, { by: 'distance' }), 'home-county', 'en') //=> 'home county'
 */
export function retentionGroupLabel(
  report: RetentionReport,
  key: string,
  locale: Locale,
  dataset?: Dataset,
): string {
  return label(report, key, locale === 'zh-CN', dataset);
}

/**
 * The heading of a retention report: the grouping, the as-of date, the method.
 *
 * @param report - The report.
 * @param locale - `zh-CN` or `en`.
 * @returns One line.
 * @example
 * retentionHeading(retention(outcomes, ds), 'en') //=> 'Retention, all placements, as of 2026-03-01 (Kaplan–Meier estimate, 95% interval in brackets)'
 */
export function retentionHeading(report: RetentionReport, locale: Locale): string {
  const by = BY[report.by];
  return locale === 'zh-CN'
    ? `留岗情况（${by.zh}，基准日 ${report.asOf}；Kaplan–Meier 估计，括号内为 95% 置信区间）`
    : `Retention, ${by.en}, as of ${report.asOf} (Kaplan–Meier estimate, 95% interval in brackets)`;
}

/** The label of a group's key. */
function label(report: RetentionReport, key: string, zh: boolean, dataset?: Dataset): string {
  if (report.by === 'tier')
    return key === '0'
      ? zh
        ? '脱贫户、监测户'
        : 'registered and monitored households'
      : zh
        ? '其他'
        : 'other';
  if (report.by === 'origin-county') return `${placeName(key, zh ? 'zh-CN' : 'en')} ${key}`;
  if (report.by === 'employer') {
    const name = dataset === undefined ? undefined : contextOf(dataset).employers.get(key)?.name;
    return name === undefined ? key : `${name}（${key}）`;
  }
  const v = VALUE[key];
  return v === undefined ? key : zh ? v.zh : v.en;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * A share still in work as a caseworker reads it: `67% (13%–100%)`, the interval left out where it
 * is not defined or is a single point, `—` where follow-up has not reached the month.
 *
 * @param a - The curve read at a month.
 * @param brackets - What opens and closes the interval (` (` and `)`, or full-width for Chinese text).
 * @returns The text.
 * @example
 * survivalShare({ estimable: true, survival: 0.5, lower: 0.13, upper: 1 }, [' (', ')']) //=> '50% (13%–100%)'
 */
export function survivalShare(
  a: {
    readonly estimable: boolean;
    readonly survival: number;
    readonly lower: number;
    readonly upper: number;
  },
  brackets: readonly [string, string],
): string {
  if (!a.estimable) return '—';
  if (Number.isNaN(a.lower) || a.lower === a.upper) return pct(a.survival);
  return `${pct(a.survival)}${brackets[0]}${pct(a.lower)}–${pct(a.upper)}${brackets[1]}`;
}

/**
 * Renders a retention report: a heading (grouping, as-of date, method), then one line per group:
 * placements, left (for cause), and the share in work at each month with its interval, or “—”
 * where the follow-up is too short to tell.
 *
 * @param report - From `retention`.
 * @param locale - `zh-CN` or `en`.
 * @param dataset - For employer names (optional).
 * @returns The text, lines joined by newlines.
 * @example
 * renderRetention(retention(outcomes, ds), 'en') //=> 'Retention, all placements, as of 2026-03-01 …'
 */
export function renderRetention(report: RetentionReport, locale: Locale, dataset?: Dataset): string {
  const zh = locale === 'zh-CN';
  const lines = [retentionHeading(report, locale)];
  if (report.rows.length === 0) lines.push(zh ? '（没有安置记录）' : '(no placements recorded)');
  for (const r of report.rows) {
    const cells = r.at.map(
      (a) =>
        `${zh ? `${a.months} 个月` : `${a.months} mo`} ${survivalShare(a, zh ? ['（', '）'] : [' (', ')'])}`,
    );
    const counts = zh
      ? `安置 ${r.placements} 人，离岗 ${r.left} 人（因故 ${r.leftForCause} 人）`
      : `${r.placements} placed, ${r.left} left (${r.leftForCause} for cause)`;
    const [colon, semi, comma] = zh ? ['：', '；', '，'] : [': ', '; ', ', '];
    lines.push(`${label(report, r.key, zh, dataset)}${colon}${counts}${semi}${cells.join(comma)}`);
  }
  return lines.join('\n');
}

/**
 * Renders employers' measured retention: each employer's own figure and the figure shrunk towards
 * the programme's (with its number of placements), those flagged for re-vetting marked.
 *
 * @param rows - From `employerRetention`.
 * @param months - The month they were measured at.
 * @param locale - `zh-CN` or `en`.
 * @param dataset - For employer names (optional).
 * @returns The text, lines joined by newlines.
 * @example
 * renderEmployerRetention(employerRetention(outcomes, ds, { threshold: 0.7 }), 6, 'en')
 */
export function renderEmployerRetention(
  rows: readonly EmployerRetention[],
  months: number,
  locale: Locale,
  dataset?: Dataset,
): string {
  const zh = locale === 'zh-CN';
  const lines = [
    zh
      ? `用人单位 ${months} 个月留岗率（本单位实测，及按全项目均值收缩后的估计）`
      : `Employers' retention at ${months} months (measured, and shrunk towards the programme's)`,
  ];
  for (const r of rows) {
    const name = dataset === undefined ? undefined : contextOf(dataset).employers.get(r.employer)?.name;
    const who = name === undefined ? r.employer : `${name}（${r.employer}）`;
    const measured = Number.isNaN(r.measured) ? '—' : pct(r.measured);
    const shrunk = Number.isNaN(r.shrunk) ? '—' : pct(r.shrunk);
    lines.push(
      `${r.flagged ? '! ' : '- '}${who}${zh ? '：' : ': '}` +
        (zh
          ? `安置 ${r.placements} 人，实测 ${measured}，估计 ${shrunk}${r.flagged ? '，低于门槛，需重新审核' : ''}`
          : `${r.placements} placed, measured ${measured}, estimated ${shrunk}${r.flagged ? ', below the threshold: to be vetted again' : ''}`),
    );
  }
  return lines.join('\n');
}
