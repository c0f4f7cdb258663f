/**
 * Groups in a plan of any size: the options of each group (an employer, site or post where every
 * member has a candidate post and the openings can take them all), and how each plan mode places
 * groups whole or not at all.
 *
 * @module
 */
import { compareIds } from '../compare.js';
import type { CompiledIndex } from '../compile.js';
import type { CompiledGraph } from '../graph/internal/compile.js';
import { solveOptimalTyped } from '../graph/solve-optimal.js';
import type {
  GroupFailure,
  GroupOutcome,
  GroupRule,
  GroupSearch,
  PlacementGroup,
  PlanObjective,
} from '../plan.js';
import type { Dataset, PostId, LabourerId } from '../types.js';
import { siteKey } from './context.js';
import { idOrderOf } from './id-order.js';
import type { CorePlacement, PairLists, Shape } from './optimal-core.js';
import { listBytes } from './candidate-lists.js';
import type { Planner, StageProgress } from './planner.js';
import type { PlanDuals } from './pricing.js';

/** Groups up to this size whose favourite posts collide are placed by a small exact search. */
const SEARCH_MEMBERS = 8;
/** The search gives way to an exact assignment beyond this many steps. */
const SEARCH_NODES = 100_000;

/** A place where a whole group can go, and how its members would fill it. */
export interface TypedOption {
  /** The employer, site key or post id. */
  readonly key: string;
  /** Each member's candidate pairs at the option (by member, in the group's member order). */
  readonly pairs: OptionPairs;
  /** The members' best placement there on their own (post per member), and its weight. */
  readonly posts: Int32Array;
  readonly scores: Float64Array;
  readonly weights: Float64Array;
  readonly bonuses: Float64Array;
  readonly value: number;
}

/**
 * The members' candidate pairs at one option, without copying them: member i's are the positions
 * `at[start[i]]…at[start[i + 1] − 1]` of its own list `lists[i]` (by post id rank).
 */
export interface OptionPairs {
  readonly lists: readonly PairLists[];
  readonly start: Int32Array;
  readonly at: Int32Array;
}

/** Member i's pairs at an option, as a list of their own. */
export function memberPairs(o: OptionPairs, i: number): PairLists {
  const l = o.lists[i]!;
  const ks = o.at.subarray(o.start[i]!, o.start[i + 1]!);
  return {
    offsets: Int32Array.of(0, ks.length),
    posts: Int32Array.from(ks, (k) => l.posts[k]!),
    scores: Float64Array.from(ks, (k) => l.scores[k]!),
    ...(l.weights === undefined ? {} : { weights: Float64Array.from(ks, (k) => l.weights![k]!) }),
    ...(l.bonuses === undefined ? {} : { bonuses: Float64Array.from(ks, (k) => l.bonuses![k]!) }),
  };
}

/** A group with its members' positions, sorted by id as the group's members are. */
export interface TypedGroup {
  readonly group: PlacementGroup;
  readonly members: Int32Array;
}

/** The keys of the posts under one group rule, numbered in key order, with scratch for counting. */
interface KeyTable {
  /** Each post's key (by position): employer id, site key or post id. */
  readonly keys: readonly string[];
  /** Each post's key number; numbers follow the keys' order. */
  readonly ids: Int32Array;
  /** Scratch per key number, all zero between uses. */
  readonly count: Int32Array;
  readonly seen: Int32Array;
}

const keyCache = new WeakMap<Dataset, Map<GroupRule, KeyTable>>();

/** The key table of a rule (cached per dataset). */
function keyTable(dataset: Dataset, rule: GroupRule): KeyTable {
  let byRule = keyCache.get(dataset);
  if (byRule === undefined) keyCache.set(dataset, (byRule = new Map()));
  let table = byRule.get(rule);
  if (table === undefined) {
    const keys = dataset.posts.map((p) =>
      rule === 'same-employer' ? p.employer : rule === 'same-site' ? siteKey(p.site) : p.id,
    );
    const names = [...new Set(keys)].sort(compareIds);
    const number = new Map(names.map((k, i) => [k, i]));
    table = {
      keys,
      ids: Int32Array.from(keys, (k) => number.get(k)!),
      count: new Int32Array(names.length),
      seen: new Int32Array(names.length),
    };
    byRule.set(rule, table);
  }
  return table;
}

/** The key of each post (by position) under a rule: employer id, site key or post id. */
function keysOf(dataset: Dataset, rule: GroupRule): readonly string[] {
  return keyTable(dataset, rule).keys;
}

/** The groups' members as positions in the index. */
export function typedGroups(index: CompiledIndex, groups: readonly PlacementGroup[]): TypedGroup[] {
  const position = new Map(index.labourerIds.map((id, w) => [id, w]));
  return groups.map((group) => ({ group, members: Int32Array.from(group.members, (m) => position.get(m)!) }));
}

