/**
 * Text for placement plans, in Chinese (zh-CN, the default) and English: each unplaced reason from
 * its code and parameters, each entry, and a whole plan with its summary.
 *
 * @module
 */
import type {
  GroupFailure,
  GroupRule,
  Plan,
  PlanEntry,
  PlanSummary,
  UnplacedReason,
  UnplacedReasonCode,
  UnplacedReasonParams,
} from './plan.js';
import { dongguanPolicy } from './policy/dongguan.js';
import type { ExclusionCode } from './reasons.js';
import {
  exclusionSentence,
  namerFor,
  placeName,
  type Locale,
  type NameSource,
  type Namer,
  type Renderers,
} from './render.js';

const RULE_TEXT: Readonly<Record<Locale, Readonly<Record<GroupRule, string>>>> = {
  'zh-CN': { 'same-employer': '同一用人单位', 'same-site': '同一工作地点', 'same-post': '同一岗位' },
  en: { 'same-employer': 'the same employer', 'same-site': 'the same site', 'same-post': 'the same post' },
};

/** Chinese sentences for why a group was not placed whole. */
export const GROUP_FAILURES_ZH: Readonly<Record<GroupFailure['code'], (f: GroupFailure) => string>> = {
  'no-common-option': () => '没有一处能让全体成员都符合条件且名额足够',
  'no-capacity-left': (f) => `${'options' in f ? f.options : 0}处可选，但名额已被先安置的人员占用`,
  'worse-for-plan': (f) =>
    `${'options' in f ? f.options : 0}处可选，但整体安置会使方案变差（少安置重点人员或总人数，或总分更低）`,
};

/** English sentences for why a group was not placed whole. */
export const GROUP_FAILURES_EN: Readonly<Record<GroupFailure['code'], (f: GroupFailure) => string>> = {
  'no-common-option': () => 'no place where every member is eligible and there are enough openings',
  'no-capacity-left': (f) =>
    `${'options' in f ? f.options : 0} possible place(s), but their openings went to labourers placed first`,
  'worse-for-plan': (f) =>
    `${'options' in f ? f.options : 0} possible place(s), but placing the group would make the plan worse (fewer priority labourers or fewer placed, or a lower total)`,
};

const FAILURES: Readonly<Record<Locale, typeof GROUP_FAILURES_ZH>> = {
  'zh-CN': GROUP_FAILURES_ZH,
  en: GROUP_FAILURES_EN,
};

/** Short names of the hard rules, for counts ("cannot leave home ×180"). */
export const RULE_LABELS: Readonly<Record<Locale, Readonly<Record<ExclusionCode, string>>>> = {
  'zh-CN': {
    'under-minimum-age': '未满16周岁',
    'minor-hazardous': '未成年工不得从事有害作业',
    'minor-special-operation': '未成年工不得从事特种作业',
    'retirement-age-reached': '已达法定退休年龄',
    'retirement-undetermined': '性别未登记无法确定退休年龄',
    'outside-post-age-range': '不在岗位年龄范围内',
    'employer-not-approved': '用人单位未通过审核',
    'employer-vetting-expired': '用人单位审核已过期',
    'employer-vetting-not-yet-valid': '用人单位审核尚未生效',
    'no-openings-left': '岗位已招满',
    'window-not-open': '尚未开始报名',
    'window-closed': '报名已截止',
    'available-after-window': '到岗日期晚于报名截止',
    'cannot-leave-home': '不能离家',
    'outside-mobility-scope': '超出流动意愿范围',
    'certificate-missing': '缺少所需证书',
    'certificate-expired': '所需证书已过期',
    'required-skill-missing': '缺少必需技能且岗位不培训',
    'refused-destination': '本人不愿去该地',
    'dormitory-needed': '需要宿舍但岗位不提供',
    'below-minimum-pay': '工资低于本人最低要求',
    'ended-for-cause': '曾在该单位因故结束工作',
  },
  en: {
    'under-minimum-age': 'under 16',
    'minor-hazardous': 'minor, hazardous post',
    'minor-special-operation': 'minor, special operation',
    'retirement-age-reached': 'retirement age reached',
    'retirement-undetermined': 'retirement age undetermined (gender unrecorded)',
    'outside-post-age-range': "outside the post's age range",
    'employer-not-approved': 'employer not approved',
    'employer-vetting-expired': 'employer vetting expired',
    'employer-vetting-not-yet-valid': 'employer vetting not yet valid',
    'no-openings-left': 'no openings left',
    'window-not-open': 'applications not yet open',
    'window-closed': 'applications closed',
    'available-after-window': 'available only after applications close',
    'cannot-leave-home': 'cannot leave home',
    'outside-mobility-scope': 'beyond mobility scope',
    'certificate-missing': 'certificate missing',
    'certificate-expired': 'certificate expired',
    'required-skill-missing': 'required skill missing, no on-the-job training',
    'refused-destination': 'refused destination',
    'dormitory-needed': 'needs a dormitory, none provided',
    'below-minimum-pay': "pay below the labourer's minimum",
    'ended-for-cause': 'ended for cause there before',
  },
};

