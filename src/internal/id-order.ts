/**
 * The order of a compiled index's labourers and posts by id (code units): the node order of every
 * graph the planner builds, so plans do not depend on the order of the input arrays.
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';

/** The order of labourers and posts by id: the graph's node order. */
export interface IdOrder {
  /** Labourer positions by id ascending, and each labourer's place in that order. */
  readonly labourerByRank: Int32Array;
  readonly labourerRank: Int32Array;
  /** Post positions by id ascending (`index.postIdRank` is the inverse). */
  readonly postByRank: Int32Array;
  /**
   * Each labourer's place in the order the walks take labourers in: origin county by code, then
   * mobility class, then id. A county's labourers come together (its buckets are built once), and
   * the order does not depend on the order of the input arrays, so neither does any step that
   * depends on the order labourers are taken in.
   */
  readonly walkRank: Int32Array;
  /** Labourer positions in walk order (the inverse of `walkRank`). */
  readonly labourerByWalk: Int32Array;
}

/**
 * Labourers in walk order (see {@link IdOrder.walkRank}).
 *
 * @param index - The compiled index.
 * @param list - Labourer positions.
 * @returns A new array of them in walk order.
 */
export function inWalkOrder(index: CompiledIndex, list: ArrayLike<number>): number[] {
  const { walkRank, labourerByWalk } = idOrderOf(index);
  const ranks = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) ranks[i] = walkRank[list[i]!]!;
  ranks.sort();
  const out = new Array<number>(ranks.length);
  for (let i = 0; i < ranks.length; i++) out[i] = labourerByWalk[ranks[i]!]!;
  return out;
}

const idOrders = new WeakMap<CompiledIndex, IdOrder>();

/** The order of labourers and posts by id (code units), once per index. */
export function idOrderOf(index: CompiledIndex): IdOrder {
  let o = idOrders.get(index);
  if (o !== undefined) return o;
  const W = index.labourerCount;
  const ids = index.labourerIds;
  const byRank = Array.from({ length: W }, (_, w) => w).sort((a, b) =>
    ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
  );
  const labourerByRank = Int32Array.from(byRank);
  const labourerRank = new Int32Array(W);
  for (let i = 0; i < W; i++) labourerRank[labourerByRank[i]!] = i;
  const postByRank = new Int32Array(index.postCount);
  for (let p = 0; p < index.postCount; p++) postByRank[index.postIdRank[p]!] = p;
  const counties = index.counties;
  const countyRank = new Int32Array(counties.length);
  Array.from({ length: counties.length }, (_, c) => c)
    .sort((a, b) => (counties[a]! < counties[b]! ? -1 : counties[a]! > counties[b]! ? 1 : 0))
    .forEach((c, k) => (countyRank[c] = k));
  const walk = Array.from(labourerByRank).sort(
    (a, b) =>
      countyRank[index.labourerCounty[a]!]! - countyRank[index.labourerCounty[b]!]! ||
      index.labourerScope[a]! - index.labourerScope[b]! ||
      labourerRank[a]! - labourerRank[b]!,
  );
  const walkRank = new Int32Array(W);
  walk.forEach((w, k) => (walkRank[w] = k));
  o = { labourerByRank, labourerRank, postByRank, walkRank, labourerByWalk: Int32Array.from(walk) };
  idOrders.set(index, o);
  return o;
}
