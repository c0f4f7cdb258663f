/**
 * Deep freezing, for values the library caches facts about (a parsed dataset): a caller who
 * changes one after it was read would otherwise get answers from the facts as they were.
 *
 * @module
 */

/**
 * Freezes a value and everything reachable from it (plain objects and arrays), in place. Objects
 * already frozen are taken as frozen through (the default policy is frozen once for every dataset).
 *
 * Complexity: O(n) in the number of objects reachable, iteratively (no deep recursion).
 *
 * @param value - Any JSON-like value.
 * @returns The same value, frozen.
 * @example
 * Object.isFrozen(deepFreeze({ a: [{ b: 1 }] }).a[0]) //=> true
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null || Object.isFrozen(x)) continue;
    Object.freeze(x);
    if (Array.isArray(x)) {
      for (const y of x) if (typeof y === 'object' && y !== null) stack.push(y);
    } else {
      for (const k of Object.keys(x)) {
        const y = (x as Record<string, unknown>)[k];
        if (typeof y === 'object' && y !== null) stack.push(y);
      }
    }
  }
  return value;
}
