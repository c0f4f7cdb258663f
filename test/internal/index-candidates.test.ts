/**
 * The tables the walk's buckets are built from, held to what they promise: signatures shared exactly
 * by posts that ask for the same skills, pay bands at the open posts' eighths, one plain post order
 * per index whatever orders with offsets are asked, and each mobility class's buckets holding
 * exactly the posts it may be offered by place. (The walk over them is held to brute force in
 * walk.prop.test.ts; these pin the tables whose faults would only make the walk slower.)
 */
import { describe, expect, it } from 'vitest';
import {
  compileIndex,
  CP_AWAY,
  CP_LINK_MASK,
  CP_NEAR_HOME,
  CP_SAME_PREFECTURE,
  CP_SAME_PROVINCE,
  LINK_VALUES,
  type CompiledIndex,
} from '../../src/compile.js';
import { originOf } from '../../src/internal/kernel.js';
import {
  candidateBuckets,
  countyPosts,
  PAY_BANDS,
  postOrder,
  signaturesOf,
} from '../../src/internal/index-candidates.js';
import { parseDataset } from '../../src/parse.js';
import { generateSample } from '../../src/sample.js';

const ds = parseDataset(generateSample({ labourers: 200, posts: 150, seed: 7 }));
const fresh = (): CompiledIndex => compileIndex(ds);

/** What a post asks for: on-job training, then the required and optional skills with their levels. */
function skillShape(index: CompiledIndex, p: number): string {
  const pairs = (start: Int32Array, skill: Int32Array, level: Int32Array | Uint8Array): number[][] => {
    const out: number[][] = [];
    for (let k = start[p]!; k < start[p + 1]!; k++) out.push([skill[k]!, level[k]!]);
    return out;
  };
  return JSON.stringify([
    index.postTrainsOnJob[p],
    pairs(index.reqStart, index.reqSkill, index.reqLevel),
    pairs(index.optStart, index.optSkill, index.optLevel),
  ]);
}

describe('signaturesOf', () => {
  it('gives two posts one signature exactly when they ask for the same skills at the same levels and train alike', () => {
    const index = fresh();
    const sigs = signaturesOf(index);
    const sigOfShape = new Map<string, number>();
    for (let p = 0; p < index.postCount; p++) {
      const shape = skillShape(index, p);
      const g = sigOfShape.get(shape);
      if (g === undefined) sigOfShape.set(shape, sigs.postSig[p]!);
      else expect(sigs.postSig[p]).toBe(g);
    }
    // Distinct shapes, distinct signatures, and no signature beyond them.
    expect(new Set(sigOfShape.values()).size).toBe(sigOfShape.size);
    expect(sigs.count).toBe(sigOfShape.size);
    // The sample has both shared and distinct signatures, so the test can tell them apart.
    expect(sigs.count).toBeGreaterThan(1);
    expect(sigs.count).toBeLessThan(index.postCount);
    for (let g = 0; g < sigs.count; g++) expect(sigs.postSig[sigs.rep[g]!]).toBe(g);
  });

  it('cuts the pay bands at the eighths of the open posts’ net pay without dormitory, ascending', () => {
    const index = fresh();
    const nets: number[] = [];
    for (let p = 0; p < index.postCount; p++) if (index.postOpen[p] === 1) nets.push(index.postNetNoDorm[p]!);
    nets.sort((a, b) => a - b);
    const cuts = Array.from(signaturesOf(index).cuts);
    expect(cuts).toHaveLength(PAY_BANDS - 1);
    expect(cuts).toEqual(
      Array.from({ length: PAY_BANDS - 1 }, (_, i) => nets[Math.floor(((i + 1) * nets.length) / PAY_BANDS)]),
    );
    // Closed posts are left out: the sample has some, and their pay would move the cuts.
    expect(nets.length).toBeLessThan(index.postCount);
  });
});

