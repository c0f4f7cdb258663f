/**
 * The Kaplan–Meier estimate against a published table, and its invariants.
 *
 * The published table: Freireich et al. (1963), remission times in weeks of 42 children with acute
 * leukaemia, 21 on 6-mercaptopurine (+ censored) and 21 on placebo, as printed by R's
 * `summary(survfit(Surv(time, cens) ~ treat, data = gehan))` (package MASS): survival, Greenwood
 * standard error and the 95% interval on the log scale, to three or four digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kaplanMeier,
  normalQuantile,
  survivalAt,
  type SurvivalObservation,
} from '../../src/stats/kaplan-meier.js';
import { runs } from '../helpers/runs.js';

const SIX_MP: SurvivalObservation[] = [
  [6, 1],
  [6, 1],
  [6, 1],
  [6, 0],
  [7, 1],
  [9, 0],
  [10, 1],
  [10, 0],
  [11, 0],
  [13, 1],
  [16, 1],
  [17, 0],
  [19, 0],
  [20, 0],
  [22, 1],
  [23, 1],
  [25, 0],
  [32, 0],
  [32, 0],
  [34, 0],
  [35, 0],
].map(([time, e]) => ({ time: time!, event: e === 1 }));

const PLACEBO: SurvivalObservation[] = [
  1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23,
].map((time) => ({ time, event: true }));

describe('kaplanMeier', () => {
  it('reproduces the published table of the Freireich 6-MP group', () => {
    const curve = kaplanMeier(SIX_MP);
    const printed = [
      // time, n.risk, n.event, survival, std.err, lower 95% CI, upper 95% CI
      [6, 21, 3, 0.857, 0.0764, 0.72, 1.0],
      [7, 17, 1, 0.807, 0.0869, 0.653, 0.996],
      [10, 15, 1, 0.753, 0.0963, 0.586, 0.968],
      [13, 12, 1, 0.69, 0.1068, 0.51, 0.935],
      [16, 11, 1, 0.627, 0.1141, 0.439, 0.896],
      [22, 7, 1, 0.538, 0.1282, 0.337, 0.858],
      [23, 6, 1, 0.448, 0.1346, 0.249, 0.807],
    ];
    expect(curve.steps).toHaveLength(printed.length);
    curve.steps.forEach((s, i) => {
      const [time, atRisk, events, survival, stdErr, lower, upper] = printed[i]!;
      expect([s.time, s.atRisk, s.events]).toEqual([time, atRisk, events]);
      expect(s.survival.toFixed(3)).toBe(survival!.toFixed(3));
      expect(s.stdErr.toFixed(4)).toBe(stdErr!.toFixed(4));
      expect(s.lower.toFixed(3)).toBe(lower!.toFixed(3));
      expect(s.upper.toFixed(3)).toBe(upper!.toFixed(3));
    });
    expect(curve).toMatchObject({ n: 21, events: 9, followUp: 35 });
  });

  it('reproduces the placebo group, where nobody is censored and the curve reaches 0', () => {
    const curve = kaplanMeier(PLACEBO);
    const printed = [
      [1, 21, 2, 0.9048, 0.0641],
      [2, 19, 2, 0.8095, 0.0857],
      [3, 17, 1, 0.7619, 0.0929],
      [4, 16, 2, 0.6667, 0.1029],
      [5, 14, 2, 0.5714, 0.108],
      [8, 12, 4, 0.381, 0.106],
      [11, 8, 2, 0.2857, 0.0986],
      [12, 6, 2, 0.1905, 0.0857],
      [15, 4, 1, 0.1429, 0.0764],
      [17, 3, 1, 0.0952, 0.0641],
      [22, 2, 1, 0.0476, 0.0465],
      [23, 1, 1, 0, NaN],
    ];
    curve.steps.forEach((s, i) => {
      const [time, atRisk, events, survival, stdErr] = printed[i]!;
      expect([s.time, s.atRisk, s.events]).toEqual([time, atRisk, events]);
      expect(s.survival.toFixed(4)).toBe(survival!.toFixed(4));
      if (Number.isNaN(stdErr)) expect(s.stdErr).toBeNaN();
      else expect(s.stdErr.toFixed(4)).toBe(stdErr!.toFixed(4));
    });
  });

  it('reads the curve between steps, with who was still at risk, and not beyond the follow-up', () => {
    const curve = kaplanMeier(SIX_MP);
    expect(survivalAt(curve, 5)).toMatchObject({ estimable: true, survival: 1, atRisk: 21 });
    expect(survivalAt(curve, 12).survival).toBeCloseTo(0.7529, 4);
    expect(survivalAt(curve, 12).atRisk).toBe(12);
    // At an observed time, those observed then are still at risk.
    expect(survivalAt(curve, 6).atRisk).toBe(21);
    expect(survivalAt(curve, 35).atRisk).toBe(1);
    expect(survivalAt(curve, 35).estimable).toBe(true);
    expect(survivalAt(curve, 36).estimable).toBe(false);
    expect(survivalAt(kaplanMeier([]), 0).estimable).toBe(false);
    // A curve that reached 0 stays there.
    expect(survivalAt(kaplanMeier(PLACEBO), 40)).toMatchObject({ estimable: true, survival: 0, atRisk: 0 });
    expect(survivalAt(kaplanMeier(PLACEBO), 23)).toMatchObject({ estimable: true, survival: 0, atRisk: 1 });
  });

  it('refuses what is not an observation or a level', () => {
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(/observations\[0\]\.time/);
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(RangeError);
    expect(() => kaplanMeier([], { level: 1 })).toThrow(/level/);
    expect(() => kaplanMeier([], { level: 0 })).toThrow(/level/);
    expect(() => kaplanMeier([{ time: 1, event: 'yes' as never }])).toThrow(/observations\[0\]\.event/);
    expect(() => kaplanMeier([], { type: 'linear' as never })).toThrow(/type/);
  });

  const observations = fc.array(fc.record({ time: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }), {
    maxLength: 60,
  });

  it('without censoring equals the share still without the event', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), (times) => {
        const curve = kaplanMeier(times.map((time) => ({ time, event: true })));
        for (let t = 0; t <= 30; t++) {
          const at = survivalAt(curve, t);
          if (!at.estimable) continue;
          expect(at.survival).toBeCloseTo(times.filter((x) => x > t).length / times.length, 12);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('is a non-increasing curve in [0, 1], its interval around it, whatever the order of the input', () => {
    fc.assert(
      fc.property(observations, fc.constantFrom('log', 'log-log', 'plain' as const), (obs, type) => {
        const curve = kaplanMeier(obs, { type });
        let prev = 1;
        for (const s of curve.steps) {
          expect(s.survival).toBeLessThanOrEqual(prev);
          expect(s.survival).toBeGreaterThanOrEqual(0);
          prev = s.survival;
          if (!Number.isNaN(s.lower)) {
            expect(s.lower).toBeLessThanOrEqual(s.survival + 1e-12);
            expect(s.upper).toBeGreaterThanOrEqual(s.survival - 1e-12);
            expect(s.lower).toBeGreaterThanOrEqual(0);
            expect(s.upper).toBeLessThanOrEqual(1);
          }
        }
        expect(curve.events).toBe(obs.filter((o) => o.event).length);
        expect(kaplanMeier([...obs].reverse(), { type })).toEqual(curve);
      }),
      { numRuns: runs(200) },
    );
  });

  it('forms plain and log-log intervals as R does (6-MP at 13 weeks)', () => {
    const plain = kaplanMeier(SIX_MP, { type: 'plain' }).steps[3]!;
    expect(plain.lower).toBeCloseTo(0.4808430981731828, 9);
    expect(plain.upper).toBeCloseTo(0.8995490586895623, 9);
    const loglog = kaplanMeier(SIX_MP, { type: 'log-log' }).steps[3]!;
    expect(loglog.lower).toBeCloseTo(0.43161022248618397, 9);
    expect(loglog.upper).toBeCloseTo(0.8490659633494508, 9);
    // Where the curve is 1 or 0 the log-log interval is not defined; plain stays inside [0, 1].
    const one = kaplanMeier(
      [
        { time: 1, event: false },
        { time: 2, event: true },
        { time: 3, event: false },
      ],
      { type: 'log-log' },
    );
    expect(one.steps[0]!.survival).toBe(0.5);
    expect(kaplanMeier(PLACEBO, { type: 'plain' }).steps.at(-1)).toMatchObject({ survival: 0 });
  });

  it('takes the normal quantile of its level to nine digits (values from SciPy)', () => {
    const known: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489004],
      [0.9, 1.2815515655446004],
      [0.5, 0],
      [0.03, -1.880793608151251],
      [0.02, -2.053748910631823],
      [0.01, -2.3263478740408408],
      [0.001, -3.090232306167813],
    ];
    for (const [p, z] of known) expect(normalQuantile(p)).toBeCloseTo(z, 8);
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('narrows with the level', () => {
    const wide = kaplanMeier(SIX_MP, { level: 0.99 }).steps[3]!;
    const narrow = kaplanMeier(SIX_MP, { level: 0.9 }).steps[3]!;
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });
});
