import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GREEDY_RATIO,
  selectTraining,
  trainingValue,
  type TrainingObjective,
  type TrainingOption,
} from '../src/train.js';
import type { PostId, LabourerId } from '../src/types.js';

const POSTS = ['p0', 'p1', 'p2'];

const optionsArb = (onePerLabourer: boolean): fc.Arbitrary<TrainingOption[]> =>
  fc
    .array(
      fc.record({
        labourer: fc.integer({ min: 0, max: onePerLabourer ? 7 : 4 }),
        course: fc.constantFrom('c0', 'c1', 'c2'),
        cost: fc.integer({ min: 1, max: 6 }),
        posts: fc.uniqueArray(
          fc.record({
            post: fc.constantFrom(...POSTS),
            net: fc.integer({ min: 2000, max: 6000 }),
            retention: fc.constantFrom(0, 0.25, 0.5, 0.8, 1),
          }),
          {
            minLength: 1,
            maxLength: 3,
            selector: (p) => p.post,
          },
        ),
      }),
      { maxLength: 8 },
    )
    .map((raw) => {
      const seen = new Set<string>();
      return raw
        .filter((r) => {
          const key = onePerLabourer ? `w${r.labourer}` : `w${r.labourer}:${r.course}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .map((r) => ({
          labourer: `w${r.labourer}` as LabourerId,
          course: r.course,
          changes: [],
          cost: r.cost,
          why: 'unplaced' as const,
          posts: r.posts.map((p) => ({
            post: p.post as PostId,
            net: p.net,
            score: 0.5,
            retention: p.retention,
          })),
        }));
    });

const spareArb = fc
  .tuple(...POSTS.map(() => fc.integer({ min: 0, max: 2 })))
  .map((caps) => new Map(POSTS.map((p, i) => [p, caps[i]!])));

function value(o: TrainingObjective, f: { placed: number; pay: number; retained: number }): number {
  return o === 'placed' ? f.placed : o === 'pay' ? f.pay : f.retained;
}

/** Every set of options within the budget, at most one per labourer. */
function bruteForce(
  options: readonly TrainingOption[],
  spare: ReadonlyMap<string, number>,
  budget: number,
  o: TrainingObjective,
): number {
  let best = 0;
  for (let mask = 0; mask < 1 << options.length; mask++) {
    const set = options.filter((_, i) => (mask & (1 << i)) !== 0);
    if (new Set(set.map((x) => x.labourer)).size < set.length) continue;
    if (set.reduce((s, x) => s + x.cost, 0) > budget) continue;
    best = Math.max(best, value(o, trainingValue(set, spare, o)));
  }
  return best;
}

const objectiveArb = fc.constantFrom<TrainingObjective>('placed', 'pay', 'retained');

describe('training plans', () => {
  it('exact equals brute force on small inputs', () => {
    fc.assert(
      fc.property(
        optionsArb(false),
        spareArb,
        fc.integer({ min: 0, max: 15 }),
        objectiveArb,
        (options, spare, budget, o) => {
          const r = selectTraining(options, spare, budget, o, 'exact');
          expect(value(o, r.value)).toBeCloseTo(bruteForce(options, spare, budget, o), 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('greedy reaches (1 − 1/e)/2 of the exact value when each labourer has one useful course', () => {
    fc.assert(
      fc.property(
        optionsArb(true),
        spareArb,
        fc.integer({ min: 0, max: 15 }),
        objectiveArb,
        (options, spare, budget, o) => {
          const g = value(o, selectTraining(options, spare, budget, o, 'greedy').value);
          const e = value(o, selectTraining(options, spare, budget, o, 'exact').value);
          expect(g).toBeGreaterThanOrEqual(GREEDY_RATIO * e - 1e-9);
          expect(g).toBeLessThanOrEqual(e + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is never over budget and takes at most one course per labourer', () => {
    fc.assert(
      fc.property(
        optionsArb(false),
        spareArb,
        fc.integer({ min: 0, max: 15 }),
        objectiveArb,
        fc.constantFrom<'greedy' | 'exact'>('greedy', 'exact'),
        (options, spare, budget, o, mode) => {
          const r = selectTraining(options, spare, budget, o, mode);
          const chosen = r.chosen.map((i) => options[i]!);
          expect(chosen.reduce((s, x) => s + x.cost, 0)).toBeLessThanOrEqual(budget);
          expect(new Set(chosen.map((x) => x.labourer)).size).toBe(chosen.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