describe('postOrder', () => {
  it('keeps one plain order per index, whatever orders with offsets are asked before or after it', () => {
    const index = fresh();
    const P = index.postCount;
    const offsets = Float64Array.from({ length: P }, (_, p) => (p % 3 === 0 ? Infinity : (p % 7) / 10));
    const withOffsets = postOrder(index, offsets);
    const plain = postOrder(index);
    const expected = postOrder(fresh());
    expect(Array.from(plain.posts)).toEqual(Array.from(expected.posts));
    expect(Array.from(plain.part)).toEqual(Array.from(expected.part));
    // Once per index, and an order with offsets is never the cached plain one.
    expect(postOrder(index)).toBe(plain);
    const again = postOrder(index, offsets);
    expect(Array.from(again.posts)).toEqual(Array.from(withOffsets.posts));
    expect(Array.from(again.posts).every((p) => offsets[p] !== Infinity)).toBe(true);
    expect(again.posts.length).toBeLessThan(plain.posts.length);
  });

  it('orders the open posts by the employer part less the offset, descending, then by position', () => {
    const index = fresh();
    const offsets = Float64Array.from({ length: index.postCount }, (_, p) => ((p * 7919) % 13) / 100);
    const order = postOrder(index, offsets);
    const posts = Array.from(order.posts);
    for (let i = 1; i < posts.length; i++) {
      const a = posts[i - 1]!;
      const b = posts[i]!;
      expect(order.part[a]! > order.part[b]! || (order.part[a] === order.part[b] && a < b)).toBe(true);
    }
    const open = [...Array(index.postCount).keys()].filter((p) => index.postOpen[p] === 1);
    expect([...posts].sort((a, b) => a - b)).toEqual(open);
  });
});

