/**
 * A dual certificate's records by id, from duals kept by position in typed arrays: the one way both
 * the graph solver and the cohort planner write `OptimalCertificate`'s potentials.
 *
 * @module
 */

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
