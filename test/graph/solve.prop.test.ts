import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/graph/solve.js';
import type { AssignmentMode } from '../../src/graph/types.js';
import { verifyAssignment } from '../../src/graph/verify.js';
import { graphArb, shuffled } from './graphs.js';

const modes: readonly AssignmentMode[] = ['optimal', 'stable', 'greedy'];
const graphs = graphArb({ maxLeft: 20, maxRight: 6, maxCapacity: 4, weight: fc.integer({ min: 0, max: 6 }) });

describe.each(modes)('solve (%s)', (mode) => {
  it('capacity is never exceeded and every left is accounted for exactly once', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const a = solve(graph, { mode });
        expect(a.mode).toBe(mode);
        const load = new Map<string, number>();
        for (const p of a.pairs) load.set(p.right, (load.get(p.right) ?? 0) + 1);
        for (const r of graph.right) expect(load.get(r.id) ?? 0).toBeLessThanOrEqual(r.capacity);
        const seen = [...a.pairs.map((p) => p.left), ...a.unmatched].sort();
        expect(seen).toEqual(graph.left.map((n) => n.id).sort());
        expect(verifyAssignment(graph, a).violations).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('same result whatever the input order', () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 1, max: 2 ** 31 }), (graph, seed) => {
        const before = JSON.stringify(graph);
        const a = solve(graph, { mode });
        expect(solve(shuffled(graph, seed), { mode })).toEqual(a);
        expect(JSON.stringify(graph)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
