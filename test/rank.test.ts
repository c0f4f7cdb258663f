import { describe, expect, it } from 'vitest';
import { comparePostEntries, compareLabourerEntries, compareIds } from '../src/compare.js';
import { BangfuValidationError } from '../src/errors.js';
import { rankPosts, rankLabourers } from '../src/rank.js';
import type { IsoDate, PostId, SkillId, LabourerId } from '../src/types.js';
import { dataset, labourer, post } from './helpers/build.js';

const d = (s: string) => s as IsoDate;
const pid = (s: string) => s as PostId;
const wid = (s: string) => s as LabourerId;
const welding = [{ skill: 'welding' as SkillId, minLevel: 5 as const }];

describe('the total order', () => {
  it('ids compare by code units, not locale', () => {
    expect(compareIds('p10', 'p9')).toBeLessThan(0);
    expect(compareIds('B', 'a')).toBeLessThan(0);
    expect(compareIds('x', 'x')).toBe(0);
  });
  it('posts: score descending, then id ascending', () => {
    const entries = [
      { id: 'p2', score: 0.5 },
      { id: 'p1', score: 0.5 },
      { id: 'p3', score: 0.9 },
    ];
    expect([...entries].sort(comparePostEntries).map((e) => e.id)).toEqual(['p3', 'p1', 'p2']);
  });
  it('labourers: registered and monitored households before others, then score descending, then id', () => {
    const entries = [
      { id: 'a', score: 0.5, household: 'other' as const },
      { id: 'b', score: 0.5, household: 'monitored' as const },
      { id: 'c', score: 0.5, household: 'registered' as const },
      { id: 'd', score: 0.5, household: 'registered' as const },
      { id: 'e', score: 0.6, household: 'other' as const },
    ];
    expect([...entries].sort(compareLabourerEntries).map((e) => e.id)).toEqual(['b', 'c', 'd', 'e', 'a']);
  });
});

describe('rankPosts', () => {
  const ds = dataset({
    posts: [
      post({ id: pid('p2') }),
      post({ id: pid('p1') }),
      post({ id: pid('p3'), pay: { kind: 'monthly', baseMonthly: 3000, expectedMonthly: 7000 } }),
      // Trains beginners: the unskilled w1 may be offered it (else required-skill-missing excludes it).
      post({ id: pid('p4'), requiredSkills: welding, trainsOnJob: true }),
      post({ id: pid('p5'), filled: 10 }),
    ],
  });

  it('ranks eligible posts by score, ties by id, and excludes the others with reasons', () => {
    const r = rankPosts(ds, 'w1');
    expect(r.ranked.map((e) => [e.rank, e.post.id])).toEqual([
      [1, 'p3'],
      [2, 'p1'],
      [3, 'p2'],
      [4, 'p4'],
    ]);
    expect(r.ranked[0]!.score).toBeGreaterThan(r.ranked[1]!.score);
    expect(r.ranked[1]!.score).toBe(r.ranked[2]!.score);
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0]!.post.id).toBe('p5');
    expect(r.excluded[0]!.exclusions[0].code).toBe('no-openings-left');
    expect(r.excluded[0]!.breakdown?.score).toBeGreaterThan(0);
    expect(r.excludedCount).toBe(1);
    expect(r.eligibleNotShown).toBe(0);
    expect(r.labourerExclusions).toEqual([]);
    expect(r.asOf).toBe(ds.asOf);
  });
  it('each ranked score is its breakdown score', () => {
    for (const e of rankPosts(ds, 'w1').ranked) expect(e.score).toBe(e.breakdown.score);
  });
  it('top and minScore leave eligible posts unshown, counted', () => {
    const top2 = rankPosts(ds, 'w1', { top: 2 });
    expect(top2.ranked.map((e) => e.post.id)).toEqual(['p3', 'p1']);
    expect(top2.eligibleNotShown).toBe(2);
    const high = rankPosts(ds, 'w1', { minScore: 0.6 });
    expect(high.ranked.every((e) => e.score >= 0.6)).toBe(true);
    expect(high.ranked.length + high.eligibleNotShown).toBe(4);
    expect(high.eligibleNotShown).toBeGreaterThan(0);
  });
  it('includeExcluded: false omits the list but keeps the count', () => {
    const r = rankPosts(ds, 'w1', { includeExcluded: false });
    expect(r.excluded).toEqual([]);
    expect(r.excludedCount).toBe(1);
  });
  it('ranks nothing, not even as excluded, for a labourer under 16', () => {
    const child = dataset({ labourers: [labourer({ birthDate: d('2011-01-01') })], posts: ds.posts });
    const r = rankPosts(child, 'w1');
    expect(r.labourerExclusions.map((e) => e.code)).toEqual(['under-minimum-age']);
    expect(r.ranked).toEqual([]);
    expect(r.excluded).toEqual([]);
    expect(r.excludedCount).toBe(0);
    expect(r.eligibleNotShown).toBe(0);
  });
  it('a retired labourer sees every post excluded with the retirement reason', () => {
    const old = dataset({
      labourers: [labourer({ birthDate: d('1950-01-01'), gender: 'male' })],
      posts: ds.posts,
    });
    const r = rankPosts(old, 'w1');
    expect(r.labourerExclusions.map((e) => e.code)).toEqual(['retirement-age-reached']);
    expect(r.ranked).toEqual([]);
    expect(r.excluded).toHaveLength(5);
    for (const e of r.excluded) expect(e.exclusions.map((x) => x.code)).toContain('retirement-age-reached');
  });
  it('an unknown labourer id is a validation error at labourerId', () => {
    expect(() => rankPosts(ds, 'nobody')).toThrow(BangfuValidationError);
    try {
      rankPosts(ds, 'nobody');
    } catch (e) {
      expect((e as BangfuValidationError).issues).toEqual([
        expect.objectContaining({ path: 'labourerId', code: 'unknown-id', value: 'nobody' }),
      ]);
    }
  });
  it('bad options are a RangeError naming the function', () => {
    expect(() => rankPosts(ds, 'w1', { top: 0 })).toThrow(/^rankPosts: top/);
    expect(() => rankPosts(ds, 'w1', { top: 1.5 })).toThrow(RangeError);
    expect(() => rankPosts(ds, 'w1', { top: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => rankPosts(ds, 'w1', { minScore: -0.1 })).toThrow(/^rankPosts: minScore/);
    expect(() => rankPosts(ds, 'w1', { minScore: 1.1 })).toThrow(RangeError);
    expect(() => rankPosts(ds, 'w1', { minScore: Number.NaN })).toThrow(RangeError);
    expect(() => rankLabourers(ds, 'p1', { top: -1 })).toThrow(/^rankLabourers: top/);
  });
  it('does not mutate the dataset', () => {
    const before = JSON.stringify(ds);
    rankPosts(ds, 'w1');
    rankLabourers(ds, 'p1');
    expect(JSON.stringify(ds)).toBe(before);
  });
});

