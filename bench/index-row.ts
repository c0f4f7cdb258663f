/**
 * Scoring one labourer against every post of a compiled index: the kernel's row loop, with what
 * depends on the labourer alone hoisted out of it and the skills value computed once per skill
 * signature (posts asking for the same skills at the same levels score the same on skills). A
 * benchmark case of its own (the library plans and ranks through the walk, which never scores a
 * whole row); a property test holds it equal to the kernel, pair by pair.
 *
 * @module
 */
import * as compiled from '../src/compile.js';
import type { CompiledIndex } from '../src/compile.js';
import * as parts from '../src/score/parts.js';
import * as pay from '../src/score/pay.js';
import * as candidates from '../src/internal/index-candidates.js';
import type { Signatures } from '../src/internal/index-candidates.js';
import * as kernel from '../src/internal/kernel.js';
import type { LabourerScratch } from '../src/internal/kernel.js';

const { UNTOUCHED_SKILLS, signaturesOf } = candidates;
const { PREFERRED_LINK, W_FIT, W_UPLIFT, originOf, prefers, prepareLabourer, skillsValue } = kernel;
const { CP_AWAY, CP_LINK_MASK, LINK_VALUES } = compiled;
const { clamp01 } = parts;
const { FULL_UPLIFT_RATIO, payFit } = pay;

const sigCache = new WeakMap<CompiledIndex, Signatures>();
const sigValues = new WeakMap<LabourerScratch, Float64Array>();

/** Net pays of an index, interned: few distinct values (pay scales) among many posts. */
interface Nets {
  /** Distinct net pays. */
  readonly values: Float64Array;
  /** Position in `values` of each post's net pay with a dormitory, and without. */
  readonly dormId: Int32Array;
  readonly noDormId: Int32Array;
}
const netCache = new WeakMap<CompiledIndex, Nets>();
/** The pay value of the current row per distinct net pay, −1 until computed. */
let payMemo = new Float64Array(0);

function netsOf(index: CompiledIndex): Nets {
  let nets = netCache.get(index);
  if (nets !== undefined) return nets;
  const ids = new Map<number, number>();
  const intern = (x: number): number => {
    let id = ids.get(x);
    if (id === undefined) ids.set(x, (id = ids.size));
    return id;
  };
  const dormId = Int32Array.from(index.postNetDorm, intern);
  const noDormId = Int32Array.from(index.postNetNoDorm, intern);
  nets = { values: Float64Array.from(ids.keys()), dormId, noDormId };
  netCache.set(index, nets);
  return nets;
}

/** Counties whose origin rows an index caches (a row is 2 × 8 bytes per post). */
const ORIGIN_ROWS = 64;
const originRows = new WeakMap<CompiledIndex, Map<number, Float64Array>>();

/**
 * The origin value of every post for a labourer of `county` who prefers none of them: `originOf`
 * with the county's link and fellow count, language part 1 at `[p]` and 0 at `[P + p]`. Computed once
 * per county and cached, for up to ORIGIN_ROWS counties per index (`undefined` beyond).
 */
function originRowOf(index: CompiledIndex, county: number): Float64Array | undefined {
  let rows = originRows.get(index);
  if (rows === undefined) originRows.set(index, (rows = new Map()));
  let row = rows.get(county);
  if (row !== undefined || rows.size >= ORIGIN_ROWS) return row;
  const P = index.postCount;
  row = new Float64Array(2 * P);
  const { countyPost, countyFellows, postEmployer } = index;
  const off = county * P;
  const fellowsBase = county * index.employerCount;
  for (let p = 0; p < P; p++) {
    const code = countyPost[off + p]! & CP_LINK_MASK;
    const link = code === 0 ? 1 : LINK_VALUES[code]!;
    const count = countyFellows[fellowsBase + postEmployer[p]!]!;
    row[p] = originOf(link, count, 1);
    row[P + p] = originOf(link, count, 0);
  }
  rows.set(county, row);
  return row;
}

/**
 * The scores of one labourer for every post, equal to `kernelScore(index, sc, w, p)` (and so to
 * `scorePair`) for each post p, whether eligible or not.
 *
 * Complexity: O(P + G·(r + h)) for P posts and G skill signatures with r asked and h held skills.
 *
 * @param index - The compiled index.
 * @param sc - Scratch tables (`createScratch(index)`).
 * @param w - The labourer's position.
 * @param out - Receives the scores, one per post (length at least `index.postCount`).
 * @returns `out`.
 * @example
 * scoreRow(index, createScratch(index), 0, new Float64Array(index.postCount))[3] === kernelScore(index, createScratch(index), 0, 3) //=> true
 */
