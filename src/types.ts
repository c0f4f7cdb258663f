/**
 * The domain model of bangfu: labourers, employers, posts and the dataset that holds them.
 *
 * Every type here is what {@link parseDataset} returns after validation: ids are branded, dates are
 * ISO `YYYY-MM-DD` strings that are known to parse, numbers are finite. Inputs are never mutated.
 *
 * @module
 */

declare const brand: unique symbol;

/** A nominal tag on a primitive, so that two kinds of id cannot be confused. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A labourer's id, unique within a dataset. */
export type LabourerId = Brand<string, 'LabourerId'>;
/** A post's id, unique within a dataset. */
export type PostId = Brand<string, 'PostId'>;
/** An employer's id, unique within a dataset. */
export type EmployerId = Brand<string, 'EmployerId'>;
/** An industrial park's id, unique within a policy (e.g. `guanshao`). */
export type ParkId = Brand<string, 'ParkId'>;
/** A skill's id in the policy's skill taxonomy (e.g. `sewing-machine-operation`). */
export type SkillId = Brand<string, 'SkillId'>;
/** A certificate's id in the policy's certificate catalogue (e.g. `electrician`). */
export type CertificateId = Brand<string, 'CertificateId'>;
/** A designated placement base's id, unique within a policy. */
export type BaseId = Brand<string, 'BaseId'>;
/**
 * A county-level division code: six digits of GB/T 2260 (NBS 2023 edition), e.g. `530627` (镇雄县).
 * Validated against the official table.
 */
export type CountyCode = Brand<string, 'CountyCode'>;
/** A Dongguan town-level code: nine digits of the NBS statistical division table, e.g. `441900116` (塘厦镇). */
export type TownCode = Brand<string, 'TownCode'>;
/**
 * A division code at any level, used where a rule names an area: province (2 digits, `53`),
 * prefecture (4 digits, `5306`), county (6 digits, `530627`) or town (9 digits, `441900116`).
 */
export type AreaCode = Brand<string, 'AreaCode'>;
/** An occupation code of 中华人民共和国职业分类大典 (2022), e.g. `6-04-01-01`. */
export type OccupationCode = Brand<string, 'OccupationCode'>;
/** A calendar date as `YYYY-MM-DD`, known to be a real date. */
export type IsoDate = Brand<string, 'IsoDate'>;

/**
 * Vocational qualification level: 5 (初级工, beginner) … 1 (高级技师, senior technician).
 * A smaller number is a higher qualification.
 */
export type SkillLevel = 1 | 2 | 3 | 4 | 5;

/** Household status: 建档立卡/脱贫 (registered), 防止返贫监测对象 (monitored), or other. */
export type HouseholdStatus = 'registered' | 'monitored' | 'other';

/** Recorded for reports on disparities, and for the statutory retirement age; never a filter. */
export type Gender = 'female' | 'male';

/** How far from home a labourer is willing to work. */
export type MobilityScope = 'home-county' | 'home-prefecture' | 'home-province' | 'anywhere';

/** A skill a labourer holds. */
export interface HeldSkill {
  readonly skill: SkillId;
  /** 5 (初级工) … 1 (高级技师). */
  readonly level: SkillLevel;
  /** Whether a vocational qualification certificate attests it. */
  readonly certified: boolean;
}

/** A certificate a labourer holds (special-operation certificates among them). */
export interface HeldCertificate {
  readonly certificate: CertificateId;
  readonly issuedOn?: IsoDate;
  /** The day after which it is no longer valid; absent if it does not expire. */
  readonly validUntil?: IsoDate;
}

/** A training course a labourer completed; it may grant a skill (at level 5 unless stated). */
export interface CompletedTraining {
  readonly course: string;
  readonly completedOn: IsoDate;
  readonly grantsSkill?: SkillId;
  readonly grantsLevel?: SkillLevel;
}