/**
 * Members placed at an option: a post per member, with its score, weight and bonus. The option
 * searches write into one of these per group and copy it only for the options they keep.
 */
interface Placed {
  readonly posts: Int32Array;
  readonly scores: Float64Array;
  readonly weights: Float64Array;
  readonly bonuses: Float64Array;
}

/** Room for a placement of m members. */
function placedOf(m: number): Placed {
  return {
    posts: new Int32Array(m),
    scores: new Float64Array(m),
    weights: new Float64Array(m),
    bonuses: new Float64Array(m),
  };
}

/** An option kept: its key and pairs with a copy of the placement written into `into`. */
function keptOption(key: string, pairs: OptionPairs, into: Placed, value: number): TypedOption {
  return {
    key,
    pairs,
    posts: into.posts.slice(),
    scores: into.scores.slice(),
    weights: into.weights.slice(),
    bonuses: into.bonuses.slice(),
    value,
  };
}

/** Per index, a mark per post (by stamp) for counting an option's openings. */
const postMarks = new WeakMap<CompiledIndex, { mark: Int32Array; stamp: number }>();

/**
 * The best placement of a few members on the posts of one option with `capacity` openings each
 * (every member placed), written into `into`: each member at its best post when the openings
 * allow, else an exact assignment. Returns its total weight, or `NaN` if the members do not all fit
 * (`into` then holds nothing of use).
 *
 * With `need`, a placement worth no more than `need` is of no use to the caller: when the members'
 * favourites collide and even their sum is at most `need`, only whether they fit is worked out
 * (`need` is returned if they do, `into` then holding nothing of use) instead of the best placement.
 */
function placeMembers(
  index: CompiledIndex,
  table: OptionPairs,
  base: number,
  capacity: (p: number) => number,
  into: Placed,
  need = Number.NEGATIVE_INFINITY,
): number {
  const m = table.lists.length;
  // The option's member i has the pairs at `at[start[base + i]] … at[start[base + i + 1] − 1]`.
  const { lists, start, at } = table;
  // Members cannot all fit where the option's posts have fewer openings between them than members
  // (a group of four at a post with three openings, say): no search needed.
  let marks = postMarks.get(index);
  if (marks === undefined)
    postMarks.set(index, (marks = { mark: new Int32Array(index.postCount), stamp: 0 }));
  const mark = marks.mark;
  const stamp = ++marks.stamp;
  let room = 0;
  for (let i = 0; i < m && room < m; i++) {
    const l = lists[i]!;
    for (let j = start[base + i]!; j < start[base + i + 1]! && room < m; j++) {
      const p = l.posts[at[j]!]!;
      if (mark[p] === stamp) continue;
      mark[p] = stamp;
      room += Math.max(0, capacity(p));
    }
  }
  if (room < m) return Number.NaN;
  const { posts, scores, weights, bonuses } = into;
  let fits = true;
  for (let i = 0; i < m; i++) {
    const l = lists[i]!;
    const wt = l.weights ?? l.scores;
    let best = -1;
    for (let j = start[base + i]!; j < start[base + i + 1]!; j++) {
      const k = at[j]!;
      const p = l.posts[k]!;
      if (capacity(p) <= 0) continue;
      if (
        best < 0 ||
        wt[k]! > wt[best]! ||
        (wt[k] === wt[best] && index.postIdRank[p]! < index.postIdRank[l.posts[best]!]!)
      )
        best = k;
    }
    if (best < 0) return Number.NaN;
    posts[i] = l.posts[best]!;
    scores[i] = l.scores[best]!;
    weights[i] = wt[best]!;
    bonuses[i] = l.bonuses?.[best] ?? 0;
    let n = 0;
    for (let j = 0; j <= i; j++) if (posts[j] === posts[i]) n++;
    if (n > capacity(posts[i]!)) fits = false;
  }
  let value = 0;
  for (let i = 0; i < m; i++) value += weights[i]!;
  if (fits) return value;
  const option = { lists, start: start.subarray(base, base + m + 1), at };
  // Each member at its favourite bounds every placement: one that cannot beat `need` is only fitted.
  if (value <= need) return membersFit(option, capacity) ? need : Number.NaN;
  return placeColliding(index, option, capacity, into);
}

/**
 * Whether every member of an option can have a post of its own there, the openings `capacity`
 * allow: a matching of the members into the posts found by augmenting paths.
 *
 * Complexity: O(m · E) for m members with E pairs at the option between them.
 */
