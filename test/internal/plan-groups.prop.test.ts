/**
 * The groups' option search against its own exact enumeration: the counts and the best option the
 * plans read (which work out only whether the members fit where an option cannot beat the best so
 * far) equal those of every option placed exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/compile.js';
import { bestOption, bestOptionLeft, groupOptions, typedGroups } from '../../src/internal/plan-groups.js';
import { walkPlanner } from '../../src/internal/planner.js';
import { parseDataset } from '../../src/parse.js';
import { generateSample } from '../../src/sample.js';
import { runs } from '../helpers/runs.js';

/**
 * Samples where many labourers travel in groups and posts have one or two openings: members'
 * favourite posts collide.
 */
const crowded = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    labourers: fc.integer({ min: 10, max: 60 }),
    posts: fc.integer({ min: 4, max: 16 }),
    groupShare: fc.constantFrom(0.3, 0.6),
    openings: fc.infiniteStream(fc.integer({ min: 1, max: 2 })),
  })
  .map(({ openings, ...o }) => {
    const ds = generateSample(o);
    return parseDataset({
      ...ds,
      posts: ds.posts.map((p) => ({ ...p, filled: 0, openings: openings.next().value as number })),
    });
  });

const RUNS = runs(Number(process.env['PLAN_RUNS'] ?? 60) * 4);

describe('group options', () => {
  it('the best option and the counts equal those of every option placed exactly, with any openings taken', () => {
    let colliding = 0;
    fc.assert(
      fc.property(crowded, fc.infiniteStream(fc.integer({ min: 0, max: 9 })), (ds, picks) => {
        const index = compileIndex(ds);
        const planner = walkPlanner(index, 0);
        const used = Int32Array.from({ length: index.postCount }, (_, p) =>
          Math.min(index.postCapacity[p]!, (picks.next().value as number) < 4 ? 1 : 0),
        );
        for (const g of typedGroups(index, ds.groups)) {
          const all = groupOptions(ds, planner, g);
          const left = groupOptions(ds, planner, g, used);
          // The first of largest value, in key order.
          const bestOf = (os: typeof all) =>
            os.reduce<(typeof all)[number] | undefined>(
              (b, o) => (b === undefined || o.value > b.value ? o : b),
              undefined,
            );
          const strip = (o: (typeof all)[number] | undefined) =>
            o === undefined
              ? undefined
              : { key: o.key, value: o.value, posts: Array.from(o.posts), scores: Array.from(o.scores) };
          const one = bestOption(ds, planner, g);
          expect(one.count).toBe(all.length);
          expect(strip(one.best)).toEqual(strip(bestOf(all)));
          const two = bestOptionLeft(ds, planner, g, used);
          expect(two.count).toBe(all.length);
          expect(two.countLeft).toBe(left.length);
          expect(strip(two.best)).toEqual(strip(bestOf(left)));
          // Options where two members' favourite posts are one with a single opening left.
          if (
            left.some((o) => new Set(o.posts).size < o.posts.length) ||
            all.some((o) => o.posts.some((p) => index.postCapacity[p] === 1))
          )
            colliding++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(colliding).toBeGreaterThan(RUNS / 4);
  });
});
