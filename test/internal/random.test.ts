import { describe, expect, it } from 'vitest';
import { createRandom, zipfWeights } from '../../src/internal/random.js';

const take = (seed: number, n: number): number[] => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(take(2025, 50)).toEqual(take(2025, 50));
  });

  it('gives different sequences for nearby seeds', () => {
    expect(take(1, 8)).not.toEqual(take(2, 8));
    expect(take(0, 8)).not.toEqual(take(2 ** 32, 8));
  });

  it('pins the sequence, so a change of algorithm or seeding is noticed', () => {
    expect(take(42, 3)).toEqual([2241159378, 4120041894, 141946914]);
  });

  it('draws integers within bounds, both ends reachable', () => {
    const rng = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.int(3, 6);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(6);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('draws floats in [0, 1) with a mean near one half', () => {
    const rng = createRandom(9);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.float();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 10_000).toBeGreaterThan(0.48);
    expect(sum / 10_000).toBeLessThan(0.52);
  });

  it('follows the weights, never drawing a zero weight', () => {
    const rng = createRandom(11);
    const draw = rng.sampler(['a', 'b', 'c'], [1, 0, 3]);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 8000; i++) {
      counts[draw() as 'a' | 'b' | 'c'] += 1;
      expect(rng.weightedPick(['a', 'b', 'c'] as const, [1, 0, 3])).not.toBe('b');
    }
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.5);
    expect(counts.c / counts.a).toBeLessThan(3.5);
    const wp = { a: 0, c: 0 };
    for (let i = 0; i < 4000; i++) wp[rng.weightedPick(['a', 'c'] as const, [1, 3])] += 1;
    expect(wp.c / wp.a).toBeGreaterThan(2.5);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const out = createRandom(3).shuffle(input);
    expect([...out].sort()).toEqual([...input]);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('samples k distinct elements', () => {
    const out = createRandom(5).sample([1, 2, 3, 4, 5], 3);
    expect(out).toHaveLength(3);
    expect(new Set(out).size).toBe(3);
    expect(createRandom(5).sample([1, 2], 5)).toHaveLength(2);
  });

  it('chance(0) never and chance(1) always', () => {
    const rng = createRandom(1);
    for (let i = 0; i < 100; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
  });
});

describe('zipfWeights', () => {
  it('decreases as 1/(rank+1)^s', () => {
    expect(zipfWeights(3, 1)).toEqual([1, 0.5, 1 / 3]);
    expect(zipfWeights(0)).toEqual([]);
  });
});