function membersFit(option: OptionPairs, capacity: (p: number) => number): boolean {
  const m = option.lists.length;
  const holders = new Map<number, number[]>();
  const seen = new Set<number>();
  const place = (i: number): boolean => {
    const l = option.lists[i]!;
    for (let j = option.start[i]!; j < option.start[i + 1]!; j++) {
      const p = l.posts[option.at[j]!]!;
      if (seen.has(p)) continue;
      seen.add(p);
      const on = holders.get(p) ?? [];
      if (on.length < capacity(p)) {
        on.push(i);
        holders.set(p, on);
        return true;
      }
      // Full: one of its holders moves elsewhere, if it can.
      for (let h = 0; h < on.length; h++) {
        if (place(on[h]!)) {
          on[h] = i;
          return true;
        }
      }
    }
    return false;
  };
  for (let i = 0; i < m; i++) {
    seen.clear();
    if (!place(i)) return false;
  }
  return true;
}

/** {@link placeMembers} when the members' favourite posts collide: an exact search or assignment. */
function placeColliding(
  index: CompiledIndex,
  option: OptionPairs,
  capacity: (p: number) => number,
  into: Placed,
): number {
  const m = option.lists.length;
  const { posts, scores, weights, bonuses } = into;
  if (m <= SEARCH_MEMBERS) {
    // The members' favourites collide: a small exact search, members in id order, each one's posts
    // by weight (then id), cut where the best the rest could add cannot beat the best found.
    // Each member's whole list, and the positions in it of its pairs at the option.
    const pairs = option.lists;
    const rank = index.postIdRank;
    const lists = pairs.map((l, i) => {
      const wt = l.weights ?? l.scores;
      const ks: number[] = [];
      for (let j = option.start[i]!; j < option.start[i + 1]!; j++)
        if (capacity(l.posts[option.at[j]!]!) > 0) ks.push(option.at[j]!);
      return ks.sort((a, b) => wt[b]! - wt[a]! || rank[l.posts[a]!]! - rank[l.posts[b]!]!);
    });
    const bestOf = lists.map((ks, i) =>
      ks.length === 0 ? 0 : (pairs[i]!.weights ?? pairs[i]!.scores)[ks[0]!]!,
    );
    const rest = new Float64Array(m + 1);
    for (let i = m - 1; i >= 0; i--) rest[i] = rest[i + 1]! + bestOf[i]!;
    const load = new Map<number, number>();
    const pick = new Int32Array(m);
    let bestValue = Number.NEGATIVE_INFINITY;
    let bestPick: Int32Array | undefined;
    let nodes = 0;
    const search = (i: number, value: number): void => {
      if (++nodes > SEARCH_NODES) return;
      if (i === m) {
        if (value > bestValue) {
          bestValue = value;
          bestPick = pick.slice();
        }
        return;
      }
      const l = pairs[i]!;
      const wt = l.weights ?? l.scores;
      for (const k of lists[i]!) {
        if (!(value + wt[k]! + rest[i + 1]! > bestValue)) break;
        const p = l.posts[k]!;
        const n = load.get(p) ?? 0;
        if (n >= capacity(p)) continue;
        load.set(p, n + 1);
        pick[i] = k;
        search(i + 1, value + wt[k]!);
        load.set(p, n);
      }
    };
    search(0, 0);
    if (nodes <= SEARCH_NODES) {
      if (bestPick === undefined) return Number.NaN;
      let value = 0;
      for (let i = 0; i < m; i++) {
        const l = pairs[i]!;
        const k = bestPick[i]!;
        posts[i] = l.posts[k]!;
        scores[i] = l.scores[k]!;
        weights[i] = (l.weights ?? l.scores)[k]!;
        bonuses[i] = l.bonuses?.[k] ?? 0;
        value += weights[i]!;
      }
      return value;
    }
  }
  // A larger group whose favourites collide: an exact assignment of the members alone (all in
  // tier 0, so it places as many as it can).
  const pairs = Array.from({ length: m }, (_, i) => memberPairs(option, i));
  // Posts by id, so that equal placements are broken the same way whatever the input order.
  const postList = [...new Set(pairs.flatMap((l) => Array.from(l.posts)))]
    .filter((p) => capacity(p) > 0)
    .sort((a, b) => index.postIdRank[a]! - index.postIdRank[b]!);
  const col = new Map(postList.map((p, r) => [p, r]));
  const edgeLeft: number[] = [];
  const edgeRight: number[] = [];
  const edgeWeight: number[] = [];
  const leftStart = [0];
  const meta: { score: number; weight: number; bonus: number; post: number }[] = [];
  for (let i = 0; i < m; i++) {
    const l = pairs[i]!;
    const wt = l.weights ?? l.scores;
    const order = Array.from(l.posts.keys())
      .filter((k) => col.has(l.posts[k]!))
      .sort((a, b) => col.get(l.posts[a]!)! - col.get(l.posts[b]!)!);
    for (const k of order) {
      edgeLeft.push(i);
      edgeRight.push(col.get(l.posts[k]!)!);
      edgeWeight.push(wt[k]!);
      meta.push({ score: l.scores[k]!, weight: wt[k]!, bonus: l.bonuses?.[k] ?? 0, post: l.posts[k]! });
    }
    leftStart.push(edgeLeft.length);
  }
  const nR = postList.length;
  const rightStart = new Int32Array(nR + 1);
  for (const r of edgeRight) rightStart[r + 1]! += 1;
  for (let r = 0; r < nR; r++) rightStart[r + 1]! += rightStart[r]!;
  const fill = rightStart.slice(0, nR);
  const rightEdges = new Int32Array(edgeRight.length);
  edgeRight.forEach((r, e) => (rightEdges[fill[r]!++] = e));
  const g: CompiledGraph = {
    leftIds: Array.from({ length: m }, (_, i) => String(i).padStart(8, '0')),
    leftTierIndex: new Int32Array(m),
    leftRank: new Int32Array(m),
    tiers: [0],
    rightIds: postList.map((_, r) => String(r).padStart(8, '0')),
    capacity: Int32Array.from(postList, (p) => Math.min(m, capacity(p))),
    edgeLeft: Int32Array.from(edgeLeft),
    edgeRight: Int32Array.from(edgeRight),
    edgeWeight: Float64Array.from(edgeWeight),
    leftStart: Int32Array.from(leftStart),
    rightStart,
    rightEdges,
  };
  const { matchEdge } = solveOptimalTyped(g);
  for (let i = 0; i < m; i++) {
    const e = matchEdge[i]!;
    if (e < 0) return Number.NaN;
    posts[i] = meta[e]!.post;
    scores[i] = meta[e]!.score;
    weights[i] = meta[e]!.weight;
    bonuses[i] = meta[e]!.bonus;
  }
  let value = 0;
  for (let i = 0; i < m; i++) value += weights[i]!;
  return value;
}

