import { describe, expect, it } from 'vitest';
import { solveOptimal } from '../../src/graph/solve-optimal.js';
import { solveStable } from '../../src/graph/solve-stable.js';
import type {
  Assignment,
  AssignmentViolation,
  BipartiteGraph,
  OptimalCertificate,
} from '../../src/graph/types.js';
import { blockingPairs, verifyAssignment } from '../../src/graph/verify.js';

// Each check of the verifier on its own: one tampering at a time, and the exact violation it must
// raise (code, the nodes it names, a message that names them), beside the others that may follow.

/** Two numbered tiers and a null one; x is full in the optimum, y keeps room, z has no openings. */
const graph: BipartiteGraph = {
  left: [
    { id: 'a', tier: 0 },
    { id: 'b', tier: 0 },
    { id: 'c', tier: null },
    { id: 'd', tier: 1 },
    { id: 'e', tier: 0 },
  ],
  right: [
    { id: 'x', capacity: 1 },
    { id: 'y', capacity: 4 },
    { id: 'z', capacity: 0 },
  ],
  edges: [
    { left: 'a', right: 'x', weight: 5 },
    { left: 'a', right: 'y', weight: 3 },
    { left: 'b', right: 'x', weight: 4 },
    { left: 'b', right: 'y', weight: 2 },
    { left: 'c', right: 'y', weight: 1 },
    { left: 'd', right: 'y', weight: 6 },
    { left: 'd', right: 'z', weight: 2 },
  ],
};
const optimal = solveOptimal(graph);
const cert = optimal.certificate as OptimalCertificate;
const stable = solveStable(graph);

const find = (a: Assignment, code: string): AssignmentViolation[] =>
  verifyAssignment(graph, a).violations.filter((v) => v.code === code);
const codes = (a: Assignment, g: BipartiteGraph = graph): string[] =>
  verifyAssignment(g, a).violations.map((v) => v.code);
const withCert = (c: Partial<OptimalCertificate>): Assignment => ({
  ...optimal,
  certificate: { ...cert, ...c },
});

