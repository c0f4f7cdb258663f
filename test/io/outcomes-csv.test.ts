import { describe, expect, it } from 'vitest';
import { outcomesFromCsv } from '../../src/io/outcomes-csv.js';
import { safeParseOutcomes } from '../../src/outcomes.js';
import { parseDataset } from '../../src/parse.js';
import { validInput } from '../helpers/valid-input.js';

const ds = parseDataset(validInput());
const HEAD = '劳动力编号,岗位编号,事件,日期,回访结果,离岗原因,备注';

describe('outcomesFromCsv', () => {
  it('reads one row per event into records, a labourer at a post being one record, in row order', () => {
    const csv = [
      HEAD,
      'w1,p1,上岗,2025-06-02,,,',
      'w2,p3,上岗,2025年6月2日,,,',
      'w1,p1,回访,2025/07/01,在岗,,',
      'w1,p1,离岗,2025-09-15,,欠薪,拖欠两个月',
    ].join('\n');
    const r = outcomesFromCsv(csv);
    expect(r.success).toBe(true);
    const input = r.success ? r.value.input : { outcomes: [] };
    expect(input.outcomes).toEqual([
      {
        labourer: 'w1',
        post: 'p1',
        events: [
          { kind: 'started', on: '2025-06-02' },
          { kind: 'contacted', on: '2025-07-01', status: 'in-work' },
          { kind: 'left', on: '2025-09-15', reason: 'wages-unpaid', note: '拖欠两个月' },
        ],
      },
      { labourer: 'w2', post: 'p3', events: [{ kind: 'started', on: '2025-06-02' }] },
    ]);
    expect(safeParseOutcomes(input, ds).success).toBe(true);
    // English headers and codes too.
    const en = outcomesFromCsv(
      'labourer,post,event,date,status\nw1,p1,started,2025-06-02,\nw1,p1,contacted,2025-07-01,unreachable',
    );
    expect(en.success).toBe(true);
  });

  it('points every problem at its row and column, in both languages', () => {
    const r = outcomesFromCsv(
      [HEAD, 'w1,p1,入职,2025-06-02,,,', 'w1,p1,回访,2025-13-01,,,', ',p1,离岗,2025-08-01,,太远,'].join('\n'),
      { fileName: '回访.csv' },
    );
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['回访.csv:row 2:事件', 'bad-value'],
      ['回访.csv:row 3:日期', 'bad-value'],
      ['回访.csv:row 3:回访结果', 'bad-value'],
      ['回访.csv:row 4:劳动力编号', 'missing-value'],
      ['回访.csv:row 4:离岗原因', 'bad-value'],
    ]);
    for (const i of issues) expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
    const headers = outcomesFromCsv('劳动力编号,岗位,日期\nw1,p1,2025-06-02');
    expect(headers.success ? [] : headers.issues.map((i) => i.code)).toEqual([
      'unknown-header',
      'missing-header',
      'missing-header',
    ]);
    expect(outcomesFromCsv('\n\n').success).toBe(false);
  });

  it('points the dataset checks back at the spreadsheet', () => {
    const r = outcomesFromCsv([HEAD, 'w9,p1,上岗,2025-06-02,,,', 'w1,p1,上岗,2027-01-01,,,'].join('\n'));
    if (!r.success) throw new Error('expected the sheet to read');
    const checked = safeParseOutcomes(r.value.input, ds);
    expect(checked.success).toBe(false);
    const located = r.value.locate(checked.success ? [] : checked.issues);
    expect(located.map((i) => [i.path, i.code])).toEqual([
      ['outcomes.csv:row 2:劳动力编号', 'unknown-labourer'],
      ['outcomes.csv:row 3:日期', 'date-in-future'],
    ]);
    expect(located[1]!.messageZh).toBe('日期应不晚于基准日 2026-03-01（outcomes[1].events[0].on）');
  });
});
