import { describe, expect, it } from 'vitest';
import { BangfuValidationError } from '../../src/errors.js';
import { solve } from '../../src/graph/solve.js';
import type { AssignmentMode, BipartiteGraph } from '../../src/graph/types.js';
import { graphIssues, safeValidateGraph, validateGraph } from '../../src/graph/validate.js';

const bad: BipartiteGraph = {
  left: [{ id: 'a' }, { id: 'a' }, { id: 'b', tier: 0.5 }],
  right: [
    { id: 'x', capacity: -1 },
    { id: 'y', capacity: 1.5 },
    { id: 'x', capacity: 1 },
  ],
  edges: [
    { left: 'a', right: 'y', weight: Number.NaN },
    { left: 'a', right: 'y', weight: 1 },
    { left: 'zz', right: 'y', weight: Number.POSITIVE_INFINITY },
    { left: 'b', right: 'nope', weight: 2 },
  ],
};

describe('validateGraph', () => {
  it('bad graphs are refused with every issue and the right paths', () => {
    expect(graphIssues(bad).map((i) => [i.path, i.code])).toEqual([
      ['left[1].id', 'duplicate-id'],
      ['left[2].tier', 'invalid-tier'],
      ['right[0].capacity', 'invalid-capacity'],
      ['right[1].capacity', 'invalid-capacity'],
      ['right[2].id', 'duplicate-id'],
      ['edges[0].weight', 'not-finite'],
      ['edges[1]', 'duplicate-edge'],
      ['edges[2].weight', 'not-finite'],
      ['edges[2].left', 'unknown-node'],
      ['edges[3].right', 'unknown-node'],
    ]);
    expect(() => validateGraph(bad)).toThrow(BangfuValidationError);
    try {
      validateGraph(bad);
    } catch (e) {
      expect((e as BangfuValidationError).issues).toHaveLength(10);
      expect((e as BangfuValidationError).message).toMatch(/^invalid graph: 10 problems: left\[1\]\.id/);
    }
    expect(safeValidateGraph(bad)).toMatchObject({ success: false });
  });

  it.each<AssignmentMode>(['optimal', 'stable', 'greedy'])(
    'every solver refuses a bad graph (%s)',
    (mode) => {
      expect(() => solve(bad, { mode })).toThrow(BangfuValidationError);
    },
  );

  it('a null tier is valid, a negative one is not', () => {
    const g = {
      left: [
        { id: 'a', tier: null },
        { id: 'b', tier: -1 },
      ],
      right: [],
      edges: [],
    };
    expect(graphIssues(g).map((i) => [i.path, i.code])).toEqual([['left[1].tier', 'invalid-tier']]);
  });

  it('a capacity or tier above the solvers’ Int32 index is refused, naming the limit', () => {
    const LIMIT = 2 ** 31 - 1;
    const g = (capacity: number, tier: number | null): BipartiteGraph => ({
      left: [{ id: 'a', tier }],
      right: [{ id: 'x', capacity }],
      edges: [{ left: 'a', right: 'x', weight: 1 }],
    });
    for (const n of [LIMIT + 1, 2 ** 32, 1e12, 2 ** 53, 1e300]) {
      expect(graphIssues(g(n, 0))).toEqual([
        {
          path: 'right[0].capacity',
          code: 'invalid-capacity',
          message:
            "expected a non-negative integer at most 2147483647 (the largest the solver's index holds)",
          value: n,
        },
      ]);
      expect(graphIssues(g(1, n))).toEqual([
        {
          path: 'left[0].tier',
          code: 'invalid-tier',
          message:
            "expected a non-negative integer at most 2147483647 (the largest the solver's index holds), or null",
          value: n,
        },
      ]);
    }
    expect(graphIssues(g(LIMIT, LIMIT))).toEqual([]);
    // The largest capacity places like any other (2^32 used to wrap to 0 and place nobody).
    for (const mode of ['optimal', 'stable', 'greedy'] as const)
      expect(solve(g(LIMIT, LIMIT), { mode }).pairs).toHaveLength(1);
  });

  it('weights that together overflow the solver’s sums are one issue at edges', () => {
    const huge: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [{ id: 'x', capacity: 2 }],
      edges: [
        { left: 'a', right: 'x', weight: 1.7e308 },
        { left: 'b', right: 'x', weight: -1.7e308 },
      ],
    };
    const issues = graphIssues(huge);
    expect(issues.map((i) => [i.path, i.code])).toEqual([['edges', 'weights-overflow']]);
    expect(issues[0]!.message).toMatch(/^expected Σ\|weight\| · \(left \+ right \+ 2\) ≤ 4\.494e\+307/);
    expect(issues[0]!.value).toBe(Number.POSITIVE_INFINITY);
    expect(() => solve(huge)).toThrow(BangfuValidationError);
    // Not finite on their own: reported one by one, and left out of the sum.
    const bad: BipartiteGraph = { ...huge, edges: [{ left: 'a', right: 'x', weight: Number.NaN }] };
    expect(graphIssues(bad).map((i) => [i.path, i.code])).toEqual([['edges[0].weight', 'not-finite']]);
  });

  it('the weight bound is Σ|weight| · (left + right + 2) ≤ Number.MAX_VALUE / 4, inclusive', () => {
    const budget = Number.MAX_VALUE / 4;
    // 1 left, 1 right: four nodes with the source and the sink.
    const one = (weight: number): BipartiteGraph => ({
      left: [{ id: 'a' }],
      right: [{ id: 'x', capacity: 1 }],
      edges: [{ left: 'a', right: 'x', weight }],
    });
    expect(graphIssues(one(budget / 4))).toEqual([]);
    expect(graphIssues(one(-budget / 4))).toEqual([]);
    expect(graphIssues(one((budget / 4) * (1 + 2 ** -50))).map((i) => i.code)).toEqual(['weights-overflow']);
    // Each node more tightens it: the same weight with a hundred idle left nodes is too much.
    const crowded = { ...one(budget / 8), left: Array.from({ length: 100 }, (_, i) => ({ id: `l${i}` })) };
    expect(graphIssues({ ...crowded, left: [...crowded.left, { id: 'a' }] }).map((i) => i.code)).toEqual([
      'weights-overflow',
    ]);
  });

  it('an empty graph, or one without edges, is valid and leaves everyone unmatched', () => {
    const empty = { left: [], right: [], edges: [] };
    expect(safeValidateGraph(empty)).toEqual({ success: true, value: empty });
    expect(solve(empty)).toEqual({
      mode: 'optimal',
      pairs: [],
      unmatched: [],
      total: 0,
      placedByTier: {},
      certificate: {
        kind: 'duals',
        tiers: [],
        leftPotential: {},
        rightPotential: {},
        leftTierPotential: {},
        rightTierPotential: {},
      },
    });
    const noEdges = {
      left: [{ id: 'b' }, { id: 'a', tier: 1 }],
      right: [{ id: 'x', capacity: 3 }],
      edges: [],
    };
    for (const mode of ['optimal', 'stable', 'greedy'] as const) {
      const a = solve(noEdges, { mode });
      expect(a.pairs).toEqual([]);
      expect(a.unmatched).toEqual(['a', 'b']);
      expect(a.placedByTier).toEqual({ 0: 0, 1: 0 });
    }
  });

  it('ids that are awkward as object keys are handled as plain strings', () => {
    const g = {
      left: [{ id: '__proto__' }, { id: 'constructor' }],
      right: [{ id: 'toString', capacity: 2 }],
      edges: [
        { left: '__proto__', right: 'toString', weight: 1 },
        { left: 'constructor', right: 'toString', weight: 2 },
      ],
    };
    const a = solve(g);
    expect(a.pairs.map((p) => p.left)).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(a.certificate?.kind === 'duals' ? a.certificate.leftPotential : {})).toEqual([
      '__proto__',
      'constructor',
    ]);
  });
});
