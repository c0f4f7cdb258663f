/**
 * Text for advice and training plans, in Chinese (zh-CN, the default) and English: each change from
 * its code and parameters, each unchangeable fact with its reason and the date waiting lifts it, a
 * whole advice, and a training plan with its guarantee and the re-planned outcome.
 *
 * @module
 */
import type {
  Advice,
  Change,
  ChangeParams,
  FixedWhy,
  PostOutlook,
  Suggestion,
  WaitReason,
} from './advise.js';
import { dongguanPolicy } from './policy/dongguan.js';
import type { Exclusion } from './reasons.js';
import type { MobilityScope } from './types.js';
import { exclusionSentence, namerFor, type Locale, type NameSource, type Namer } from './render.js';
import type { TrainingPlan } from './train.js';

const SCOPES: Readonly<Record<Locale, Readonly<Record<MobilityScope, string>>>> = {
  'zh-CN': {
    'home-county': '本县',
    'home-prefecture': '本市（州）',
    'home-province': '本省',
    anywhere: '不限地域',
  },
  en: {
    'home-county': 'the home county',
    'home-prefecture': 'the home prefecture',
    'home-province': 'the home province',
    anywhere: 'anywhere',
  },
};

const WAIT_ZH: Readonly<Record<WaitReason, string>> = {
  'adult-age': '年满18周岁',
  'post-minimum-age': '达到岗位要求的最低年龄',
  'window-opens': '岗位开始报名',
};
const WAIT_EN: Readonly<Record<WaitReason, string>> = {
  'adult-age': 'turning 18',
  'post-minimum-age': "reaching the post's minimum age",
  'window-opens': 'applications opening',
};

function courseName(n: Namer, names: NameSource, id: string): string {
  const policy = 'labourers' in names ? names.policy : names;
  const c = policy.trainings.find((t) => t.id === id);
  return c === undefined ? id : n.locale === 'zh-CN' ? c.name.zh : c.name.en;
}

function grants(p: ChangeParams['take-training'], n: Namer): string {
  return n.list([
    ...p.grants.skills.map((s) =>
      n.locale === 'zh-CN'
        ? `${n.skill(s.skill)}（${n.level(s.level)}）`
        : `${n.skill(s.skill)} (${n.level(s.level)})`,
    ),
    ...p.grants.certificates.map((c) => n.certificate(c)),
  ]);
}

/** Renderers of changes take the name source as well, for course names. */
type ChangeRenderers = {
  readonly [K in keyof ChangeParams]: (params: ChangeParams[K], n: Namer, names: NameSource) => string;
};

/**
 * Chinese sentences for every change code.
 *
 * @example
 * CHANGES_ZH['accept-no-dormitory']({}, namerFor('zh-CN', dongguanPolicy), dongguanPolicy) //=> '接受不提供宿舍的岗位'
 */
export const CHANGES_ZH: ChangeRenderers = {
  'take-training': (p, n, names) =>
    `参加“${courseName(n, names, p.course)}”（${p.durationDays}天，每人${n.money(p.cost)}${p.area === undefined ? '' : `，在${n.place(p.area)}`}），获得：${grants(p, n)}`,
  'renew-certificate': (p, n) => `复审或换发${n.certificate(p.certificate)}（${p.expiredOn}已过期）`,
  'accept-pay': (p, n) => `把可接受的最低月收入从${n.money(p.from)}降到${n.money(p.to)}`,
  'widen-mobility': (p) => `愿意外出的范围从${SCOPES['zh-CN'][p.from]}扩大到${SCOPES['zh-CN'][p.to]}`,
  'drop-refusal': (p, n) => `不再拒绝去${n.destination(p.destination)}`,
  'start-earlier': (p) => `上岗日期从${p.from}提前到${p.to}`,
  'accept-no-dormitory': () => '接受不提供宿舍的岗位',
  'wait-until': (p) => `等到${p.date}（${WAIT_ZH[p.reason]}）`,
};

