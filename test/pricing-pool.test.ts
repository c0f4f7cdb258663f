import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { compileIndex } from '../src/compile.js';
import {
  PricingViews,
  localPricer,
  priceRange,
  pricingShards,
  type PlanDuals,
  type ShardPricer,
  type Violations,
} from '../src/internal/pricing.js';
import { createPricingPool } from '../src/node/pricing-pool.js';
import { findLists } from '../src/internal/candidate-lists.js';
import { parseDataset } from '../src/parse.js';
import type { Plan } from '../src/plan.js';
import { generateSample } from '../src/sample.js';
import { verifyPlan } from '../src/verify-plan.js';
import { richDatasetArb, smallSampleArb } from './helpers/rich.js';
import { runCli } from './helpers/cli.js';
import { runs } from './helpers/runs.js';

/** What a plan decides: its entries, objective and certificate. */
const decided = (plan: Plan): unknown => ({
  entries: plan.entries,
  objective: plan.objective,
  certificate: plan.certificate,
  groups: plan.groups,
});

/**
 * A pricer that prices the shards in the order given, each with the caller's views or views of its
 * own (as a thread or another machine would), from a stream of choices.
 */
function scatteredPricer(choices: () => boolean): ShardPricer {
  const elsewhere = new PricingViews();
  return {
    price(index, duals, options) {
      const bounds = pricingShards(index.labourerCount);
      const n = bounds.length - 1;
      const parts: Violations[] = [];
      const order = Array.from({ length: n }, (_, k) => k);
      if (choices()) order.reverse();
      for (const k of order) {
        const own = choices()
          ? options.views
          : options.posts === undefined && choices()
            ? elsewhere
            : new PricingViews();
        parts[k] = priceRange(index, bounds[k]!, bounds[k + 1]!, duals, { ...options, views: own });
      }
      return parts;
    },
  };
}

describe('pricing shards elsewhere', () => {
  it('gives the same optimal plan whichever views price each shard, in whatever order', () => {
    fc.assert(
      fc.property(fc.oneof(richDatasetArb, smallSampleArb), fc.infiniteStream(fc.boolean()), (ds, bits) => {
        const it = bits[Symbol.iterator]();
        const here = assign(ds, { mode: 'optimal' });
        const there = assign(ds, { mode: 'optimal', pricer: scatteredPricer(() => it.next().value!) });
        expect(decided(there)).toEqual(decided(here));
      }),
      { numRuns: runs(40) },
    );
  });

  it('joins the shards in order: the local pricer is priceRange shard by shard', () => {
    const ds = parseDataset(generateSample({ labourers: 9000, posts: 60, seed: 3 }));
    const bounds = pricingShards(ds.labourers.length);
    expect(bounds.length).toBe(3); // two shards at 8,192 labourers each
    const told: [number, number][] = [];
    const plan = assign(ds, {
      mode: 'optimal',
      pricer: {
        price(index, duals, options, onShard) {
          const parts = localPricer.price(index, duals, options, (d, t) => told.push([d, t]));
          onShard?.(index.labourerCount, index.labourerCount);
          return parts;
        },
      },
    });
    expect(verifyPlan(plan, ds).ok).toBe(true);
    expect(told).toContainEqual([8192, 9000]);
    expect(told).toContainEqual([9000, 9000]);
  });
});