/** Short names of the unplaced reasons, for counts. */
export const UNPLACED_LABELS: Readonly<Record<Locale, Readonly<Record<UnplacedReasonCode, string>>>> = {
  'zh-CN': {
    'labourer-excluded': '本人不能安置（年龄等）',
    'no-eligible-post': '没有符合条件的岗位',
    'below-min-score': '岗位得分均低于下限',
    'posts-filled': '候选岗位已被他人占满',
    'group-not-placed-whole': '小组未能整体安置',
  },
  en: {
    'labourer-excluded': 'cannot be placed (age etc.)',
    'no-eligible-post': 'no eligible post',
    'below-min-score': 'every post below the minimum score',
    'posts-filled': 'candidate posts taken by others',
    'group-not-placed-whole': 'group not placed whole',
  },
};

function ruleCounts(byRule: Readonly<Partial<Record<ExclusionCode, number>>>, n: Namer): string {
  const labels = RULE_LABELS[n.locale];
  const items = (Object.entries(byRule) as [ExclusionCode, number | undefined][])
    .sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || (a < b ? -1 : 1))
    .map(([code, k]) => `${labels[code]} ×${k ?? 0}`);
  return n.list(items);
}

function holders(m: UnplacedReasonParams['posts-filled']['nearMisses'][number], zh: boolean): string {
  if (m.held === 0) return zh ? '无' : 'nobody';
  const named = m.takenBy
    .map(
      (h) =>
        `${h.labourer}(${zh ? (h.tier === 0 ? '重点' : '其他') : h.tier === 0 ? 'priority' : 'other'}, ${h.score.toFixed(3)})`,
    )
    .join(zh ? '、' : ', ');
  const more = m.held - m.takenBy.length;
  if (more <= 0) return named;
  return zh ? `${m.held}人，排在最后的：${named}` : `${m.held}, the last ${named}`;
}

/** Chinese sentences for every unplaced reason. */
export const UNPLACED_ZH: Renderers<UnplacedReasonParams> = {
  'labourer-excluded': (p, n) =>
    `本人不能安置：${p.exclusions.map((e) => exclusionSentence(e, n)).join('；')}`,
  'no-eligible-post': (p, n) => `${p.posts}个岗位均不符合条件，按规则计：${ruleCounts(p.byRule, n)}`,
  'below-min-score': (p) =>
    `符合条件的岗位得分均低于${p.minScore}（最高为${p.best.post}，${p.best.score.toFixed(3)}）`,
  'posts-filled': (p) =>
    `候选岗位均已被他人占满；最接近的：${p.nearMisses.map((m) => `${m.post}（得分${m.score.toFixed(3)}，由${holders(m, true)}占用）`).join('；')}`,
  'group-not-placed-whole': (p, n) =>
    `所在小组${p.group}未能整体安置：${FAILURES[n.locale][p.why.code](p.why)}`,
};

