/**
 * The bangfu demo (`npm run demo`): on the sample dataset, rank the posts for five labourers picked
 * to show the rules at work, and say why the other posts are excluded.
 *
 * The five are found by what they are, not by id: one who cannot leave home, one aged 17, one with
 * a skill from a completed training, one with a high pay expectation, and one under 16. Then the
 * whole cohort is placed in each mode, each plan checked by the independent verifier. Last, the
 * cycle after placement: outcomes of the optimal plan (simulated), retention, who to contact this
 * week, and the plan made again with those in work kept.
 */
import {
  ageOn,
  assign,
  explainPair,
  parksServing,
  rankPosts,
  verifyPlan,
  type AssignmentMode,
  type Dataset,
  type Labourer,
} from 'bangfu';
import { employerRetention, followUps, replan, retention, verifyReplan } from 'bangfu/outcomes';
import {
  renderAssessment,
  renderFollowUps,
  renderPlanSummary,
  renderRanking,
  renderRetention,
} from 'bangfu/text';
import { demoDataset, simulateOutcomes } from 'bangfu/sample';

const dataset: Dataset = demoDataset();
const { asOf } = dataset;
const age = (w: Labourer): number => ageOn(w.birthDate, asOf);
const asksFor = (skill: string): boolean =>
  dataset.posts.some((p) => p.requiredSkills.some((r) => r.skill === skill));
const trainedSkill = (w: Labourer): string | undefined =>
  w.trainings.find(
    (t) =>
      t.grantsSkill !== undefined &&
      !w.skills.some((s) => s.skill === t.grantsSkill) &&
      asksFor(t.grantsSkill),
  )?.grantsSkill;

interface Showcase {
  readonly title: string;
  readonly find: (w: Labourer) => boolean;
  /** The exclusion code whose examples best show this labourer's case. */
  readonly example?: string;
}

const SHOWCASES: readonly Showcase[] = [
  {
    title: '不能离家（家有老人小孩需照顾）：只推荐本县或服务本县的产业园岗位',
    find: (w) => w.cannotLeaveHome && parksServing(dataset.policy, w.originCounty).length > 0,
    example: 'cannot-leave-home',
  },
  {
    title: '17岁未成年工：不安排危险作业和特种作业',
    find: (w) => age(w) === 17,
    example: 'minor-hazardous',
  },
  {
    title: '参加过家乡技能培训：培训所得技能计入匹配',
    find: (w) => age(w) >= 16 && trainedSkill(w) !== undefined,
  },
  {
    title: '工资期望较高：收入低于期望的岗位得分降低',
    find: (w) => age(w) >= 18 && w.pay.minMonthly >= 5000,
    example: 'certificate-missing',
  },
  {
    title: '未满16周岁：依法不得介绍任何工作',
    find: (w) => age(w) < 16,
  },
];

const out: string[] = [];
const print = (...lines: string[]): void => void out.push(...lines);

print(
  `bangfu 演示数据：${dataset.labourers.length} 名劳动力，${dataset.employers.length} 家用人单位，` +
    `${dataset.posts.length} 个岗位，基准日 ${asOf}`,
  '（人员与单位均为合成数据；地点、最低工资、法律规定为真实数据；县镇对口联系为示例）',
);

