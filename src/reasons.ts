/**
 * The closed sets of reason codes, each with its parameters. Text is rendered from these
 * (see `render.ts`), never stored as the only form, so a caseworker's screen in Chinese, an English
 * report and an audit log read the same facts.
 *
 * @module
 */
import type {
  AreaCode,
  CertificateId,
  CountyCode,
  Destination,
  EmployerId,
  IsoDate,
  MobilityScope,
  ParkId,
  PostId,
  BaseId,
  Site,
  SkillId,
  SkillLevel,
  TownCode,
  VettingCriterion,
} from './types.js';

/** Which retirement schedule applied. */
export type RetirementScheduleName = 'male' | 'femaleCadre' | 'femaleWorker';

/** Parameters of each hard-rule exclusion, by code. */
export interface ExclusionParams {
  /** Under 16: no post may be introduced at all (禁止使用童工规定 art. 2). */
  readonly 'under-minimum-age': { readonly age: number; readonly minimum: number };
  /** 16–17 in a hazardous post (劳动法 art. 64). */
  readonly 'minor-hazardous': { readonly age: number; readonly adultAge: number };
  /** 16–17 and the post needs a special-operation certificate. */
  readonly 'minor-special-operation': {
    readonly age: number;
    readonly adultAge: number;
    readonly certificate: CertificateId;
  };
  /** At or past the statutory retirement age on the as-of date. */
  readonly 'retirement-age-reached': {
    readonly retirementDate: IsoDate;
    readonly schedule: RetirementScheduleName;
    /** Statutory retirement age in months. */
    readonly retirementAgeMonths: number;
    /** The first day the labourer could start, when later than the as-of date (a course to finish). */
    readonly startsOn?: IsoDate;
  };
  /** Gender unrecorded and old enough that some schedule would have retired them. */
  readonly 'retirement-undetermined': {
    readonly age: number;
    readonly earliestRetirementDate: IsoDate;
    /** The first day the labourer could start, when later than the as-of date. */
    readonly startsOn?: IsoDate;
  };
  /** Outside the post's own age range. */
  readonly 'outside-post-age-range': { readonly age: number; readonly min?: number; readonly max?: number };
  readonly 'employer-not-approved': { readonly employer: EmployerId; readonly status: 'pending' | 'revoked' };
  readonly 'employer-vetting-expired': { readonly employer: EmployerId; readonly validUntil: IsoDate };
  readonly 'employer-vetting-not-yet-valid': { readonly employer: EmployerId; readonly vettedOn: IsoDate };
  readonly 'no-openings-left': { readonly openings: number; readonly filled: number };
  readonly 'window-not-open': { readonly opens: IsoDate };
  readonly 'window-closed': { readonly closes: IsoDate };
  readonly 'available-after-window': { readonly availableFrom: IsoDate; readonly closes: IsoDate };
  /** Cannot leave home and the post is neither in the home county nor in a park serving it. */
  readonly 'cannot-leave-home': { readonly originCounty: CountyCode; readonly site: Site };
  readonly 'outside-mobility-scope': {
    readonly scope: MobilityScope;
    readonly originCounty: CountyCode;
    readonly site: Site;
  };
  readonly 'certificate-missing': { readonly certificate: CertificateId };
  readonly 'certificate-expired': { readonly certificate: CertificateId; readonly validUntil: IsoDate };
  /**
   * The post requires a skill the labourer has no route to (not held at any level, not granted by a
   * completed training, no related skill) and does not train beginners on the job.
   */
  readonly 'required-skill-missing': { readonly skill: SkillId };
  readonly 'refused-destination': { readonly destination: Destination };
  /** Needs a dormitory, the post is away from home and offers none. */
  readonly 'dormitory-needed': Readonly<Record<never, never>>;
  /**
   * The post leaves the labourer `net` a month, less than the `minimum` they accept, `short` below it
   * (not a rule when the policy makes the minimum soft).
   */
  readonly 'below-minimum-pay': { readonly net: number; readonly minimum: number; readonly short: number };
  /**
   * An earlier placement of the labourer with this employer ended for cause (dismissed, wages
   * unpaid): the pair is not planned again (from outcome records, see `applyOutcomes`).
   */
  readonly 'ended-for-cause': {
    readonly employer: EmployerId;
    readonly post: PostId;
    readonly reason: 'dismissed' | 'wages-unpaid';
    readonly on: IsoDate;
  };
}

/** A code of {@link ExclusionParams}. */
export type ExclusionCode = keyof ExclusionParams;

/** One broken hard rule, with its parameters. */
export type Exclusion = {
  readonly [K in ExclusionCode]: { readonly code: K; readonly params: ExclusionParams[K] };
}[ExclusionCode];