/** English sentences for every unplaced reason. */
export const UNPLACED_EN: Renderers<UnplacedReasonParams> = {
  'labourer-excluded': (p, n) =>
    `Cannot be placed: ${p.exclusions.map((e) => exclusionSentence(e, n)).join('; ')}`,
  'no-eligible-post': (p, n) =>
    `None of the ${p.posts} posts is eligible; by rule: ${ruleCounts(p.byRule, n)}`,
  'below-min-score': (p) =>
    `Every eligible post scores below ${p.minScore} (best ${p.best.post} at ${p.best.score.toFixed(3)})`,
  'posts-filled': (p) =>
    `Every candidate post went to others; nearest: ${p.nearMisses.map((m) => `${m.post} (score ${m.score.toFixed(3)}, taken by ${holders(m, false)})`).join('; ')}`,
  'group-not-placed-whole': (p, n) =>
    `Group ${p.group} could not be placed whole: ${FAILURES[n.locale][p.why.code](p.why)}`,
};

const UNPLACED: Readonly<Record<Locale, Renderers<UnplacedReasonParams>>> = {
  'zh-CN': UNPLACED_ZH,
  en: UNPLACED_EN,
};

/**
 * The sentence for one unplaced reason.
 *
 * @param reason - The reason (code and parameters).
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns One line of text.
 * @example
 * renderUnplacedReason({ code: 'below-min-score', params: { minScore: 0.5, best: { post: 'p1', score: 0.4 } } }, 'en')
 * //=> 'Every eligible post scores below 0.5 (best p1 at 0.400)'
 */
export function renderUnplacedReason(
  reason: UnplacedReason,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const n = namerFor(locale, names);
  return (UNPLACED[locale][reason.code] as (p: unknown, n: Namer) => string)(reason.params, n);
}

/**
 * One plan entry as a line: where the labourer goes with the score, or why they are unplaced.
 *
 * @param entry - The entry.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns One line of text.
 * @example
 * renderPlanEntry({ kind: 'placed', labourer: 'w1', post: 'p1', employer: 'e1', score: 0.7, bonus: 0, tier: 0 }, 'en')
 * //=> 'w1 → p1 (e1), score 0.700'
 */
export function renderPlanEntry(
  entry: PlanEntry,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const n = namerFor(locale, names);
  const zh = locale === 'zh-CN';
  if (entry.kind === 'placed') {
    const group = entry.group === undefined ? '' : zh ? `，小组${entry.group}` : `, group ${entry.group}`;
    const bonus =
      entry.bonus === 0
        ? ''
        : zh
          ? `（老乡加分${entry.bonus.toFixed(3)}）`
          : ` (+${entry.bonus.toFixed(3)} fellows bonus)`;
    return zh
      ? `${entry.labourer} → ${entry.post}（${n.employer(entry.employer)}），得分${entry.score.toFixed(3)}${bonus}${group}`
      : `${entry.labourer} → ${entry.post} (${n.employer(entry.employer)}), score ${entry.score.toFixed(3)}${bonus}${group}`;
  }
  const sep = zh ? '；' : '; ';
  const why = entry.reasons.map((r) => renderUnplacedReason(r, locale, names)).join(sep);
  return zh ? `${entry.labourer} 未安置：${why}` : `${entry.labourer} unplaced: ${why}`;
}

/** Options of {@link renderPlanSummary}. */
export interface PlanSummaryTextOptions {
  /**
   * How many origin counties and employers to list (the largest first); the rest are counted.
   * @defaultValue 10
   */
  readonly limit?: number;
}

/**
 * A plan summary as lines of text: placed and unplaced, unplaced by reason, by priority tier, the
 * largest origin counties and employers, and pay against expectations.
 *
 * @param summary - The summary.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param options - How much to list.
 * @returns Several lines joined by `\n`.
 * @example
 * renderPlanSummary(plan.summary, 'en').split('\n')[0] //=> 'Placed 235 of 300; unplaced 65'
 */
