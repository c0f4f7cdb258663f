/**
 * Scoring one labourer against every post of a compiled index: the kernel's row loop, with what
 * depends on the labourer alone hoisted out of it and the skills value computed once per skill
 * signature (posts asking for the same skills at the same levels score the same on skills).
 *
 * @module
 */
import * as compiled from '../compile.js';
import type { CompiledIndex } from '../compile.js';
import * as origin from '../score/origin.js';
import * as parts from '../score/parts.js';
import * as pay from '../score/pay.js';
import * as candidates from './index-candidates.js';
import type { Signatures } from './index-candidates.js';
import * as kernel from './kernel.js';
import type { WorkerScratch } from './kernel.js';

const { signaturesOf } = candidates;
const {
  PREFERRED_LINK,
  W_FELLOWS,
  W_FIT,
  W_LANGUAGE,
  W_LINK,
  W_UPLIFT,
  prefers,
  prepareWorker,
  skillsValue,
} = kernel;
const { CP_AWAY, CP_LINK_MASK, LINK_VALUES } = compiled;
const { FULL_FELLOWS } = origin;
const { clamp01 } = parts;
const { FULL_UPLIFT_RATIO, payFit } = pay;

const sigCache = new WeakMap<CompiledIndex, Signatures>();
const sigValues = new WeakMap<WorkerScratch, Float64Array>();
/** Shapes (required count, optional count, trains) cached per row: counts below SHAPES. */
const SHAPES = 16;
const shapeValues = new Float64Array(SHAPES * SHAPES * 2);

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
  sc: WorkerScratch,
  w: number,
  out: Float64Array,
): Float64Array {
  let sigs = sigCache.get(index);
  if (sigs === undefined) sigCache.set(index, (sigs = signaturesOf(index)));
  let values = sigValues.get(sc);
  if (values === undefined || values.length !== sigs.count)
    sigValues.set(sc, (values = new Float64Array(sigs.count)));
  values.fill(-1);
  prepareWorker(index, sc, w);
  // A signature none of whose skills the labourer touches (holds, or is linked to) scores on skills
  // from its shape alone: every credit is 0 (or the learn-on-the-job credit), nothing certified,
  // nothing used, so skillsValue does the same additions for every such signature of one shape
  // (required count, optional count, trains on the job). Those touched are marked −2 and computed.
  const { bySkillStart, bySkill } = sigs;
  for (let t = 0; t < sc.touchedCount; t++) {
    const s = sc.touched[t]!;
    for (let k = bySkillStart[s]!, end = bySkillStart[s + 1]!; k < end; k++) values[bySkill[k]!] = -2;
  }
  shapeValues.fill(-1);
  const P = index.postCount;
  const county = index.workerCounty[w]!;
  const off = county * P;
  const { countyPost, employerValue, postEmployer, postNetDorm, postNetNoDorm, countyFellows } = index;
  const { postHasLang, postLangs, workerLangs, langWords: lw } = index;
  const { postSig, rep } = sigs;
  const { reqStart, optStart, postTrainsOnJob } = index;
  // What depends on the labourer alone, hoisted; the arithmetic below is payAt, originOf and combine
  // operation for operation (the constant weight sums are the same additions, done once).
  const ew = index.effectiveWeights;
  const ew0 = ew[0]!;
  const ew1 = ew[1]!;
  const ew2 = ew[2]!;
  const ew3 = ew[3]!;
  const needsDorm = index.workerNeedsDorm[w] === 1;
  const min = index.workerMin[w]!;
  const target = index.workerTarget[w]!;
  const home = index.countyHomeMin[county]!;
  const hasHome = home === home;
  let payWeights = 0;
  payWeights += W_FIT;
  if (hasHome) payWeights += W_UPLIFT;
  let originWeights = 0;
  originWeights += W_LINK;
  originWeights += W_FELLOWS;
  originWeights += W_LANGUAGE;
  const fellowsBase = county * index.employerCount;
  const hasPrefs = index.prefStart[w + 1]! > index.prefStart[w]!;
  const langBase = w * lw;
  for (let p = 0; p < P; p++) {
    const g = postSig[p]!;
    let sk = values[g]!;
    if (sk < 0) {
      const r = rep[g]!;
      const nReq = reqStart[r + 1]! - reqStart[r]!;
      const nOpt = optStart[r + 1]! - optStart[r]!;
      if (sk === -2 || nReq >= SHAPES || nOpt >= SHAPES) sk = skillsValue(index, sc, r);
      else {
        const shape = (nReq * SHAPES + nOpt) * 2 + postTrainsOnJob[r]!;
        sk = shapeValues[shape]!;
        if (sk < 0) shapeValues[shape] = sk = skillsValue(index, sc, r);
      }
      values[g] = sk;
    }
    const cp = countyPost[off + p]!;
    // payValue
    const net = needsDorm || (cp & CP_AWAY) !== 0 ? postNetDorm[p]! : postNetNoDorm[p]!;
    let paySum = 0;
    paySum += payFit(net, min, target) * W_FIT;
    if (hasHome) paySum += clamp01((net / home - 1) / (FULL_UPLIFT_RATIO - 1)) * W_UPLIFT;
    const payPart = clamp01(paySum / payWeights);
    // originValue
    const code = cp & CP_LINK_MASK;
    const link = code === 0 ? 1 : hasPrefs && prefers(index, w, p) ? PREFERRED_LINK : LINK_VALUES[code]!;
    const e = postEmployer[p]!;
    let language = 1;
    if (postHasLang[p] === 1) {
      language = 0;
      for (let k = 0; k < lw; k++) {
        if ((postLangs[p * lw + k]! & workerLangs[langBase + k]!) !== 0) {
          language = 1;
          break;
        }
      }
    }
    let originSum = 0;
    originSum += link * W_LINK;
    originSum += Math.min(1, Math.max(0, countyFellows[fellowsBase + e]!) / FULL_FELLOWS) * W_FELLOWS;
    originSum += language * W_LANGUAGE;
    const originPart = clamp01(originSum / originWeights);
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
