/**
 * Programme policy as data: every figure a rule or a score depends on, effective-dated where it
 * changes over time, replaceable by the user. The default is the Dongguan programme
 * ({@link dongguanPolicy}).
 *
 * @module
 */
import type {
  AreaCode,
  BaseId,
  CertificateId,
  CountyCode,
  EmployerId,
  HouseholdStatus,
  IsoDate,
  OccupationCode,
  ParkId,
  Site,
  SkillId,
  TownCode,
} from '../types.js';

/** Text in both locales bangfu renders. */
export interface LocalizedName {
  readonly zh: string;
  readonly en: string;
}

/** Where a figure comes from and how sure it is. */
export interface Source {
  readonly citation: string;
  readonly confidence: 'high' | 'medium' | 'low' | 'illustrative';
}

/** A period in which a row of a table is in force: from `from` (inclusive) to `to` (exclusive), open-ended if absent. */
export interface Effective {
  readonly from: IsoDate;
  readonly to?: IsoDate;
}

/** A minimum wage for an area (any level; the most specific in force applies). */
export interface MinimumWage extends Effective {
  readonly area: AreaCode;
  /** CNY per month. */
  readonly monthly: number;
  /** CNY per hour for part-time work, if published. */
  readonly hourly?: number;
  readonly source: Source;
}

/** 县镇对口联系: an origin county paired with destination towns, whose employers recruit from it first. */
export interface Pairing extends Effective {
  readonly originCounty: CountyCode;
  readonly towns: readonly TownCode[];
  readonly source: Source;
}

/** An industrial park built by both sides near the labourers' homes. */
export interface Park {
  readonly id: ParkId;
  readonly name: LocalizedName;
  /** The division the park lies in (a prefecture or a county). */
  readonly area: AreaCode;
  /** The origin areas (any level) it serves: a labourer from these counts it as near home. */
  readonly serves: readonly AreaCode[];
  readonly source: Source;
}

/** 定点安置基地: an employer or site that takes labourers from one origin as a group. */
export interface PlacementBase extends Effective {
  readonly id: BaseId;
  readonly name: LocalizedName;
  readonly origin: AreaCode;
  readonly employer?: EmployerId;
  readonly site?: Site;
  readonly source: Source;
}

/** One schedule of the statutory retirement age and its phase-in (NPC Standing Committee, 2024-09-13). */
export interface RetirementSchedule {
  /** The age (years) before the reform. */
  readonly baseAge: number;
  /** The age (years) once fully phased in. */
  readonly targetAge: number;
  /** The first birth month (`YYYY-MM`) whose retirement is delayed. */
  readonly firstDelayedBirthMonth: string;
  /** Birth months per one month of delay. */
  readonly birthMonthsPerMonthOfDelay: number;
}

/** The statutory retirement rule, effective-dated. */
export interface RetirementRule extends Effective {
  readonly male: RetirementSchedule;
  readonly femaleCadre: RetirementSchedule;
  readonly femaleWorker: RetirementSchedule;
  readonly source: Source;
}

/** The law's age limits (劳动法 art. 15, 58, 64; 禁止使用童工规定). */
export interface AgeLaw {
  /** No job may be introduced below this age: 16. */
  readonly minimumWorkingAge: number;
  /** Below this, a labourer is 未成年工 (no hazardous or special-operation work): 18. */
  readonly adultAge: number;
}

/** The weights of the four score components; they need not sum to 1 (they are normalised). */
export interface ScoreWeights {
  readonly skills: number;
  readonly pay: number;
  readonly origin: number;
  readonly employer: number;
}

/** A skill of the taxonomy, with links that earn partial credit. */
export interface SkillDefinition {
  readonly id: SkillId;
  readonly name: LocalizedName;
  /** The 职业分类大典 (2022) occupation it belongs to, where one fits. */
  readonly occupation?: OccupationCode;
  /** Related skills and the credit (0–1) holding one earns towards this skill. */
  readonly related: readonly { readonly skill: SkillId; readonly credit: number }[];
}

/** A certificate of the catalogue. */
export interface CertificateDefinition {
  readonly id: CertificateId;
  readonly name: LocalizedName;
  /** 特种作业操作证: requires age 18 or over. */
  readonly specialOperation: boolean;
}

/** A training course offered at origin (used by advice and training plans). */
export interface TrainingCourse {
  readonly id: string;
  readonly name: LocalizedName;
  readonly grantsSkills: readonly { readonly skill: SkillId; readonly level: 1 | 2 | 3 | 4 | 5 }[];
  readonly grantsCertificates: readonly CertificateId[];
  /** Length in days: a whole number at most 2^31 − 1 in a dataset's policy overrides. */
  readonly durationDays: number;
  /** Cost per trainee, CNY. */
  readonly costPerTrainee: number;
  /** Where it is given (an origin area). */
  readonly area?: AreaCode;
  /** Where the course's figures come from (duration and cost are often illustrative). */
  readonly source?: Source;
}

/**
 * A one-off travel subsidy (一次性交通补贴) for labourers of an origin area placed in work, paid from
 * assistance funds. Rules vary by province, so rows are annotated data a user adds from the local
 * notice; the default policy holds none.
 */
export interface TravelSubsidy extends Effective {
  /** The origin area (any level) whose labourers may claim it. */
  readonly originArea: AreaCode;
  /** Only for placements outside the labourer's home province (跨省转移就业). */
  readonly crossProvinceOnly: boolean;
  /** The household statuses it is for; absent for every status. */
  readonly households?: readonly HouseholdStatus[];
  /** CNY per labourer, if the notice fixes an amount. */
  readonly amount?: number;
  readonly source: Source;
}

/** One check of the follow-up schedule: so many days or months after starting (one of the two). */
export interface FollowUpCheck {
  /** A stable name: `1-week`, `1-month`, `3-months`, `6-months`. */
  readonly id: string;
  readonly days?: number;
  readonly months?: number;
}

/** The whole programme policy. */
export interface Policy {
  readonly id: string;
  readonly name: LocalizedName;
  readonly ageLaw: AgeLaw;
  readonly retirement: readonly RetirementRule[];
  readonly minimumWages: readonly MinimumWage[];
  readonly pairings: readonly Pairing[];
  readonly parks: readonly Park[];
  readonly bases: readonly PlacementBase[];
  readonly weights: ScoreWeights;
  /**
   * Whether a post that leaves a labourer less net monthly pay than the least they accept
   * (`pay.minMonthly`) is excluded (`hard`, the default: reason `below-minimum-pay`, naming both
   * figures and the gap) or only scored lower (`soft`).
   */
  readonly labourerMinimumPay?: 'hard' | 'soft';
  readonly skills: readonly SkillDefinition[];
  readonly certificates: readonly CertificateDefinition[];
  readonly trainings: readonly TrainingCourse[];
  /** Travel subsidies for placed labourers; absent or empty when the policy defines none. */
  readonly travelSubsidies?: readonly TravelSubsidy[];
  /**
   * When placed labourers are contacted after starting (`followUps`); a dataset's policy may replace
   * the whole schedule. Absent: the default of `FOLLOW_UP_SCHEDULE` (1 week, 1, 3 and 6 months).
   */
  readonly followUpSchedule?: readonly FollowUpCheck[];
  /**
   * An employer whose six-month retention, measured from outcome records and shrunk towards the
   * programme's (`employerRetention`), falls below this share in [0, 1] is flagged to be vetted
   * again. Absent: nobody is flagged unless a threshold is asked for.
   */
  readonly revetBelowRetention?: number;
}