export function scoreRow(
  index: CompiledIndex,
  sc: LabourerScratch,
  w: number,
  out: Float64Array,
): Float64Array {
  let sigs = sigCache.get(index);
  if (sigs === undefined) sigCache.set(index, (sigs = signaturesOf(index)));
  let values = sigValues.get(sc);
  if (values === undefined || values.length !== sigs.count)
    sigValues.set(sc, (values = new Float64Array(sigs.count)));
  values.fill(-1);
  prepareLabourer(index, sc, w);
  // A signature none of whose skills the labourer touches (holds, or is linked to) scores on skills
  // by its type alone (UNTOUCHED_SKILLS); those touched are marked −2 and computed.
  const { bySkillStart, bySkill, type } = sigs;
  for (let t = 0; t < sc.touchedCount; t++) {
    const s = sc.touched[t]!;
    for (let k = bySkillStart[s]!, end = bySkillStart[s + 1]!; k < end; k++) values[bySkill[k]!] = -2;
  }
  const skilled = index.ownCount[w]! > 0 ? 1 : 0;
  const P = index.postCount;
  const county = index.labourerCounty[w]!;
  const off = county * P;
  const { countyPost, employerValue, postEmployer, countyFellows } = index;
  const nets = netsOf(index);
  if (payMemo.length < nets.values.length) payMemo = new Float64Array(nets.values.length);
  payMemo.fill(-1, 0, nets.values.length);
  const { postHasLang, postLangs, labourerLangs, langWords: lw } = index;
  const { postSig, rep } = sigs;
  // What depends on the labourer alone, hoisted; the arithmetic below is payAt, originOf and combine
  // operation for operation (the constant weight sums are the same additions, done once).
  const ew = index.effectiveWeights;
  const ew0 = ew[0]!;
  const ew1 = ew[1]!;
  const ew2 = ew[2]!;
  const ew3 = ew[3]!;
  const needsDorm = index.labourerNeedsDorm[w] === 1;
  const min = index.labourerMin[w]!;
  const target = index.labourerTarget[w]!;
  const home = index.countyHomeMin[county]!;
  const hasHome = home === home;
  let payWeights = 0;
  payWeights += W_FIT;
  if (hasHome) payWeights += W_UPLIFT;
  const originRow = originRowOf(index, county);
  const fellowsBase = county * index.employerCount;
  const hasPrefs = index.prefStart[w + 1]! > index.prefStart[w]!;
  const langBase = w * lw;
  for (let p = 0; p < P; p++) {
    const g = postSig[p]!;
    let sk = values[g]!;
    if (sk < 0)
      values[g] = sk =
        sk === -2 ? skillsValue(index, sc, rep[g]!) : UNTOUCHED_SKILLS[type[g]! * 2 + skilled]!;
    const cp = countyPost[off + p]!;
    // payValue, once per distinct net pay in the row.
    const id = needsDorm || (cp & CP_AWAY) !== 0 ? nets.dormId[p]! : nets.noDormId[p]!;
    let payPart = payMemo[id]!;
    if (payPart < 0) {
      const net = nets.values[id]!;
      let paySum = 0;
      paySum += payFit(net, min, target) * W_FIT;
      if (hasHome) paySum += clamp01((net / home - 1) / (FULL_UPLIFT_RATIO - 1)) * W_UPLIFT;
      payMemo[id] = payPart = clamp01(paySum / payWeights);
    }
    // originValue: from the county's cached row, unless the labourer prefers this destination.
    const code = cp & CP_LINK_MASK;
    const e = postEmployer[p]!;
    let language = 1;
    if (postHasLang[p] === 1) {
      language = 0;
      for (let k = 0; k < lw; k++) {
        if ((postLangs[p * lw + k]! & labourerLangs[langBase + k]!) !== 0) {
          language = 1;
          break;
        }
      }
    }
    const originPart =
      code !== 0 && hasPrefs && prefers(index, w, p)
        ? originOf(PREFERRED_LINK, countyFellows[fellowsBase + e]!, language)
        : originRow === undefined
          ? originOf(code === 0 ? 1 : LINK_VALUES[code]!, countyFellows[fellowsBase + e]!, language)
          : originRow[language === 1 ? p : P + p]!;
    // combine
    let score = 0;
    score += sk * ew0;
    score += payPart * ew1;
    score += originPart * ew2;
    score += employerValue[e]! * ew3;
    out[p] = Math.min(1, Math.max(0, score));
  }
  return out;
}
