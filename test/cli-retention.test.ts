import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { contacted, left, placement, started } from './helpers/outcomes.js';
import { validInput } from './helpers/valid-input.js';

let dir = '';
let dataset = '';
let outcomes = '';
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value), 'utf8');
  return path;
};
const events = {
  outcomes: [
    placement('w1', 'p1', started('2025-01-01'), left('2025-04-01')),
    placement('w2', 'p3', started('2025-01-01'), left('2025-02-01', 'dismissed')),
    placement('w3', 'p2', started('2025-01-01'), contacted('2025-07-02')),
  ],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-cli-retention-'));
  dataset = write('dataset.json', validInput());
  outcomes = write('outcomes.json', events);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bangfu retention', () => {
  it('tells the share still in work at 1, 3, 6 and 12 months, in Chinese by default', async () => {
    const r = await runCli(['retention', dataset, outcomes]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '留岗情况（全部安置，基准日 2026-03-01；Kaplan–Meier 估计，括号内为 95% 置信区间）\n' +
        '全部：安置 3 人，离岗 2 人（因故 1 人）；1 个月 100%，3 个月 33%（7%–100%），6 个月 —，12 个月 —\n',
    );
  });

  it('groups, reads the months asked for, and speaks English or JSON', async () => {
    const en = await runCli([
      'retention',
      dataset,
      outcomes,
      '--by',
      'employer',
      '--months',
      '3',
      '--lang',
      'en',
    ]);
    expect(en.out.split('\n').slice(1, 3)).toEqual([
      '塘厦示例电子有限公司（e1）: 2 placed, 1 left (0 for cause); 3 mo 50% (13%–100%)',
      '粤滇园区示例服装厂（e2）: 1 placed, 1 left (1 for cause); 3 mo 0%',
    ]);
    const j = JSON.parse((await runCli(['retention', dataset, outcomes, '--json'])).out) as {
      by: string;
      rows: { key: string; placements: number; at: { months: number; survival: number | null }[] }[];
    };
    expect(j.by).toBe('programme');
    expect(j.rows[0]!.at.map((a) => a.months)).toEqual([1, 3, 6, 12]);
  });

  it('refuses bad outcomes with every problem (exit 2) and bad options', async () => {
    const bad = write('bad.json', {
      outcomes: [{ labourer: 'nobody', post: 'p1', events: [{ kind: 'started', on: '2030-01-01' }] }],
    });
    const r = await runCli(['retention', dataset, bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('outcomes[0].labourer：应为数据集中某名劳动力的编号');
    expect(r.err).toContain('outcomes[0].events[0].on：日期应不晚于基准日 2026-03-01');
    expect((await runCli(['retention', dataset, outcomes, '--by', 'height'])).code).toBe(2);
    expect((await runCli(['retention', dataset, outcomes, '--months', '1,x'])).code).toBe(2);
  });
});

describe('bangfu retention --threshold', () => {
  it("lists employers' shrunk retention and flags those below the threshold", async () => {
    const many = write('many.json', {
      outcomes: [
        ...['w1', 'w2', 'w3'].flatMap((w) =>
          ['p1', 'p2'].map((p) => ({
            labourer: w,
            post: p,
            events: [
              { kind: 'started', on: '2025-01-01' },
              { kind: 'contacted', on: '2025-08-01', status: 'in-work' },
            ],
          })),
        ),
        ...['w1', 'w2'].map((w) => ({
          labourer: w,
          post: 'p3',
          events: [
            { kind: 'started', on: '2025-01-01' },
            { kind: 'left', on: '2025-03-01', reason: 'wages-unpaid' },
          ],
        })),
      ],
    });
    const r = await runCli(['retention', dataset, many, '--threshold', '0.7', '--lang', 'en']);
    expect(r.code).toBe(0);
    const tail = r.out.trimEnd().split('\n').slice(-3);
    expect(tail[0]).toBe("Employers' retention at 6 months (measured, and shrunk towards the programme's)");
    expect(tail[1]).toMatch(/^- .*（e1）: 6 placed, measured 100%, estimated \d+%$/);
    expect(tail[2]).toMatch(
      /^! .*（e2）: 2 placed, measured 0%, estimated \d+%, below the threshold: to be vetted again$/,
    );
    const j = JSON.parse(
      (await runCli(['retention', dataset, many, '--threshold', '0.7', '--json'])).out,
    ) as {
      employers: { employer: string; flagged: boolean }[];
    };
    expect(j.employers.map((e) => [e.employer, e.flagged])).toEqual([
      ['e1', false],
      ['e2', true],
    ]);
    expect((await runCli(['retention', dataset, many, '--threshold', '1.5'])).code).toBe(2);
  });
});

describe('bangfu follow-up', () => {
  it('lists who to contact, writes the spreadsheet, and prints JSON', async () => {
    const recent = write('recent.json', {
      outcomes: [
        { labourer: 'w1', post: 'p1', events: [{ kind: 'started', on: '2026-02-20' }] },
        {
          labourer: 'w3',
          post: 'p2',
          events: [
            { kind: 'started', on: '2026-01-10' },
            { kind: 'contacted', on: '2026-02-20', status: 'unreachable' },
          ],
        },
      ],
    });
    const r = await runCli(['follow-up', dataset, recent]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('回访清单（2026-03-01 至 2026-03-08）：共 2 人');
    expect(lines[1]).toMatch(/^! w3 @ p2（e1）；上岗一周回访；应于 2026-03-01 回访；需上报跟进/);
    const csv = join(dir, 'follow-up.csv');
    expect((await runCli(['follow-up', dataset, recent, '--csv', csv, '--lang', 'en'])).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split(/\r?\n/)[0]).toBe(
      '\ufefflabourer,post,employer,started,check,due,days overdue,escalate,last contact,risk factors',
    );
    const j = JSON.parse((await runCli(['follow-up', dataset, recent, '--json', '--days', '0'])).out) as {
      until: string;
      items: { labourer: string }[];
    };
    expect(j.until).toBe('2026-03-01');
    expect(j.items.map((i) => i.labourer)).toEqual(['w3', 'w1']);
    expect((await runCli(['follow-up', dataset, recent, '--days', '-1'])).code).toBe(2);
  });

  it('makes the list for a later day with --as-of, reading the contacts made since the dataset', async () => {
    const since = write('since.json', {
      outcomes: [
        {
          labourer: 'w1',
          post: 'p1',
          events: [
            { kind: 'started', on: '2026-02-20' },
            { kind: 'contacted', on: '2026-03-05', status: 'in-work' },
          ],
        },
      ],
    });
    // Without it, a contact after the dataset's as-of date (2026-03-01) is refused.
    const refused = await runCli(['followup', dataset, since, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('date-in-future');
    const r = await runCli(['followup', dataset, since, '--as-of', '2026-03-16', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { asOf: string; until: string; items: { check: string; due: string }[] };
    expect([j.asOf, j.until]).toEqual(['2026-03-16', '2026-03-23']);
    // The 1-week check is covered by the contact of 03-05; the 1-month check falls on 03-20.
    expect(j.items.map((i) => [i.check, i.due])).toEqual([['1-month', '2026-03-20']]);
  });
});

describe('bangfu report --outcomes', () => {
  it('adds stable employment to the report', async () => {
    const plan = join(dir, 'plan.json');
    expect((await runCli(['assign', dataset, '--out', plan, '--quiet'])).code).toBe(0);
    const r = await runCli(['report', dataset, plan, '--outcomes', outcomes, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## 稳定就业（上岗后仍在岗的比例）');
    const bad = await runCli(['report', dataset, plan, '--outcomes', join(dir, 'nope.json'), '--quiet']);
    expect(bad.code).toBe(2);
  });
});

describe('outcomes as a spreadsheet', () => {
  it('reads an outcomes CSV by its name, problems pointed at rows', async () => {
    const csv = join(dir, '回访记录.csv');
    writeFileSync(
      csv,
      [
        '劳动力编号,岗位编号,事件,日期,回访结果,离岗原因',
        'w1,p1,上岗,2025-01-01,,',
        'w1,p1,离岗,2025-04-01,,工资',
      ].join('\n'),
      'utf8',
    );
    const r = await runCli(['retention', dataset, csv, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('all: 1 placed, 1 left (0 for cause)');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, ['劳动力编号,岗位编号,事件,日期', 'w9,p1,上岗,2025-01-01'].join('\n'), 'utf8');
    const b = await runCli(['follow-up', dataset, bad]);
    expect(b.code).toBe(2);
    expect(b.err).toContain(`${bad}:row 2:劳动力编号：应为数据集中某名劳动力的编号`);
  });
});