/**
 * English sentences for every change code.
 *
 * @example
 * CHANGES_EN['accept-no-dormitory']({}, namerFor('en', dongguanPolicy), dongguanPolicy) //=> 'Accept a post without a dormitory'
 */
export const CHANGES_EN: ChangeRenderers = {
  'take-training': (p, n, names) =>
    `Take the course "${courseName(n, names, p.course)}" (${p.durationDays} days, ${n.money(p.cost)} per trainee${p.area === undefined ? '' : `, in ${n.place(p.area)}`}), gaining ${grants(p, n)}`,
  'renew-certificate': (p, n) => `Renew ${n.certificate(p.certificate)} (expired on ${p.expiredOn})`,
  'accept-pay': (p, n) => `Accept a monthly minimum of ${n.money(p.to)} instead of ${n.money(p.from)}`,
  'widen-mobility': (p) => `Work as far as ${SCOPES.en[p.to]} instead of ${SCOPES.en[p.from]}`,
  'drop-refusal': (p, n) => `No longer refuse ${n.destination(p.destination)}`,
  'start-earlier': (p) => `Start on ${p.to} instead of ${p.from}`,
  'accept-no-dormitory': () => 'Accept a post without a dormitory',
  'wait-until': (p) => `Wait until ${p.date} (${WAIT_EN[p.reason]})`,
};

/**
 * Chinese phrases for whose fact an unchangeable exclusion rests on.
 *
 * @example
 * FIXED_ZH.law //=> '法律规定，本人无法改变'
 */
export const FIXED_ZH: Readonly<Record<FixedWhy, string>> = {
  law: '法律规定，本人无法改变',
  post: '岗位自身条件，本人无法改变',
  employer: '用人单位审核状态，本人无法改变',
  'family-care': '需照顾家庭，属本人无法改变的情况',
  record: '需补充登记性别，非本人可改变的条件',
  history: '曾在该单位因故（辞退、欠薪）结束工作，不再安排',
};

/**
 * English phrases for whose fact an unchangeable exclusion rests on.
 *
 * @example
 * FIXED_EN.law //=> 'set by law; the labourer cannot change it'
 */
export const FIXED_EN: Readonly<Record<FixedWhy, string>> = {
  law: 'set by law; the labourer cannot change it',
  post: "the post's own terms; the labourer cannot change them",
  employer: "the employer's vetting; the labourer cannot change it",
  'family-care': 'family care; not something the labourer can change',
  record: 'the gender must be recorded; not a change for the labourer',
  history: 'an earlier placement there ended for cause (dismissal, unpaid wages); not offered again',
};

const CHANGES: Readonly<Record<Locale, ChangeRenderers>> = { 'zh-CN': CHANGES_ZH, en: CHANGES_EN };

/**
 * The sentence for one change.
 *
 * @param change - The change (code and parameters).
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names courses, skills, certificates and places.
 *   @defaultValue the default Dongguan policy
 * @returns One line of text.
 * @example
 * renderChange({ code: 'start-earlier', params: { from: '2026-08-01', to: '2026-06-30' } }, 'en') //=> 'Start on 2026-06-30 instead of 2026-08-01'
 */
export function renderChange(
  change: Change,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const fn = CHANGES[locale][change.code] as (p: unknown, n: Namer, names: NameSource) => string;
  return fn(change.params, namerFor(locale, names), names);
}

function whyOf(e: Exclusion): FixedWhy {
  return e.code === 'retirement-undetermined' ? 'record' : 'law';
}

function money(n: Namer, x: number): string {
  return n.money(x);
}

