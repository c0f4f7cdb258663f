/**
 * The Kaplan–Meier estimate of a survival curve from right-censored observations, with Greenwood's
 * variance and confidence intervals. Generic: times in any unit, no domain.
 *
 * @module
 */

/** One observation: how long it was followed, and whether it ended in the event (else censored). */
export interface SurvivalObservation {
  /** Time from the start to the event or to the end of follow-up; finite and ≥ 0. */
  readonly time: number;
  /** `true` if the event happened at `time`; `false` if follow-up ended there without it. */
  readonly event: boolean;
}

/** How the confidence interval is formed from Greenwood's variance. */
export type ConfidenceType = 'log' | 'log-log' | 'plain';

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Confidence level of the intervals. @defaultValue 0.95 */
  readonly level?: number;
  /**
   * `log` (the default, as R's `survfit`): exp(log S ± z·σ), σ² = Σ d / (n(n − d)), the upper end
   * cut at 1; `log-log`: S^exp(±z·σ / log S), which stays inside [0, 1]; `plain`: S ± z·S·σ, cut to
   * [0, 1].
   */
  readonly type?: ConfidenceType;
}

/** The curve at one event time. */
export interface SurvivalStep {
  readonly time: number;
  /** At risk just before `time`: followed at least until then. */
  readonly atRisk: number;
  /** Events at `time`. */
  readonly events: number;
  /** Censored at `time` (counted at risk at `time`, as is usual). */
  readonly censored: number;
  /** Estimated survival just after `time`. */
  readonly survival: number;
  /** Greenwood's standard error of `survival`: S·σ. */
  readonly stdErr: number;
  /** The confidence interval of `survival`; NaN where it is not defined (σ infinite, S = 0 on log scales). */
  readonly lower: number;
  readonly upper: number;
}

/** A Kaplan–Meier curve. */
export interface SurvivalCurve {
  /** Observations used. */
  readonly n: number;
  /** Events among them. */
  readonly events: number;
  /** The longest time observed (event or censored): the curve is known up to here. */
  readonly followUp: number;
  /** One step per distinct event time, in time order. */
  readonly steps: readonly SurvivalStep[];
  /** Every observation's time, ascending (for the number at risk at any time). */
  readonly times: Float64Array;
  readonly level: number;
  readonly type: ConfidenceType;
}

/** The curve read at a time. */
export interface SurvivalAt {
  readonly time: number;
  /** Whether the curve is known at `time` (`time` ≤ the longest follow-up); if not, the rest is NaN. */
  readonly estimable: boolean;
  readonly survival: number;
  readonly stdErr: number;
  readonly lower: number;
  readonly upper: number;
  /** At risk at `time`: followed at least until then. */
  readonly atRisk: number;
}

/**
 * The standard normal quantile, by Acklam's rational approximation (relative error below 1.2e-9).
 *
 * @internal
 * @param p - A probability in (0, 1).
 * @returns z with Φ(z) = p.
 * @throws RangeError outside (0, 1).
 * @example
 * normalQuantile(0.975) //=> 1.959963985…
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normal quantile: p must be in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/**
 * The Kaplan–Meier estimate: S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ), nᵢ at risk just before
 * tᵢ (an observation censored at tᵢ counts at risk there), with Greenwood's variance
 * Var S = S² · Σ dᵢ / (nᵢ(nᵢ − dᵢ)) and intervals as {@link KaplanMeierOptions.type} says.
 *
 * Reproduces R's `survfit(Surv(time, event) ~ 1)` (whose defaults are these), e.g. on the
 * Freireich leukaemia remission data (tested to the printed digits).
 *
 * @param observations - Times and whether each ended in the event.
 * @param options - Confidence level and type.
 * @returns The curve, one step per distinct event time.
 * @throws RangeError for a time that is not finite or is negative, or a level outside (0, 1).
 * @example
 * kaplanMeier([{ time: 1, event: true }, { time: 2, event: false }]).steps[0].survival //=> 0.5
 *
 * Complexity: O(n log n).
 */
