/**
 * How many runs a property gets: the count given (fast enough for every local `npm test`), or
 * `BANGFU_PROPERTY_RUNS` when that is higher. CI sets it to 1,000 for the exactness properties
 * (`.ci/run`), so that a fault only random inputs rarely reach is still found there.
 * `BANGFU_PROPERTY_RUNS_MAX` caps the count (a mutation run sets it: most mutants fall to the
 * first few inputs, and each mutant runs the tests again).
 */
export function runs(local: number): number {
  const forced = Number(process.env['BANGFU_PROPERTY_RUNS'] ?? 0);
  const n = Number.isInteger(forced) && forced > local ? forced : local;
  const max = Number(process.env['BANGFU_PROPERTY_RUNS_MAX'] ?? 0);
  return Number.isInteger(max) && max > 0 && max < n ? max : n;
}