function suggestionLines(s: Suggestion, i: number, locale: Locale, names: NameSource, n: Namer): string[] {
  const zh = locale === 'zh-CN';
  const lines = [
    zh
      ? `${i + 1}. ${s.changes.map((c) => renderChange(c, locale, names)).join(' + ')}`
      : `${i + 1}. ${s.changes.map((c) => renderChange(c, locale, names)).join(' + ')}`,
  ];
  const when = [
    s.cost > 0 ? (zh ? `费用${money(n, s.cost)}` : `cost ${money(n, s.cost)}`) : undefined,
    zh ? `可上岗${s.availableFrom}` : `available from ${s.availableFrom}`,
    zh ? `按${s.on}评估` : `judged on ${s.on}`,
  ].filter((x): x is string => x !== undefined);
  lines.push(`   ${when.join(zh ? '；' : '; ')}`);
  lines.push(zh ? `   可获得 ${s.unlocks.length} 个岗位：` : `   opens ${s.unlocks.length} post(s):`);
  for (const u of s.unlocks) {
    const how =
      u.kind === 'eligible'
        ? zh
          ? '变为符合条件'
          : 'becomes eligible'
        : zh
          ? '进入招聘名额'
          : 'ranks inside the openings';
    lines.push(
      zh
        ? `   - ${u.post} ${u.title}（${n.site(u.site)}，${n.employer(u.employer)}）：${how}，到手约${money(n, u.net)}，得分 ${u.score.toFixed(3)}`
        : `   - ${u.post} ${u.title} at ${n.site(u.site)}, ${n.employer(u.employer)}: ${how}, takes home about ${money(n, u.net)}, score ${u.score.toFixed(3)}`,
    );
  }
  return lines;
}

function outlookLine(o: PostOutlook, n: Namer): string {
  const zh = n.locale === 'zh-CN';
  const sep = zh ? '；' : '; ';
  if (o.kind === 'within-reach')
    return zh
      ? `- ${o.post}：已符合条件且在名额之内（得分 ${o.score.toFixed(3)}）`
      : `- ${o.post}: already eligible and within the openings (score ${o.score.toFixed(3)})`;
  if (o.kind === 'outside-openings') {
    const rival = zh
      ? `名额内最后一位为${o.rival.labourer}（得分 ${o.rival.score.toFixed(3)}），本人 ${o.score.toFixed(3)}`
      : `the last inside the openings is ${o.rival.labourer} (score ${o.rival.score.toFixed(3)}); the labourer scores ${o.score.toFixed(3)}`;
    const tail =
      o.blocked === 'priority-tier'
        ? zh
          ? '对方属重点帮扶户（脱贫或监测对象），户籍类别本人无法改变'
          : 'the rival is of a priority household (registered or monitored), which the labourer cannot change'
        : o.blocked === 'already-ahead'
          ? zh
            ? '本人排名已在其前，方案为安置更多人而未选本人，与得分无关'
            : 'the labourer already ranks ahead; the plan left them out to place more labourers, not for their score'
          : o.suggestions > 0
            ? zh
              ? `${o.suggestions} 条建议可进入名额`
              : `${o.suggestions} suggestion(s) lift the labourer into the openings`
            : zh
              ? '本人可改变的事项都不足以进入名额'
              : 'nothing the labourer can change suffices';
    return zh ? `- ${o.post}：${rival}${sep}${tail}` : `- ${o.post}: ${rival}${sep}${tail}`;
  }
  const parts: string[] = [];
  for (const f of o.fixed) {
    const why = zh ? FIXED_ZH[f.why] : FIXED_EN[f.why];
    const wait =
      f.wait === undefined
        ? ''
        : zh
          ? `，${f.wait.date}起（${WAIT_ZH[f.wait.reason]}）可解除`
          : `; lifted from ${f.wait.date} (${WAIT_EN[f.wait.reason]})`;
    parts.push(
      zh
        ? `${exclusionSentence(f.exclusion, n)}（${why}${wait}）`
        : `${exclusionSentence(f.exclusion, n)} (${why}${wait})`,
    );
  }
  const head = zh ? `- ${o.post}：` : `- ${o.post}: `;
  const result =
    o.suggestions > 0
      ? zh
        ? `${o.suggestions} 条建议可使其符合条件`
        : `${o.suggestions} suggestion(s) make it eligible`
      : zh
        ? '在可改变的范围内无法使其符合条件'
        : 'nothing the labourer can change makes it eligible';
  return `${head}${[...parts, result].join(sep)}`;
}