/**
 * The options of a group: each key (employer, site or post) where every member has a candidate post
 * and the openings left (`capacity − used`) can take all members at once, with the members' best
 * placement there. Sorted by key.
 *
 * Complexity: O(Σ candidates of the members) plus a small exact assignment per option where the
 * members' favourite posts collide.
 */
export function groupOptions(
  dataset: Dataset,
  planner: Planner,
  g: TypedGroup,
  used?: Int32Array,
): TypedOption[] {
  const out: TypedOption[] = [];
  forEachOption(dataset, planner, g, used, (o) => out.push(o));
  return out;
}

/**
 * {@link groupOptions} one at a time, in key order, without keeping them (a group can have
 * thousands of options in a city-sized plan).
 */
export function forEachOption(
  dataset: Dataset,
  planner: Planner,
  g: TypedGroup,
  used: Int32Array | undefined,
  visit: (o: TypedOption) => void,
): void {
  scanOptions(dataset, planner, g, used, (table, c, into, value) =>
    visit(keptOption(table.keys[c]!, optionAt(table, c), into, value)),
  );
}

/**
 * The options of a group with the openings `capacity − used` leave, in key order, without keeping
 * them: `fit` is told the common key's number and the members' total weight, their placement
 * written into `into` (overwritten by the next option). With `need`, an option worth no more than
 * what it returns is only fitted (see {@link placeMembers}): `fit` is told that value, `into` then
 * holding nothing of use.
 */
function scanOptions(
  dataset: Dataset,
  planner: Planner,
  g: TypedGroup,
  used: Int32Array | undefined,
  fit: (table: CommonKeys, c: number, into: Placed, value: number) => void,
  need: () => number = () => Number.NEGATIVE_INFINITY,
): void {
  const index = planner.index;
  const capacity = (p: number): number => index.postCapacity[p]! - (used?.[p] ?? 0);
  const table = commonKeys(dataset, planner, g);
  const into = placedOf(g.members.length);
  for (let c = 0; c < table.keys.length; c++) {
    const value = placeMembers(index, table, c * g.members.length, capacity, into, need());
    if (!Number.isNaN(value)) fit(table, c, into, value);
  }
}

/** How many options a group has, and its option of largest value (the first in key order among equals). */
export function bestOption(
  dataset: Dataset,
  planner: Planner,
  g: TypedGroup,
  used?: Int32Array,
): { readonly count: number; readonly best: TypedOption | undefined } {
  let count = 0;
  let best: TypedOption | undefined;
  scanOptions(
    dataset,
    planner,
    g,
    used,
    (table, c, into, value) => {
      count++;
      if (best === undefined || value > best.value)
        best = keptOption(table.keys[c]!, optionAt(table, c), into, value);
    },
    // An option that cannot beat the best so far is only counted.
    () => best?.value ?? Number.NEGATIVE_INFINITY,
  );
  return { count, best };
}

/**
 * {@link bestOption} twice in one pass over the options: how many the group has with every opening
 * (`count`), and how many and which is best with the openings `used` leaves (`countLeft`, `best`).
 * An option where the group fits in the openings left is one with every opening too, so only the
 * others are placed a second time.
 */
