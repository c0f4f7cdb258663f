import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { placeNameEn } from '../src/division-names-en.js';
import { ELIGIBILITY_RULES } from '../src/eligibility.js';
import type { PlanSummary } from '../src/plan.js';
import { RULE_LABELS, UNPLACED_LABELS, renderPlanSummary, renderUnplacedReason } from '../src/render-plan.js';
import { generateSample, demoDataset } from '../src/sample.js';
import { parseDataset } from '../src/parse.js';

describe('plan text', () => {
  it('has a short label for every rule and every unplaced reason, in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const rule of ELIGIBILITY_RULES) expect(RULE_LABELS[locale][rule.code]).toMatch(/\S/);
      for (const label of Object.values(UNPLACED_LABELS[locale])) expect(label).toMatch(/\S/);
    }
  });

  it('counts rules by their names, not their codes', () => {
    const text = renderUnplacedReason(
      {
        code: 'no-eligible-post',
        params: { posts: 3, byRule: { 'cannot-leave-home': 2, 'window-closed': 1 } },
      },
      'zh-CN',
    );
    expect(text).toContain('不能离家 ×2');
    expect(text).not.toContain('cannot-leave-home');
  });

  it('summarises a plan without reason codes, listing at most `limit` counties and employers', () => {
    const ds = parseDataset(generateSample({ labourers: 120, posts: 60, seed: 3 }));
    const { summary } = assign(ds);
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = renderPlanSummary(summary, locale, { limit: 3 });
      expect(text).not.toMatch(/undefined|NaN|labourer-excluded|no-eligible-post|posts-filled/);
      const originLine = text
        .split('\n')
        .find((l) => l.startsWith(locale === 'en' ? 'By origin' : '按来源县'))!;
      const listed = originLine.split(/[:：]/)[1]!.split(locale === 'en' ? ', ' : '，');
      const named = listed.filter((x) => /\d+\/\d+/.test(x));
      expect(named.length).toBe(Math.min(3, summary.byOrigin.length));
      if (summary.byOrigin.length > 3)
        expect(originLine).toMatch(locale === 'en' ? /and \d+ more/ : /另有\d+个县/);
    }
  });

  it('lists the largest origin first', () => {
    const summary: PlanSummary = {
      ...assign(demoDataset()).summary,
    };
    const first = renderPlanSummary(summary, 'en', { limit: 1 })
      .split('\n')
      .find((l) => l.startsWith('By origin'))!;
    const largest = [...summary.byOrigin].sort((a, b) => b.labourers - a.labourers)[0]!;
    expect(first).toContain(`${placeNameEn(largest.county)} ${largest.placed}/${largest.labourers}`);
    expect(first).toContain(`(${largest.name})`);
  });
});
