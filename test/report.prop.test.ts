import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import type { AssignmentMode } from '../src/graph/types.js';
import { parseDataset } from '../src/parse.js';
import type { Policy } from '../src/policy/types.js';
import { buildReport, type OutcomeSlice } from '../src/report.js';
import { generateSample } from '../src/sample.js';
import type { AreaCode, IsoDate } from '../src/types.js';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const withSubsidies = (policy: Policy): Policy => ({
  ...policy,
  travelSubsidies: [
    {
      from: '2020-01-01' as IsoDate,
      originArea: '53' as AreaCode,
      crossProvinceOnly: true,
      amount: 500,
      source: { citation: 'test', confidence: 'illustrative' },
    },
    {
      from: '2020-01-01' as IsoDate,
      originArea: '44' as AreaCode,
      crossProvinceOnly: false,
      households: ['registered'],
      source: { citation: 'test', confidence: 'illustrative' },
    },
  ],
});

describe('report totals add up to the plan', () => {
  it('every split sums to the plan’s placed and unplaced counts, on plans of generated datasets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom<AssignmentMode>('optimal', 'stable', 'greedy'),
        fc.boolean(),
        (seed, labourers, posts, mode, subsidies) => {
          const parsed = parseDataset(generateSample({ seed, labourers, posts }));
          const dataset = subsidies ? { ...parsed, policy: withSubsidies(parsed.policy) } : parsed;
          const plan = assign(dataset, { mode });
          const placed = plan.entries.filter((e) => e.kind === 'placed').length;
          const unplaced = plan.entries.length - placed;
          const r = buildReport(plan, dataset);

          expect(r.totals).toMatchObject({ labourers: plan.entries.length, placed, unplaced });
          expect(r.totals.placed).toBe(plan.summary.placed);

          const outcomeSplits: Record<string, readonly OutcomeSlice[]> = {
            county: r.byCounty,
            prefecture: r.byPrefecture,
            province: r.byProvince,
            tier: r.byTier,
            gender: r.byGender,
          };
          for (const [name, slices] of Object.entries(outcomeSplits)) {
            expect([name, sum(slices.map((s) => s.placed))]).toEqual([name, placed]);
            expect([name, sum(slices.map((s) => s.unplaced))]).toEqual([name, unplaced]);
            expect([name, sum(slices.map((s) => s.pay.placed))]).toEqual([name, placed]);
            for (const s of slices) expect(s.labourers).toBe(s.placed + s.unplaced);
          }
          for (const [name, split] of Object.entries({ move: r.provinceMove, setting: r.setting })) {
            expect([name, sum(split.rows.map((x) => x.placed))]).toEqual([name, placed]);
            expect([name, split.unplaced]).toEqual([name, unplaced]);
          }
          expect(sum(r.unplacedByReason.map((x) => x.count))).toBe(unplaced);
          expect(sum(r.byEmployer.map((e) => e.placed))).toBe(placed);
          expect(sum(r.bySite.map((e) => e.placed))).toBe(placed);
          expect(sum(r.byEmployer.map((e) => e.openings))).toBe(r.totals.openings);
          for (const f of [...r.byEmployer, ...r.bySite]) expect(f.placed).toBeLessThanOrEqual(f.openings);

          // Pay means are weighted means of the parts.
          const weighted = sum(r.byProvince.map((s) => s.pay.meanNet * s.pay.placed));
          expect(weighted).toBeCloseTo(r.totals.pay.meanNet * placed, 6);

          const sub = r.travelSubsidy;
          expect(sub.defined).toBe(subsidies);
          if (sub.defined) {
            expect(sub.eligible).toBeLessThanOrEqual(placed);
            expect(sub.withAmount).toBeLessThanOrEqual(sub.eligible);
            for (const row of sub.rows) expect(row.eligible).toBeLessThanOrEqual(sub.eligible);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
