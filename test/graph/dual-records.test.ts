/**
 * The records of a certificate's potentials, written from duals by position: ids of any name as own
 * properties, −0 as 0, equal tier parts shared and frozen, positions in the order given and those
 * marked left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dualRecords, putOwn } from '../../src/graph/internal/dual-records.js';
import { runs } from '../helpers/runs.js';

describe('putOwn', () => {
  it.each(['__proto__', 'constructor', 'toString', 'a'])(
    'sets %s as an own, enumerable data property',
    (id) => {
      const o: Record<string, number> = {};
      putOwn(o, id, 7);
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(o, id)).toEqual({
        value: 7,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      expect(Object.keys(o)).toEqual([id]);
      expect(JSON.parse(JSON.stringify(o))).toEqual(Object.fromEntries([[id, 7]]));
    },
  );
});

describe('dualRecords', () => {
  it('writes each position’s weight and tier part under its id, −0 as 0', () => {
    const shared = new Map<string, readonly number[]>();
    const r = dualRecords(
      2,
      ['a', '__proto__', 'c'],
      Float64Array.from([1, -0, 0, 0, -0, -0]),
      Float64Array.from([-0, 2.5, 0]),
      shared,
    );
    expect(Object.keys(r.potential)).toEqual(['a', '__proto__', 'c']);
    expect(Object.is(r.potential['a'], 0)).toBe(true);
    expect(r.potential['__proto__']).toBe(2.5);
    expect(r.tierPotential['a']).toEqual([1, 0]);
    expect(Object.is(r.tierPotential['a']![1], 0)).toBe(true);
    for (const id of ['__proto__', 'c']) {
      expect(Object.is(r.tierPotential[id]![0], 0) && Object.is(r.tierPotential[id]![1], 0)).toBe(true);
    }
    // [0, 0] and [−0, −0] are one part, shared and frozen.
    expect(r.tierPotential['__proto__']).toBe(r.tierPotential['c']);
    expect(Object.isFrozen(r.tierPotential['c'])).toBe(true);
    expect(shared.size).toBe(2);
  });

  it('keeps apart tier parts whose digits run together', () => {
    const r = dualRecords(2, ['a', 'b'], Float64Array.from([1, 11, 11, 1]), new Float64Array(2), new Map());
    expect(r.tierPotential).toEqual({ a: [1, 11], b: [11, 1] });
  });

  it('takes positions in the order given, leaving out those marked, and shares parts across calls', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 1, maxLength: 12 }),
        // Tier parts of one or two digits, so that parts like [1, 11] and [11, 1] occur.
        fc.array(fc.constantFrom(-11, -1, 0, 1, 11), { minLength: 36, maxLength: 36 }),
        fc.infiniteStream(fc.boolean()),
        (T, values, parts, coins) => {
          const n = values.length;
          const ids = values.map((_, i) => `n${i}`);
          const tier = Float64Array.from({ length: n * T }, (_, k) => parts[k]!);
          const weight = Float64Array.from(values, (v) => v / 2);
          // Some positions only, last first.
          const order = Array.from({ length: n }, (_, i) => n - 1 - i).filter(() => coins.next().value);
          const skip = Uint8Array.from(values, () => (coins.next().value ? 1 : 0));
          const shared = new Map<string, readonly number[]>();
          const r = dualRecords(T, ids, tier, weight, shared, order, skip);
          const kept = order.filter((p) => skip[p] === 0);
          expect(Object.keys(r.potential)).toEqual(kept.map((p) => ids[p]));
          expect(Object.keys(r.tierPotential)).toEqual(kept.map((p) => ids[p]));
          for (const p of kept) {
            expect(r.potential[ids[p]!]).toBe(weight[p]! + 0);
            expect(r.tierPotential[ids[p]!]).toEqual(
              Array.from(tier.subarray(p * T, p * T + T), (x) => x + 0),
            );
          }
          // One part per distinct value, and a second side with the same map reuses them.
          expect(shared.size).toBe(new Set(kept.map((p) => r.tierPotential[ids[p]!]!.join(','))).size);
          const again = dualRecords(T, ids, tier, weight, shared);
          for (const p of kept) expect(again.tierPotential[ids[p]!]).toBe(r.tierPotential[ids[p]!]);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