describe('createPricingPool', () => {
  const pool = createPricingPool({ threads: 3, minLabourers: 0 });
  afterAll(() => pool.close());

  it('refuses a thread count that is not a positive integer', () => {
    expect(() => createPricingPool({ threads: 0 })).toThrow(/threads must be a positive integer, got 0/);
    expect(() => createPricingPool({ threads: 1.5 })).toThrow(/threads must be a positive integer/);
    expect(() => createPricingPool({ minLabourers: -1 })).toThrow(
      /minLabourers must be a non-negative integer/,
    );
  });

  it('gives the plan of one thread, its threads pricing shards of it', () => {
    // Three shards of labourers, so that every thread can take one.
    const ds = parseDataset(generateSample({ labourers: 20_000, posts: 150, seed: 8 }));
    const one = assign(ds, { mode: 'optimal' });
    const before = pool.shared;
    const many = assign(ds, { mode: 'optimal', pricer: pool });
    expect(decided(many)).toEqual(decided(one));
    expect(pool.shared).toBeGreaterThan(before);
    expect(verifyPlan(many, ds).ok).toBe(true);
    // A second dataset: the threads start again with its index.
    const small = parseDataset(generateSample({ labourers: 300, posts: 40, seed: 2 }));
    expect(decided(assign(small, { mode: 'optimal', pricer: pool }))).toEqual(
      decided(assign(small, { mode: 'optimal' })),
    );
  }, 120_000);

  it('after a pricing that failed, prices the next call of the same index exactly', () => {
    const ds = parseDataset(generateSample({ labourers: 20_000, posts: 60, seed: 9 }));
    const index = compileIndex(ds);
    const W = index.labourerCount;
    const P = index.postCount;
    const zero: PlanDuals = {
      T: 0,
      tiers: [],
      labourerTier: new Int32Array(W).fill(-1),
      labourerTierDual: new Float64Array(0),
      labourerDual: new Float64Array(W),
      postTierDual: new Float64Array(0),
      postDual: new Float64Array(P),
    };
    const options = { minScore: 0, perLabourer: 3, tolerance: 1e-9, window: 0.05 };
    // Every thread fails on its shards: the call throws the calling thread's own error, or, when the
    // other threads took every shard first, the first error one of them reported (named as such).
    expect(() => pool.price(index, null as unknown as PlanDuals, options)).toThrow(
      /^(createPricingPool: a pricing thread failed: TypeError: )?Cannot destructure property 'T'/,
    );
    for (let round = 0; round < 3; round++) {
      const here = localPricer.price(index, zero, options);
      const there = pool.price(index, zero, { ...options, views: new PricingViews() });
      expect(there).toEqual(here);
      expect(there.reduce((n, v) => n + v.labourers.length, 0)).toBeGreaterThan(0);
    }
  }, 120_000);

  it("finds labourers' candidate lists on a thread: those the calling thread would find, within the budget", () => {
    const ds = parseDataset(generateSample({ labourers: 2_000, posts: 80, seed: 6 }));
    const index = compileIndex(ds);
    const labourers = Int32Array.from({ length: 300 }, (_, i) => (i * 7) % index.labourerCount);
    for (const bytes of [Number.POSITIVE_INFINITY, 20_000, 0]) {
      const waiting = pool.lists(index, labourers, 0.2, bytes);
      expect(waiting).toBeTypeOf('function');
      const there = waiting!();
      const here = findLists(index, labourers, 0.2, bytes);
      expect(there).toEqual(here);
      if (bytes === Number.POSITIVE_INFINITY) expect(there.labourers).toHaveLength(300);
    }
    // A failure on the thread is told, named, to the caller who waits for the lists.
    expect(() => pool.lists(index, Int32Array.of(-1), 0, 1)!()).toThrow(
      /^createPricingPool: a pricing thread failed: TypeError/,
    );
    // Two asked at once come back each to its own caller.
    const a = pool.lists(index, labourers.subarray(0, 10), 0, Number.POSITIVE_INFINITY)!;
    const b = pool.lists(index, labourers.subarray(10, 30), 0, Number.POSITIVE_INFINITY)!;
    expect([...b().labourers]).toEqual([...labourers.subarray(10, 30)]);
    expect([...a().labourers]).toEqual([...labourers.subarray(0, 10)]);
    // Threads stopped before they reply (the pool moved on to another index): found here instead.
    const c = pool.lists(index, labourers, 0.2, Number.POSITIVE_INFINITY)!;
    const other = compileIndex(parseDataset(generateSample({ labourers: 100, posts: 10, seed: 1 })));
    pool.lists(other, Int32Array.of(0), 0, 1);
    expect(c()).toEqual(findLists(index, labourers, 0.2, Number.POSITIVE_INFINITY));
  }, 60_000);

  it('with one thread, or below its least number of labourers, prices everything here', () => {
    const ds = parseDataset(generateSample({ labourers: 9_000, posts: 30, seed: 4 }));
    const alone = decided(assign(ds, { mode: 'optimal' }));
    for (const solo of [
      createPricingPool({ threads: 1, minLabourers: 0 }),
      createPricingPool({ threads: 2, minLabourers: 9_001 }),
    ]) {
      expect(decided(assign(ds, { mode: 'optimal', pricer: solo }))).toEqual(alone);
      expect(solo.shared).toBe(0);
      // Nor does it find lists elsewhere: the planner finds them itself.
      expect(solo.lists(compileIndex(ds), Int32Array.of(0), 0, 1)).toBeUndefined();
    }
  });
});

describe('bangfu assign --threads', () => {
  it('refuses a thread count below 1, naming the option', async () => {
    const r = await runCli(['assign', 'nowhere.json', '--threads', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--threads/);
  });

  it('accepts --threads and writes the same plan file (a cohort this small is priced on one thread)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangfu-threads-'));
    try {
      const data = join(dir, 'd.json');
      writeFileSync(data, JSON.stringify(generateSample({ labourers: 120, posts: 40, seed: 5 })), 'utf8');
      const files = await Promise.all(
        ['1', '2'].map(async (t) => {
          const out = join(dir, `plan-${t}.json`);
          expect((await runCli(['assign', data, '--threads', t, '--out', out, '--quiet'])).code).toBe(0);
          return readFileSync(out, 'utf8');
        }),
      );
      expect(files[1]).toBe(files[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
