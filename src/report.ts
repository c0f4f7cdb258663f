/**
 * The programme report of a placement plan: who was placed and who was not, by origin (county,
 * prefecture, province), priority tier and gender; why the unplaced are unplaced; where the placed
 * went (in or across provinces, near home or in the city); what they earn against what they asked
 * for and against the minimum wage back home; how far each employer and town filled its openings;
 * the gaps between genders and between origins; and the travel subsidies the policy defines.
 *
 * Plain data: render it with `reportToMarkdown`, `reportToHtml` or `reportToCsv`.
 *
 * @module
 */
import { compareIds } from './compare.js';
import { divisionNameEn, placeNameEn } from './division-names-en.js';
import { divisionName, prefectureOf, provinceOf } from './divisions.js';
import { contextOf, siteArea, siteKey } from './internal/context.js';
import { PayAccumulator, type PayFigures } from './internal/pay-figures.js';
import type { Plan, PriorityTier, UnplacedReasonCode } from './plan.js';
import type { Outcomes } from './outcomes.js';
import { inForce, minimumWageAt } from './policy/resolve.js';
import { retention, type RetentionRow } from './retention.js';
import type { LocalizedName, TravelSubsidy } from './policy/types.js';
import { netPay } from './score.js';
import type { AreaCode, CountyCode, Dataset, Gender, IsoDate, Post } from './types.js';

/** The unplaced reasons in the order reports list them. */
export const REPORT_REASON_CODES: readonly UnplacedReasonCode[] = [
  'labourer-excluded',
  'no-eligible-post',
  'below-min-score',
  'posts-filled',
  'group-not-placed-whole',
];

export type { PayFigures } from './internal/pay-figures.js';

/** Outcomes of one group of labourers (an origin, a tier, a gender). */
export interface OutcomeSlice {
  /** The group's key: a division code, a tier (`0`, `1`) or a gender (`female`, `male`, `unrecorded`). */
  readonly key: string;
  /** Its name in both locales (division names are the official Chinese names in both). */
  readonly name: LocalizedName;
  readonly labourers: number;
  readonly placed: number;
  readonly unplaced: number;
  /** `placed / labourers` (0 when there are no labourers). */
  readonly placementRate: number;
  /** Pay of the group's placed labourers. */
  readonly pay: PayFigures;
}

/** An origin county's outcomes, with the prefecture and province it belongs to. */
export interface CountySlice extends OutcomeSlice {
  readonly key: CountyCode;
  readonly prefecture: AreaCode;
  readonly province: AreaCode;
}

/** Where a placement is, against the labourer's home province. */
export type ProvinceMove = 'in-province' | 'cross-province';

/**
 * Where a placement is, against the labourer's home: `near-home` (the home county, or a park serving
 * it), `city` (a town of the destination city), `elsewhere` (any other county or park).
 */
export type PlacementSetting = 'near-home' | 'city' | 'elsewhere';

/** Placed labourers of one kind of placement. */
export interface PlacementSlice<K extends string> {
  readonly key: K;
  readonly name: LocalizedName;
  readonly placed: number;
  readonly pay: PayFigures;
}

/** A split of the placed labourers by kind of placement; `unplaced` completes it to every labourer. */
export interface PlacementBreakdown<K extends string> {
  /** Every kind, in a fixed order, zero rows included. */
  readonly rows: readonly PlacementSlice<K>[];
  /** Labourers not placed (and so in no row). */
  readonly unplaced: number;
}

/** Openings filled at one employer or site. */
export interface FillSlice {
  /** The employer id, or the site key (`town:441900116`, `county:530627`, `park:guanshao`). */
  readonly key: string;
  readonly name: LocalizedName;
  readonly posts: number;
  /** Openings left before the plan: `Σ max(0, openings − filled)`. */
  readonly openings: number;
  readonly placed: number;
  /** `placed / openings` (0 when no opening was left). */
  readonly fillRate: number;
}