/**
 * An advice as text: the labourer, the rules about them alone, the suggestions best first with the
 * posts each opens and at what pay, then every target post with what cannot change and why.
 *
 * @param advice - The result of `advise`.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns Several lines joined by `\n`.
 * @example
 * renderAdvice(advise(ds, 'w1'), 'en').split('\n')[0] //=> 'What it would take for w1 (镇雄县), as of 2026-03-01'
 */
export function renderAdvice(
  advice: Advice,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const n = namerFor(locale, names);
  const zh = locale === 'zh-CN';
  const w = advice.labourer;
  const who = `${w.id}${w.name === undefined ? '' : ` ${w.name}`}${zh ? `（${n.place(w.originCounty)}）` : ` from ${n.place(w.originCounty)}`}`;
  const lines = [
    zh ? `${who} 还需要什么（${advice.asOf}）` : `What it would take for ${who}, as of ${advice.asOf}`,
  ];
  for (const e of advice.labourerExclusions)
    lines.push(
      zh
        ? `  ✗ ${exclusionSentence(e, n)}（${FIXED_ZH[whyOf(e)]}）`
        : `  ✗ ${exclusionSentence(e, n)} (${FIXED_EN[whyOf(e)]})`,
    );
  if (advice.notBefore !== undefined) {
    const minimumAge = ('labourers' in names ? names.policy : names).ageLaw.minimumWorkingAge;
    lines.push(
      zh
        ? `依法不得为其介绍任何工作，${advice.notBefore}年满${minimumAge}周岁后方可。`
        : `By law no job may be introduced before ${advice.notBefore}, when the labourer turns ${minimumAge}.`,
    );
    return lines.join('\n');
  }
  if (advice.suggestions.length === 0)
    lines.push(
      zh
        ? `在${advice.maxChanges}项以内的可改变事项中，没有能打开岗位的建议。`
        : `Nothing the labourer can change, in up to ${advice.maxChanges} change(s), opens a post.`,
    );
  else
    lines.push(
      zh ? '建议（按可获得岗位数、收入排序）：' : 'Suggestions (most posts opened and best pay first):',
    );
  advice.suggestions.forEach((s, i) => lines.push(...suggestionLines(s, i, locale, names, n)));
  if (advice.suggestionsNotShown > 0)
    lines.push(
      zh
        ? `另有 ${advice.suggestionsNotShown} 条建议未列出`
        : `${advice.suggestionsNotShown} more suggestion(s) not shown`,
    );
  if (advice.posts.length > 0) {
    lines.push(zh ? `各岗位情况（${advice.posts.length} 个）：` : `Posts (${advice.posts.length}):`);
    for (const o of advice.posts) lines.push(outlookLine(o, n));
  }
  return lines.join('\n');
}

/**
 * A training plan as text: the budget and objective, each chosen course with its trainees and cost,
 * the estimate and its guarantee, then placed labourers and pay before and after re-planning.
 *
 * @param plan - The result of `planTraining`.
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @param names - The policy or dataset that names things. @defaultValue the default Dongguan policy
 * @returns Several lines joined by `\n`.
 * @example
 * renderTrainingPlan(planTraining(ds, { budget: 10000 }), 'en').split('\n')[0] //=> 'Training plan: budget ¥10,000, most labourers placed'
 */
