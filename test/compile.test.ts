import { describe, expect, it } from 'vitest';
import { compileIndex, compileLabourers, compilePosts } from '../src/compile.js';
import { checkEligibility } from '../src/eligibility.js';
import { explainPair } from '../src/explain.js';
import { createScratch, kernelEligible, kernelScore } from '../src/internal/kernel.js';
import { rankAll, rankedOf } from '../src/rank-all.js';
import { demoDataset } from '../src/sample.js';
import { scorePair } from '../src/score.js';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import type { Policy } from '../src/policy/types.js';
import type { AreaCode, CertificateId, Dataset, IsoDate, PostId, LabourerId } from '../src/types.js';
import { dataset, employer, labourer, post, TANGXIA } from './helpers/build.js';

describe('compileIndex', () => {
  it('holds one row per labourer and post, in dataset order', () => {
    const ds = demoDataset();
    const index = compileIndex(ds);
    expect(index.labourerCount).toBe(ds.labourers.length);
    expect(index.postCount).toBe(ds.posts.length);
    expect(index.labourerIds).toEqual(ds.labourers.map((w) => w.id));
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

describe('the kernel on what small datasets do not show', () => {
  /** Every pair scored and judged by the kernel with one scratch, in order, against the object path. */
  function agrees(ds: Dataset): number {
    const index = compileIndex(ds);
    const sc = createScratch(index);
    let eligible = 0;
    ds.labourers.forEach((w, i) => {
      ds.posts.forEach((p, j) => {
        expect(kernelScore(index, sc, i, j), `${w.id} ${p.id}`).toBe(scorePair(ds, w, p).score);
        const ok = kernelEligible(index, i, j);
        expect(ok, `${w.id} ${p.id}`).toBe(checkEligibility(ds, w, p).length === 0);
        if (ok) eligible += 1;
      });
    });
    return eligible;
  }

  it('a labourer after one with more skills does not keep the other’s credits (one scratch)', () => {
    const skills = dongguanPolicy.skills.slice(3, 6).map((s) => s.id);
    expect(skills).toHaveLength(3);
    const ds = dataset({
      labourers: [
        labourer({
          id: 'w1' as LabourerId,
          skills: skills.map((skill) => ({ skill, level: 3, certified: true })),
        }),
        labourer({ id: 'w2' as LabourerId, skills: [] }),
        labourer({ id: 'w3' as LabourerId, skills: [{ skill: skills[2]!, level: 5, certified: false }] }),
      ],
      posts: skills.map((skill, k) =>
        post({ id: `p${k}` as PostId, trainsOnJob: true, requiredSkills: [{ skill, minLevel: 4 }] }),
      ),
    });
    expect(agrees(ds)).toBeGreaterThan(0);
  });

  it('more than 32 certificates and 32 languages (several words of bits per row)', () => {
    const certificates = Array.from({ length: 40 }, (_, i) => ({
      id: `cert-${String(i).padStart(2, '0')}` as CertificateId,
      name: { zh: `证书${i}`, en: `certificate ${i}` },
      specialOperation: false,
    }));
    const policy: Policy = { ...dongguanPolicy, certificates };
    const languages = Array.from({ length: 40 }, (_, i) => `lang-${i}`);
    const ds = dataset({
      policy,
      labourers: [
        labourer({
          id: 'w1' as LabourerId,
          certificates: [{ certificate: certificates[35]!.id }],
          languages: ['lang-37'],
        }),
        labourer({
          id: 'w2' as LabourerId,
          certificates: [{ certificate: certificates[3]!.id }],
          languages: ['lang-3'],
        }),
        labourer({ id: 'w3' as LabourerId, certificates: [], languages: languages.slice(30) }),
      ],
      // The first post asks for 34 certificates and speaks 34 languages, so the later ones' fall in
      // the second word of each bitset.
      posts: [
        post({
          id: 'p0' as PostId,
          requiredCertificates: certificates.slice(0, 34).map((c) => c.id),
          languages: languages.slice(0, 34),
        }),
        post({ id: 'p1' as PostId, requiredCertificates: [certificates[35]!.id], languages: ['lang-37'] }),
        post({
          id: 'p2' as PostId,
          requiredCertificates: [certificates[3]!.id],
          languages: ['lang-3', 'lang-39'],
        }),
        post({ id: 'p3' as PostId, requiredCertificates: [], languages: ['lang-38'] }),
      ],
    });
    const index = compileIndex(ds);
    expect(index.certWords).toBeGreaterThan(1);
    expect(index.langWords).toBeGreaterThan(1);
    // w1 holds the 36th certificate and w2 the 4th; nobody else meets a post that asks for one.
    expect(kernelEligible(index, 0, 1)).toBe(true);
    expect(kernelEligible(index, 0, 2)).toBe(false);
    expect(kernelEligible(index, 2, 1)).toBe(false);
    expect(agrees(ds)).toBeGreaterThan(2);
  });

  it('a refused park, and a refused area by its code’s prefix', () => {
    const park = dongguanPolicy.parks[0]!;
    const ds = dataset({
      labourers: [
        labourer({
          id: 'w1' as LabourerId,
          mobility: { ...labourer().mobility, scope: 'anywhere', refused: [{ kind: 'park', park: park.id }] },
        }),
        labourer({
          id: 'w2' as LabourerId,
          mobility: {
            ...labourer().mobility,
            scope: 'anywhere',
            refused: [{ kind: 'area', area: '4419' as AreaCode }],
          },
        }),
      ],
      posts: [
        post({ id: 'p1' as PostId, site: { kind: 'town', town: TANGXIA } }),
        post({ id: 'p2' as PostId, site: { kind: 'park', park: park.id } }),
      ],
    });
    const index = compileIndex(ds);
    expect(kernelEligible(index, 0, 1)).toBe(false);
    expect(kernelEligible(index, 0, 0)).toBe(
      checkEligibility(ds, ds.labourers[0]!, ds.posts[0]!).length === 0,
    );
    expect(kernelEligible(index, 1, 0)).toBe(false);
    expect(agrees(ds)).toBeGreaterThan(0);
  });
});
