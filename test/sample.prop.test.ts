import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../src/internal/dates.js';
import { safeParseDataset } from '../src/parse.js';
import { generateSample } from '../src/sample.js';

const options = fc.record({
  labourers: fc.integer({ min: 0, max: 40 }),
  posts: fc.integer({ min: 0, max: 30 }),
  seed: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  asOf: fc.constantFrom('2025-03-01', '2026-03-01', '2027-12-31', '2024-02-29'),
});

describe('generateSample properties', () => {
  it('every generated dataset is valid', () => {
    fc.assert(
      fc.property(options, (o) => {
        const result = safeParseDataset(generateSample(o));
        if (!result.success) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
        expect(result.value.labourers).toHaveLength(o.labourers);
        expect(result.value.posts).toHaveLength(o.posts);
      }),
      { numRuns: 40 },
    );
  });

  it('same options give the same dataset', () => {
    fc.assert(
      fc.property(options, (o) => {
        expect(JSON.stringify(generateSample(o))).toBe(JSON.stringify(generateSample({ ...o })));
      }),
      { numRuns: 20 },
    );
  });

  it('generated groups are valid, disjoint, of 2–6 alike labourers of working age who would travel', () => {
    const withShare = fc.record({
      labourers: fc.integer({ min: 0, max: 400 }),
      posts: fc.integer({ min: 0, max: 10 }),
      seed: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
      asOf: fc.constantFrom('2025-03-01', '2026-03-01', '2024-02-29'),
      groupShare: fc.oneof(fc.constantFrom(0, 0.05, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    });
    fc.assert(
      fc.property(withShare, (o) => {
        const result = safeParseDataset(generateSample(o));
        if (!result.success) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
        const { labourers, groups } = result.value;
        const byId = new Map(labourers.map((w, i) => [w.id as string, { w, i }]));
        const seen = new Set<string>();
        for (const g of groups) {
          expect(g.members.length).toBeGreaterThanOrEqual(2);
          expect(g.members.length).toBeLessThanOrEqual(6);
          expect([g.kind, g.rule]).toEqual(
            g.kind === 'family' ? ['family', 'same-site'] : ['fellow-villagers', 'same-employer'],
          );
          const members = g.members.map((m) => byId.get(m)!);
          const first = members[0]!.w;
          for (const { w, i } of members) {
            expect(seen.has(w.id)).toBe(false);
            seen.add(w.id);
            expect(i).toBeGreaterThanOrEqual(5); // never a showcase labourer
            expect(w.originCounty).toBe(first.originCounty);
            expect(w.mobility.scope).toBe(first.mobility.scope);
            expect(w.needsDormitory).toBe(first.needsDormitory);
            expect(w.cannotLeaveHome).toBe(false);
            const age = ageOn(w.birthDate, o.asOf as never);
            expect(age).toBeGreaterThanOrEqual(16);
            expect(age).toBeLessThanOrEqual(49);
          }
        }
        // Groups stop once the share is reached: at most one group over it.
        expect(seen.size).toBeLessThan(Math.round(o.groupShare * o.labourers) + 6);
      }),
      { numRuns: 60 },
    );
  });

  it('groups never change the labourers, employers and posts drawn for a seed', () => {
    fc.assert(
      fc.property(options, fc.double({ min: 0, max: 1, noNaN: true }), (o, groupShare) => {
        const { groups: _with, ...rest } = generateSample({ ...o, groupShare });
        const { groups: none, ...plain } = generateSample({ ...o, groupShare: 0 });
        expect(none).toEqual([]);
        expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
      }),
      { numRuns: 30 },
    );
  });
});