describe('verifyAssignment, one check at a time', () => {
  it('accepts the solvers’ own assignments of the fixture (e unmatched, y with room, x full)', () => {
    expect(verifyAssignment(graph, optimal)).toEqual({ ok: true, violations: [] });
    expect(verifyAssignment(graph, stable)).toEqual({ ok: true, violations: [] });
    expect(optimal.unmatched).toContain('e');
    expect(optimal.pairs.filter((p) => p.right === 'x')).toHaveLength(1);
    expect(optimal.pairs.filter((p) => p.right === 'y').length).toBeLessThan(4);
  });

  it('a pair whose weight is misstated', () => {
    const p = optimal.pairs[0]!;
    const bad = {
      ...optimal,
      pairs: optimal.pairs.map((q) => (q === p ? { ...q, weight: q.weight + 1 } : q)),
    };
    expect(find(bad, 'weight-mismatch')).toEqual([
      {
        code: 'weight-mismatch',
        message: `'${p.left}' → '${p.right}' weighs ${p.weight}, not ${p.weight + 1}`,
        left: p.left,
        right: p.right,
      },
    ]);
  });

  it('a pair of a left that is not in the graph: not an edge and not a left, without throwing', () => {
    const bad = { ...optimal, pairs: [...optimal.pairs, { left: 'zz', right: 'x', weight: 1 }] };
    expect(find(bad, 'not-an-edge')).toEqual([
      { code: 'not-an-edge', message: "'zz' → 'x' is not an edge", left: 'zz', right: 'x' },
    ]);
    expect(find(bad, 'unknown-left')).toEqual([
      { code: 'unknown-left', message: "'zz' is not a left node", left: 'zz' },
    ]);
  });

  it('a left placed twice, and a capacity exceeded, each named', () => {
    const p = optimal.pairs[0]!;
    const bad = { ...optimal, pairs: [...optimal.pairs, p].sort((s, t) => (s.left < t.left ? -1 : 1)) };
    expect(find(bad, 'left-placed-twice')).toEqual([
      { code: 'left-placed-twice', message: `'${p.left}' is placed more than once`, left: p.left },
    ]);
    const onX = optimal.pairs.find((q) => q.right === 'x')!;
    const other = graph.edges.find((e) => e.right === 'x' && e.left !== onX.left)!;
    const over = {
      ...optimal,
      pairs: [
        ...optimal.pairs.filter((q) => q.left !== other.left),
        { left: other.left, right: 'x', weight: other.weight },
      ],
    };
    expect(find(over, 'capacity-exceeded')).toEqual([
      { code: 'capacity-exceeded', message: "'x' holds 2, capacity 1", right: 'x' },
    ]);
  });

  it('the unmatched list: an unknown id, a placed left listed, a left listed twice, a left left out', () => {
    const placed = optimal.pairs[0]!.left;
    expect(find({ ...optimal, unmatched: [...optimal.unmatched, 'zz'] }, 'unknown-left')).toEqual([
      { code: 'unknown-left', message: "'zz' is not a left node", left: 'zz' },
    ]);
    expect(find({ ...optimal, unmatched: [placed, ...optimal.unmatched] }, 'left-listed-twice')).toEqual([
      { code: 'left-listed-twice', message: `'${placed}' is listed more than once`, left: placed },
    ]);
    // The same id twice in a row is listed twice, and still in order.
    const twice = { ...optimal, unmatched: ['e', 'e'] };
    expect(codes(twice)).toContain('left-listed-twice');
    expect(codes(twice)).not.toContain('not-sorted');
    expect(find({ ...optimal, unmatched: [] }, 'left-missing')).toEqual([
      { code: 'left-missing', message: "'e' is neither placed nor unmatched", left: 'e' },
    ]);
  });

  it('pairs or unmatched out of order', () => {
    const reversed = { ...optimal, pairs: [...optimal.pairs].reverse() };
    expect(optimal.pairs.length).toBeGreaterThan(1);
    expect(find(reversed, 'not-sorted')).toEqual([
      { code: 'not-sorted', message: 'pairs and unmatched must be sorted by left id' },
    ]);
    const g2: BipartiteGraph = { ...graph, left: [...graph.left, { id: 'f', tier: 0 }] };
    const a2 = solveOptimal(g2);
    expect(a2.unmatched).toEqual(['e', 'f']);
    expect(codes({ ...a2, unmatched: ['f', 'e'] }, g2)).toEqual(['not-sorted']);
  });

  it('the total within a tolerance taken from the weights: 1e-9 of their sum', () => {
    const big: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b' }],
      right: [{ id: 'x', capacity: 2 }],
      edges: [
        { left: 'a', right: 'x', weight: 1e6 },
        { left: 'b', right: 'x', weight: 1e6 },
      ],
    };
    const a = solveOptimal(big);
    expect(a.total).toBe(2e6);
    // 2e6 × 1e-9 = 2e-3: an error of 1e-4 is rounding, one of 1e-2 is not.
    expect(codes({ ...a, total: a.total + 1e-4 }, big)).toEqual([]);
    expect(verifyAssignment(big, { ...a, total: a.total + 1e-2 }).violations).toEqual([
      { code: 'total-mismatch', message: `total is ${a.total + 1e-2}, pairs add up to ${a.total}` },
    ]);
  });

  it('the count placed per numbered tier: misstated, left out, or claimed for a tier nobody has', () => {
    const actual = optimal.placedByTier[0]!;
    expect(actual).toBeGreaterThan(0);
    expect(
      find({ ...optimal, placedByTier: { ...optimal.placedByTier, 0: actual + 1 } }, 'tier-count-mismatch'),
    ).toEqual([{ code: 'tier-count-mismatch', message: `tier 0: ${actual + 1} claimed, ${actual} placed` }]);
    const withoutZero = Object.fromEntries(Object.entries(optimal.placedByTier).filter(([k]) => k !== '0'));
    expect(find({ ...optimal, placedByTier: withoutZero }, 'tier-count-mismatch')).toEqual([
      { code: 'tier-count-mismatch', message: `tier 0: 0 claimed, ${actual} placed` },
    ]);
    expect(
      find({ ...optimal, placedByTier: { ...optimal.placedByTier, 7: 1 } }, 'tier-count-mismatch'),
    ).toEqual([{ code: 'tier-count-mismatch', message: 'tier 7: 1 claimed, 0 placed' }]);
  });

  it('a stable assignment needs its certificate, and its blocking pairs are named', () => {
    expect(verifyAssignment(graph, { ...stable, certificate: undefined }).violations).toEqual([
      { code: 'certificate-missing', message: 'a stable assignment needs its certificate' },
    ]);
    expect(
      verifyAssignment(graph, {
        ...optimal,
        mode: 'stable',
        certificate: { kind: 'stable', blockingPairs: [] },
      }).ok,
    ).toBe(verifyAssignment(graph, { ...stable }).ok && blockingPairs(graph, optimal.pairs).length === 0);
    const empty: Assignment = {
      ...stable,
      pairs: [],
      unmatched: graph.left.map((n) => n.id),
      total: 0,
      placedByTier: {},
    };
    const found = find(empty, 'blocking-pair');
    expect(found.length).toBe(blockingPairs(graph, []).length);
    expect(found[0]).toEqual({
      code: 'blocking-pair',
      message: `'${found[0]!.left!}' and '${found[0]!.right!}' would both rather be together`,
      left: found[0]!.left,
      right: found[0]!.right,
    });
  });

  it('an optimal assignment needs its duals', () => {
    expect(verifyAssignment(graph, { ...optimal, certificate: undefined }).violations).toEqual([
      { code: 'certificate-missing', message: 'an optimal assignment needs its dual certificate' },
    ]);
  });
});