export function bestOptionLeft(
  dataset: Dataset,
  planner: Planner,
  g: TypedGroup,
  used: Int32Array,
): { readonly count: number; readonly countLeft: number; readonly best: TypedOption | undefined } {
  const index = planner.index;
  const full = (p: number): number => index.postCapacity[p]!;
  const left = (p: number): number => index.postCapacity[p]! - used[p]!;
  const table = commonKeys(dataset, planner, g);
  const into = placedOf(g.members.length);
  let count = 0;
  let countLeft = 0;
  let best: TypedOption | undefined;
  for (let c = 0; c < table.keys.length; c++) {
    const base = c * g.members.length;
    // A group that fits in the openings left fits in all of them.
    const need = best?.value ?? Number.NEGATIVE_INFINITY;
    const value = placeMembers(index, table, base, left, into, need);
    if (Number.isNaN(value)) {
      // Only whether the group fits in every opening.
      const all = placeMembers(index, table, base, full, into, Number.POSITIVE_INFINITY);
      if (!Number.isNaN(all)) count++;
      continue;
    }
    count++;
    countLeft++;
    if (best === undefined || value > best.value)
      best = keptOption(table.keys[c]!, optionAt(table, c), into, value);
  }
  return { count, countLeft, best };
}

/**
 * A group's common keys, sorted, and each member's pairs at each: key c's member i's are the
 * positions `at[start[c·m + i]] … at[start[c·m + i + 1] − 1]` of its list `lists[i]`.
 */
interface CommonKeys {
  readonly keys: readonly string[];
  readonly lists: readonly PairLists[];
  readonly start: Int32Array;
  readonly at: Int32Array;
}

const commonCache = new WeakMap<TypedGroup, CommonKeys>();

/** The members' pairs at a group's common key number c. */
function optionAt(table: CommonKeys, c: number): OptionPairs {
  const m = table.lists.length;
  return { lists: table.lists, start: table.start.subarray(c * m, c * m + m + 1), at: table.at };
}

/**
 * The keys where every member of a group has a candidate pair, sorted, with each member's pairs
 * there: one pass over each member's list, whatever the openings; kept for the group while the
 * planner's budget allows ({@link Planner.keep}), else worked out again when asked.
 */
function commonKeys(dataset: Dataset, planner: Planner, g: TypedGroup): CommonKeys {
  const cached = commonCache.get(g);
  if (cached !== undefined) return cached;
  const { keys, ids, count, seen } = keyTable(dataset, g.group.rule);
  const lists = Array.from(g.members, (w) => planner.candidates(w));
  const m = lists.length;
  // count[key] = how many members in a row, from the first, have a pair there.
  for (let i = 0; i < m; i++) {
    const l = lists[i]!;
    for (let k = 0; k < l.posts.length; k++) {
      const key = ids[l.posts[k]!]!;
      if (seen[key] === i + 1) continue;
      seen[key] = i + 1;
      if (count[key] === i) count[key] = i + 1;
    }
  }
  const common: number[] = [];
  if (m > 0) {
    const l = lists[0]!;
    for (let k = 0; k < l.posts.length; k++) {
      const key = ids[l.posts[k]!]!;
      if (count[key] === m) {
        common.push(key);
        count[key] = -common.length; // its slot, as −(slot + 1)
      }
    }
  }
  common.sort((a, b) => a - b);
  const C = common.length;
  for (let c = 0; c < C; c++) count[common[c]!] = -(c + 1);
  // Each member's pair positions per common key, by slot (key c's member i's at cell c·m + i):
  // counted, then placed, each member's in list order.
  const start = new Int32Array(C * m + 1);
  for (let i = 0; i < m; i++) {
    const l = lists[i]!;
    for (let k = 0; k < l.posts.length; k++) {
      const c = count[ids[l.posts[k]!]!]!;
      if (c < 0) start[(-c - 1) * m + i + 1]! += 1;
    }
  }
  for (let j = 0; j < C * m; j++) start[j + 1]! += start[j]!;
  const flat = new Int32Array(start[C * m]!);
  const fill = start.slice(0, C * m);
  for (let i = 0; i < m; i++) {
    const l = lists[i]!;
    for (let k = 0; k < l.posts.length; k++) {
      const c = count[ids[l.posts[k]!]!]!;
      if (c < 0) flat[fill[(-c - 1) * m + i]!++] = k;
    }
  }
  // Scratch back to zero.
  for (const l of lists) {
    for (let k = 0; k < l.posts.length; k++) {
      const key = ids[l.posts[k]!]!;
      count[key] = 0;
      seen[key] = 0;
    }
  }
  // Any post of the key names it: the first member's first there.
  const names: string[] = [];
  for (let c = 0; c < C; c++) names.push(keys[lists[0]!.posts[flat[start[c * m]!]!]!]!);
  const out: CommonKeys = { keys: names, lists, start, at: flat };
  // Kept while the planner's budget allows (the lists it refers to counted with it).
  let bytes = start.byteLength + flat.byteLength + 48 * names.length;
  for (const l of lists) bytes += listBytes(l);
  if (planner.keep(bytes)) commonCache.set(g, out);
  return out;
}

