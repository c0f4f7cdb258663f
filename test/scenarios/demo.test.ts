/**
 * The demo dataset, end to end: the showcase labourers get what the law and their circumstances
 * allow, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { explainPair } from '../../src/explain.js';
import { ageOn } from '../../src/internal/dates.js';
import { parksServing } from '../../src/policy/resolve.js';
import { rankPosts } from '../../src/rank.js';
import { renderRanking } from '../../src/render.js';
import { demoDataset } from '../../src/sample.js';
import type { Labourer } from '../../src/types.js';

const dataset = demoDataset();
const age = (w: Labourer): number => ageOn(w.birthDate, dataset.asOf);
const find = (test: (w: Labourer) => boolean): Labourer => {
  const w = dataset.labourers.find(test);
  if (w === undefined) throw new Error('showcase labourer missing');
  return w;
};
const all = { top: dataset.posts.length, includeExcluded: true };

describe('the demo dataset', () => {
  it('gives the labourer who cannot leave home only posts in the home county or a park serving it', () => {
    const w = find((x) => x.cannotLeaveHome && parksServing(dataset.policy, x.originCounty).length > 0);
    const serving = new Set<string>(parksServing(dataset.policy, w.originCounty).map((p) => p.id));
    const ranking = rankPosts(dataset, w.id, all);
    expect(ranking.ranked.length).toBeGreaterThan(0);
    for (const { post } of ranking.ranked) {
      const near =
        (post.site.kind === 'county' && post.site.county === w.originCounty) ||
        (post.site.kind === 'park' && serving.has(post.site.park));
      expect(near).toBe(true);
    }
    expect(ranking.excluded.some((e) => e.exclusions.some((x) => x.code === 'cannot-leave-home'))).toBe(true);
  });

  it('ranks no hazardous or special-operation post for the 17-year-old', () => {
    const w = find((x) => age(x) === 17);
    const ranking = rankPosts(dataset, w.id, all);
    expect(ranking.ranked.length).toBeGreaterThan(0);
    expect(ranking.ranked.every(({ post }) => !post.hazardous)).toBe(true);
    const special = new Set<string>(
      dataset.policy.certificates.filter((c) => c.specialOperation).map((c) => c.id),
    );
    expect(ranking.ranked.every(({ post }) => !post.requiredCertificates.some((c) => special.has(c)))).toBe(
      true,
    );
    const codes = new Set(ranking.excluded.flatMap((e) => e.exclusions.map((x) => x.code)));
    expect(codes.has('minor-hazardous')).toBe(true);
  });

  it('gives the labourer under 16 nothing at all, not even a list of exclusions', () => {
    const w = find((x) => age(x) < 16);
    const ranking = rankPosts(dataset, w.id, all);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.excluded).toEqual([]);
    expect(ranking.excludedCount).toBe(0);
    expect(ranking.labourerExclusions.map((e) => e.code)).toEqual(['under-minimum-age']);
    expect(renderRanking(ranking, 'zh-CN', dataset)).toContain('禁止使用童工规定');
  });

  it('counts the skill a labourer gained in training towards posts that ask for it', () => {
    const w = find((x) => x.trainings.some((t) => t.grantsSkill === 'auto-repair') && x.skills.length === 0);
    const ranking = rankPosts(dataset, w.id, { top: dataset.posts.length, includeExcluded: false });
    const hit = ranking.ranked.find((r) => r.post.requiredSkills.some((s) => s.skill === 'auto-repair'));
    expect(hit).toBeDefined();
    const skills = hit!.breakdown.components.find((c) => c.component === 'skills')!;
    expect(skills.reasons.some((r) => r.code === 'skill-required-trained')).toBe(true);
  });

  it('tells the labourer with a high pay expectation where posts fall short of it, and by how much', () => {
    const w = find((x) => age(x) >= 18 && x.pay.minMonthly >= 5000);
    // The minimum is a hard rule: posts paying less are excluded, naming both figures and the gap.
    const ranking = rankPosts(dataset, w.id, { top: 20 });
    const short = ranking.excluded.flatMap((x) => x.exclusions).filter((e) => e.code === 'below-minimum-pay');
    expect(short.length).toBeGreaterThan(0);
    for (const e of short) {
      expect(e.params.minimum).toBe(w.pay.minMonthly);
      expect(e.params.short).toBe(e.params.minimum - e.params.net);
      expect(e.params.short).toBeGreaterThan(0);
    }
    for (const r of ranking.ranked) expect(r.breakdown.components.length).toBeGreaterThan(0);
    // With the minimum soft, the same posts are ranked, scored lower for the shortfall.
    const soft = { ...dataset, policy: { ...dataset.policy, labourerMinimumPay: 'soft' as const } };
    const reasons = rankPosts(soft, w.id, { top: 20, includeExcluded: false }).ranked.flatMap((r) =>
      r.breakdown.components.flatMap((c) => c.reasons.map((x) => x.code)),
    );
    expect(reasons).toContain('pay-below-minimum-acceptable');
  });

  it('shows the illustrative pairings in the origin component', () => {
    const paired = dataset.labourers.find(
      (x) =>
        dataset.policy.pairings.some((p) => p.originCounty === x.originCounty) &&
        age(x) >= 18 &&
        !x.cannotLeaveHome &&
        x.mobility.scope === 'anywhere',
    )!;
    const pairing = dataset.policy.pairings.find((p) => p.originCounty === paired.originCounty)!;
    const post = dataset.posts.find((p) => p.site.kind === 'town' && pairing.towns.includes(p.site.town))!;
    const assessment = explainPair(dataset, paired.id, post.id);
    const breakdown = assessment.breakdown!;
    const origin = breakdown.components.find((c) => c.component === 'origin')!;
    expect(origin.reasons.some((r) => r.code === 'origin-paired-town')).toBe(true);
  });
});
