import { describe, expect, it } from 'vitest';
import { BangfuValidationError } from '../src/errors.js';
import { explainPair } from '../src/explain.js';
import { rankPosts, rankLabourers } from '../src/rank.js';
import { scorePair } from '../src/score.js';
import type { IsoDate, PostId, LabourerId } from '../src/types.js';
import { dataset, labourer, post } from './helpers/build.js';

const d = (s: string) => s as IsoDate;

describe('explainPair', () => {
  const ds = dataset({
    labourers: [labourer(), labourer({ id: 'w2' as LabourerId, birthDate: d('2011-01-01') })],
    posts: [
      post(),
      post({ id: 'p2' as PostId, hazardous: true, filled: 10 }),
      post({
        id: 'p3' as PostId,
        pay: { kind: 'piece-rate', guaranteedMonthly: 2100, expectedMonthly: 6500 },
      }),
    ],
  });

  it('an eligible pair carries its score and breakdown', () => {
    const a = explainPair(ds, 'w1', 'p1');
    expect(a.kind).toBe('eligible');
    if (a.kind !== 'eligible') return;
    expect(a.labourer.id).toBe('w1');
    expect(a.post.id).toBe('p1');
    expect(a.score).toBe(a.breakdown.score);
    expect(a.breakdown).toEqual(scorePair(ds, ds.labourers[0]!, ds.posts[0]!));
  });
  it('an excluded pair lists every broken rule and what it would score', () => {
    const a = explainPair(ds, 'w1', 'p2');
    expect(a.kind).toBe('excluded');
    if (a.kind !== 'excluded') return;
    expect(a.exclusions.map((e) => e.code)).toEqual(['no-openings-left']);
    expect(a.breakdown?.score).toBeGreaterThan(0);
  });
  it('a labourer under 16 is excluded for age alone, without a score', () => {
    const a = explainPair(ds, 'w2', 'p2');
    expect(a).toEqual({
      kind: 'excluded',
      labourer: ds.labourers[1],
      post: ds.posts[1],
      exclusions: [{ code: 'under-minimum-age', params: { age: 15, minimum: 16 } }],
    });
  });
  it('the explained score is the ranked score', () => {
    for (const r of rankPosts(ds, 'w1').ranked) {
      const a = explainPair(ds, 'w1', r.post.id);
      expect(a.kind === 'eligible' && a.score).toBe(r.score);
    }
    for (const r of rankLabourers(ds, 'p3').ranked) {
      const a = explainPair(ds, r.labourer.id, 'p3');
      expect(a.kind === 'eligible' && a.score).toBe(r.score);
    }
  });
  it('unknown ids are reported together', () => {
    try {
      explainPair(ds, 'nobody', 'nothing');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BangfuValidationError);
      expect((e as BangfuValidationError).issues.map((i) => [i.path, i.code])).toEqual([
        ['labourerId', 'unknown-id'],
        ['postId', 'unknown-id'],
      ]);
    }
    expect(() => explainPair(ds, 'w1', 'nothing')).toThrow(BangfuValidationError);
  });
});