/** A plan mode's result with groups. */
export interface GroupPlan extends CorePlacement {
  readonly duals?: PlanDuals | undefined;
  /** Duals of the relaxation proving `search.upperBound`, when the plan's own duals do not. */
  readonly boundDuals?: PlanDuals | undefined;
  readonly outOfGraph?: Uint8Array | undefined;
  readonly outcomes: readonly GroupOutcome[];
  readonly search: GroupSearch;
  readonly blockingPairs?: readonly { readonly labourer: LabourerId; readonly post: PostId }[] | undefined;
  /** Stable mode: how many pairs block the plan (`blockingPairs` lists the first few). */
  readonly blockingPairCount?: number | undefined;
}

/** The objective of a placement: priority households placed, then total weight. */
export function objectiveOfPlacement(index: CompiledIndex, p: CorePlacement): PlanObjective {
  const { labourerByRank } = idOrderOf(index);
  let priorityPlaced = 0;
  let placed = 0;
  let total = 0;
  // In id order, so totals add up as the plan's do.
  for (let i = 0; i < labourerByRank.length; i++) {
    const w = labourerByRank[i]!;
    if (p.postOf[w]! < 0) continue;
    placed++;
    if (index.labourerPriority[w] === 1) priorityPlaced++;
    total += p.scoreOf[w]! + p.bonusOf[w]!;
  }
  return { priorityPlaced, placed, total };
}

/** Relative tolerance when comparing totals of scores. */
const TOLERANCE = 1e-9;

/** Lexicographic comparison of objectives (priority placed, then total within 1e-9 relative); positive if a is better. */
export function compareObjectives(a: PlanObjective, b: PlanObjective): number {
  if (a.priorityPlaced !== b.priorityPlaced) return a.priorityPlaced - b.priorityPlaced;
  const d = a.total - b.total;
  return Math.abs(d) <= TOLERANCE * Math.max(1, Math.abs(a.total), Math.abs(b.total)) ? 0 : Math.sign(d);
}

/** The state of a group in a placement: nobody placed, all at one key, or broken. */
function stateOf(
  dataset: Dataset,
  g: TypedGroup,
  postOf: Int32Array,
): { kind: 'none' } | { kind: 'whole'; key: string } | { kind: 'broken' } {
  const keys = keysOf(dataset, g.group.rule);
  let first: string | undefined;
  let placed = 0;
  for (const w of g.members) {
    const p = postOf[w]!;
    if (p < 0) continue;
    placed++;
    const k = keys[p]!;
    if (first === undefined) first = k;
    else if (k !== first) return { kind: 'broken' };
  }
  if (placed === 0) return { kind: 'none' };
  return placed === g.members.length ? { kind: 'whole', key: first! } : { kind: 'broken' };
}

/** An option's placement of a group's members: a post, score and bonus per member. */
interface Seats {
  readonly key: string;
  readonly posts: Int32Array;
  readonly scores: Float64Array;
  readonly bonuses: Float64Array;
}

/**
 * Seats a group's members where an option places them, counts the openings they take in each of
 * `loads`, and returns the group's outcome.
 */
function seat(
  g: TypedGroup,
  o: Seats,
  options: number,
  at: CorePlacement,
  ...loads: Int32Array[]
): GroupOutcome {
  g.members.forEach((w, j) => {
    at.postOf[w] = o.posts[j]!;
    at.scoreOf[w] = o.scores[j]!;
    at.bonusOf[w] = o.bonuses[j]!;
    for (const load of loads) load[o.posts[j]!]! += 1;
  });
  return { kind: 'placed', group: g.group.id, rule: g.group.rule, at: o.key, options };
}

/**
 * Stable and greedy modes: groups first, in id order, each at its feasible option of largest member
 * weight (the first in key order among equals); then the solver on everyone else with the openings
 * left.
 */