/** The highest and the lowest of a figure among groups of at least the minimum size. */
export interface Spread {
  readonly highest: { readonly key: string; readonly name: LocalizedName; readonly value: number };
  readonly lowest: { readonly key: string; readonly name: LocalizedName; readonly value: number };
  /** `highest.value − lowest.value`. */
  readonly gap: number;
}

/** Gaps in outcomes between genders and between origins. */
export interface Disparity {
  /** The group size (labourers, or placed labourers for pay) below which a group is left out. */
  readonly minGroupSize: number;
  /** Women's placement rate less men's; absent unless both have at least `minGroupSize` labourers. */
  readonly genderRateGap?: number;
  /** Women's mean net pay over men's; absent unless both have at least `minGroupSize` placed. */
  readonly genderPayRatio?: number;
  /** Placement rate across origin prefectures; absent with fewer than two large enough. */
  readonly prefectureRate?: Spread;
  /** Mean net pay across origin prefectures (by placed labourers); absent with fewer than two. */
  readonly prefecturePay?: Spread;
}

/** One travel-subsidy row of the policy and the placed labourers it covers. */
export interface TravelSubsidyRow {
  readonly originArea: AreaCode;
  readonly name: LocalizedName;
  readonly crossProvinceOnly: boolean;
  readonly from: IsoDate;
  readonly to?: IsoDate;
  readonly amount?: number;
  /** Placed labourers eligible under this row (a labourer may be under several). */
  readonly eligible: number;
}

/** Travel subsidies: whether the policy defines any, and who is eligible. */
export type TravelSubsidyReport =
  | { readonly defined: false }
  | {
      readonly defined: true;
      /** Placed labourers eligible under at least one row in force on the as-of date. */
      readonly eligible: number;
      /** Of them, those whose row (the most specific origin area, then the latest start) names an amount. */
      readonly withAmount: number;
      /** The sum of those amounts, CNY. */
      readonly totalAmount: number;
      /** Every row of the policy, in policy order. */
      readonly rows: readonly TravelSubsidyRow[];
    };

/** A programme report. See {@link buildReport}. */
export interface ProgrammeReport {
  /** The dataset's as-of date, on which every rule and wage is read. */
  readonly asOf: IsoDate;
  /** The plan's own as-of date and mode. */
  readonly plan: { readonly asOf: IsoDate; readonly mode: Plan['mode'] };
  readonly policy: { readonly id: string; readonly name: LocalizedName };
  readonly totals: {
    readonly labourers: number;
    readonly placed: number;
    readonly unplaced: number;
    readonly placementRate: number;
    /** Openings left before the plan across all posts. */
    readonly openings: number;
    /** `placed / openings` (0 when none). */
    readonly fillRate: number;
    /** Mean score of the placed (0 when none). */
    readonly meanScore: number;
    readonly pay: PayFigures;
  };
  readonly byTier: readonly (OutcomeSlice & { readonly tier: PriorityTier })[];
  /** Origin counties, by code. */
  readonly byCounty: readonly CountySlice[];
  /** Origin prefectures (4-digit codes), by code. */
  readonly byPrefecture: readonly OutcomeSlice[];
  /** Origin provinces (2-digit codes), by code. */
  readonly byProvince: readonly OutcomeSlice[];
  /** `female`, `male`, then `unrecorded`; zero rows included. */
  readonly byGender: readonly OutcomeSlice[];
  /** Unplaced labourers by their first reason, every code in {@link REPORT_REASON_CODES} order. */
  readonly unplacedByReason: readonly { readonly code: UnplacedReasonCode; readonly count: number }[];
  readonly provinceMove: PlacementBreakdown<ProvinceMove>;
  readonly setting: PlacementBreakdown<PlacementSetting>;
  /** Employers, by id. */
  readonly byEmployer: readonly FillSlice[];
  /** Sites (town, county, park) with any opening left or any placement, by key. */
  readonly bySite: readonly FillSlice[];
  readonly disparity: Disparity;
  readonly travelSubsidy: TravelSubsidyReport;
  /** Present when outcome records were given ({@link ReportOptions.outcomes}) and hold placements. */
  readonly stableEmployment?: StableEmployment;
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  /**
   * Groups smaller than this (labourers for rates, placed labourers for pay) are left out of the
   * disparity figures, where one or two people would make a gap meaningless.
   * @defaultValue 5
   */
  readonly minGroupSize?: number;
  /** Called as entries are counted (`done` of `total`), for a progress display. @defaultValue none */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Outcome records of the placements (read by `parseOutcomes` against the same dataset): the report
   * then tells stable employment, the share still in work at 3 and 6 months. @defaultValue none
   */
  readonly outcomes?: Outcomes;
  /**
   * The dataset the outcomes were read against, when the plan was made on another: a plan made again
   * (`replan`) is reported on the dataset the outcomes left, its stable employment on the whole one.
   * @defaultValue the report's dataset
   */
  readonly outcomesDataset?: Dataset;
}

