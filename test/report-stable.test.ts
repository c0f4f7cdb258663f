/** The programme report's stable employment, from outcome records. */
import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { parseOutcomes } from '../src/outcomes.js';
import { parseDataset } from '../src/parse.js';
import { reportToHtml } from '../src/report-html.js';
import { reportToMarkdown } from '../src/report-markdown.js';
import { buildReport } from '../src/report.js';
import { retention } from '../src/retention.js';
import { contacted, left, placement, started } from './helpers/outcomes.js';
import { validInput } from './helpers/valid-input.js';

const ds = parseDataset(validInput());
const plan = assign(ds);
const outcomes = parseOutcomes(
  {
    outcomes: [
      placement('w1', 'p1', started('2025-01-01'), left('2025-03-01')),
      placement('w2', 'p3', started('2025-01-01'), contacted('2025-08-01')),
      placement('w3', 'p2', started('2025-01-01'), left('2025-05-01', 'dismissed')),
    ],
  },
  ds,
);

describe('the programme report with outcomes', () => {
  const report = buildReport(plan, ds, { outcomes });

  it('tells retention at 3 and 6 months, for the programme and by tier, county and employer', () => {
    const st = report.stableEmployment!;
    expect(st.months).toEqual([3, 6]);
    const own = retention(outcomes, ds, { months: [3, 6] }).rows[0]!;
    expect(st.programme.at.map((a) => a.survival)).toEqual(own.at.map((a) => a.survival));
    expect(st.programme).toMatchObject({ placements: 3, left: 2, leftForCause: 1 });
    expect(st.programme.at[0]!.survival).toBeCloseTo(2 / 3, 12); // one of three left by month 3
    expect(st.programme.at[1]!.survival).toBeCloseTo(1 / 3, 12); // a second by month 4
    expect(st.byEmployer.map((f) => [f.key, f.placements])).toEqual([
      ['e1', 2],
      ['e2', 1],
    ]);
    expect(st.byCounty.reduce((n, f) => n + f.placements, 0)).toBe(3);
    expect(st.curves[0]!.steps.map((s) => s.survival)).toEqual(own.curve.steps.map((s) => s.survival));
  });

  it('renders a section with the curves and the table, in Markdown and HTML, in both languages', () => {
    const md = reportToMarkdown(report, 'zh-CN');
    expect(md).toContain('## 稳定就业（上岗后仍在岗的比例）');
    expect(md).toMatch(/\| 全部安置 \| 3 \| 2 \(1\) \| 67% \(\d+%–100%\) \| 33% \(\d+%–\d+%\) \|/);
    const html = reportToHtml(report, 'en');
    expect(html).toContain(
      '<section id="stable-employment"><h2>Stable employment (share still in work after starting)</h2>',
    );
    expect(html).toMatch(/<polyline class="survival"[^>]*points="[\d.,\s]+"/);
    expect(reportToMarkdown(report, 'en')).toContain('in work at 6 months');
  });

  it('has no such section without outcomes, or with none recorded', () => {
    const bare = buildReport(plan, ds);
    expect(bare.stableEmployment).toBeUndefined();
    expect(reportToHtml(bare, 'zh-CN')).not.toContain('stable-employment');
    expect(buildReport(plan, ds, { outcomes: { outcomes: [] } }).stableEmployment).toBeUndefined();
  });
});
