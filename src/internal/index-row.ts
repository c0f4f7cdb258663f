/**
 * Scoring one labourer against every post of a compiled index: the kernel's row loop, with what
 * depends on the labourer alone hoisted out of it and the skills value computed once per skill
 * signature (posts asking for the same skills at the same levels score the same on skills).
 *
 * @module
 */
import type { CompiledIndex } from '../compile.js';
import * as candidates from './index-candidates.js';
import type { Signatures } from './index-candidates.js';
import * as kernel from './kernel.js';
import type { WorkerScratch } from './kernel.js';

const { signaturesOf } = candidates;
const { combine, originValue, payValue, prepareWorker, skillsValue } = kernel;

const sigCache = new WeakMap<CompiledIndex, Signatures>();
const sigValues = new WeakMap<WorkerScratch, Float64Array>();

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
  const P = index.postCount;
  const off = index.workerCounty[w]! * P;
  const { countyPost, employerValue, postEmployer, effectiveWeights: ew } = index;
  const { postSig, rep } = sigs;
  for (let p = 0; p < P; p++) {
    const g = postSig[p]!;
    let sk = values[g]!;
    if (sk < 0) values[g] = sk = skillsValue(index, sc, rep[g]!);
    const cp = countyPost[off + p]!;
    out[p] = combine(
      ew,
      sk,
      payValue(index, w, p, cp),
      originValue(index, w, p, cp),
      employerValue[postEmployer[p]!]!,
    );
  }
  return out;
}
