/**
 * The follow-up worklist as text and as spreadsheet rows, in Chinese or English.
 *
 * @module
 */
import { contextOf } from './internal/context.js';
import type { FollowUp, FollowUpList, FollowUpRisk } from './follow-up.js';
import type { Locale } from './render.js';
import type { Dataset } from './types.js';

const RISK: Readonly<Record<FollowUpRisk, { readonly zh: string; readonly en: string }>> = {
  'pay-below-minimum': { zh: '实得工资低于本人最低要求', en: "net pay below the labourer's minimum" },
  'far-from-home': { zh: '跨省务工', en: 'working in another province' },
  'no-training': { zh: '上岗前未参加培训', en: 'no training before starting' },
  'no-fellow-villagers': { zh: '同单位无同县老乡', en: 'no one from the same county at the employer' },
};

const CHECK: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  '1-week': { zh: '上岗一周回访', en: '1-week check' },
  '1-month': { zh: '上岗一个月回访', en: '1-month check' },
  '3-months': { zh: '上岗三个月回访', en: '3-month check' },
  '6-months': { zh: '上岗六个月回访', en: '6-month check' },
  unreachable: { zh: '上次联系不上', en: 'unreachable last time' },
};

const checkText = (id: string, zh: boolean): string => {
  const c = CHECK[id];
  return c === undefined ? id : zh ? c.zh : c.en;
};

/** A labourer's name and id, as the worklist shows them. */
function who(f: FollowUp, dataset: Dataset | undefined): string {
  const name = dataset === undefined ? undefined : contextOf(dataset).labourers.get(f.labourer)?.name;
  return name === undefined ? f.labourer : `${name}（${f.labourer}）`;
}

/**
 * Renders the worklist: a heading (as-of date, window, how many), then one line per labourer, most
 * urgent first: who, where, which check and when (days overdue), escalation, risk factors.
 *
 * @param list - From `followUps`.
 * @param locale - `zh-CN` or `en`.
 * @param dataset - For labourers' names (optional).
 * @returns The text, lines joined by newlines.
 * @example
 * renderFollowUps(followUps(outcomes, ds), 'en') //=> 'Follow-up from 2026-03-01 to 2026-03-08: 2 to contact …'
 */
export function renderFollowUps(list: FollowUpList, locale: Locale, dataset?: Dataset): string {
  const zh = locale === 'zh-CN';
  const n = list.items.length;
  const lines = [
    zh
      ? `回访清单（${list.asOf} 至 ${list.until}）：共 ${n} 人`
      : `Follow-up from ${list.asOf} to ${list.until}: ${n} to contact`,
  ];
  for (const f of list.items) {
    const when =
      f.overdueDays > 0
        ? zh
          ? `应于 ${f.due} 回访，已逾期 ${f.overdueDays} 天`
          : `due ${f.due}, ${f.overdueDays} days overdue`
        : zh
          ? `应于 ${f.due} 回访`
          : `due ${f.due}`;
    const risks = f.risks.map((r) => (zh ? RISK[r].zh : RISK[r].en));
    const parts = [
      `${who(f, dataset)} @ ${f.post}（${f.employer}）`,
      checkText(f.check, zh),
      when,
      ...(f.escalated
        ? [zh ? '需上报跟进（上次联系不上）' : 'escalate: unreachable at the last contact']
        : []),
      ...(risks.length > 0 ? [zh ? `风险：${risks.join('、')}` : `risks: ${risks.join(', ')}`] : []),
    ];
    lines.push(`${f.escalated ? '! ' : '- '}${parts.join(zh ? '；' : '; ')}`);
  }
  return lines.join('\n');
}

/**
 * The worklist as spreadsheet rows with their columns (headers in the locale's language), for
 * `writeCsv`.
 *
 * @param list - From `followUps`.
 * @param locale - `zh-CN` or `en`.
 * @returns Rows and columns.
 * @example
 * followUpRows(list, 'zh-CN').columns[0].header //=> '劳动力编号'
 */
export function followUpRows(
  list: FollowUpList,
  locale: Locale,
): {
  readonly rows: readonly Record<string, unknown>[];
  readonly columns: readonly { readonly key: string; readonly header: string }[];
} {
  const zh = locale === 'zh-CN';
  const columns = [
    { key: 'labourer', header: zh ? '劳动力编号' : 'labourer' },
    { key: 'post', header: zh ? '岗位编号' : 'post' },
    { key: 'employer', header: zh ? '用人单位编号' : 'employer' },
    { key: 'started', header: zh ? '上岗日期' : 'started' },
    { key: 'check', header: zh ? '回访节点' : 'check' },
    { key: 'due', header: zh ? '应回访日期' : 'due' },
    { key: 'overdueDays', header: zh ? '逾期天数' : 'days overdue' },
    { key: 'escalated', header: zh ? '需上报' : 'escalate' },
    { key: 'lastContact', header: zh ? '上次联系日期' : 'last contact' },
    { key: 'risks', header: zh ? '风险因素' : 'risk factors' },
  ];
  const rows = list.items.map((f) => ({
    ...f,
    check: checkText(f.check, zh),
    escalated: f.escalated ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
    lastContact: f.lastContact ?? '',
    risks: f.risks.map((r) => (zh ? RISK[r].zh : RISK[r].en)).join(zh ? '、' : '; '),
  }));
  return { rows, columns };
}
