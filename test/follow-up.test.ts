import { describe, expect, it } from 'vitest';
import { followUps } from '../src/follow-up.js';
import { parseOutcomes } from '../src/outcomes.js';
import { parseDataset, safeParseDataset } from '../src/parse.js';
import { followUpRows, renderFollowUps } from '../src/render-follow-up.js';
import { validInput } from './helpers/valid-input.js';

const ds = parseDataset(validInput()); // as of 2026-03-01
const started = (on: string) => ({ kind: 'started', on });
const inWork = (on: string) => ({ kind: 'contacted', on, status: 'in-work' });

const outcomes = (w3Last: object[] = []) =>
  parseOutcomes(
    {
      outcomes: [
        // Started 9 days ago, never contacted: the 1-week check was due on 02-27.
        { labourer: 'w1', post: 'p1', events: [started('2026-02-20')] },
        // The 1-week check done; the 1-month check was due on 02-01.
        { labourer: 'w2', post: 'p3', events: [started('2026-01-01'), inWork('2026-01-09')] },
        // Checked at 1 week, 1 and 3 months; the 6-month check is due today.
        {
          labourer: 'w3',
          post: 'p2',
          events: [
            started('2025-09-01'),
            inWork('2025-09-08'),
            inWork('2025-10-02'),
            inWork('2025-12-02'),
            ...w3Last,
          ],
        },
        // Left: not followed up here.
        {
          labourer: 'w1',
          post: 'p2',
          events: [started('2025-05-01'), { kind: 'left', on: '2025-06-01', reason: 'pay' }],
        },
      ],
    },
    ds,
  );

describe('followUps', () => {
  it("takes its schedule from the dataset's policy, which may replace the default", () => {
    const fortnight = parseDataset({
      ...validInput(),
      policy: {
        followUpSchedule: [
          { id: '2-weeks', days: 14 },
          { id: '2-months', months: 2 },
        ],
      },
    });
    expect(fortnight.policy.followUpSchedule).toEqual([
      { id: '2-weeks', days: 14 },
      { id: '2-months', months: 2 },
    ]);
    const list = followUps(outcomes(), fortnight);
    // w1 started 02-20: its 2-week check falls on 03-06, inside the week ahead.
    expect(list.items.find((f) => f.labourer === 'w1')).toMatchObject({
      check: '2-weeks',
      due: '2026-03-06',
    });
    expect(list.items.some((f) => f.check === '1-week')).toBe(false);
  });

  it('refuses a scheduled check with both days and months, or neither, naming it', () => {
    const r = safeParseDataset({
      ...validInput(),
      policy: { followUpSchedule: [{ id: 'both', days: 7, months: 1 }, { id: 'neither' }] },
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.issues.filter((i) => i.code === 'days-or-months').map((i) => i.path)).toEqual([
        'policy.followUpSchedule[0]',
        'policy.followUpSchedule[1]',
      ]);
  });

  it('lists the checks due, most overdue first, with the days overdue and the risk factors', () => {
    const list = followUps(outcomes(), ds);
    expect(list.until).toBe('2026-03-08');
    expect(list.items.map((f) => [f.labourer, f.post, f.check, f.due, f.overdueDays, f.escalated])).toEqual([
      ['w2', 'p3', '1-month', '2026-02-01', 28, false],
      ['w1', 'p1', '1-week', '2026-02-27', 2, false],
      ['w3', 'p2', '6-months', '2026-03-01', 0, false],
    ]);
    // w1 and w3 work for e1 but come from different counties; none has trained before starting.
    for (const f of list.items) expect(f.risks).toContain('no-fellow-villagers');
  });

  it('escalates a labourer found unreachable, ahead of everyone', () => {
    const list = followUps(outcomes([{ kind: 'contacted', on: '2026-02-15', status: 'unreachable' }]), ds);
    expect(list.items[0]).toMatchObject({
      labourer: 'w3',
      escalated: true,
      lastContact: '2026-02-15',
      due: '2026-03-01',
    });
  });

  it('leaves out checks beyond the window, and takes a window of its own', () => {
    const none = followUps(
      parseOutcomes(
        { outcomes: [{ labourer: 'w1', post: 'p1', events: [started('2026-02-28'), inWork('2026-02-28')] }] },
        ds,
      ),
      ds,
      { days: 3 },
    );
    expect(none.items).toEqual([]); // the 1-week check falls on 03-07
    const week = followUps(
      parseOutcomes({ outcomes: [{ labourer: 'w1', post: 'p1', events: [started('2026-02-28')] }] }, ds),
      ds,
      { days: 7 },
    );
    expect(week.items.map((f) => f.due)).toEqual(['2026-03-07']);
    expect(() => followUps(outcomes(), ds, { days: -1 })).toThrow(RangeError);
    expect(() => followUps(outcomes(), ds, { schedule: [{ id: 'x' }] })).toThrow(/days or months/);
  });

  it('renders in Chinese and English, and as spreadsheet rows', () => {
    const list = followUps(outcomes([{ kind: 'contacted', on: '2026-02-15', status: 'unreachable' }]), ds);
    const zh = renderFollowUps(list, 'zh-CN', ds).split('\n');
    expect(zh[0]).toBe('回访清单（2026-03-01 至 2026-03-08）：共 3 人');
    expect(zh[1]).toBe(
      '! w3 @ p2（e1）；上岗六个月回访；应于 2026-03-01 回访；需上报跟进（上次联系不上）；风险：跨省务工、上岗前未参加培训、同单位无同县老乡',
    );
    const en = renderFollowUps(list, 'en', ds).split('\n');
    expect(en[2]).toBe(
      "- w2 @ p3（e2）; 1-month check; due 2026-02-01, 28 days overdue; risks: net pay below the labourer's minimum, working in another province, no one from the same county at the employer",
    );
    expect(en[3]).toMatch(/^- 张三（w1） @ p1（e1）; 1-week check; due 2026-02-27, 2 days overdue; /);
    const { rows, columns } = followUpRows(list, 'zh-CN');
    expect(columns.map((c) => c.header)).toContain('应回访日期');
    expect(rows[0]).toMatchObject({ labourer: 'w3', escalated: '是', check: '上岗六个月回访' });
  });
});