export function groupsFirst(
  dataset: Dataset,
  planner: Planner,
  groups: readonly TypedGroup[],
  progress?: StageProgress,
): GroupPlan {
  const index = planner.index;
  const W = index.labourerCount;
  const used = new Int32Array(index.postCount);
  const postOf = new Int32Array(W).fill(-1);
  const scoreOf = new Float64Array(W);
  const bonusOf = new Float64Array(W);
  const skip = new Uint8Array(W);
  const outcomes: GroupOutcome[] = [];
  let solves = 0;
  planner.prepare(groups.flatMap((g) => Array.from(g.members)));
  for (const g of groups) {
    for (const w of g.members) skip[w] = 1;
    const { best, count, countLeft } = bestOptionLeft(dataset, planner, g, used);
    solves += count + countLeft;
    if (best === undefined) {
      const why: GroupFailure =
        count === 0 ? { code: 'no-common-option' } : { code: 'no-capacity-left', options: count };
      outcomes.push({ kind: 'not-placed', group: g.group.id, rule: g.group.rule, why });
      continue;
    }
    outcomes.push(seat(g, best, count, { postOf, scoreOf, bonusOf }, used));
  }
  const rest = planner.stable({ skip, used }, progress);
  for (let w = 0; w < W; w++) {
    if (skip[w] === 1 || rest.postOf[w]! < 0) continue;
    postOf[w] = rest.postOf[w]!;
    scoreOf[w] = rest.scoreOf[w]!;
    bonusOf[w] = rest.bonusOf[w]!;
  }
  return {
    postOf,
    scoreOf,
    bonusOf,
    outOfGraph: skip,
    outcomes,
    search: { method: 'first', graph: 'residual', solves: solves + 1 },
  };
}

/**
 * Optimal mode with groups. If the optimum without the group rules keeps them, it is the answer
 * (exact). Else, when the product over groups of (options + 1) is at most `limit`, every
 * combination is solved with the members forced onto their option's posts and the best is kept
 * (exact over all lawful plans). Beyond, groups are decided by the relaxation's duals — each group
 * whole where the relaxation has it whole; a broken group at the option whose members' values less
 * the posts' prices is largest, if that is not negative, else not at all — then everyone else is
 * placed optimally on the openings left, and groups that still fit in openings nobody took are
 * placed too: a heuristic whose gap the relaxation's objective (`upperBound`) bounds.
 */
