import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseDataset } from '../src/parse.js';
import { generateSample } from '../src/sample.js';

const options = fc.record({
  workers: fc.integer({ min: 0, max: 40 }),
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
        expect(result.value.labourers).toHaveLength(o.workers);
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
});