describe('verifyAssignment, the dual certificate', () => {
  const T = cert.tiers.length;
  it('tiers other than the graph’s, of the same length or not, stop the check with one violation', () => {
    expect(cert.tiers).toEqual([0, 1]);
    for (const tiers of [[0, 2], [0], [0, 1, 2]]) {
      expect(verifyAssignment(graph, withCert({ tiers })).violations).toEqual([
        { code: 'dual-missing', message: `certificate tiers ${JSON.stringify(tiers)} ≠ [0,1]` },
      ]);
    }
  });

  it('a dual missing or malformed is named, and nothing else is checked (nor thrown)', () => {
    const drop = (r: Readonly<Record<string, unknown>>, id: string) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => k !== id));
    const cases: [Partial<OptimalCertificate>, 'left' | 'right', string][] = [
      [{ leftPotential: drop(cert.leftPotential, 'a') as Record<string, number> }, 'left', 'a'],
      [{ leftTierPotential: drop(cert.leftTierPotential, 'a') as Record<string, number[]> }, 'left', 'a'],
      [{ rightPotential: drop(cert.rightPotential, 'y') as Record<string, number> }, 'right', 'y'],
      [{ rightTierPotential: drop(cert.rightTierPotential, 'y') as Record<string, number[]> }, 'right', 'y'],
      [{ leftPotential: { ...cert.leftPotential, a: Number.NaN } }, 'left', 'a'],
      [{ leftPotential: { ...cert.leftPotential, a: Number.POSITIVE_INFINITY } }, 'left', 'a'],
      [{ leftPotential: { ...cert.leftPotential, a: '1' as unknown as number } }, 'left', 'a'],
      [{ leftTierPotential: { ...cert.leftTierPotential, a: 0 as unknown as number[] } }, 'left', 'a'],
      [
        { leftTierPotential: { ...cert.leftTierPotential, a: new Array<number>(T + 1).fill(0) } },
        'left',
        'a',
      ],
      [
        { rightTierPotential: { ...cert.rightTierPotential, x: [0.5, ...new Array<number>(T - 1).fill(0)] } },
        'right',
        'x',
      ],
    ];
    for (const [c, side, id] of cases) {
      expect(verifyAssignment(graph, withCert(c)).violations).toEqual([
        { code: 'dual-missing', message: `no well-formed dual for ${side} '${id}'`, [side]: id },
      ]);
    }
  });

  it('a negative dual, and a positive one where complementary slackness forbids it', () => {
    const zeros = new Array<number>(T).fill(0);
    // e is unmatched: u(e) = 0. Below zero it is negative; above, slackness fails at e.
    expect(find(withCert({ leftPotential: { ...cert.leftPotential, e: -1 } }), 'dual-negative')).toEqual([
      { code: 'dual-negative', message: "u('e') < 0", left: 'e' },
    ]);
    expect(find(withCert({ leftPotential: { ...cert.leftPotential, e: 1 } }), 'slackness-violated')).toEqual([
      { code: 'slackness-violated', message: "u('e') > 0 but it is unplaced", left: 'e' },
    ]);
    expect(cert.leftTierPotential['e']).toEqual(zeros);
    // y has room: v(y) = 0. z has no openings and no placement.
    expect(
      find(withCert({ rightPotential: { ...cert.rightPotential, y: 1 } }), 'slackness-violated'),
    ).toContainEqual({
      code: 'slackness-violated',
      message: "v('y') > 0 but it has room",
      right: 'y',
    });
    expect(find(withCert({ rightPotential: { ...cert.rightPotential, y: -1 } }), 'dual-negative')).toEqual([
      { code: 'dual-negative', message: "v('y') < 0", right: 'y' },
    ]);
  });

  it('an edge whose duals fall short of its value, and a used edge whose duals exceed it', () => {
    const held = optimal.pairs.find((p) => p.left === 'a')!;
    // Raising u(a) leaves a's own edge slack: slackness fails on it.
    const raised = find(
      withCert({ leftPotential: { ...cert.leftPotential, a: cert.leftPotential['a']! + 1 } }),
      'slackness-violated',
    );
    expect(raised).toContainEqual({
      code: 'slackness-violated',
      message: `'a' → '${held.right}' is used but u + v exceeds its value`,
      left: 'a',
      right: held.right,
    });
    // Lowering it makes that edge infeasible.
    expect(
      find(
        withCert({ leftPotential: { ...cert.leftPotential, a: cert.leftPotential['a']! - 1 } }),
        'dual-infeasible',
      ),
    ).toContainEqual({
      code: 'dual-infeasible',
      message: `u('a') + v('${held.right}') < value of the edge`,
      left: 'a',
      right: held.right,
    });
  });

  it('slack within the tolerance at every node passes; the duality gap sums those tolerances', () => {
    // Every placed edge loosened by a tenth of the tolerance (1e-9 × the largest weight, 6), on
    // many lefts: each node is within its tolerance, and so is the sum.
    const n = 40;
    const wide: BipartiteGraph = {
      left: Array.from({ length: n }, (_, i) => ({ id: `l${String(i).padStart(2, '0')}` })),
      right: [{ id: 'r', capacity: n }],
      edges: Array.from({ length: n }, (_, i) => ({
        left: `l${String(i).padStart(2, '0')}`,
        right: 'r',
        weight: 6,
      })),
    };
    const a = solveOptimal(wide);
    const c = a.certificate as OptimalCertificate;
    const loose = Object.fromEntries(Object.entries(c.leftPotential).map(([k, x]) => [k, x + 0.6e-9 * 6]));
    expect(verifyAssignment(wide, { ...a, certificate: { ...c, leftPotential: loose } })).toEqual({
      ok: true,
      violations: [],
    });
  });
});

