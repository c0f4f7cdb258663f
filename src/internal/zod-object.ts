/**
 * zod/mini's strict object, parsed by zod's compiled fast path. zod/mini's own objects check every
 * key through the interpreter, which made validating a city's dataset (10^5 labourers) about 1.4×
 * slower than the classic API, whose objects compile a parser per shape; this object is the
 * classic one's engine (`$ZodObjectJIT`) under zod/mini's type, so the schemas keep the small
 * functional API and the speed. Where the page forbids code generation (a Content Security Policy
 * without `unsafe-eval`), zod falls back to the interpreter by itself.
 *
 * @module
 */
import { $constructor, $ZodObjectJIT, util } from 'zod/v4/core';
import * as z from 'zod/mini';

// The two initialisers, as plain functions (their declared types are assertions on the instance).
type Init = (inst: never, def: never) => void;
const compiledInit = $ZodObjectJIT.init as Init as (inst: object, def: object) => void;
const miniInit = z.ZodMiniType.init as Init as (inst: object, def: object) => void;

/** zod/mini's object type on the compiled engine (`instanceof` a zod/mini object still holds). */
const CompiledObject: $constructor<z.ZodMiniObject> = $constructor('ZodMiniObject', (inst, def) => {
  compiledInit(inst, def);
  miniInit(inst, def);
  util.installLazyProp(inst, 'shape', (self: z.ZodMiniObject) => self._zod.def.shape, false);
});

/**
 * A strict object (an unknown key is an issue), as `z.strictObject` of zod/mini, parsed by zod's
 * compiled fast path.
 *
 * @example
 * strictObject({ id: z.string() }).parse({ id: 'w1' }) //=> { id: 'w1' }
 */
export const strictObject: typeof z.strictObject = (shape, params) =>
  new CompiledObject({
    type: 'object',
    shape,
    catchall: z.never(),
    ...util.normalizeParams(params),
  }) as never;