/** A registered labourer, as surveyed by the human-resources bureau. */
export interface Labourer {
  readonly id: LabourerId;
  readonly name?: string;
  readonly household: HouseholdStatus;
  /** Six-digit county code of the household registration. */
  readonly originCounty: CountyCode;
  readonly birthDate: IsoDate;
  readonly gender?: Gender;
  /** A woman in a cadre post retires under the cadre schedule (55 → 58); default false. */
  readonly cadre?: boolean;
  readonly skills: readonly HeldSkill[];
  readonly certificates: readonly HeldCertificate[];
  readonly trainings: readonly CompletedTraining[];
  readonly pay: {
    /** The least net monthly pay (CNY) the labourer will accept. */
    readonly minMonthly: number;
    /** The net monthly pay (CNY) the labourer hopes for; ≥ minMonthly. */
    readonly targetMonthly: number;
  };
  readonly mobility: {
    readonly scope: MobilityScope;
    /** Areas (any level) or parks the labourer would like to work in. */
    readonly preferred: readonly Destination[];
    /** Areas (any level) or parks the labourer will not work in. */
    readonly refused: readonly Destination[];
  };
  readonly needsDormitory: boolean;
  /** Cannot leave home (family care): only posts in the home county or a park serving it. */
  readonly cannotLeaveHome: boolean;
  /** Languages spoken, as BCP 47 tags (`zh`, `yue`, `ii`, `ug`, `hmn`…). */
  readonly languages: readonly string[];
  readonly availableFrom: IsoDate;
}

/** A place named by a labourer's preference or refusal: an area code at any level, or a park. */
export type Destination =
  { readonly kind: 'area'; readonly area: AreaCode } | { readonly kind: 'park'; readonly park: ParkId };

/** The criteria of the bureau's employer vetting (用工单位审核). */
export type VettingCriterion = 'well-managed' | 'suitable-posts' | 'good-pay' | 'socially-responsible';

/** An employer and its vetting record. */
export interface Employer {
  readonly id: EmployerId;
  readonly name: string;
  readonly vetting: {
    readonly status: 'approved' | 'pending' | 'revoked';
    readonly criteria: readonly VettingCriterion[];
    readonly vettedOn: IsoDate;
    readonly validUntil: IsoDate;
  };
  /**
   * Past placements from the programme and how many were still in work after six months: whole
   * numbers at most 2^31 − 1 (2147483647), like every count of a dataset.
   */
  readonly trackRecord?: {
    readonly placements: number;
    readonly retainedSixMonths: number;
  };
  /**
   * Programme labourers already working there, by origin county (fellow villagers); each count a
   * whole number at most 2^31 − 1.
   */
  readonly workforceByOrigin: readonly { readonly county: CountyCode; readonly count: number }[];
  /**
   * Retention measured from the programme's outcome records, set by `applyOutcomes` (never read from
   * a dataset file): when present, the employer component uses `rate` instead of `trackRecord`.
   */
  readonly measuredRetention?: MeasuredRetention;
}

/**
 * An employer's retention measured from outcome records: the Kaplan–Meier share still in work
 * `months` after starting, shrunk towards the programme's share by a beta prior (see
 * `employerRetention`), with how many placements it rests on.
 */
export interface MeasuredRetention {
  readonly months: number;
  /** Placements of the employer in the outcome records. */
  readonly placements: number;
  /** The shrunk share in [0, 1]: what the score uses. */
  readonly rate: number;
}

/**
 * A labourer's placement at an employer that ended for cause (dismissed, wages unpaid): the pair is
 * not planned again. Derived from outcome records by `applyOutcomes`; never read from a dataset file.
 */
export interface EndedForCause {
  readonly labourer: LabourerId;
  readonly employer: EmployerId;
  /** The post the placement was at. */
  readonly post: PostId;
  readonly reason: 'dismissed' | 'wages-unpaid';
  /** The day it ended. */
  readonly on: IsoDate;
}

/** Where a post's work is done. */
export type Site =
  | { readonly kind: 'town'; readonly town: TownCode }
  | { readonly kind: 'county'; readonly county: CountyCode }
  | { readonly kind: 'park'; readonly park: ParkId };

/** A skill a post asks for. */
export interface SkillRequirement {
  readonly skill: SkillId;
  /** The least qualification accepted: a held level ≤ this number meets it. Default 5. */
  readonly minLevel: SkillLevel;
}

