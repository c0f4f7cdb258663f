import { describe, expect, it } from 'vitest';
import { compileIndex, compileLabourers, compilePosts } from '../src/compile.js';
import { checkEligibility } from '../src/eligibility.js';
import { explainPair } from '../src/explain.js';
import { createScratch, kernelEligible, kernelScore } from '../src/internal/kernel.js';
import { rankAll, rankedOf } from '../src/rank-all.js';
import { demoDataset } from '../src/sample.js';
import { scorePair } from '../src/score.js';
import type { IsoDate, PostId } from '../src/types.js';
import { dataset, employer, labourer, post } from './helpers/build.js';

describe('compileIndex', () => {
  it('holds one row per labourer and post, in dataset order', () => {
    const ds = demoDataset();
    const index = compileIndex(ds);
    expect(index.workerCount).toBe(ds.labourers.length);
    expect(index.postCount).toBe(ds.posts.length);
    expect(index.workerIds).toEqual(ds.labourers.map((w) => w.id));
    expect(index.postIds).toEqual(ds.posts.map((p) => p.id));
  });

  it('is plain data that survives structured cloning (for worker threads)', () => {
    const index = compileIndex(demoDataset());
    const copy = structuredClone(index);
    expect(copy).toEqual(index);
    const sc = createScratch(copy);
    expect(kernelScore(copy, sc, 3, 7)).toBe(kernelScore(index, createScratch(index), 3, 7));
  });

  it('scores every pair of the demo dataset exactly as scorePair, and agrees with checkEligibility', () => {
    const ds = demoDataset();
    const index = compileIndex(ds);
    const sc = createScratch(index);
    let eligible = 0;
    ds.labourers.forEach((w, i) => {
      ds.posts.forEach((p, j) => {
        expect(kernelScore(index, sc, i, j)).toBe(scorePair(ds, w, p).score);
        const ok = kernelEligible(index, i, j);
        expect(ok).toBe(checkEligibility(ds, w, p).length === 0);
        if (ok) eligible += 1;
      });
    });
    expect(eligible).toBeGreaterThan(0);
  });

  it('the score in an explanation equals the score that ranked it', () => {
    const ds = demoDataset();
    const all = rankAll(ds, { top: 3 });
    let checked = 0;
    ds.labourers.slice(0, 60).forEach((w, i) => {
      for (const entry of rankedOf(all, i)) {
        const assessment = explainPair(ds, w.id, entry.post);
        expect(assessment.kind).toBe('eligible');
        if (assessment.kind === 'eligible') expect(assessment.score).toBe(entry.score);
        checked += 1;
      }
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('compiling labourers in chunks against the same posts gives the same scores', () => {
    const ds = demoDataset();
    const posts = compilePosts(ds);
    const first = compileLabourers(posts, { ...ds, labourers: ds.labourers.slice(0, 100) });
    const second = compileLabourers(posts, { ...ds, labourers: ds.labourers.slice(100) }, first);
    const whole = compileIndex(ds);
    const a = createScratch(whole);
    const b = createScratch(second);
    for (let i = 100; i < ds.labourers.length; i += 7) {
      for (let j = 0; j < ds.posts.length; j += 5) {
        expect(kernelScore(second, b, i - 100, j)).toBe(kernelScore(whole, a, i, j));
      }
    }
  });

  it('reads a closed window, an unapproved employer and a full post as closed posts', () => {
    const ds = dataset({
      employers: [
        employer(),
        employer({ id: 'e2' as never, vetting: { ...employer().vetting, status: 'revoked' } }),
      ],
      posts: [
        post(),
        post({
          id: 'p2' as PostId,
          window: { opens: '2025-01-01' as IsoDate, closes: '2025-02-01' as IsoDate },
        }),
        post({ id: 'p3' as PostId, employer: 'e2' as never }),
        post({ id: 'p4' as PostId, filled: 10 }),
      ],
      labourers: [labourer()],
    });
    const index = compileIndex(ds);
    expect([...index.postOpen]).toEqual([1, 0, 0, 0]);
  });

  it('refuses a post whose employer is missing', () => {
    const ds = dataset({ posts: [post({ employer: 'nobody' as never })] });
    expect(() => compileIndex(ds)).toThrow(/compileIndex: unknown employer/);
  });
});
