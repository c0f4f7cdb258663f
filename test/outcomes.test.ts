import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BangfuValidationError } from '../src/errors.js';
import {
  CONTACT_STATUSES,
  LEAVE_REASONS,
  outcomesJsonSchema,
  parseOutcomes,
  safeParseOutcomes,
  type PlacementOutcome,
} from '../src/outcomes.js';
import { parseDataset, safeParseDataset } from '../src/parse.js';
import {
  DAYS_PER_MONTH,
  RETENTION_GROUPINGS,
  employerRetention,
  fellowsOnStarting,
  observationOf,
  retention,
} from '../src/retention.js';
import { kaplanMeier } from '../src/stats/kaplan-meier.js';
import { runs } from './helpers/runs.js';
import { contacted, left, started } from './helpers/outcomes.js';
import { validInput } from './helpers/valid-input.js';

const ds = parseDataset(validInput()); // as of 2026-03-01; p1, p2 at employer e1, p3 at e2

describe('parseOutcomes', () => {
  it('reads dated events per placement', () => {
    const o = parseOutcomes(
      {
        outcomes: [
          {
            labourer: 'w1',
            post: 'p1',
            events: [started('2025-06-02'), contacted('2025-07-01'), left('2025-09-15')],
          },
          {
            labourer: 'w2',
            post: 'p3',
            events: [started('2025-06-02'), contacted('2025-12-01', 'unreachable')],
          },
        ],
      },
      ds,
    );
    expect(o.outcomes).toHaveLength(2);
    expect(Object.isFrozen(o.outcomes)).toBe(true);
  });

  it('refuses every problem at once, with its path, in English and Chinese', () => {
    const r = safeParseOutcomes(
      {
        outcomes: [
          { labourer: 'nobody', post: 'p9', events: [started('2025-06-02')] },
          { labourer: 'w1', post: 'p1', events: [started('2026-04-01')] }, // after the as-of date
          { labourer: 'w1', post: 'p1', events: [started('2025-06-02')] }, // the same placement again
          { labourer: 'w2', post: 'p2', events: [contacted('2025-07-01')] }, // no start
          { labourer: 'w3', post: 'p2', events: [started('2025-06-02'), left('2025-05-01')] }, // out of order
          {
            labourer: 'w3',
            post: 'p3',
            events: [started('2025-06-02'), left('2025-07-01'), contacted('2025-08-01')],
          },
          { labourer: 'w2', post: 'p1', events: [started('2025-06-02'), left('2025-07-01', 'bored')] },
          { labourer: 'w2', post: 'p3', events: [], extra: 1 },
        ],
      },
      ds,
    );
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['outcomes[0].labourer', 'unknown-labourer'],
      ['outcomes[0].post', 'unknown-post'],
      ['outcomes[1].events[0].on', 'date-in-future'],
      ['outcomes[2]', 'duplicate-placement'],
      ['outcomes[3].events', 'no-start'],
      ['outcomes[4].events[1].on', 'events-out-of-order'],
      ['outcomes[5].events[2]', 'event-after-leaving'],
      ['outcomes[6].events[1].reason', 'invalid-value'],
      ['outcomes[7].events', 'out-of-range'],
      ['outcomes[7].extra', 'unknown-key'],
    ]);
    for (const i of issues) expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(() => parseOutcomes({ outcomes: 'none' }, ds)).toThrow(BangfuValidationError);
    expect(safeParseOutcomes([], ds).success).toBe(false);
  });
});