describe('rankLabourers', () => {
  const ds = dataset({
    labourers: [
      labourer({ id: wid('w4'), household: 'other' }),
      labourer({ id: wid('w3'), household: 'monitored' }),
      labourer({ id: wid('w2'), household: 'registered' }),
      labourer({ id: wid('w1'), household: 'registered' }),
      labourer({ id: wid('w0'), birthDate: d('2011-01-01') }),
      labourer({ id: wid('w5'), availableFrom: d('2026-09-01') }),
      labourer({ id: wid('w6'), skills: [{ skill: 'welding' as SkillId, level: 5, certified: true }] }),
    ],
    posts: [post({ requiredSkills: welding, trainsOnJob: true })],
  });

  it('ranks by score, then priority tier, then id', () => {
    const r = rankLabourers(ds, 'p1');
    expect(r.ranked.map((e) => e.labourer.id)).toEqual(['w6', 'w1', 'w2', 'w3', 'w4']);
    expect(r.ranked.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
  });
  it('lists the under-16 labourer with under-minimum-age alone and no score', () => {
    const r = rankLabourers(ds, 'p1');
    const child = r.excluded.find((e) => e.labourer.id === 'w0');
    expect(child?.exclusions).toEqual([{ code: 'under-minimum-age', params: { age: 15, minimum: 16 } }]);
    expect(child).not.toHaveProperty('breakdown');
    const late = r.excluded.find((e) => e.labourer.id === 'w5');
    expect(late?.exclusions.map((e) => e.code)).toEqual(['available-after-window']);
    expect(late?.breakdown).toBeDefined();
    expect(r.excluded.map((e) => e.labourer.id)).toEqual(['w0', 'w5']);
    expect(r.excludedCount).toBe(2);
  });
  it('an unknown post id is a validation error at postId', () => {
    try {
      rankLabourers(ds, 'nothing');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BangfuValidationError);
      expect((e as BangfuValidationError).issues[0]).toMatchObject({ path: 'postId', code: 'unknown-id' });
    }
  });
});