export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  options: KaplanMeierOptions = {},
): SurvivalCurve {
  const level = options.level ?? 0.95;
  const type = options.type ?? 'log';
  if (!(level > 0 && level < 1)) throw new RangeError(`kaplanMeier: level must be in (0, 1), got ${level}`);
  if (type !== 'log' && type !== 'log-log' && type !== 'plain')
    throw new RangeError(`kaplanMeier: type must be log, log-log or plain, got ${String(type)}`);
  observations.forEach((o, i) => {
    if (!(Number.isFinite(o.time) && o.time >= 0))
      throw new RangeError(`kaplanMeier: observations[${i}].time must be a finite number ≥ 0, got ${o.time}`);
    if (typeof o.event !== 'boolean')
      throw new RangeError(`kaplanMeier: observations[${i}].event must be true or false`);
  });
  const z = normalQuantile(1 - (1 - level) / 2);
  // The event times and the censored times, each sorted as numbers (typed arrays sort without a
  // comparator), then walked together: at each distinct time, d events and c censored.
  let nEvents = 0;
  for (const o of observations) if (o.event) nEvents++;
  const ev = new Float64Array(nEvents);
  const ce = new Float64Array(observations.length - nEvents);
  let ei = 0;
  let ci = 0;
  for (const o of observations) {
    if (o.event) ev[ei++] = o.time;
    else ce[ci++] = o.time;
  }
  ev.sort();
  ce.sort();
  const n = observations.length;
  const times = new Float64Array(n);
  const steps: SurvivalStep[] = [];
  let atRisk = n;
  let survival = 1;
  let sigma2 = 0;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < ev.length || j < ce.length) {
    const time = j >= ce.length || (i < ev.length && ev[i]! <= ce[j]!) ? ev[i]! : ce[j]!;
    let d = 0;
    let c = 0;
    while (i < ev.length && ev[i] === time) {
      d++;
      i++;
      times[k++] = time;
    }
    while (j < ce.length && ce[j] === time) {
      c++;
      j++;
      times[k++] = time;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      sigma2 += atRisk === d ? Number.POSITIVE_INFINITY : d / (atRisk * (atRisk - d));
      const sigma = Math.sqrt(sigma2);
      const [lower, upper] = interval(survival, sigma, z, type);
      steps.push({ time, atRisk, events: d, censored: c, survival, stdErr: survival * sigma, lower, upper });
    }
    atRisk -= d + c;
  }
  return { n, events: nEvents, followUp: n === 0 ? 0 : times[n - 1]!, steps, times, level, type };
}

/** The interval of S with σ² the Greenwood sum. */
function interval(s: number, sigma: number, z: number, type: ConfidenceType): readonly [number, number] {
  if (!Number.isFinite(sigma)) return [Number.NaN, Number.NaN];
  if (type === 'plain') return [Math.max(0, s - z * s * sigma), Math.min(1, s + z * s * sigma)];
  if (s === 0) return [Number.NaN, Number.NaN];
  if (type === 'log') return [s * Math.exp(-z * sigma), Math.min(1, s * Math.exp(z * sigma))];
  // log-log: on log(−log S), whose standard error is σ / |log S|.
  if (s === 1) return [Number.NaN, Number.NaN];
  const w = (z * sigma) / Math.log(s);
  return [s ** Math.exp(-w), s ** Math.exp(w)];
}

/**
 * The curve read at a time: the last step at or before it (S = 1 before the first event), and who
 * was at risk then. Not estimable beyond the longest follow-up, unless the curve has reached 0.
 *
 * @param curve - A curve from {@link kaplanMeier}.
 * @param time - When.
 * @returns Survival, standard error and interval at `time`.
 * @example
 * survivalAt(kaplanMeier([{ time: 1, event: true }, { time: 3, event: false }]), 2).survival //=> 0.5
 */
export function survivalAt(curve: SurvivalCurve, time: number): SurvivalAt {
  // Once the curve reaches 0 (the longest follow-up ended in the event), it stays there.
  const end = curve.steps[curve.steps.length - 1];
  if (time > curve.followUp && end !== undefined && end.survival === 0)
    return {
      time,
      estimable: true,
      survival: 0,
      stdErr: end.stdErr,
      lower: end.lower,
      upper: end.upper,
      atRisk: 0,
    };
  if (!(time <= curve.followUp) || curve.n === 0)
    return { time, estimable: false, survival: NaN, stdErr: NaN, lower: NaN, upper: NaN, atRisk: 0 };
  let last: SurvivalStep | undefined;
  for (const s of curve.steps) {
    if (s.time > time) break;
    last = s;
  }
  // At risk at `time`: those followed at least until then.
  let lo = 0;
  let hi = curve.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (curve.times[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  const atRisk = curve.times.length - lo;
  if (last === undefined)
    return { time, estimable: true, survival: 1, stdErr: 0, lower: 1, upper: 1, atRisk };
  return {
    time,
    estimable: true,
    survival: last.survival,
    stdErr: last.stdErr,
    lower: last.lower,
    upper: last.upper,
    atRisk,
  };
}