/** A group's retention in the report: its placements, who left, and the share in work at each month. */
export interface RetentionFigures {
  readonly key: string;
  readonly placements: number;
  readonly left: number;
  readonly leftForCause: number;
  readonly at: readonly {
    readonly months: number;
    readonly estimable: boolean;
    readonly survival: number;
    readonly lower: number;
    readonly upper: number;
    readonly atRisk: number;
  }[];
}

/** Stable employment (from outcome records): retention at 3 and 6 months, and the curves. */
export interface StableEmployment {
  readonly months: readonly number[];
  readonly programme: RetentionFigures;
  /** `0` priority households, `1` others. */
  readonly byTier: readonly RetentionFigures[];
  readonly byCounty: readonly RetentionFigures[];
  readonly byEmployer: readonly RetentionFigures[];
  /** The programme's Kaplan–Meier curve and each tier's: (months, share in work) after each event. */
  readonly curves: readonly {
    readonly key: string;
    readonly followUp: number;
    readonly steps: readonly { readonly months: number; readonly survival: number }[];
  }[];
}

/** The months at which the report reads retention. */
export const STABLE_EMPLOYMENT_MONTHS: readonly number[] = [3, 6];

function stableEmployment(outcomes: Outcomes, dataset: Dataset): StableEmployment | undefined {
  if (outcomes.outcomes.length === 0) return undefined;
  const months = STABLE_EMPLOYMENT_MONTHS;
  const figures = (r: RetentionRow): RetentionFigures => ({
    key: r.key,
    placements: r.placements,
    left: r.left,
    leftForCause: r.leftForCause,
    at: r.at.map((a) => ({
      months: a.months,
      estimable: a.estimable,
      survival: a.survival,
      lower: a.lower,
      upper: a.upper,
      atRisk: a.atRisk,
    })),
  });
  const programme = retention(outcomes, dataset, { months }).rows[0]!;
  const byTier = retention(outcomes, dataset, { by: 'tier', months }).rows;
  const curve = (r: RetentionRow) => ({
    key: r.key,
    followUp: r.curve.followUp,
    steps: r.curve.steps.map((s) => ({ months: s.time, survival: s.survival })),
  });
  return {
    months,
    programme: figures(programme),
    byTier: byTier.map(figures),
    byCounty: retention(outcomes, dataset, { by: 'origin-county', months }).rows.map(figures),
    byEmployer: retention(outcomes, dataset, { by: 'employer', months }).rows.map(figures),
    curves: [curve(programme), ...byTier.map(curve)],
  };
}

const TIER_NAMES: Readonly<Record<PriorityTier, LocalizedName>> = {
  0: { zh: '重点人员（脱贫户、监测户）', en: 'Priority (registered or monitored households)' },
  1: { zh: '其他人员', en: 'Other labourers' },
};

