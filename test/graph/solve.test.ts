import { describe, expect, it } from 'vitest';
import { IndexedHeap } from '../../src/graph/internal/heap.js';
import { solve } from '../../src/graph/solve.js';
import { solveGreedy } from '../../src/graph/solve-greedy.js';
import { solveOptimal } from '../../src/graph/solve-optimal.js';
import { solveStable } from '../../src/graph/solve-stable.js';
import { verifyAssignment } from '../../src/graph/verify.js';

describe('documented examples', () => {
  it('solveOptimal places the tier-0 left first, even on a lighter edge', () => {
    const g = {
      left: [{ id: 'a' }, { id: 'b', tier: 1 }],
      right: [{ id: 'x', capacity: 1 }],
      edges: [
        { left: 'a', right: 'x', weight: 1 },
        { left: 'b', right: 'x', weight: 9 },
      ],
    };
    const a = solveOptimal(g);
    expect(a.pairs).toEqual([{ left: 'a', right: 'x', weight: 1 }]);
    expect(a.unmatched).toEqual(['b']);
    expect(a.placedByTier).toEqual({ 0: 1, 1: 0 });
    expect(verifyAssignment(g, a).ok).toBe(true);
  });

  it('solveStable gives the contested right to the heavier edge', () => {
    expect(
      solveStable({
        left: [{ id: 'a' }, { id: 'b' }],
        right: [
          { id: 'x', capacity: 1 },
          { id: 'y', capacity: 1 },
        ],
        edges: [
          { left: 'a', right: 'x', weight: 5 },
          { left: 'a', right: 'y', weight: 1 },
          { left: 'b', right: 'x', weight: 9 },
        ],
      }).pairs,
    ).toEqual([
      { left: 'a', right: 'y', weight: 1 },
      { left: 'b', right: 'x', weight: 9 },
    ]);
  });

  it('solveGreedy takes the heaviest edge first, optimal does better', () => {
    const g = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { left: 'a', right: 'x', weight: 5 },
        { left: 'a', right: 'y', weight: 4 },
        { left: 'b', right: 'x', weight: 3 },
      ],
    };
    expect(solveGreedy(g).total).toBe(5);
    expect(solveGreedy(g).certificate).toBeUndefined();
    expect(solveOptimal(g).total).toBe(7);
  });

  it('solve dispatches on mode, optimal by default', () => {
    const g = {
      left: [{ id: 'a' }],
      right: [{ id: 'x', capacity: 1 }],
      edges: [{ left: 'a', right: 'x', weight: 2 }],
    };
    expect(solve(g, { mode: 'greedy' }).pairs).toEqual([{ left: 'a', right: 'x', weight: 2 }]);
    expect(solve(g).mode).toBe('optimal');
    expect(solve(g, { mode: 'stable' }).certificate).toEqual({ kind: 'stable', blockingPairs: [] });
  });

  it('optimal uses a negative edge only when it places one more left', () => {
    const g = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { left: 'a', right: 'x', weight: 3 },
        { left: 'a', right: 'y', weight: 3 },
        { left: 'b', right: 'x', weight: -2 },
      ],
    };
    expect(solveOptimal(g).pairs).toEqual([
      { left: 'a', right: 'y', weight: 3 },
      { left: 'b', right: 'x', weight: -2 },
    ]);
  });

  it('a null-tier left counts only by weight: placed after every numbered tier, never on a negative edge', () => {
    const g = {
      left: [
        { id: 'a', tier: null },
        { id: 'b', tier: 1 },
        { id: 'c', tier: null },
      ],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { left: 'a', right: 'x', weight: 9 },
        { left: 'b', right: 'x', weight: 1 },
        { left: 'c', right: 'y', weight: -1 },
      ],
    };
    const a = solveOptimal(g);
    expect(a.pairs).toEqual([{ left: 'b', right: 'x', weight: 1 }]);
    expect(a.unmatched).toEqual(['a', 'c']);
    expect(a.placedByTier).toEqual({ 1: 1 });
    expect(a.certificate).toMatchObject({ tiers: [1] });
    expect(verifyAssignment(g, a).ok).toBe(true);
    // Stable: x prefers the numbered tier; greedy: numbered tiers first.
    expect(solveStable(g).pairs.map((p) => p.left)).toEqual(['b', 'c']);
    expect(solveGreedy(g).pairs.map((p) => p.left)).toEqual(['b', 'c']);
    // Without a numbered rival, the null-tier left takes its best weight.
    const h = {
      ...g,
      left: [
        { id: 'a', tier: null },
        { id: 'c', tier: null },
      ],
      edges: g.edges.filter((e) => e.left !== 'b'),
    };
    expect(solveOptimal(h).pairs).toEqual([{ left: 'a', right: 'x', weight: 9 }]);
    expect(solveOptimal(h).placedByTier).toEqual({});
  });

  it('a right of capacity 0 takes no one', () => {
    const g = {
      left: [{ id: 'a' }],
      right: [{ id: 'x', capacity: 0 }],
      edges: [{ left: 'a', right: 'x', weight: 2 }],
    };
    for (const mode of ['optimal', 'stable', 'greedy'] as const)
      expect(solve(g, { mode }).unmatched).toEqual(['a']);
  });
});