export function renderPlanSummary(
  summary: PlanSummary,
  locale: Locale = 'zh-CN',
  options: PlanSummaryTextOptions = {},
): string {
  const zh = locale === 'zh-CN';
  const limit = options.limit ?? 10;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const sep = zh ? '，' : ', ';
  const more = (k: number, what: string): string =>
    k <= 0 ? '' : zh ? `${sep}另有${k}个${what}` : `${sep}and ${k} more`;
  const lines = [
    zh
      ? `已安置 ${summary.placed}/${summary.labourers} 人，未安置 ${summary.unplaced} 人`
      : `Placed ${summary.placed} of ${summary.labourers}; unplaced ${summary.unplaced}`,
  ];
  const reasons = (Object.entries(summary.unplacedByReason) as [UnplacedReasonCode, number][]).filter(
    ([, k]) => k > 0,
  );
  if (reasons.length > 0)
    lines.push(
      (zh ? '未安置原因：' : 'Unplaced by reason: ') +
        reasons.map(([c, k]) => `${UNPLACED_LABELS[locale][c]} ${k}`).join(sep),
    );
  lines.push(
    (zh ? '按类别：' : 'By tier: ') +
      summary.byTier
        .map(
          (t) =>
            `${zh ? (t.tier === 0 ? '重点人员（脱贫户、监测户）' : '其他') : t.tier === 0 ? 'priority households' : 'other'} ${t.placed}/${t.labourers}`,
        )
        .join(sep),
  );
  const origins = [...summary.byOrigin].sort(
    (a, b) => b.labourers - a.labourers || (a.county < b.county ? -1 : 1),
  );
  lines.push(
    (zh ? '按来源县（人数最多的）：' : 'By origin (largest first): ') +
      origins
        .slice(0, limit)
        .map((o) => `${placeName(o.county, locale)} ${o.placed}/${o.labourers}`)
        .join(sep) +
      more(origins.length - limit, '县'),
  );
  const employers = summary.byEmployer
    .filter((e) => e.openings > 0)
    .sort((a, b) => b.openings - a.openings || (a.employer < b.employer ? -1 : 1));
  lines.push(
    (zh ? '用人单位招满率（空缺最多的）：' : 'Fill rate by employer (most openings first): ') +
      employers
        .slice(0, limit)
        .map((e) => `${e.name} ${e.placed}/${e.openings} (${pct(e.fillRate)})`)
        .join(sep) +
      more(employers.length - limit, '单位'),
  );
  const p = summary.pay;
  lines.push(
    zh
      ? `到手工资均值 ${Math.round(p.meanNet)}元（最低要求均值 ${Math.round(p.meanMin)}元，期望均值 ${Math.round(p.meanTarget)}元）；达到最低要求 ${p.meetingMin} 人，达到期望 ${p.meetingTarget} 人`
      : `Mean net pay ¥${Math.round(p.meanNet)} (mean minimum ¥${Math.round(p.meanMin)}, mean target ¥${Math.round(p.meanTarget)}); ${p.meetingMin} meet their minimum, ${p.meetingTarget} their target`,
  );
  return lines.join('\n');
}

/**
 * A whole plan as text: a heading with the mode, the summary, the groups, then one line per labourer.
 *
 * @param plan - The plan.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns Several lines joined by `\n`.
 * @example
 * renderPlan(assign(ds), 'en', ds).split('\n')[0] //=> 'Placement plan (optimal) as of 2026-03-01'
 */
export function renderPlan(plan: Plan, locale: Locale = 'zh-CN', names: NameSource = dongguanPolicy): string {
  const zh = locale === 'zh-CN';
  const lines = [
    zh ? `安置方案（${plan.mode}），${plan.asOf}` : `Placement plan (${plan.mode}) as of ${plan.asOf}`,
  ];
  lines.push(renderPlanSummary(plan.summary, locale));
  for (const g of plan.groups) {
    lines.push(
      g.kind === 'placed'
        ? zh
          ? `小组${g.group}：整体安置于${g.at}（${RULE_TEXT[locale][g.rule]}）`
          : `Group ${g.group}: placed whole at ${g.at} (${RULE_TEXT[locale][g.rule]})`
        : zh
          ? `小组${g.group}：未安置，${FAILURES[locale][g.why.code](g.why)}`
          : `Group ${g.group}: not placed, ${FAILURES[locale][g.why.code](g.why)}`,
    );
  }
  for (const e of plan.entries) lines.push(`- ${renderPlanEntry(e, locale, names)}`);
  return lines.join('\n');
}