const GENDER_NAMES: Readonly<Record<Gender | 'unrecorded', LocalizedName>> = {
  female: { zh: '女', en: 'Women' },
  male: { zh: '男', en: 'Men' },
  unrecorded: { zh: '未登记', en: 'Not recorded' },
};

const MOVE_NAMES: Readonly<Record<ProvinceMove, LocalizedName>> = {
  'in-province': { zh: '省内就业', en: 'Within the home province' },
  'cross-province': { zh: '跨省就业', en: 'Across provinces' },
};

const SETTING_NAMES: Readonly<Record<PlacementSetting, LocalizedName>> = {
  'near-home': {
    zh: '就近就业（本县或服务本县的产业园）',
    en: 'Near home (home county or a park serving it)',
  },
  city: { zh: '城市就业（目的地城镇）', en: 'In the city (a destination town)' },
  elsewhere: { zh: '其他异地就业', en: 'Elsewhere away from home' },
};

const PROGRESS_STEP = 1024;

class OutcomeAccumulator {
  labourers = 0;
  readonly pay = new PayAccumulator();

  slice(key: string, name: LocalizedName): OutcomeSlice {
    const placed = this.pay.placed;
    return {
      key,
      name,
      labourers: this.labourers,
      placed,
      unplaced: this.labourers - placed,
      placementRate: this.labourers === 0 ? 0 : placed / this.labourers,
      pay: this.pay.figures(),
    };
  }
}

function slot<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

const divisionNames = (code: string): LocalizedName => {
  const zh = divisionName(code) ?? code;
  const en = divisionNameEn(code);
  // County-level cities directly under a province (PP90) share one generic prefecture name.
  if (code.length === 4 && code.slice(2) === '90') {
    const province = code.slice(0, 2);
    const whole = `${divisionName(province) ?? ''}${zh}`;
    return { zh: whole, en: `${divisionNameEn(province) ?? province}: ${en ?? code} (${whole})` };
  }
  return { zh, en: placeNameEn(code) };
};

function spread(
  rows: readonly OutcomeSlice[],
  size: (r: OutcomeSlice) => number,
  value: (r: OutcomeSlice) => number,
  min: number,
): Spread | undefined {
  const eligible = rows.filter((r) => size(r) >= min);
  if (eligible.length < 2) return undefined;
  // Ties go to the smaller code, so the same report comes out on every run.
  let hi = eligible[0]!;
  let lo = eligible[0]!;
  for (const r of eligible) {
    if (value(r) > value(hi)) hi = r;
    if (value(r) < value(lo)) lo = r;
  }
  const point = (r: OutcomeSlice) => ({ key: r.key, name: r.name, value: value(r) });
  return { highest: point(hi), lowest: point(lo), gap: value(hi) - value(lo) };
}

/** The row that sets a labourer's amount: the most specific origin area, then the latest start, then policy order. */
function moreSpecific(a: TravelSubsidy, b: TravelSubsidy): boolean {
  if (a.originArea.length !== b.originArea.length) return a.originArea.length > b.originArea.length;
  return a.from > b.from;
}

/**
 * Builds the programme report of a plan against the dataset it was made from.
 *
 * Every labourer of the plan is counted once in each outcome split (origin county, prefecture,
 * province, tier, gender), so each split's `placed` and `unplaced` add up to the totals; the
 * placement splits (in or across provinces, near home or in the city) add up to the placed, with
 * `unplaced` beside them. Unplaced labourers count under their first reason. Pay is `netPay` of
 * each placement against the labourer's minimum and target, and against the minimum wage of the
 * home county on the dataset's as-of date where the policy has one (`minimumWageAt`; the default
 * policy has them only for Guangdong). A placement is `near-home` when the site lies in the home
 * county or is a park serving it, `city` when the site is a town, `elsewhere` otherwise.
 *
 * Travel subsidies: a placed labourer is eligible under a policy row in force on the as-of date whose
 * origin area contains their home county, whose households (if listed) include theirs, and, for a
 * cross-province-only row, whose placement is outside their home province. Without rows the report
 * says the policy does not define them.
 *
 * Complexity: O(N + P + E log E + S log S + r·N) for N entries, P posts, E employers, S sites and r
 * travel-subsidy rows.
 *
 * @param plan - The plan (from `assign` or `parsePlan`).
 * @param dataset - The dataset it was made from.
 * @param options - Minimum group size for disparities; a progress callback.
 * @returns The report, as plain JSON-ready data.
 * @throws RangeError if an entry names a labourer or a post the dataset does not hold.
 * @example
 * const report = buildReport(assign(demoDataset()), demoDataset());
 * report.totals.placed === report.byProvince.reduce((s, r) => s + r.placed, 0) //=> true
 */
