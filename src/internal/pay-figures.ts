/**
 * Pay of a set of placed labourers against what they asked for and their home minimum wage, summed
 * as they are added: one implementation for the plan summary and the programme report.
 */
import type { Labourer } from '../types.js';

/** Pay of a set of placed labourers; every mean is 0 when the set is empty. */
export interface PayFigures {
  /** Placed labourers the figures are over. */
  readonly placed: number;
  /** Mean net monthly pay (`netPay`: the mean of guaranteed and expected pay, less board and lodging), CNY. */
  readonly meanNet: number;
  /** Mean of the least pay each accepts. */
  readonly meanMin: number;
  /** Mean of the pay each hopes for. */
  readonly meanTarget: number;
  /** How many earn at least their minimum. */
  readonly meetingMin: number;
  /** How many earn at least their target. */
  readonly meetingTarget: number;
  /** How many have a home-county minimum wage in the policy on the as-of date. */
  readonly withHomeMinimum: number;
  /** Mean home-county minimum wage of those (0 when none). */
  readonly meanHomeMinimum: number;
  /** Mean net pay of the same labourers, to compare like with like (0 when none). */
  readonly meanNetWithHomeMinimum: number;
  /** How many of them earn at least their home minimum wage. */
  readonly aboveHomeMinimum: number;
}

/** Sums from which {@link PayFigures} are computed. */
export class PayAccumulator {
  placed = 0;
  private net = 0;
  private min = 0;
  private target = 0;
  private meetingMin = 0;
  private meetingTarget = 0;
  private withHome = 0;
  private home = 0;
  private netWithHome = 0;
  private aboveHome = 0;

  add(net: number, labourer: Labourer, homeMinimum: number | undefined): void {
    this.placed++;
    this.net += net;
    this.min += labourer.pay.minMonthly;
    this.target += labourer.pay.targetMonthly;
    if (net >= labourer.pay.minMonthly) this.meetingMin++;
    if (net >= labourer.pay.targetMonthly) this.meetingTarget++;
    if (homeMinimum !== undefined) {
      this.withHome++;
      this.home += homeMinimum;
      this.netWithHome += net;
      if (net >= homeMinimum) this.aboveHome++;
    }
  }

  figures(): PayFigures {
    const mean = (x: number, n: number): number => (n === 0 ? 0 : x / n);
    return {
      placed: this.placed,
      meanNet: mean(this.net, this.placed),
      meanMin: mean(this.min, this.placed),
      meanTarget: mean(this.target, this.placed),
      meetingMin: this.meetingMin,
      meetingTarget: this.meetingTarget,
      withHomeMinimum: this.withHome,
      meanHomeMinimum: mean(this.home, this.withHome),
      meanNetWithHomeMinimum: mean(this.netWithHome, this.withHome),
      aboveHomeMinimum: this.aboveHome,
    };
  }
}