/** Parameters of each reason a score component gives, by code. */
export interface ScoreReasonParams {
  // skills
  readonly 'skill-required-met': {
    readonly skill: SkillId;
    readonly held: SkillLevel;
    readonly required: SkillLevel;
  };
  readonly 'skill-required-below-level': {
    readonly skill: SkillId;
    readonly held: SkillLevel;
    readonly required: SkillLevel;
    readonly credit: number;
  };
  readonly 'skill-required-related': {
    readonly skill: SkillId;
    readonly via: SkillId;
    readonly credit: number;
  };
  readonly 'skill-required-trained': {
    readonly skill: SkillId;
    readonly course: string;
    readonly credit: number;
  };
  readonly 'skill-required-learn-on-job': { readonly skill: SkillId; readonly credit: number };
  readonly 'skill-required-missing': { readonly skill: SkillId };
  readonly 'skill-optional-held': { readonly skill: SkillId; readonly credit: number };
  readonly 'skill-optional-missing': { readonly skill: SkillId };
  readonly 'skill-certified': { readonly skill: SkillId };
  readonly 'skills-none-required': Readonly<Record<never, never>>;
  /** The labourer's skills the post asks for (directly or through a related skill), of all they have. */
  readonly 'skills-used': { readonly used: readonly SkillId[]; readonly of: number };
  /** The labourer's skills the post does not ask for, directly or through a related skill. */
  readonly 'skills-unused': { readonly unused: readonly SkillId[] };
  // pay
  readonly 'pay-net': {
    readonly basis: number;
    readonly dormitoryCost: number;
    readonly mealsCost: number;
    readonly net: number;
  };
  readonly 'pay-piece-rate-floor': { readonly guaranteed: number; readonly expected: number };
  readonly 'pay-below-minimum-acceptable': { readonly net: number; readonly min: number };
  readonly 'pay-between-minimum-and-target': {
    readonly net: number;
    readonly min: number;
    readonly target: number;
  };
  readonly 'pay-meets-target': { readonly net: number; readonly target: number };
  readonly 'pay-uplift-over-home-minimum': {
    readonly net: number;
    readonly homeMinimum: number;
    readonly county: CountyCode;
    readonly uplift: number;
  };
  readonly 'home-minimum-wage-unknown': { readonly county: CountyCode };
  // origin
  readonly 'origin-home-county': { readonly county: CountyCode };
  readonly 'origin-park-serves': { readonly park: ParkId };
  readonly 'origin-paired-town': { readonly county: CountyCode; readonly town: TownCode };
  readonly 'origin-designated-base': { readonly base: BaseId };
  readonly 'origin-preferred-destination': { readonly destination: Destination };
  readonly 'origin-same-prefecture': { readonly area: AreaCode };
  readonly 'origin-same-province': { readonly area: AreaCode };
  readonly 'origin-cross-province': { readonly from: AreaCode; readonly to: AreaCode };
  readonly 'origin-fellows-at-employer': { readonly county: CountyCode; readonly count: number };
  readonly 'origin-no-fellows-at-employer': { readonly county: CountyCode };
  readonly 'language-shared': { readonly languages: readonly string[] };
  readonly 'language-not-shared': { readonly post: readonly string[]; readonly labourer: readonly string[] };
  // employer
  readonly 'employer-criteria': {
    readonly met: readonly VettingCriterion[];
    readonly of: number;
  };
  readonly 'employer-retention': {
    readonly placements: number;
    readonly retained: number;
    readonly rate: number;
  };
  readonly 'employer-track-record-missing': { readonly employer: EmployerId };
  /** Retention measured from outcome records (see `applyOutcomes`), shrunk towards the programme's. */
  readonly 'employer-retention-measured': {
    readonly placements: number;
    readonly months: number;
    readonly rate: number;
  };
}

/** A code of {@link ScoreReasonParams}. */
export type ScoreReasonCode = keyof ScoreReasonParams;

/** One reason behind a component's value, with its parameters. */
export type ScoreReason = {
  readonly [K in ScoreReasonCode]: { readonly code: K; readonly params: ScoreReasonParams[K] };
}[ScoreReasonCode];

/** The four score components. */
export type ComponentName = 'skills' | 'pay' | 'origin' | 'employer';

/** A sub-score inside a component; `value` is null where the data for it is missing. */
export interface PartScore {
  readonly part: string;
  readonly value: number | null;
  readonly weight: number;
}

/** One component's value and how much it contributed. */
export interface ComponentScore {
  readonly component: ComponentName;
  /** In [0, 1]; null if every part of it lacks data (its weight then goes to the others). */
  readonly value: number | null;
  /** The policy weight. */
  readonly weight: number;
  /** The weight after normalising and redistributing what missing components left. */
  readonly effectiveWeight: number;
  /** `value × effectiveWeight`; the contributions sum to the score. */
  readonly contribution: number;
  readonly parts: readonly PartScore[];
  readonly reasons: readonly ScoreReason[];
}

/** A note that some data was missing and its weight redistributed. */
export interface MissingDataFlag {
  readonly component: ComponentName;
  readonly part: string;
}

/** A pair's score with its full explanation. */
export interface ScoreBreakdown {
  /** In [0, 1]. */
  readonly score: number;
  readonly components: readonly ComponentScore[];
  readonly missing: readonly MissingDataFlag[];
}
