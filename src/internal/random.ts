/**
 * A small seeded pseudo-random generator for sample data and property tests: sfc32 (Chris
 * Doty-Humphrey's Small Fast Counting generator) seeded through a 32-bit mixer.
 *
 * Every step is 32-bit integer arithmetic (`Math.imul`, `>>> 0`), so the same seed gives the same
 * sequence on every machine and engine. Nothing here reads `Math.random`.
 *
 * @module
 */

/** A seeded source of random choices. Each call advances the one underlying sequence. */
export interface Random {
  /** The next raw 32-bit unsigned integer. */
  next(): number;
  /** A float in [0, 1) with 32 bits of randomness. */
  float(): number;
  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** True with probability `p` (clamped to [0, 1]). */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** The index of an element drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number;
  /** One element drawn with probability proportional to its weight (same length as `items`). */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T;
  /**
   * A reusable drawer for fixed weights: O(n) to build, O(log n) per draw (binary search on the
   * cumulative weights). Use it in loops instead of {@link Random.weightedPick}.
   */
  sampler<T>(items: readonly T[], weights: readonly number[]): () => T;
  /** A shuffled copy of `items` (Fisher–Yates); the input is not mutated. */
  shuffle<T>(items: readonly T[]): T[];
  /** `k` distinct elements of `items` (fewer if it has fewer), in random order. */
  sample<T>(items: readonly T[], k: number): T[];
}

/**
 * Mixes a 32-bit integer into a well-spread one (the finaliser of MurmurHash3), so that nearby
 * seeds (1, 2, 3…) start far apart.
 */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Creates a seeded generator.
 *
 * @param seed - Any number; it is truncated to a 32-bit integer (fractions and sign are folded in
 *   deterministically).
 * @returns A {@link Random} whose sequence depends only on the seed.
 * @example
 * const a = createRandom(2025), b = createRandom(2025);
 * a.int(1, 6) === b.int(1, 6) //=> true
 * createRandom(7).shuffle([1, 2, 3]).length //=> 3
 */
export function createRandom(seed: number): Random {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  // Fold both halves of a large seed so that seeds differing only above bit 31 still differ.
  const lo = s | 0;
  const hi = Math.trunc(s / 0x100000000) | 0;
  let a = mix32(lo ^ 0x9e3779b9);
  let b = mix32(a ^ hi ^ 0x243f6a88);
  let c = mix32(b ^ 0xb7e15162);
  let d = 1;

  function next(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard the first outputs, as sfc32's authors advise, so the state is well mixed.
  for (let i = 0; i < 12; i++) next();

  const float = (): number => next() / 0x100000000;

  const int = (min: number, max: number): number => {
    if (!(Number.isInteger(min) && Number.isInteger(max)) || max < min) {
      throw new RangeError(`random.int: need integers lo ≤ hi, got ${min}, ${max}`);
    }
    return min + Math.floor(float() * (max - min + 1));
  };

  const weightedIndex = (weights: readonly number[]): number => {
    let total = 0;
    for (const w of weights) total += w > 0 ? w : 0;
    if (!(total > 0)) throw new RangeError('random.weightedIndex: need a positive total weight');
    let r = float() * total;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (w <= 0) continue;
      if (r < w) return i;
      r -= w;
    }
    // Rounding can leave r a hair above the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    return 0;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(float() * (i + 1));
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  };

  return {
    next,
    float,
    int,
    chance: (p) => float() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('random.pick: empty array');
      return items[Math.floor(float() * items.length)]!;
    },
    weightedIndex,
    weightedPick: <T>(items: readonly T[], weights: readonly number[]): T => {
      if (items.length !== weights.length) {
        throw new RangeError('random.weightedPick: items and weights differ in length');
      }
      return items[weightedIndex(weights)]!;
    },
    sampler: <T>(items: readonly T[], weights: readonly number[]): (() => T) => {
      if (items.length !== weights.length || items.length === 0) {
        throw new RangeError('random.sampler: need as many weights as items, at least one');
      }
      const cumulative = new Float64Array(weights.length);
      let total = 0;
      for (let i = 0; i < weights.length; i++) {
        const w = weights[i]!;
        total += w > 0 ? w : 0;
        cumulative[i] = total;
      }
      if (!(total > 0)) throw new RangeError('random.sampler: need a positive total weight');
      return () => {
        const r = float() * total;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cumulative[mid]! > r) hi = mid;
          else lo = mid + 1;
        }
        return items[lo]!;
      };
    },
    shuffle,
    sample: <T>(items: readonly T[], k: number): T[] => {
      // Partial Fisher–Yates: O(n) copy, O(k) swaps.
      const out = items.slice();
      const n = Math.min(Math.max(0, Math.floor(k)), out.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(float() * (out.length - i));
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out.slice(0, n);
    },
  };
}

/**
 * Zipf-like weights `1 / (rank + 1)^s` for `n` items, the first the most popular.
 *
 * @param n - How many weights.
 * @param s - The exponent (1 is classic Zipf).
 * @returns An array of `n` positive weights, decreasing.
 * @example
 * zipfWeights(3, 1) //=> [1, 0.5, 0.3333333333333333]
 */
export function zipfWeights(n: number, s = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(1 / Math.pow(i + 1, s));
  return out;
}