describe('countyPosts and candidateBuckets', () => {
  const index = fresh();
  const P = index.postCount;
  const sigs = signaturesOf(index);
  const counties = [...new Set(Array.from(index.labourerCounty))].slice(0, 6);

  it('gives each post the net pay any labourer of the county can get at most there', () => {
    let away = 0;
    for (const c of counties) {
      const base = countyPosts(index, c);
      for (const p of base.posts) {
        const cp = index.countyPost[c * P + p]!;
        const dorm = index.postNetDorm[p]!;
        const noDorm = index.postNetNoDorm[p]!;
        if ((cp & CP_AWAY) !== 0) {
          away += dorm !== noDorm ? 1 : 0;
          expect(base.netOf[p]).toBe(dorm);
        } else expect(base.netOf[p]).toBe(Math.max(dorm, noDorm));
      }
    }
    // Away posts whose dormitory costs something, where the two figures differ.
    expect(away).toBeGreaterThan(0);
  });

  it("shares a county's net pay among views, and keys each post by its origin and its part of the order", () => {
    const offsets = new Float64Array(P).map((_, p) =>
      p % 3 === 0 ? Number.POSITIVE_INFINITY : (p % 7) / 50,
    );
    const E = index.employerCount;
    for (const c of counties) {
      const plain = countyPosts(index, c);
      const order = postOrder(index, offsets);
      const shifted = countyPosts(index, c, order);
      expect(shifted.netOf).toBe(plain.netOf);
      expect(shifted.posts.length).toBe(order.posts.length);
      for (const p of shifted.posts) {
        const cp = index.countyPost[c * P + p]!;
        const code = cp & CP_LINK_MASK;
        const origin = originOf(
          code === 0 ? 1 : LINK_VALUES[code]!,
          index.countyFellows[c * E + index.postEmployer[p]!]!,
          1,
        );
        const key = index.effectiveWeights[2]! * origin + order.part[p]!;
        // Rounded up to the next multiple of 2^-28, never below the exact key.
        expect(shifted.keyOf[p]!).toBeGreaterThanOrEqual(key);
        expect(shifted.keyOf[p]! - key).toBeLessThan(2 ** -28);
      }
      for (let i = 1; i < shifted.posts.length; i++)
        expect(shifted.keyOf[shifted.posts[i]!]!).toBeLessThanOrEqual(shifted.keyOf[shifted.posts[i - 1]!]!);
    }
  });

  it('holds, for each mobility class, exactly the open posts it may be offered by place, each once by type and once by signature', () => {
    const sorted = (a: ArrayLike<number>): number[] => Array.from(a).sort((x, y) => x - y);
    const sizes = new Set<number>();
    const empties: number[] = [];
    for (const c of counties) {
      const base = countyPosts(index, c);
      for (let scope = 0; scope <= 3; scope++) {
        const b = candidateBuckets(index, sigs, base, scope);
        const expected = Array.from(base.posts).filter((p) => {
          const cp = index.countyPost[c * P + p]!;
          if (scope === 0 || (cp & CP_NEAR_HOME) !== 0) return true;
          return scope === 1 ? (cp & CP_SAME_PROVINCE) !== 0 : scope === 2 && (cp & CP_SAME_PREFECTURE) !== 0;
        });
        sizes.add(expected.length);
        expect(sorted(b.typePosts)).toEqual(sorted(expected));
        expect(sorted(b.sigPosts)).toEqual(sorted(expected));
        // Each signature bucket holds that signature's posts, keys non-increasing.
        for (let g = 0; g < sigs.count; g++) {
          for (let i = b.sigStart[g]!; i < b.sigStart[g + 1]!; i++) {
            expect(sigs.postSig[b.sigPosts[i]!]).toBe(g);
            if (i > b.sigStart[g]!) expect(b.sigKeys[i]!).toBeLessThanOrEqual(b.sigKeys[i - 1]!);
          }
        }
        // Each skill's signatures here: those of the index that hold posts of this class, in order.
        let dropped = 0;
        for (let s = 0; s < sigs.bySkillStart.length - 1; s++) {
          const all = Array.from(sigs.bySkill.subarray(sigs.bySkillStart[s]!, sigs.bySkillStart[s + 1]!));
          const here = all.filter((g) => b.sigStart[g]! < b.sigStart[g + 1]!);
          dropped += all.length - here.length;
          expect(Array.from(b.bySkill.subarray(b.bySkillStart[s]!, b.bySkillStart[s + 1]!))).toEqual(here);
        }
        if (expected.length < base.posts.length) empties.push(dropped);
        // One start per skill and one past the last, and nothing held past the last list.
        expect(b.bySkillStart.length).toBe(sigs.bySkillStart.length);
        expect(b.bySkill.length).toBe(b.bySkillStart[b.bySkillStart.length - 1]);
        // Each type bucket's posts have its skills type and its band (how many cuts their net pay
        // reaches), and its band's top is the most they pay.
        for (let t = 0; t < b.typeStart.length - 1; t++) {
          for (let i = b.typeStart[t]!; i < b.typeStart[t + 1]!; i++) {
            const p = b.typePosts[i]!;
            expect(sigs.type[sigs.postSig[p]!]).toBe(Math.floor(t / PAY_BANDS));
            expect(t % PAY_BANDS).toBe(Array.from(sigs.cuts).filter((cut) => base.netOf[p]! >= cut).length);
            expect(base.netOf[p]!).toBeLessThanOrEqual(b.bandTop[t % PAY_BANDS]!);
          }
        }
      }
    }
    // The classes differ somewhere, so a class that took every post would be seen.
    expect(sizes.size).toBeGreaterThan(1);
    // And some class's skill lists leave out signatures with no post of it.
    expect(Math.max(...empties)).toBeGreaterThan(0);
  });

  it('builds the same tables whatever was built before, each array apart from the others of its buffer', () => {
    const copy = (b: object): Record<string, number[]> =>
      Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)]));
    // A view of a few posts, whose builds are small, and the plain one, whose builds are large.
    const few = new Float64Array(P).map((_, p) => (p % 11 === 0 ? 0 : Number.POSITIVE_INFINITY));
    const smallOrder = postOrder(index, few);
    const first = counties.map((c) => {
      const base = countyPosts(index, c);
      return {
        base: copy(base),
        buckets: [0, 1, 2, 3].map((s) => copy(candidateBuckets(index, sigs, base, s))),
      };
    });
    for (const c of [...counties].reverse()) {
      const small = countyPosts(index, c, smallOrder);
      expect(small.posts.length).toBeLessThan(P / 5);
      for (let s = 0; s <= 3; s++) candidateBuckets(index, sigs, small, s);
    }
    counties.forEach((c, i) => {
      const base = countyPosts(index, c);
      expect(copy(base)).toEqual(first[i]!.base);
      for (let s = 0; s <= 3; s++) {
        const b = candidateBuckets(index, sigs, base, s);
        expect(copy(b)).toEqual(first[i]!.buckets[s]);
        // Each array apart from the others: writing to the ends of one (the walk writes the links)
        // leaves the others as they were.
        const arrays = Object.entries(b) as [string, Int32Array | Float64Array | Uint8Array][];
        for (const [name, a] of arrays) {
          if (a.length === 0) continue;
          const head = a[0]!;
          const last = a[a.length - 1]!;
          a[0] = 7;
          a[a.length - 1] = 7;
          const without = (o: Record<string, number[]>): [string, number[]][] =>
            Object.entries(o).filter(([k]) => k !== name);
          expect(without(copy(b))).toEqual(without(first[i]!.buckets[s]!));
          a[a.length - 1] = last;
          a[0] = head;
        }
      }
    });
  });
});
