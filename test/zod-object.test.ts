import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { strictObject } from '../src/internal/zod-object.js';

/** The same shape built on either object: zod/mini's own, and the compiled one. */
const shapeOf = (object: typeof z.strictObject) =>
  object({
    id: z.string().check(z.minLength(1)),
    n: z.optional(z.number().check(z.nonnegative())),
    d: z._default(z.boolean(), true),
    kind: z.enum(['a', 'b']),
    inner: z.optional(object({ x: z.number() })),
    list: z.optional(z.array(object({ y: z.nullable(z.string()) }))),
  });

const interpreted = shapeOf(z.strictObject);
const compiled = shapeOf(strictObject);

/** Inputs near the shape: right and wrong values, keys missing and unknown (`__proto__` too). */
const inputs = fc.oneof(
  fc.anything(),
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.integer()),
      n: fc.oneof(fc.double(), fc.constant(undefined), fc.string()),
      d: fc.oneof(fc.boolean(), fc.constant(undefined), fc.constant(1)),
      kind: fc.constantFrom('a', 'b', 'c', 3),
      inner: fc.oneof(fc.record({ x: fc.oneof(fc.double(), fc.string()) }), fc.constant(null), fc.anything()),
      list: fc.array(
        fc.oneof(fc.record({ y: fc.oneof(fc.string(), fc.constant(null), fc.integer()) }), fc.anything()),
      ),
      extra: fc.anything(),
      __proto__: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

describe('strictObject (zod/mini on the compiled parser)', () => {
  it('parses exactly as zod/mini’s strictObject: the same data, or the same issues', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const a = interpreted.safeParse(input);
        const b = compiled.safeParse(input);
        expect(b.success).toBe(a.success);
        if (a.success && b.success) expect(b.data).toStrictEqual(a.data);
        else expect(b.error?.issues).toStrictEqual(a.error?.issues);
      }),
      { numRuns: 500 },
    );
  });

  it('is a zod/mini object to the rest of zod (instanceof, its shape, the JSON Schema)', () => {
    expect(compiled).toBeInstanceOf(z.ZodMiniObject);
    expect(Object.keys(compiled.shape)).toEqual(Object.keys(interpreted.shape));
    expect(z.toJSONSchema(compiled)).toEqual(z.toJSONSchema(interpreted));
  });
});
