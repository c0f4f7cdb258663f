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
  readonly workerByRank: Int32Array;
  readonly workerRank: Int32Array;
  /** Post positions by id ascending (`index.postIdRank` is the inverse). */
  readonly postByRank: Int32Array;
}

const idOrders = new WeakMap<CompiledIndex, IdOrder>();

/** The order of labourers and posts by id (code units), once per index. */
export function idOrderOf(index: CompiledIndex): IdOrder {
  let o = idOrders.get(index);
  if (o !== undefined) return o;
  const W = index.workerCount;
  const ids = index.workerIds;
  const byRank = Array.from({ length: W }, (_, w) => w).sort((a, b) =>
    ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
  );
  const workerByRank = Int32Array.from(byRank);
  const workerRank = new Int32Array(W);
  for (let i = 0; i < W; i++) workerRank[workerByRank[i]!] = i;
  const postByRank = new Int32Array(index.postCount);
  for (let p = 0; p < index.postCount; p++) postByRank[index.postIdRank[p]!] = p;
  o = { workerByRank, workerRank, postByRank };
  idOrders.set(index, o);
  return o;
}