describe('blockingPairs', () => {
  it('a left without a tier ranks as tier 0, before tier 1 whatever the weights', () => {
    const g: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b', tier: 1 }],
      right: [{ id: 'x', capacity: 1 }],
      edges: [
        { left: 'a', right: 'x', weight: 1 },
        { left: 'b', right: 'x', weight: 5 },
      ],
    };
    expect(blockingPairs(g, [{ left: 'b', right: 'x', weight: 5 }])).toEqual([{ left: 'a', right: 'x' }]);
    expect(blockingPairs(g, [{ left: 'a', right: 'x', weight: 1 }])).toEqual([]);
  });

  it('reads a left’s first pair only, takes an unknown left’s weight as given, and sorts what it finds', () => {
    const g: BipartiteGraph = {
      left: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      right: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { left: 'c', right: 'y', weight: 1 },
        { left: 'b', right: 'y', weight: 1 },
        { left: 'a', right: 'y', weight: 1 },
        { left: 'c', right: 'x', weight: 1 },
        { left: 'a', right: 'x', weight: 3 },
      ],
    };
    // a's first pair (y) counts, not its second (x): a would rather have x, which has room.
    expect(
      blockingPairs(g, [
        { left: 'a', right: 'y', weight: 1 },
        { left: 'a', right: 'x', weight: 3 },
      ]),
    ).toEqual([
      { left: 'a', right: 'x' },
      { left: 'c', right: 'x' },
    ]);
    // Nobody placed: every edge blocks, sorted by left then right.
    expect(blockingPairs(g, [])).toEqual([
      { left: 'a', right: 'x' },
      { left: 'a', right: 'y' },
      { left: 'b', right: 'y' },
      { left: 'c', right: 'x' },
      { left: 'c', right: 'y' },
    ]);
    // A pair of a left the graph does not have fills its right without throwing.
    expect(blockingPairs(g, [{ left: 'q', right: 'x', weight: 9 }])).toEqual([
      { left: 'a', right: 'y' },
      { left: 'b', right: 'y' },
      { left: 'c', right: 'y' },
    ]);
  });
});
