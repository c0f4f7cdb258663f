/**
 * Independent checks of an assignment against its graph, trusting nothing the solver says.
 *
 * @module
 */
import { compareIds } from '../compare.js';
import type {
  AssignedPair,
  Assignment,
  AssignmentVerdict,
  AssignmentViolation,
  BipartiteGraph,
  BlockingPair,
  OptimalCertificate,
} from './types.js';
import { isTypedGraph, toObjectGraph, validateTypedGraph, type AnyBipartiteGraph } from './typed.js';
import { validateGraph } from './validate.js';

/** Relative tolerance of the floating-point (weight) comparisons. */
const TOLERANCE = 1e-9;

/** A left node's tier for ordering: `undefined` is 0, `null` comes after every numbered tier. */
const rankOf = (tier: number | null | undefined): number =>
  tier === undefined ? 0 : tier === null ? Number.POSITIVE_INFINITY : tier;

/** Edge weights by left id, then right id. */
type WeightIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

function weightIndex(graph: BipartiteGraph): WeightIndex {
  const index = new Map<string, Map<string, number>>();
  for (const e of graph.edges) {
    let row = index.get(e.left);
    if (row === undefined) index.set(e.left, (row = new Map()));
    row.set(e.right, e.weight);
  }
  return index;
}

/**
 * Finds the pairs that block an assignment: an edge (l, r) not in it such that l would rather have r
 * (l is unplaced, or r's edge weighs more than l's, ties by smaller right id) and r would take l (r has
 * room, or r prefers l to the least preferred left it holds: smaller tier, then larger weight, then
 * smaller left id; a `null` tier after every numbered one). These are the preferences `solveStable` uses.
 *
 * @param graph - A valid bipartite graph, as objects or typed arrays (refused otherwise; a typed one is
 *   checked in object form).
 * @param pairs - Placements to check; a left id's first pair counts, weights are read from the graph.
 * @returns The blocking pairs, sorted by left id then right id; empty when the assignment is stable.
 * @throws BangfuValidationError when the graph is malformed.
 * @example
 * blockingPairs(
 *   { left: [{ id: 'a' }], right: [{ id: 'x', capacity: 1 }], edges: [{ left: 'a', right: 'x', weight: 1 }] },
 *   [],
 * )
 * //=> [{ left: 'a', right: 'x' }]
 *
 * Complexity: O(E + P) expected time for P pairs.
 */
export function blockingPairs(graph: AnyBipartiteGraph, pairs: readonly AssignedPair[]): BlockingPair[] {
  const g = objectGraph(graph);
  return findBlockingPairs(g, pairs, weightIndex(g));
}

/** The object form of a graph of either form, validated. */
function objectGraph(graph: AnyBipartiteGraph): BipartiteGraph {
  if (isTypedGraph(graph)) {
    validateTypedGraph(graph);
    return toObjectGraph(graph);
  }
  validateGraph(graph);
  return graph;
}

function findBlockingPairs(
  graph: BipartiteGraph,
  pairs: readonly AssignedPair[],
  weights: WeightIndex,
): BlockingPair[] {
  const tier = new Map(graph.left.map((n) => [n.id, rankOf(n.tier)]));
  const capacity = new Map(graph.right.map((n) => [n.id, n.capacity]));
  const current = new Map<string, { right: string; weight: number }>();
  const held = new Map<string, { left: string; tier: number; weight: number }[]>();
  for (const p of pairs) {
    if (current.has(p.left)) continue;
    const w = weights.get(p.left)?.get(p.right) ?? p.weight;
    current.set(p.left, { right: p.right, weight: w });
    const list = held.get(p.right) ?? [];
    list.push({ left: p.left, tier: tier.get(p.left) ?? 0, weight: w });
    held.set(p.right, list);
  }
  // r prefers a to b when a comes first by (tier, −weight, left id).
  const rightPrefers = (
    a: { left: string; tier: number; weight: number },
    b: { left: string; tier: number; weight: number },
  ): boolean =>
    a.tier < b.tier ||
    (a.tier === b.tier && (a.weight > b.weight || (a.weight === b.weight && a.left < b.left)));
  const worst = new Map<string, { left: string; tier: number; weight: number }>();
  for (const [right, list] of held) {
    let w = list[0]!;
    for (const x of list) if (rightPrefers(w, x)) w = x;
    worst.set(right, w);
  }

  const out: BlockingPair[] = [];
  for (const e of graph.edges) {
    const cur = current.get(e.left);
    if (cur !== undefined) {
      if (cur.right === e.right) continue;
      const leftWants = e.weight > cur.weight || (e.weight === cur.weight && e.right < cur.right);
      if (!leftWants) continue;
    }
    const room = (held.get(e.right)?.length ?? 0) < (capacity.get(e.right) ?? 0);
    const w = worst.get(e.right);
    const me = { left: e.left, tier: tier.get(e.left) ?? 0, weight: e.weight };
    if (room || (w !== undefined && rightPrefers(me, w))) out.push({ left: e.left, right: e.right });
  }
  return out.sort((a, b) => compareIds(a.left, b.left) || compareIds(a.right, b.right));
}