/** How a post pays, in CNY per month before the labourer's costs. */
export type PostPay =
  | {
      readonly kind: 'monthly';
      /** Contractual base pay. */
      readonly baseMonthly: number;
      /** Expected pay with usual overtime; ≥ base. */
      readonly expectedMonthly: number;
    }
  | {
      readonly kind: 'piece-rate';
      /** The employer's guaranteed floor. */
      readonly guaranteedMonthly: number;
      /** Expected pay for an average labourer; ≥ guaranteed. */
      readonly expectedMonthly: number;
    };

/** Board or lodging offered with a post. */
export interface Provision {
  readonly provided: boolean;
  /** What the labourer pays per month (CNY); 0 if free. */
  readonly monthlyCost: number;
}

/** A job post of a vetted employer. */
export interface Post {
  readonly id: PostId;
  readonly employer: EmployerId;
  readonly title: string;
  readonly occupation: OccupationCode;
  readonly site: Site;
  /**
   * Total openings: a whole number at most 2^31 − 1 (2147483647), the largest the planner's index
   * (an `Int32Array` of capacities) holds; a larger one is refused at validation.
   */
  readonly openings: number;
  /** Openings already filled, at most `openings`; `openings - filled` are left. Default 0. */
  readonly filled: number;
  readonly requiredSkills: readonly SkillRequirement[];
  readonly optionalSkills: readonly SkillRequirement[];
  readonly requiredCertificates: readonly CertificateId[];
  /** The employer trains beginners on the job. */
  readonly trainsOnJob: boolean;
  readonly pay: PostPay;
  readonly dormitory: Provision;
  readonly meals: Provision;
  /** Length of the contract in months: a whole number at most 2^31 − 1. */
  readonly contractMonths: number;
  /** An age range the employer asks for, within the law. */
  readonly ageRange?: { readonly min?: number; readonly max?: number };
  /** Hazardous work (劳动法 art. 64): never for labourers under 18. */
  readonly hazardous: boolean;
  /** Applications accepted from `opens` to `closes`, both inclusive. */
  readonly window: { readonly opens: IsoDate; readonly closes: IsoDate };
  /** Languages used at work; a labourer who shares none is told so (soft). */
  readonly languages: readonly string[];
}

/** What binds a group together: the same employer, the same site (town, county or park) or the same post. */
export type GroupRule = 'same-employer' | 'same-site' | 'same-post';

/**
 * Why a group travels together, for reports and spreadsheets: a family, fellow villagers from one
 * place, or the cohort of a designated placement base. It does not change how the group is placed.
 */
export type GroupKind = 'family' | 'fellow-villagers' | 'base';

/** Labourers placed together (a family, fellow villagers who travel together, a base's cohort) or not at all. */
export interface PlacementGroup {
  /** Unique among the groups. */
  readonly id: string;
  /** At least one labourer id; a labourer belongs to at most one group. */
  readonly members: readonly string[];
  readonly rule: GroupRule;
  /** What kind of group it is; absent when not recorded. */
  readonly kind?: GroupKind;
}

/** A validated dataset: what every operation of bangfu reads. */
export interface Dataset {
  /** The date every rule is evaluated on (ages, vetting, windows, effective-dated policy). */
  readonly asOf: IsoDate;
  readonly labourers: readonly Labourer[];
  readonly employers: readonly Employer[];
  readonly posts: readonly Post[];
  /**
   * Labourers who travel together and are placed together or not at all, each member a labourer
   * of the dataset in at most one group; `[]` when the input has none.
   */
  readonly groups: readonly PlacementGroup[];
  /** The programme policy in force: the default, with the dataset's overrides applied. */
  readonly policy: import('./policy/types.js').Policy;
  /**
   * Labourer–employer pairs that ended for cause, excluded by the rule `ended-for-cause`. Set by
   * `applyOutcomes` from outcome records; absent (none) in a dataset read from a file.
   */
  readonly endedForCause?: readonly EndedForCause[];
}
