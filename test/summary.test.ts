import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { summarizePlan } from '../src/summary.js';
import type { CountyCode, IsoDate, PostId, LabourerId } from '../src/types.js';
import { dataset, labourer, post } from './helpers/build.js';

describe('summarizePlan', () => {
  const ds = dataset({
    labourers: [
      labourer({ id: 'a' as LabourerId }),
      labourer({ id: 'b' as LabourerId, household: 'other', originCounty: '622926' as CountyCode }),
      labourer({ id: 'c' as LabourerId, birthDate: '2012-05-05' as IsoDate }),
    ],
    posts: [post({ id: 'p1' as PostId, openings: 4, filled: 2 })],
  });
  const plan = assign(ds);
  const s = summarizePlan(plan, ds);

  it('counts placed and unplaced by reason, tier and origin', () => {
    expect(s).toMatchObject({ labourers: 3, placed: 2, unplaced: 1 });
    expect(s.unplacedByReason).toEqual({
      'labourer-excluded': 1,
      'no-eligible-post': 0,
      'below-min-score': 0,
      'posts-filled': 0,
      'group-not-placed-whole': 0,
    });
    expect(s.byTier).toEqual([
      { tier: 0, labourers: 2, placed: 1 },
      { tier: 1, labourers: 1, placed: 1 },
    ]);
    expect(s.byOrigin).toEqual([
      { county: '530627', name: '镇雄县', labourers: 2, placed: 1 },
      { county: '622926', name: '东乡族自治县', labourers: 1, placed: 1 },
    ]);
  });

  it('gives the fill rate by employer from the openings left', () => {
    expect(s.byEmployer).toEqual([
      { employer: 'e1', name: '示例电子厂', openings: 2, placed: 2, fillRate: 1 },
    ]);
  });

  it('compares mean net pay with the labourers’ minimum and target', () => {
    // (2300 + 5000) / 2 − 0 dormitory − 300 meals = 3350.
    expect(s.pay).toEqual({
      meanNet: 3350,
      meanMin: 3000,
      meanTarget: 4500,
      meetingMin: 2,
      meetingTarget: 0,
    });
    expect(plan.summary).toEqual(s);
  });

  it('is all zeros for an empty plan', () => {
    const empty = summarizePlan({ entries: [] }, ds);
    expect(empty.placed).toBe(0);
    expect(empty.pay.meanNet).toBe(0);
    expect(empty.meanScore).toBe(0);
  });
});