export function optimalWithGroups(
  dataset: Dataset,
  planner: Planner,
  groups: readonly TypedGroup[],
  limit: number,
  progress?: StageProgress,
): GroupPlan {
  const index = planner.index;
  const W = index.labourerCount;
  const members = groups.flatMap((g) => Array.from(g.members));
  // Their lists are needed once the relaxation is solved: found meanwhile where the pricer can.
  planner.foresee?.(members);
  const relaxed = planner.optimal({}, progress);
  const upperBound = objectiveOfPlacement(index, relaxed);
  planner.prepare(members);
  // How many options each group has (kept: the options themselves only when few enough to enumerate).
  const counts = groups.map((g) => bestOption(dataset, planner, g).count);
  const notPlaced = (i: number): GroupOutcome => {
    const g = groups[i]!.group;
    return {
      kind: 'not-placed',
      group: g.id,
      rule: g.rule,
      why: counts[i]! === 0 ? { code: 'no-common-option' } : { code: 'worse-for-plan', options: counts[i]! },
    };
  };
  const states = groups.map((g) => stateOf(dataset, g, relaxed.postOf));
  if (states.every((s) => s.kind !== 'broken')) {
    return {
      ...relaxed,
      outcomes: groups.map((g, i) => {
        const s = states[i]!;
        return s.kind === 'whole'
          ? { kind: 'placed', group: g.group.id, rule: g.group.rule, at: s.key, options: counts[i]! }
          : notPlaced(i);
      }),
      search: { method: 'exact', graph: 'candidates', solves: 1, upperBound },
    };
  }

  let product = 1;
  for (const n of counts) product = Math.min(Number.MAX_SAFE_INTEGER, product * (n + 1));
  if (product <= limit) {
    const options = groups.map((g) => groupOptions(dataset, planner, g));
    // Every combination, options in key order with "not placed" last; the first best is kept.
    let solves = 1;
    let best:
      | {
          choice: (TypedOption | undefined)[];
          r: CorePlacement & { duals: PlanDuals };
          objective: PlanObjective;
        }
      | undefined;
    const digits = new Array<number>(groups.length).fill(0);
    for (;;) {
      const choice = digits.map((d, i) => options[i]![d]);
      const forced = new Map<number, PairLists>();
      const skip = new Uint8Array(W);
      groups.forEach((g, i) => {
        const o = choice[i];
        g.members.forEach((w, j) => {
          if (o === undefined) skip[w] = 1;
          else forced.set(w, memberPairs(o.pairs, j));
        });
      });
      solves++;
      const r = planner.optimal({ skip, forced });
      const feasible = [...forced.keys()].every((w) => r.postOf[w]! >= 0);
      const objective = objectiveOfPlacement(index, r);
      if (feasible && (best === undefined || compareObjectives(objective, best.objective) > 0))
        best = { choice, r, objective };
      let i = groups.length - 1;
      while (i >= 0 && digits[i] === options[i]!.length) digits[i--] = 0;
      if (i < 0) break;
      digits[i]!++;
    }
    // "Nobody placed" is always feasible, so there is a best.
    const b = best!;
    const skip = new Uint8Array(W);
    groups.forEach((g, i) => {
      if (b.choice[i] === undefined) for (const w of g.members) skip[w] = 1;
    });
    return {
      ...b.r,
      boundDuals: relaxed.duals,
      outOfGraph: skip,
      outcomes: groups.map((g, i) => {
        const o = b.choice[i];
        return o === undefined
          ? notPlaced(i)
          : { kind: 'placed', group: g.group.id, rule: g.group.rule, at: o.key, options: counts[i]! };
      }),
      search: { method: 'exact', graph: 'groups-fixed', solves, upperBound },
    };
  }

  // Heuristic: decide the groups by the relaxation's duals, then place everyone else optimally.
  const d = relaxed.duals;
  const T = d.T;
  /** Lexicographic value less price of a member at a post: tier part (priority), then weight. */
  const used = new Int32Array(index.postCount);
  const postOf = new Int32Array(W).fill(-1);
  const scoreOf = new Float64Array(W);
  const bonusOf = new Float64Array(W);
  const skip = new Uint8Array(W);
  const chosen: (TypedOption | (Seats & { weights: Float64Array }) | undefined)[] = [];
  const tierOfPriority = d.tiers.indexOf(1);
  groups.forEach((g, i) => {
    for (const w of g.members) skip[w] = 1;
    const s = states[i]!;
    if (s.kind === 'none') {
      chosen.push(undefined);
      return;
    }
    if (s.kind === 'whole') {
      chosen.push({
        key: s.key,
        posts: Int32Array.from(g.members, (w) => relaxed.postOf[w]!),
        scores: Float64Array.from(g.members, (w) => relaxed.scoreOf[w]!),
        weights: Float64Array.from(g.members, (w) => relaxed.scoreOf[w]! + relaxed.bonusOf[w]!),
        bonuses: Float64Array.from(g.members, (w) => relaxed.bonusOf[w]!),
      });
      return;
    }
    let best: TypedOption | undefined;
    let bestC = 0;
    let bestW = 0;
    forEachOption(dataset, planner, g, undefined, (o) => {
      let c = 0;
      let wsum = 0;
      g.members.forEach((w, j) => {
        const p = o.posts[j]!;
        if (tierOfPriority >= 0 && index.labourerPriority[w] === 1) c += 1;
        for (let k = 0; k < T; k++) c -= d.postTierDual[p * T + k]!;
        wsum += o.weights[j]! - d.postDual[p]!;
      });
      if (best === undefined || c > bestC || (c === bestC && wsum > bestW)) {
        best = o;
        bestC = c;
        bestW = wsum;
      }
    });
    chosen.push(best !== undefined && (bestC > 0 || (bestC === 0 && bestW >= 0)) ? best : undefined);
  });
  // Seat the chosen groups in id order while their posts have room.
  const outcomes: (GroupOutcome | undefined)[] = [];
  groups.forEach((g, i) => {
    const o = chosen[i];
    if (
      o === undefined ||
      o.posts.some((p, j) => index.postCapacity[p]! - used[p]! < 1 + countBefore(o.posts, j, p))
    ) {
      outcomes.push(undefined);
      return;
    }
    outcomes.push(seat(g, o, counts[i]!, { postOf, scoreOf, bonusOf }, used));
  });
  // Everyone else is placed much as the relaxation placed them: the exact solver starts from there.
  const rest = planner.optimal({ skip, used, warm: relaxed.postOf }, progress);
  const load = used.slice();
  for (let w = 0; w < W; w++) {
    if (skip[w] === 1 || rest.postOf[w]! < 0) continue;
    postOf[w] = rest.postOf[w]!;
    scoreOf[w] = rest.scoreOf[w]!;
    bonusOf[w] = rest.bonusOf[w]!;
    load[rest.postOf[w]!]! += 1;
  }
  // Groups left out that fit, whole, in openings nobody took (placing them costs no one a place).
  let solves = 2;
  groups.forEach((g, i) => {
    if (outcomes[i] !== undefined) return;
    const { best } = bestOption(dataset, planner, g, load);
    solves += 1;
    if (best === undefined) return;
    outcomes[i] = seat(g, best, counts[i]!, { postOf, scoreOf, bonusOf }, used, load);
  });
  return {
    postOf,
    scoreOf,
    bonusOf,
    duals: rest.duals,
    boundDuals: relaxed.duals,
    outOfGraph: skip,
    outcomes: groups.map((_, i) => outcomes[i] ?? notPlaced(i)),
    search: { method: 'heuristic', graph: 'residual', solves, upperBound },
  };
}

/** How many times `p` appears in `posts` before position `j`. */
function countBefore(posts: Int32Array, j: number, p: number): number {
  let n = 0;
  for (let i = 0; i < j; i++) if (posts[i] === p) n++;
  return n;
}

export type { Shape };
