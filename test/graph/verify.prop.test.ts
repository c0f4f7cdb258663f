import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveGreedy } from '../../src/graph/solve-greedy.js';
import { solveOptimal } from '../../src/graph/solve-optimal.js';
import { solveStable } from '../../src/graph/solve-stable.js';
import type { Assignment, OptimalCertificate } from '../../src/graph/types.js';
import { blockingPairs, verifyAssignment } from '../../src/graph/verify.js';
import { graphArb } from './graphs.js';

const small = graphArb({ maxLeft: 8, maxRight: 5, maxCapacity: 3 });
const codes = (v: { violations: readonly { code: string }[] }): string[] => v.violations.map((x) => x.code);

describe('verifyAssignment', () => {
  it('the verifier accepts what the solver returns and rejects tampered plans', () => {
    fc.assert(
      fc.property(small, fc.nat(), fc.constantFrom(0.5, -0.5), (graph, pick, delta) => {
        const a = solveOptimal(graph);
        expect(verifyAssignment(graph, a)).toEqual({ ok: true, violations: [] });

        // Perturb one left dual: a placed left loses a tight edge, an unplaced one gets u > 0 or u < 0.
        const cert = a.certificate as OptimalCertificate;
        if (graph.left.length > 0) {
          const id = graph.left[pick % graph.left.length]!.id;
          const perturbed: Assignment = {
            ...a,
            certificate: {
              ...cert,
              leftPotential: { ...cert.leftPotential, [id]: cert.leftPotential[id]! + delta },
            },
          };
          expect(verifyAssignment(graph, perturbed).ok).toBe(false);
        }
        if (a.pairs.length === 0) return;
        const p = a.pairs[pick % a.pairs.length]!;

        // Move a pair to a right it has no edge to.
        const moved: Assignment = {
          ...a,
          pairs: a.pairs.map((q) => (q === p ? { ...q, right: 'nowhere' } : q)),
        };
        expect(codes(verifyAssignment(graph, moved))).toContain('not-an-edge');

        // Exceed a capacity: the same plan against a graph with one opening fewer than it uses there.
        const load = a.pairs.filter((q) => q.right === p.right).length;
        const tighter = {
          ...graph,
          right: graph.right.map((r) => (r.id === p.right ? { ...r, capacity: load - 1 } : r)),
        };
        expect(codes(verifyAssignment(tighter, a))).toContain('capacity-exceeded');

        // Drop a pair without listing its left as unmatched; place a left twice; misstate the total.
        expect(codes(verifyAssignment(graph, { ...a, pairs: a.pairs.filter((q) => q !== p) }))).toContain(
          'left-missing',
        );
        expect(codes(verifyAssignment(graph, { ...a, pairs: [...a.pairs, p] }))).toContain(
          'left-placed-twice',
        );
        expect(codes(verifyAssignment(graph, { ...a, total: a.total + 1 }))).toContain('total-mismatch');
        expect(codes(verifyAssignment(graph, { ...a, certificate: undefined }))).toContain(
          'certificate-missing',
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a plan that is not optimal cannot pass as optimal', () => {
    fc.assert(
      fc.property(small, (graph) => {
        const best = solveOptimal(graph);
        const greedy = solveGreedy(graph);
        const worse =
          (greedy.placedByTier[0] ?? 0) < (best.placedByTier[0] ?? 0) ||
          ((greedy.placedByTier[0] ?? 0) === (best.placedByTier[0] ?? 0) &&
            ((greedy.placedByTier[1] ?? 0) < (best.placedByTier[1] ?? 0) ||
              ((greedy.placedByTier[1] ?? 0) === (best.placedByTier[1] ?? 0) &&
                greedy.total < best.total - 1e-6)));
        // The greedy plan under the optimal plan's duals: accepted only if it is as good.
        const verdict = verifyAssignment(graph, {
          ...greedy,
          mode: 'optimal',
          certificate: best.certificate,
        });
        if (worse) expect(verdict.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('stable plans are re-checked for blocking pairs', () => {
    const graph = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { left: 'a', right: 'x', weight: 1 },
        { left: 'a', right: 'y', weight: 5 },
        { left: 'b', right: 'y', weight: 9 },
      ],
    };
    const stable = solveStable(graph);
    expect(verifyAssignment(graph, stable).ok).toBe(true);
    const tampered: Assignment = {
      ...stable,
      pairs: [
        { left: 'a', right: 'y', weight: 5 },
        { left: 'b', right: 'x', weight: 0 },
      ],
    };
    expect(codes(verifyAssignment(graph, tampered))).toEqual(
      expect.arrayContaining(['not-an-edge', 'blocking-pair']),
    );
    // a holds its favourite; y prefers b (weight 9 > 5); x has room but a does not want it.
    expect(blockingPairs(graph, [{ left: 'a', right: 'y', weight: 5 }])).toEqual([{ left: 'b', right: 'y' }]);
    expect(blockingPairs(graph, [])).toEqual([
      { left: 'a', right: 'x' },
      { left: 'a', right: 'y' },
      { left: 'b', right: 'y' },
    ]);
  });

  it('a huge dual on a right without room cannot make a worse assignment pass (the tolerance comes from the weights)', () => {
    const g = {
      left: [{ id: 'a', tier: null }],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'z', capacity: 0 },
      ],
      edges: [{ left: 'a', right: 'x', weight: 0.3 }],
    };
    const empty: Assignment = {
      mode: 'optimal',
      pairs: [],
      unmatched: ['a'],
      total: 0,
      placedByTier: {},
      certificate: {
        kind: 'duals',
        tiers: [],
        leftPotential: { a: 0 },
        rightPotential: { x: 0, z: 1e9 },
        leftTierPotential: { a: [] },
        rightTierPotential: { x: [], z: [] },
      },
    };
    expect(codes(verifyAssignment(g, empty))).toContain('dual-infeasible');
    // Any worse assignment, whatever huge duals are added on a right without room, is refused.
    fc.assert(
      fc.property(small, fc.nat(), fc.constantFrom(1e6, 1e9, 1e12, 1e300), (graph, pick, huge) => {
        const a = solveOptimal(graph);
        const dropped = a.pairs.filter((p) => {
          const left = graph.left.find((n) => n.id === p.left)!;
          return p.weight > 1e-6 || left.tier !== null;
        });
        if (dropped.length === 0) return;
        const p = dropped[pick % dropped.length]!;
        const cert = a.certificate as OptimalCertificate;
        const g2 = { ...graph, right: [...graph.right, { id: 'zz', capacity: 0 }] };
        const worse: Assignment = {
          ...a,
          pairs: a.pairs.filter((q) => q !== p),
          unmatched: [...a.unmatched, p.left].sort(),
          total: a.total - p.weight,
          placedByTier: Object.fromEntries(
            Object.entries(a.placedByTier).map(([t, n]) => {
              const left = graph.left.find((x) => x.id === p.left)!;
              return [t, String(left.tier ?? 0) === t ? n - 1 : n];
            }),
          ),
          certificate: {
            ...cert,
            leftPotential: { ...cert.leftPotential, [p.left]: 0 },
            leftTierPotential: { ...cert.leftTierPotential, [p.left]: cert.tiers.map(() => 0) },
            rightPotential: { ...cert.rightPotential, zz: huge },
            rightTierPotential: { ...cert.rightTierPotential, zz: cert.tiers.map(() => 0) },
          },
        };
        expect(verifyAssignment(g2, worse).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
