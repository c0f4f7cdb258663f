import { describe, expect, it } from 'vitest';
import { BangfuValidationError } from '../../src/errors.js';
import { graphJsonSchema, parseGraph, safeParseGraph } from '../../src/graph/schema.js';

const LIMIT = "expected a non-negative integer at most 2147483647 (the largest the solver's index holds)";
const LIMIT_ZH = '应为不超过 2147483647 的非负整数（求解器索引所能容纳的最大值）';

describe('graph files', () => {
  it('refuse a capacity or tier above 2^31 − 1 in the shape pass, naming the limit', () => {
    const r = safeParseGraph({
      left: [{ id: 'a', tier: 2 ** 31 }],
      right: [
        { id: 'x', capacity: 2 ** 32 },
        { id: 'y', capacity: 1e20 },
      ],
      edges: [],
    });
    expect(r.success ? [] : r.issues).toEqual([
      { path: 'left[0].tier', code: 'out-of-range', message: LIMIT, messageZh: LIMIT_ZH, value: 2 ** 31 },
      {
        path: 'right[0].capacity',
        code: 'out-of-range',
        message: LIMIT,
        messageZh: LIMIT_ZH,
        value: 2 ** 32,
      },
      { path: 'right[1].capacity', code: 'out-of-range', message: LIMIT, messageZh: LIMIT_ZH, value: 1e20 },
    ]);
    expect(
      safeParseGraph({
        left: [{ id: 'a', tier: 2 ** 31 - 1 }],
        right: [{ id: 'x', capacity: 2 ** 31 - 1 }],
        edges: [],
      }).success,
    ).toBe(true);
  });

  it('refuse weights whose sum would overflow the solver, as one issue at edges', () => {
    const input = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [{ id: 'x', capacity: 2 }],
      edges: [
        { left: 'a', right: 'x', weight: 1.7e308 },
        { left: 'b', right: 'x', weight: -1.7e308 },
      ],
    };
    const r = safeParseGraph(input);
    expect(r.success ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([['edges', 'weights-overflow']]);
    expect(() => parseGraph(input)).toThrow(BangfuValidationError);
  });

  it('publish the limits in the JSON Schema', () => {
    const schema = graphJsonSchema() as {
      properties: Record<
        string,
        { items: { properties: Record<string, Record<string, unknown>> }; description: string }
      >;
    };
    expect(schema.properties['right']!.items.properties['capacity']).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 2147483647,
    });
    expect(JSON.stringify(schema.properties['left']!.items.properties['tier'])).toContain(
      '"maximum":2147483647',
    );
    expect(schema.properties['edges']!.description).toContain('Number.MAX_VALUE / 4');
  });
});