/**
 * Checks an assignment against its graph without trusting the solver: every pair is an edge with that
 * weight, no left node is placed twice, no right node is over capacity, every left node is either
 * placed or listed unmatched exactly once, both lists are sorted, `total` and `placedByTier` (numbered
 * tiers only) add up.
 * For `optimal`, the dual certificate must be feasible, satisfy complementary slackness and close the
 * duality gap (so the assignment is optimal); for `stable`, blocking pairs are recomputed from the graph
 * and there must be none. Weights and duals are compared within 1e-9 × the largest |weight| (at least
 * 1e-9), a tolerance taken from the weights alone, never from the duals: a huge dual cannot hide a
 * violated constraint.
 *
 * @param input - A valid bipartite graph, as objects or typed arrays (refused otherwise; a typed one is
 *   checked in object form, an object per edge).
 * @param assignment - The assignment to check, from any source.
 * @returns `{ ok, violations }`, `ok` exactly when there are no violations.
 * @throws BangfuValidationError when the graph is malformed.
 * @example
 * const g = { left: [{ id: 'a' }], right: [{ id: 'x', capacity: 1 }], edges: [{ left: 'a', right: 'x', weight: 2 }] };
 * verifyAssignment(g, solveOptimal(g)).ok
 * //=> true
 *
 * Complexity: O((L + R)·T + E + P) expected time for T tiers and P pairs.
 */