export function buildReport(
  plan: Pick<Plan, 'entries' | 'asOf' | 'mode'>,
  dataset: Dataset,
  options: ReportOptions = {},
): ProgrammeReport {
  const minGroupSize = options.minGroupSize ?? 5;
  if (!(Number.isInteger(minGroupSize) && minGroupSize >= 1))
    throw new RangeError(`buildReport: minGroupSize must be a positive integer, got ${String(minGroupSize)}`);
  const ctx = contextOf(dataset);
  const { policy, asOf } = dataset;
  const subsidies = policy.travelSubsidies ?? [];
  const stable =
    options.outcomes === undefined
      ? undefined
      : stableEmployment(options.outcomes, options.outcomesDataset ?? dataset);
  const onProgress = options.onProgress;
  const total = plan.entries.length;

  const all = new OutcomeAccumulator();
  const tiers = new Map<PriorityTier, OutcomeAccumulator>([
    [0, new OutcomeAccumulator()],
    [1, new OutcomeAccumulator()],
  ]);
  const genders = new Map<Gender | 'unrecorded', OutcomeAccumulator>([
    ['female', new OutcomeAccumulator()],
    ['male', new OutcomeAccumulator()],
    ['unrecorded', new OutcomeAccumulator()],
  ]);
  const counties = new Map<string, OutcomeAccumulator>();
  const prefectures = new Map<string, OutcomeAccumulator>();
  const provinces = new Map<string, OutcomeAccumulator>();
  const reasons = new Map<UnplacedReasonCode, number>(REPORT_REASON_CODES.map((c) => [c, 0]));
  const moves = new Map<ProvinceMove, PayAccumulator>([
    ['in-province', new PayAccumulator()],
    ['cross-province', new PayAccumulator()],
  ]);
  const settings = new Map<PlacementSetting, PayAccumulator>([
    ['near-home', new PayAccumulator()],
    ['city', new PayAccumulator()],
    ['elsewhere', new PayAccumulator()],
  ]);
  const subsidyCounts = subsidies.map(() => 0);
  let subsidyEligible = 0;
  let subsidyWithAmount = 0;
  let subsidyTotal = 0;
  const placedAt = new Map<string, number>();
  const homeMinimum = new Map<string, number | undefined>();
  let scoreSum = 0;

  // 1. Every entry into each split it belongs to.
  for (let i = 0; i < total; i++) {
    const entry = plan.entries[i]!;
    const labourer = ctx.labourers.get(entry.labourer);
    if (labourer === undefined)
      throw new RangeError(
        `buildReport: the plan names labourer ${entry.labourer}, who is not in the dataset`,
      );
    const county = labourer.originCounty;
    const groups = [
      all,
      tiers.get(entry.tier)!,
      genders.get(labourer.gender ?? 'unrecorded')!,
      slot(counties, county, () => new OutcomeAccumulator()),
      slot(prefectures, prefectureOf(county), () => new OutcomeAccumulator()),
      slot(provinces, provinceOf(county), () => new OutcomeAccumulator()),
    ];
    for (const g of groups) g.labourers++;
    if (entry.kind === 'unplaced') {
      const code = entry.reasons[0].code;
      reasons.set(code, (reasons.get(code) ?? 0) + 1);
    } else {
      const post: Post | undefined = ctx.posts.get(entry.post);
      if (post === undefined)
        throw new RangeError(
          `buildReport: the plan places ${entry.labourer} on post ${entry.post}, which is not in the dataset`,
        );
      const area = siteArea(post.site, ctx.parks);
      const { net } = netPay(labourer, post, area);
      if (!homeMinimum.has(county)) homeMinimum.set(county, minimumWageAt(policy, county, asOf)?.monthly);
      const home = homeMinimum.get(county);
      for (const g of groups) g.pay.add(net, labourer, home);
      scoreSum += entry.score;
      const cross = provinceOf(area) !== provinceOf(county);
      moves.get(cross ? 'cross-province' : 'in-province')!.add(net, labourer, home);
      const nearHome =
        area.startsWith(county) ||
        (post.site.kind === 'park' &&
          (ctx.parks.get(post.site.park)?.serves.some((a) => county.startsWith(a)) ?? false));
      settings
        .get(nearHome ? 'near-home' : post.site.kind === 'town' ? 'city' : 'elsewhere')!
        .add(net, labourer, home);
      placedAt.set(post.id, (placedAt.get(post.id) ?? 0) + 1);
      // 2. Travel subsidies, where the policy defines them.
      let best: TravelSubsidy | undefined;
      for (let r = 0; r < subsidies.length; r++) {
        const row = subsidies[r]!;
        if (
          inForce(row, asOf) &&
          county.startsWith(row.originArea) &&
          (!row.crossProvinceOnly || cross) &&
          (row.households === undefined || row.households.includes(labourer.household))
        ) {
          subsidyCounts[r]!++;
          if (best === undefined || moreSpecific(row, best)) best = row;
        }
      }
      if (best !== undefined) {
        subsidyEligible++;
        if (best.amount !== undefined) {
          subsidyWithAmount++;
          subsidyTotal += best.amount;
        }
      }
    }
    if (onProgress !== undefined && ((i + 1) % PROGRESS_STEP === 0 || i + 1 === total))
      onProgress(i + 1, total);
  }

  // 3. Openings and placements by employer and by site.
  const employers = new Map<string, { posts: number; openings: number; placed: number }>();
  for (const e of dataset.employers) employers.set(e.id, { posts: 0, openings: 0, placed: 0 });
  const sites = new Map<string, { name: LocalizedName; posts: number; openings: number; placed: number }>();
  let openings = 0;
  for (const p of dataset.posts) {
    const left = Math.max(0, p.openings - p.filled);
    const placed = placedAt.get(p.id) ?? 0;
    openings += left;
    const e = slot(employers, p.employer as string, () => ({ posts: 0, openings: 0, placed: 0 }));
    e.posts++;
    e.openings += left;
    e.placed += placed;
    const s = slot(sites, siteKey(p.site), () => ({
      name:
        p.site.kind === 'park'
          ? (ctx.parks.get(p.site.park)?.name ?? { zh: p.site.park, en: p.site.park })
          : divisionNames(p.site.kind === 'town' ? p.site.town : p.site.county),
      posts: 0,
      openings: 0,
      placed: 0,
    }));
    s.posts++;
    s.openings += left;
    s.placed += placed;
  }
  const fill = (
    key: string,
    name: LocalizedName,
    s: { posts: number; openings: number; placed: number },
  ): FillSlice => ({
    key,
    name,
    posts: s.posts,
    openings: s.openings,
    placed: s.placed,
    fillRate: s.openings === 0 ? 0 : s.placed / s.openings,
  });

  const areaSlices = (map: Map<string, OutcomeAccumulator>): OutcomeSlice[] =>
    [...map].sort(([a], [b]) => compareIds(a, b)).map(([code, acc]) => acc.slice(code, divisionNames(code)));
  const byPrefecture = areaSlices(prefectures);
  const byGender = [...genders].map(([g, acc]) => acc.slice(g, GENDER_NAMES[g]));
  const female = byGender[0]!;
  const male = byGender[1]!;
  const totals = all.slice('all', { zh: '全部', en: 'All' });
  const breakdown = <K extends string>(
    map: Map<K, PayAccumulator>,
    names: Readonly<Record<K, LocalizedName>>,
  ): PlacementBreakdown<K> => ({
    rows: [...map].map(([key, acc]) => ({ key, name: names[key], placed: acc.placed, pay: acc.figures() })),
    unplaced: totals.unplaced,
  });

  const prefectureRate = spread(
    byPrefecture,
    (r) => r.labourers,
    (r) => r.placementRate,
    minGroupSize,
  );
  const prefecturePay = spread(
    byPrefecture,
    (r) => r.placed,
    (r) => r.pay.meanNet,
    minGroupSize,
  );
  const disparity: Disparity = {
    minGroupSize,
    ...(female.labourers >= minGroupSize && male.labourers >= minGroupSize
      ? { genderRateGap: female.placementRate - male.placementRate }
      : {}),
    ...(female.placed >= minGroupSize && male.placed >= minGroupSize && male.pay.meanNet > 0
      ? { genderPayRatio: female.pay.meanNet / male.pay.meanNet }
      : {}),
    ...(prefectureRate === undefined ? {} : { prefectureRate }),
    ...(prefecturePay === undefined ? {} : { prefecturePay }),
  };

  const travelSubsidy: TravelSubsidyReport =
    subsidies.length === 0
      ? { defined: false }
      : {
          defined: true,
          eligible: subsidyEligible,
          withAmount: subsidyWithAmount,
          totalAmount: subsidyTotal,
          rows: subsidies.map((row, r) => ({
            originArea: row.originArea,
            name: divisionNames(row.originArea),
            crossProvinceOnly: row.crossProvinceOnly,
            from: row.from,
            ...(row.to === undefined ? {} : { to: row.to }),
            ...(row.amount === undefined ? {} : { amount: row.amount }),
            eligible: subsidyCounts[r]!,
          })),
        };

  return {
    asOf,
    plan: { asOf: plan.asOf, mode: plan.mode },
    policy: { id: policy.id, name: policy.name },
    totals: {
      labourers: totals.labourers,
      placed: totals.placed,
      unplaced: totals.unplaced,
      placementRate: totals.placementRate,
      openings,
      fillRate: openings === 0 ? 0 : totals.placed / openings,
      meanScore: totals.placed === 0 ? 0 : scoreSum / totals.placed,
      pay: totals.pay,
    },
    byTier: [...tiers].map(([tier, acc]) => ({ ...acc.slice(String(tier), TIER_NAMES[tier]), tier })),
    byCounty: [...counties]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([code, acc]) => ({
        ...acc.slice(code, divisionNames(code)),
        key: code as CountyCode,
        prefecture: prefectureOf(code),
        province: provinceOf(code),
      })),
    byPrefecture,
    byProvince: areaSlices(provinces),
    byGender,
    unplacedByReason: REPORT_REASON_CODES.map((code) => ({ code, count: reasons.get(code) ?? 0 })),
    provinceMove: breakdown(moves, MOVE_NAMES),
    setting: breakdown(settings, SETTING_NAMES),
    byEmployer: [...employers]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([id, s]) => {
        const name = ctx.employers.get(id)?.name ?? id;
        return fill(id, { zh: name, en: name }, s);
      }),
    bySite: [...sites]
      .filter(([, s]) => s.openings > 0 || s.placed > 0)
      .sort(([a], [b]) => compareIds(a, b))
      .map(([key, s]) => fill(key, s.name, s)),
    disparity,
    travelSubsidy,
    ...(stable === undefined ? {} : { stableEmployment: stable }),
  };
}