SHOWCASES.forEach((showcase, i) => {
  const labourer = dataset.labourers.find(showcase.find);
  print('', `== ${i + 1}. ${showcase.title} ==`);
  if (labourer === undefined) {
    print('（样例数据中没有这样的人员）');
    return;
  }

  // The ranking: best five, as a table with the leading reasons.
  print(renderRanking(rankPosts(dataset, labourer.id, { top: 5, includeExcluded: false }), 'zh-CN', dataset));

  // The trained skill: explain the best post that asks for it.
  const skill = trainedSkill(labourer);
  if (skill !== undefined) {
    const all = rankPosts(dataset, labourer.id, { top: dataset.posts.length, includeExcluded: false });
    const hit = all.ranked.find((r) => r.post.requiredSkills.some((req) => req.skill === skill));
    if (hit !== undefined) {
      print('', `要求培训所得技能的岗位中排名最高的是第 ${hit.rank} 名：`);
      print(renderAssessment(explainPair(dataset, labourer.id, hit.post.id), 'zh-CN', dataset));
    }
  }

  // The excluded posts: how many for each reason, and a few in full.
  const full = rankPosts(dataset, labourer.id, { top: 1 });
  if (full.excludedCount === 0) return;
  const byCode = new Map<string, number>();
  for (const e of full.excluded)
    for (const x of e.exclusions) byCode.set(x.code, (byCode.get(x.code) ?? 0) + 1);
  print('', `不符合条件的 ${full.excludedCount} 个岗位，按原因统计（一个岗位可有多个原因）：`);
  for (const [code, count] of [...byCode].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    print(`  ${code.padEnd(28)} ${String(count).padStart(4)}`);
  }
  const examples = [
    ...full.excluded.filter((e) => e.exclusions.some((x) => x.code === showcase.example)),
    ...full.excluded.filter((e) => e.exclusions.length > 1),
  ];
  const shown = new Set<string>();
  print('示例：');
  for (const e of examples) {
    if (shown.size === 2) break;
    if (shown.has(e.post.id)) continue;
    shown.add(e.post.id);
    // The head and every reason; the hypothetical score that follows is left to `bangfu explain`.
    const text = renderAssessment(explainPair(dataset, labourer.id, e.post.id), 'zh-CN', dataset);
    print(...text.split('\n').filter((line, k) => k === 0 || line.startsWith('  ✗')));
  }
});

// The whole cohort: a plan in each mode, each checked by the verifier that trusts no solver.
print('', '== 6. 整批安置：最优、稳定、贪心三种模式，每个方案均经独立校验 ==');
print('| 模式 | 已安置 | 其中重点人员 | 平均得分 | 平均到手工资 | 独立校验 |', '|---|---|---|---|---|---|');
const plans = (['optimal', 'stable', 'greedy'] as const satisfies readonly AssignmentMode[]).map((mode) => {
  const plan = assign(dataset, { mode });
  const { summary } = plan;
  const priority = summary.byTier.find((t) => t.tier === 0);
  const verdict = verifyPlan(plan, dataset);
  print(
    `| ${mode} | ${summary.placed}/${summary.labourers} | ${priority?.placed ?? 0}/${priority?.labourers ?? 0} | ` +
      `${summary.meanScore.toFixed(3)} | ${Math.round(summary.pay.meanNet)}元 | ` +
      `${verdict.ok ? '通过' : `未通过（${verdict.violations.length} 处）`} |`,
  );
  return plan;
});
print('', '最优方案概要（先安置尽可能多的脱贫户、监测户劳动力，再使总分最高）：');
print(renderPlanSummary(plans[0]!.summary, 'zh-CN', { limit: 6 }));

// After placement: what became of the optimal plan's placements (simulated, as if made over the 18
// months before the as-of date), retention, the follow-up list, and the plan made again.
print('', '== 7. 安置之后：跟踪回访、稳定就业与再安置（跟踪记录为模拟数据） ==');
const outcomes = simulateOutcomes(dataset, plans[0]!, { seed: 2025 });
print(renderRetention(retention(outcomes, dataset), 'zh-CN', dataset));
print(renderRetention(retention(outcomes, dataset, { by: 'distance' }), 'zh-CN', dataset));
const flagged = employerRetention(outcomes, dataset, { threshold: 0.5 }).filter((e) => e.flagged);
print(`半年留岗率（向全项目均值收缩后）低于 50% 需重新审核的用人单位：${flagged.length} 家`);
const due = followUps(outcomes, dataset);
print('', ...renderFollowUps(due, 'zh-CN', dataset).split('\n').slice(0, 6));
if (due.items.length > 5) print(`……共 ${due.items.length} 人`);
const again = replan(dataset, outcomes);
const check = verifyReplan(again, dataset, outcomes);
print(
  '',
  `再安置：在岗的 ${again.kept?.placements.length ?? 0} 人保留原岗位，其余 ${again.summary.labourers} 人重新安置，` +
    `安置 ${again.summary.placed} 人（曾被辞退或欠薪的单位不再安排，用人单位按实测留岗率评分）；` +
    `独立校验${check.ok ? '通过' : `未通过（${check.violations.length} 处）`}`,
);

console.log(out.join('\n'));