export function verifyAssignment(input: AnyBipartiteGraph, assignment: Assignment): AssignmentVerdict {
  const graph = objectGraph(input);
  const violations: AssignmentViolation[] = [];
  const tierOf = new Map(graph.left.map((n) => [n.id, n.tier === undefined ? 0 : n.tier]));
  const capacity = new Map(graph.right.map((n) => [n.id, n.capacity]));
  const weights = weightIndex(graph);
  const maxAbsWeight = graph.edges.reduce((m, e) => Math.max(m, Math.abs(e.weight)), 0);

  // Structure.
  const placedOn = new Map<string, string>();
  const load = new Map<string, number>();
  let sum = 0;
  let sumAbs = 0;
  const counts = new Map<number, number>();
  for (const p of assignment.pairs) {
    const w = weights.get(p.left)?.get(p.right);
    if (w === undefined) {
      violations.push({
        code: 'not-an-edge',
        message: `'${p.left}' → '${p.right}' is not an edge`,
        left: p.left,
        right: p.right,
      });
    } else if (w !== p.weight) {
      violations.push({
        code: 'weight-mismatch',
        message: `'${p.left}' → '${p.right}' weighs ${w}, not ${p.weight}`,
        left: p.left,
        right: p.right,
      });
    }
    if (!tierOf.has(p.left)) {
      violations.push({ code: 'unknown-left', message: `'${p.left}' is not a left node`, left: p.left });
    }
    if (placedOn.has(p.left)) {
      violations.push({
        code: 'left-placed-twice',
        message: `'${p.left}' is placed more than once`,
        left: p.left,
      });
      continue;
    }
    placedOn.set(p.left, p.right);
    load.set(p.right, (load.get(p.right) ?? 0) + 1);
    sum += p.weight;
    sumAbs += Math.abs(p.weight);
    const t = tierOf.get(p.left);
    if (typeof t === 'number') counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  for (const [right, n] of load) {
    const cap = capacity.get(right) ?? 0;
    if (n > cap) {
      violations.push({
        code: 'capacity-exceeded',
        message: `'${right}' holds ${n}, capacity ${cap}`,
        right,
      });
    }
  }
  const listed = new Set<string>();
  for (const id of assignment.unmatched) {
    if (!tierOf.has(id)) {
      violations.push({ code: 'unknown-left', message: `'${id}' is not a left node`, left: id });
    } else if (placedOn.has(id) || listed.has(id)) {
      violations.push({ code: 'left-listed-twice', message: `'${id}' is listed more than once`, left: id });
    }
    listed.add(id);
  }
  for (const n of graph.left) {
    if (!placedOn.has(n.id) && !listed.has(n.id)) {
      violations.push({
        code: 'left-missing',
        message: `'${n.id}' is neither placed nor unmatched`,
        left: n.id,
      });
    }
  }
  const sortedBy = <T>(xs: readonly T[], key: (x: T) => string): boolean =>
    xs.every((x, i) => i === 0 || compareIds(key(xs[i - 1]!), key(x)) <= 0);
  if (!sortedBy(assignment.pairs, (p) => p.left) || !sortedBy(assignment.unmatched, (id) => id)) {
    violations.push({ code: 'not-sorted', message: 'pairs and unmatched must be sorted by left id' });
  }
  if (Math.abs(assignment.total - sum) > TOLERANCE * Math.max(1, sumAbs)) {
    violations.push({
      code: 'total-mismatch',
      message: `total is ${assignment.total}, pairs add up to ${sum}`,
    });
  }
  const tiers = [...new Set(tierOf.values())].filter((t): t is number => t !== null).sort((a, b) => a - b);
  for (const t of new Set([...tiers, ...Object.keys(assignment.placedByTier).map(Number)])) {
    const claimed = assignment.placedByTier[t] ?? 0;
    const actual = counts.get(t) ?? 0;
    if (claimed !== actual) {
      violations.push({
        code: 'tier-count-mismatch',
        message: `tier ${t}: ${claimed} claimed, ${actual} placed`,
      });
    }
  }

  // Certificate.
  if (assignment.mode === 'optimal') {
    const cert = assignment.certificate;
    if (cert?.kind !== 'duals') {
      violations.push({
        code: 'certificate-missing',
        message: 'an optimal assignment needs its dual certificate',
      });
    } else {
      checkDuals(graph, cert, tiers, placedOn, load, counts, sum, maxAbsWeight, violations);
    }
  } else if (assignment.mode === 'stable') {
    if (assignment.certificate?.kind !== 'stable') {
      violations.push({ code: 'certificate-missing', message: 'a stable assignment needs its certificate' });
    }
    for (const b of findBlockingPairs(graph, assignment.pairs, weights)) {
      violations.push({
        code: 'blocking-pair',
        message: `'${b.left}' and '${b.right}' would both rather be together`,
        left: b.left,
        right: b.right,
      });
    }
  }
  return { ok: violations.length === 0, violations };
}

/** A dual value as one vector: placement part per tier, then weight. */
type Vec = readonly number[];

/** Sign of a vector, lexicographically, with the weight part compared within `tol`. */
function sign(v: Vec, tol: number): -1 | 0 | 1 {
  for (let k = 0; k < v.length - 1; k++) if (v[k] !== 0) return v[k]! > 0 ? 1 : -1;
  const w = v[v.length - 1]!;
  return w > tol ? 1 : w < -tol ? -1 : 0;
}

function checkDuals(
  graph: BipartiteGraph,
  cert: OptimalCertificate,
  tiers: readonly number[],
  placedOn: ReadonlyMap<string, string>,
  load: ReadonlyMap<string, number>,
  counts: ReadonlyMap<number, number>,
  total: number,
  maxAbsWeight: number,
  violations: AssignmentViolation[],
): void {
  const T = tiers.length;
  const sameTiers = cert.tiers.length === T && cert.tiers.every((t, i) => t === tiers[i]);
  const read = (
    part: Readonly<Record<string, number>>,
    tierPart: Readonly<Record<string, readonly number[]>>,
    id: string,
  ): Vec | undefined => {
    if (!Object.hasOwn(part, id) || !Object.hasOwn(tierPart, id)) return undefined;
    const w = part[id];
    const t = tierPart[id];
    if (typeof w !== 'number' || !Number.isFinite(w) || !Array.isArray(t) || t.length !== T) return undefined;
    if (!t.every((x) => Number.isInteger(x))) return undefined;
    return [...t, w];
  };
  const u = new Map<string, Vec>();
  const v = new Map<string, Vec>();
  // Tolerances come from the weights alone: a dual however large must not widen them, or a huge
  // dual on a right without room would let a worse assignment pass as optimal.
  const scale = Math.max(1, maxAbsWeight);
  const missing = (id: string, side: 'left' | 'right'): void => {
    violations.push({
      code: 'dual-missing',
      message: `no well-formed dual for ${side} '${id}'`,
      ...(side === 'left' ? { left: id } : { right: id }),
    });
  };
  if (!sameTiers) {
    violations.push({
      code: 'dual-missing',
      message: `certificate tiers ${JSON.stringify(cert.tiers)} ≠ ${JSON.stringify(tiers)}`,
    });
    return;
  }
  for (const n of graph.left) {
    const x = read(cert.leftPotential, cert.leftTierPotential, n.id);
    if (x === undefined) missing(n.id, 'left');
    else u.set(n.id, x);
  }
  for (const n of graph.right) {
    const x = read(cert.rightPotential, cert.rightTierPotential, n.id);
    if (x === undefined) missing(n.id, 'right');
    else v.set(n.id, x);
  }
  if (u.size !== graph.left.length || v.size !== graph.right.length) return;
  const tol = TOLERANCE * scale;
  const tierIndex = new Map(tiers.map((t, i) => [t, i]));
  const capacity = new Map(graph.right.map((n) => [n.id, n.capacity]));
  const leftTier = new Map(graph.left.map((n) => [n.id, n.tier === undefined ? 0 : n.tier]));

  // Non-negativity and complementary slackness at the nodes.
  for (const n of graph.left) {
    const s = sign(u.get(n.id)!, tol);
    if (s < 0) violations.push({ code: 'dual-negative', message: `u('${n.id}') < 0`, left: n.id });
    if (s > 0 && !placedOn.has(n.id)) {
      violations.push({
        code: 'slackness-violated',
        message: `u('${n.id}') > 0 but it is unplaced`,
        left: n.id,
      });
    }
  }
  for (const n of graph.right) {
    const s = sign(v.get(n.id)!, tol);
    if (s < 0) violations.push({ code: 'dual-negative', message: `v('${n.id}') < 0`, right: n.id });
    if (s > 0 && (load.get(n.id) ?? 0) < n.capacity) {
      violations.push({
        code: 'slackness-violated',
        message: `v('${n.id}') > 0 but it has room`,
        right: n.id,
      });
    }
  }
  // Edge feasibility u_l + v_r ≥ w'_e, with equality on placed edges.
  for (const e of graph.edges) {
    const ul = u.get(e.left)!;
    const vr = v.get(e.right)!;
    const slack = ul.map((x, k) => x + vr[k]!);
    const t = leftTier.get(e.left);
    if (typeof t === 'number') slack[tierIndex.get(t)!]! -= 1;
    slack[T]! -= e.weight;
    const s = sign(slack, tol);
    if (s < 0) {
      violations.push({
        code: 'dual-infeasible',
        message: `u('${e.left}') + v('${e.right}') < value of the edge`,
        left: e.left,
        right: e.right,
      });
    } else if (s > 0 && placedOn.get(e.left) === e.right) {
      violations.push({
        code: 'slackness-violated',
        message: `'${e.left}' → '${e.right}' is used but u + v exceeds its value`,
        left: e.left,
        right: e.right,
      });
    }
  }
  // Duality gap: Σu + Σ capacity·v must equal the value of the assignment.
  const dual = new Array<number>(T + 1).fill(0);
  for (const x of u.values()) x.forEach((y, k) => (dual[k]! += y));
  for (const [id, x] of v) {
    const c = capacity.get(id)!;
    x.forEach((y, k) => (dual[k]! += c * y));
  }
  const gap = dual.map((y, k) => y - (k < T ? (counts.get(tiers[k]!) ?? 0) : total));
  // A sum over every node: one weight's tolerance per node and one more.
  if (sign(gap, tol * (1 + graph.left.length + graph.right.length)) !== 0) {
    violations.push({
      code: 'duality-gap',
      message: `dual objective ${JSON.stringify(dual)} ≠ primal ${JSON.stringify(gap.map((g, k) => dual[k]! - g))}`,
    });
  }
}