describe('retention', () => {
  // Three placements: one leaves after 3 months (pay), one is dismissed after 1 month, one is last
  // seen in work 6 months in (censored there).
  const outcomes = parseOutcomes(
    {
      outcomes: [
        { labourer: 'w1', post: 'p1', events: [started('2025-01-01'), left('2025-04-01')] },
        { labourer: 'w2', post: 'p3', events: [started('2025-01-01'), left('2025-02-01', 'dismissed')] },
        {
          labourer: 'w3',
          post: 'p2',
          events: [started('2025-01-01'), contacted('2025-07-02'), contacted('2025-10-01', 'unreachable')],
        },
      ],
    },
    ds,
  );

  it('reads the Kaplan–Meier curve at 1, 3, 6 and 12 months, censoring at the last day known in work', () => {
    const r = retention(outcomes, ds);
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect(row).toMatchObject({ key: 'all', placements: 3, left: 2, leftForCause: 1 });
    // Events at 31 and 90 days (1.02 and 2.96 months); the third followed 182 days (5.98 months).
    const [m1, m3, m6, m12] = row.at;
    expect(m1).toMatchObject({ months: 1, estimable: true, survival: 1, atRisk: 3 });
    expect(m3!.survival).toBeCloseTo(1 / 3, 12); // (1 − 1/3)(1 − 1/2)
    expect(m3!.atRisk).toBe(1);
    expect(m6!.estimable).toBe(false); // 6 months is past the longest follow-up (5.98)
    expect(m12!.estimable).toBe(false);
  });

  it('groups by employer, origin county, tier and the facts at placement', () => {
    expect(retention(outcomes, ds, { by: 'employer' }).rows.map((r) => [r.key, r.placements])).toEqual([
      ['e1', 2],
      ['e2', 1],
    ]);
    expect(retention(outcomes, ds, { by: 'origin-county' }).rows.map((r) => r.key)).toEqual(
      [...new Set(ds.labourers.map((w) => w.originCounty))].sort(),
    );
    for (const by of RETENTION_GROUPINGS) {
      const rows = retention(outcomes, ds, { by }).rows;
      expect(rows.reduce((n, r) => n + r.placements, 0)).toBe(3);
    }
    // w1 holds the electronics assembly p1 asks for; w2 finished the sewing course only after
    // starting at p3 (and at a level below the one asked); p2 asks for no skill.
    expect(retention(outcomes, ds, { by: 'skills' }).rows.map((r) => [r.key, r.placements])).toEqual([
      ['gap', 1],
      ['met', 1],
      ['none-required', 1],
    ]);
    // e1 already employs twelve from w1's county (镇雄县); nobody from w2's or w3's.
    expect(retention(outcomes, ds, { by: 'fellows' }).rows.map((r) => [r.key, r.placements])).toEqual([
      ['no-fellows', 2],
      ['with-fellows', 1],
    ]);
    expect(() => retention(outcomes, ds, { months: [-1] })).toThrow(RangeError);
    expect(() => retention(outcomes, ds, { by: 'shoe-size' as never })).toThrow(RangeError);
  });

  it('counts as fellow villagers those from the county still in work at the employer on the day one starts', () => {
    const input = validInput();
    const two = parseDataset({
      ...input,
      employers: input.employers.map((e) => ({ ...e, workforceByOrigin: [] })),
      labourers: input.labourers.map((l) => (l.id === 'w3' ? { ...l, originCounty: '530627' } : l)),
    });
    const at = (events: object[]) =>
      fellowsOnStarting(
        parseOutcomes(
          {
            outcomes: [
              { labourer: 'w1', post: 'p1', events: [started('2025-01-01'), left('2025-03-01')] },
              { labourer: 'w3', post: 'p2', events },
            ],
          },
          two,
        ),
        two,
      );
    // [w1, w3]: 1 where someone from the county was at the employer on the day the placement began.
    expect([...at([started('2025-02-01')])]).toEqual([0, 1]);
    expect([...at([started('2025-03-01')])]).toEqual([0, 0]); // w1 left the day w3 started
    expect([...at([started('2025-01-01')])]).toEqual([1, 1]); // the same day: fellows of one another
    expect([...at([started('2024-12-01')])]).toEqual([1, 0]); // w3 still in work when w1 started
  });

  it('is the Kaplan–Meier curve of the placements as observations, whatever their order', () => {
    const day = fc.integer({ min: 0, max: 400 });
    const placement = fc.record({ start: day, stay: day, end: fc.constantFrom('left', 'contacted', 'none') });
    fc.assert(
      fc.property(fc.array(placement, { maxLength: 3 }), (list) => {
        const base = Date.UTC(2025, 0, 1);
        const iso = (d: number) => new Date(base + d * 86_400_000).toISOString().slice(0, 10);
        const pairs = [
          ['w1', 'p1'],
          ['w2', 'p2'],
          ['w3', 'p3'],
        ];
        const raw = list.map((x, i) => ({
          labourer: pairs[i]![0],
          post: pairs[i]![1],
          events: [
            started(iso(x.start)),
            ...(x.end === 'left'
              ? [left(iso(x.start + x.stay))]
              : x.end === 'contacted'
                ? [contacted(iso(x.start + x.stay))]
                : []),
          ],
        }));
        const o = parseOutcomes({ outcomes: raw }, parseDataset({ ...validInput(), asOf: '2028-01-01' }));
        const r = retention(o, ds);
        const obs = o.outcomes.map(observationOf);
        for (const [k, x] of obs.entries()) {
          expect(x.event).toBe(list[k]!.end === 'left');
          expect(x.time * DAYS_PER_MONTH).toBeCloseTo(list[k]!.end === 'none' ? 0 : list[k]!.stay, 9);
        }
        if (obs.length > 0) expect(r.rows[0]!.curve).toEqual(kaplanMeier(obs));
        const reversed = retention({ outcomes: [...o.outcomes].reverse() as PlacementOutcome[] }, ds);
        expect(reversed.rows.map((x) => x.at)).toEqual(r.rows.map((x) => x.at));
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('outcomesJsonSchema', () => {
  it('publishes the shape the parser reads: strict records, every leave reason and contact status', () => {
    const schema = JSON.stringify(outcomesJsonSchema());
    for (const r of LEAVE_REASONS) expect(schema).toContain(`"${r}"`);
    for (const s of CONTACT_STATUSES) expect(schema).toContain(`"${s}"`);
    expect(schema).toContain('"additionalProperties":false');
    expect(outcomesJsonSchema()).toMatchObject({ type: 'object', required: ['outcomes'] });
  });
});

describe('employerRetention', () => {
  // e1 (posts p1, p2): six placements all still in work after seven months. e2 (p3): three, two
  // of whom left after two months.
  const stay = (labourer: string, post: string) => ({
    labourer,
    post,
    events: [started('2025-01-01'), contacted('2025-08-01')],
  });
  const leave = (labourer: string, post: string) => ({
    labourer,
    post,
    events: [started('2025-01-01'), left('2025-03-01', 'wages-unpaid')],
  });
  const outcomes = parseOutcomes(
    {
      outcomes: [
        ...['w1', 'w2', 'w3'].flatMap((w) => [stay(w, 'p1'), stay(w, 'p2')]),
        leave('w1', 'p3'),
        leave('w2', 'p3'),
        stay('w3', 'p3'),
      ],
    },
    ds,
  );

  it('shrinks each employer towards the programme by the beta prior and flags those below the threshold', () => {
    const rows = employerRetention(outcomes, ds, { threshold: 0.7 });
    const mean = 7 / 9; // the programme at six months
    expect(rows.map((r) => r.employer)).toEqual(['e1', 'e2']);
    expect(rows[0]!.measured).toBe(1);
    expect(rows[0]!.shrunk).toBeCloseTo((10 * mean + 6 * 1) / 16, 12);
    expect(rows[1]!.measured).toBeCloseTo(1 / 3, 12);
    expect(rows[1]!.shrunk).toBeCloseTo((10 * mean + 3 * (1 / 3)) / 13, 12);
    expect(rows.map((r) => r.flagged)).toEqual([false, true]);
    // No prior: the employer's own figure; a strong prior: close to the programme's.
    expect(employerRetention(outcomes, ds, { priorStrength: 0 })[1]!.shrunk).toBeCloseTo(1 / 3, 12);
    expect(employerRetention(outcomes, ds, { priorStrength: 1e9 })[1]!.shrunk).toBeCloseTo(mean, 6);
    // Without a threshold nobody is flagged; beyond the follow-up the programme's figure stands in.
    expect(employerRetention(outcomes, ds).some((r) => r.flagged)).toBe(false);
    expect(employerRetention(outcomes, ds, { months: 12 }).every((r) => Number.isNaN(r.shrunk))).toBe(true);
    expect(() => employerRetention(outcomes, ds, { threshold: 2 })).toThrow(RangeError);
  });

  it("flags against the policy's re-vetting share when no threshold is given", () => {
    const strict = { ...ds, policy: { ...ds.policy, revetBelowRetention: 0.9 } };
    expect(employerRetention(outcomes, strict).map((r) => r.flagged)).toEqual([true, true]);
    expect(employerRetention(outcomes, strict, { threshold: 0.7 }).map((r) => r.flagged)).toEqual([
      false,
      true,
    ]);
    const parsed = safeParseDataset({ ...validInput(), policy: { revetBelowRetention: 1.5 } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.issues[0]!.path).toBe('policy.revetBelowRetention');
    expect(
      parseDataset({ ...validInput(), policy: { revetBelowRetention: 0.6 } }).policy.revetBelowRetention,
    ).toBe(0.6);
  });
});