export function renderTrainingPlan(
  plan: TrainingPlan,
  locale: Locale = 'zh-CN',
  names: NameSource = dongguanPolicy,
): string {
  const n = namerFor(locale, names);
  const zh = locale === 'zh-CN';
  const goal =
    plan.objective === 'placed'
      ? zh
        ? '安置人数最多'
        : 'most labourers placed'
      : plan.objective === 'pay'
        ? zh
          ? '新增月收入最多'
          : 'most monthly pay added'
        : zh
          ? '预计半年后仍在岗人数最多'
          : 'most expected still in work after six months';
  const lines = [
    zh
      ? `培训计划：预算${n.money(plan.budget)}，目标为${goal}`
      : `Training plan: budget ${n.money(plan.budget)}, ${goal}`,
  ];
  const combos = plan.options.filter((o) => o.changes.length > 0).length;
  const leavers = plan.options.filter((o) => o.why === 'left-skills-mismatch').length;
  lines.push(
    zh
      ? `可选方案 ${plan.options.length} 个（课程 × 未安置且无岗可去的人员，培训后至少有一个尚有名额的岗位符合条件；其中课程加一项本人其他调整 ${combos} 个，因技能不符离岗人员 ${leavers} 个）`
      : `${plan.options.length} option(s) (course × unplaced labourer with no post left, eligible after the course for a post with openings left; ${combos} with one other change of the labourer's, ${leavers} for leavers for a skills mismatch)`,
  );
  if (plan.chosen.length === 0)
    lines.push(zh ? '预算内没有能新增安置的培训。' : 'No course within the budget places anyone new.');
  for (const c of plan.chosen)
    lines.push(
      zh
        ? `- ${courseName(n, names, c.course)}：${c.trainees.length}人（${c.trainees.join('、')}），费用${n.money(c.cost)}`
        : `- ${courseName(n, names, c.course)}: ${c.trainees.length} trainee(s) (${c.trainees.join(', ')}), cost ${n.money(c.cost)}`,
    );
  lines.push(
    zh
      ? `合计费用${n.money(plan.cost)}；预计新增安置${plan.expected.placed}人，月收入合计${n.money(plan.expected.pay)}，预计半年后仍在岗${plan.expected.retained.toFixed(1)}人`
      : `Total cost ${n.money(plan.cost)}; expected ${plan.expected.placed} newly placed, ${n.money(plan.expected.pay)} a month in all, ${plan.expected.retained.toFixed(1)} expected still in work after six months`,
  );
  for (const p of plan.placements) {
    const o = plan.options.find(
      (x) => x.labourer === p.labourer && x.course === p.course && x.posts.some((y) => y.post === p.post),
    );
    const extra =
      o === undefined || o.changes.length === 0
        ? ''
        : `${zh ? '，并' : ', and '}${o.changes.map((c) => renderChange(c, locale, names)).join(zh ? '，' : '; ')}`;
    const left =
      o?.why === 'left-skills-mismatch'
        ? zh
          ? '；曾因技能不符离岗'
          : '; left before for a skills mismatch'
        : '';
    lines.push(
      zh
        ? `  · ${p.labourer} → ${p.post}（${courseName(n, names, p.course)}${extra}${left}）`
        : `  · ${p.labourer} → ${p.post} (${courseName(n, names, p.course)}${extra}${left})`,
    );
  }
  const g = plan.guarantee;
  lines.push(
    g.kind === 'exact'
      ? zh
        ? '方法：穷举，结果为预算内最优'
        : 'Method: exhaustive search; the best within the budget'
      : g.holds
        ? zh
          ? `方法：贪心；可证明不低于最优值的 ${g.ratio.toFixed(3)} 倍（(1−1/e)/2）`
          : `Method: greedy; proved at least ${g.ratio.toFixed(3)} × the optimum ((1−1/e)/2)`
        : zh
          ? '方法：贪心；有人员可选多门有效课程，不保证近似比'
          : 'Method: greedy; some labourer has several useful courses, so no ratio is guaranteed',
  );
  const { before, after, traineesPlaced } = plan.replanned;
  lines.push(
    zh
      ? `重新安置：安置人数 ${before.placed} → ${after.placed}，月收入合计 ${n.money(before.pay)} → ${n.money(after.pay)}；受训人员安置 ${traineesPlaced.length} 人`
      : `Re-planned: placed ${before.placed} → ${after.placed}, monthly pay ${n.money(before.pay)} → ${n.money(after.pay)}; ${traineesPlaced.length} trainee(s) placed`,
  );
  return lines.join('\n');
}
