/**
 * How many runs a property gets: the count given (fast enough for every local `npm test`), or
 * `BANGFU_PROPERTY_RUNS` when that is higher. CI sets it to 1,000 for the exactness properties
 * (`.ci/run`), so that a fault only random inputs rarely reach is still found there.
 */
export function runs(local: number): number {
  const forced = Number(process.env['BANGFU_PROPERTY_RUNS'] ?? 0);
  return Number.isInteger(forced) && forced > local ? forced : local;
}