describe('certificate', () => {
  it('keys the duals by id as own properties, even an id `__proto__`', () => {
    const graph = {
      left: [{ id: '__proto__' }, { id: 'b', tier: null }],
      right: [{ id: '__proto__', capacity: 1 }],
      edges: [
        { left: '__proto__', right: '__proto__', weight: 2 },
        { left: 'b', right: '__proto__', weight: 3 },
      ],
    };
    const a = solveOptimal(graph);
    expect(a.pairs).toEqual([{ left: '__proto__', right: '__proto__', weight: 2 }]);
    expect(verifyAssignment(graph, a).violations).toEqual([]);
    const cert = a.certificate;
    if (cert?.kind !== 'duals') throw new Error('expected duals');
    expect(Object.keys(cert.leftPotential).sort()).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(cert.rightTierPotential)).toBe(Object.prototype);
    // However the solver splits the duals, the placed edge is tight: u + v = (1, 2) on it.
    const tierSum = cert.leftTierPotential['__proto__']![0]! + cert.rightTierPotential['__proto__']![0]!;
    const weightSum = cert.leftPotential['__proto__']! + cert.rightPotential['__proto__']!;
    expect([tierSum, weightSum]).toEqual([1, 2]);
  });
});

describe('large capacities', () => {
  it('a right with a huge capacity takes everyone adjacent, in every mode', () => {
    const g = {
      left: [{ id: 'a' }, { id: 'b', tier: 1 }, { id: 'c' }],
      right: [{ id: 'x', capacity: 2_000_000_000 }],
      edges: ['a', 'b', 'c'].map((left) => ({ left, right: 'x', weight: 1 })),
    };
    for (const mode of ['optimal', 'stable', 'greedy'] as const) {
      const a = solve(g, { mode });
      expect(a.pairs.map((p) => p.left)).toEqual(['a', 'b', 'c']);
      expect(verifyAssignment(g, a).ok).toBe(true);
    }
  });
});

describe('IndexedHeap', () => {
  it('pops in key order, ties by index, with decrease-key', () => {
    const key = [5, 3, 8, 3, 1, 9];
    const heap = new IndexedHeap(6, (a, b) => key[a]! < key[b]! || (key[a] === key[b] && a < b));
    for (let i = 0; i < 6; i++) heap.pushOrDecrease(i);
    key[5] = 0;
    heap.pushOrDecrease(5);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop());
    expect(out).toEqual([5, 4, 1, 3, 0, 2]);
    heap.pushOrDecrease(2);
    expect(heap.has(2)).toBe(true);
    heap.clear();
    expect(heap.has(2)).toBe(false);
    expect(heap.size).toBe(0);
  });
});
