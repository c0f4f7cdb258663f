/**
 * A dual certificate's records by id, from duals kept by position in typed arrays: the one way both
 * the graph solver and the cohort planner write an {@link OptimalCertificate}.
 *
 * @module
 */
import type { OptimalCertificate } from '../types.js';

/** Sets `o[id] = v` as an own data property whatever the id (an id `__proto__` must not set a prototype). */
export function putOwn<V>(o: Record<string, V>, id: string, v: V): void {
  if (id === '__proto__')
    Object.defineProperty(o, id, { value: v, enumerable: true, writable: true, configurable: true });
  else o[id] = v;
}

/** The potentials of one side of a certificate, by id. */
export interface DualRecords {
  readonly potential: Record<string, number>;
  readonly tierPotential: Record<string, readonly number[]>;
}

/**
 * The records of one side: for each position `p` in `order` (every position when omitted) but those
 * `skip` marks, `potential[ids[p]] = weight[p]` and `tierPotential[ids[p]]` the `T` numbers at
 * `tier[p·T…]`, −0 written as 0. Equal tier parts share one frozen array (`shared`, across both
 * sides), which keeps a certificate of 10^5 nodes from allocating 10^5 small arrays.
 */
export function dualRecords(
  T: number,
  ids: readonly string[],
  tier: Float64Array,
  weight: Float64Array,
  shared: Map<string, readonly number[]>,
  order?: ArrayLike<number>,
  skip?: Uint8Array,
): DualRecords {
  const potential: Record<string, number> = {};
  const tierPotential: Record<string, readonly number[]> = {};
  const n = order === undefined ? ids.length : order.length;
  for (let i = 0; i < n; i++) {
    const p = order === undefined ? i : order[i]!;
    if (skip?.[p] === 1) continue;
    const sub = tier.subarray(p * T, p * T + T);
    // (−0 joins as "0": one key for both signs.)
    const key = Array.prototype.join.call(sub, ',');
    let part = shared.get(key);
    if (part === undefined) shared.set(key, (part = Object.freeze(Array.from(sub, (x) => x + 0))));
    putOwn(potential, ids[p]!, weight[p]! + 0);
    putOwn(tierPotential, ids[p]!, part);
  }
  return { potential, tierPotential };
}

/** One side of a certificate's duals by position, for {@link dualCertificate}. */
export interface DualSide {
  readonly ids: readonly string[];
  /** `T` numbers per position. */
  readonly tier: Float64Array;
  readonly weight: Float64Array;
  /** Positions in the order their records are written (every position when omitted). */
  readonly order?: ArrayLike<number> | undefined;
  /** 1 for each position left out. */
  readonly skip?: Uint8Array | undefined;
}

/** The certificate of duals by position, its tier parts shared across both sides (see {@link dualRecords}). */
export function dualCertificate(
  tiers: readonly number[],
  T: number,
  left: DualSide,
  right: DualSide,
): OptimalCertificate {
  const shared = new Map<string, readonly number[]>();
  const l = dualRecords(T, left.ids, left.tier, left.weight, shared, left.order, left.skip);
  const r = dualRecords(T, right.ids, right.tier, right.weight, shared, right.order, right.skip);
  return {
    kind: 'duals',
    tiers,
    leftPotential: l.potential,
    rightPotential: r.potential,
    leftTierPotential: l.tierPotential,
    rightTierPotential: r.tierPotential,
  };
}
