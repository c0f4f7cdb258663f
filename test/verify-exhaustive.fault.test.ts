/**
 * Why the verifier has an exhaustive mode: a fault in the compiled index reaches the planner and the
 * walk-based verifier alike, so the verifier agrees with a wrong plan; asking the rules and the score
 * about every pair does not. The faults injected here: the index takes one open post for closed, or
 * counts one opening too many at a full post.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CompiledIndex } from '../src/compile.js';
import type { Dataset } from '../src/types.js';

/** The fault the index is given: a post taken for closed, or given an opening more; none at −1. */
let closed = -1;
let extra = -1;

vi.mock('../src/compile.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/compile.js')>();
  return {
    ...real,
    compileIndex: (dataset: Dataset): CompiledIndex => {
      const index = real.compileIndex(dataset);
      if (closed >= 0) {
        const postOpen = index.postOpen.slice();
        postOpen[closed] = 0;
        return { ...index, postOpen };
      }
      if (extra >= 0) {
        const postCapacity = index.postCapacity.slice();
        postCapacity[extra]! += 1;
        return { ...index, postCapacity };
      }
      return index;
    },
  };
});

const { assign } = await import('../src/assign.js');
const { demoDataset } = await import('../src/sample.js');
const { verifyPlan } = await import('../src/verify-plan.js');

describe('a post the index takes for closed', () => {
  const dataset = demoDataset();
  // The post most placements go to in a sound plan.
  closed = -1;
  const sound = assign(dataset, { mode: 'optimal' });
  const counts = new Map<string, number>();
  for (const e of sound.entries) if (e.kind === 'placed') counts.set(e.post, (counts.get(e.post) ?? 0) + 1);
  const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const at = dataset.posts.findIndex((p) => p.id === busiest);

  it.each(['optimal', 'stable', 'greedy'] as const)(
    '%s: the plan leaves it empty, the walk-based verifier agrees, the exhaustive one does not',
    (mode) => {
      closed = at;
      try {
        const plan = assign(dataset, { mode });
        expect(plan.entries.some((e) => e.kind === 'placed' && e.post === busiest)).toBe(false);
        expect(verifyPlan(plan, dataset).violations).toEqual([]);
        const exhaustive = verifyPlan(plan, dataset, { exhaustive: true });
        expect(exhaustive.ok).toBe(false);
        // The post was open to someone: a labourer left out with room there, a dual it breaks, or
        // a pair that blocks the plan.
        expect(
          exhaustive.violations.some(
            (v) =>
              v.post === busiest &&
              (v.code === 'unplaced-with-room' || v.code === 'certificate' || v.code === 'blocking-pair'),
          ),
        ).toBe(true);
      } finally {
        closed = -1;
      }
    },
  );

  it.each(['optimal', 'stable', 'greedy'] as const)(
    '%s: an opening too many at a full post is filled, the walk-based verifier agrees, the exhaustive one does not',
    (mode) => {
      const full = dataset.posts.findIndex(
        (p) => (counts.get(p.id) ?? 0) === p.openings - p.filled && p.openings > p.filled,
      );
      expect(full).toBeGreaterThanOrEqual(0);
      const id = dataset.posts[full]!.id;
      extra = full;
      try {
        const plan = assign(dataset, { mode });
        const held = plan.entries.filter((e) => e.kind === 'placed' && e.post === id).length;
        expect(held).toBe(dataset.posts[full]!.openings - dataset.posts[full]!.filled + 1);
        expect(verifyPlan(plan, dataset).violations).toEqual([]);
        const exhaustive = verifyPlan(plan, dataset, { exhaustive: true });
        expect(exhaustive.violations.some((v) => v.code === 'capacity-exceeded' && v.post === id)).toBe(true);
      } finally {
        extra = -1;
      }
    },
  );

  it('without the fault both verifiers accept the plan', () => {
    expect(verifyPlan(sound, dataset).ok).toBe(true);
    expect(verifyPlan(sound, dataset, { exhaustive: true }).ok).toBe(true);
  });
});
