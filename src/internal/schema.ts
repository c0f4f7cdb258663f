/**
 * The zod schemas of bangfu's JSON input: a dataset (labourers, employers, posts, groups) and the
 * policy overrides it may carry. They check structure and field-local facts (types, ranges, real dates,
 * known division codes); cross-field and cross-record checks live in `checks.ts`.
 *
 * Every object is strict: an unknown key is an issue, never silently dropped, so a misspelt field
 * (`minMonthy`) is caught instead of falling back to a default.
 */
import * as z from 'zod';
import { isAreaCode, isCountyCode, isTownCode } from '../divisions.js';
import { isIsoDate } from './dates.js';
import { INDEX_MAX, indexLimitMessage } from './limits.js';

/** The largest monthly pay (CNY) accepted; anything above is taken for a typo (an extra zero, a yearly figure). */
export const PAY_MAX = 200_000;

/** The issue code a custom check reports, and its message in Chinese, carried in the zod issue's `params`. */
function fail(
  code: string,
  message: string,
  zh: string,
): { readonly message: string; readonly params: { code: string; zh: string } } {
  return { message, params: { code, zh } };
}

// --- scalars -------------------------------------------------------------------------------------

const id = z.string().min(1).meta({ description: 'An id, unique within its table.' });

// A dataset repeats the same few thousand dates, so results are remembered. Only strings of the
// right length can be dates, which bounds the memory a hostile input can claim.
const dateMemo = new Map<string, boolean>();
function realDate(s: string): boolean {
  if (s.length !== 10) return false;
  let ok = dateMemo.get(s);
  if (ok === undefined) {
    ok = isIsoDate(s);
    if (dateMemo.size >= 100_000) dateMemo.clear();
    dateMemo.set(s, ok);
  }
  return ok;
}

/** The dates a dataset may hold: the programme's law and tables begin long after the first. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

const isoDate = z
  .string()
  .refine(
    realDate,
    fail(
      'invalid-date',
      'expected a real calendar date as YYYY-MM-DD',
      '应为真实存在的日期，格式 YYYY-MM-DD',
    ),
  )
  .refine(
    (s) => !realDate(s) || (s >= EARLIEST_DATE && s <= LATEST_DATE),
    fail(
      'invalid-date',
      `expected a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
      `日期应在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间`,
    ),
  )
  .meta({
    format: 'date',
    description: `A calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  });

const areaCode = z
  .string()
  .refine(
    isAreaCode,
    fail(
      'unknown-area',
      'expected a known division code (2, 4, 6 or 9 digits, NBS 2023)',
      '应为已知的区划代码（2、4、6 或 9 位，国家统计局 2023 年）',
    ),
  )
  .meta({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9})$', description: 'A division code at any level.' });

const countyCode = z
  .string()
  .refine(
    isCountyCode,
    fail(
      'unknown-county',
      'expected a known six-digit county code (GB/T 2260, NBS 2023)',
      '应为已知的六位县级区划代码（GB/T 2260，国家统计局 2023 年）',
    ),
  )
  .meta({ pattern: '^\\d{6}$', description: 'A six-digit county-level code.' });

const townCode = z
  .string()
  .refine(
    isTownCode,
    fail(
      'unknown-town',
      'expected a known nine-digit Dongguan town code (NBS 2023)',
      '应为已知的九位东莞镇街代码（国家统计局 2023 年）',
    ),
  )
  .meta({ pattern: '^441900\\d{3}$', description: 'A nine-digit Dongguan town code.' });

const occupationCode = z
  .string()
  .refine(
    (s) => /^[1-8]-\d{2}-\d{2}-\d{2}$/.test(s),
    fail(
      'bad-occupation-code',
      'expected an occupation code of 职业分类大典 (2022) such as 6-04-01-01',
      '应为《职业分类大典》（2022 年版）的职业编码，如 6-04-01-01',
    ),
  )
  .meta({ pattern: '^[1-8]-\\d{2}-\\d{2}-\\d{2}$', description: 'A 职业分类大典 (2022) occupation code.' });

const pay = z
  .number()
  .positive()
  .refine(
    (n) => n <= PAY_MAX,
    fail(
      'absurd-value',
      `expected a monthly pay in CNY of at most ${PAY_MAX}`,
      `月工资应不超过 ${PAY_MAX} 元`,
    ),
  )
  .meta({ maximum: PAY_MAX, description: 'CNY per month.' });

const cost = z
  .number()
  .nonnegative()
  .refine(
    (n) => n <= PAY_MAX,
    fail(
      'absurd-value',
      `expected a monthly cost in CNY of at most ${PAY_MAX}`,
      `月费用应不超过 ${PAY_MAX} 元`,
    ),
  )
  .meta({ maximum: PAY_MAX, description: 'CNY per month.' });

// Counts end up in the planner's Int32Array index (openings and filled become capacities), so each
// is held to INDEX_MAX. The bound is checked before integrality and stops there, so that 1e20 gets
// one issue naming the limit rather than a second one about the safe-integer range.
const count = z
  .number()
  .nonnegative()
  .max(INDEX_MAX, { error: indexLimitMessage('planner'), abort: true })
  .int();

const age = z.number().int().min(0).max(120);

const skillLevel = z.number().int().min(1).max(5).meta({ description: '5 (初级工) … 1 (高级技师).' });

const language = z
  .string()
  .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)
  .meta({ description: 'A BCP 47 language tag such as zh, yue, ii, ug, hmn.' });

const localizedName = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const source = z.strictObject({
  citation: z.string().min(1),
  confidence: z.enum(['high', 'medium', 'low', 'illustrative']),
});

// --- shared shapes -------------------------------------------------------------------------------

const destination = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('area'), area: areaCode }),
  z.strictObject({ kind: z.literal('park'), park: id }),
]);

const site = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('town'), town: townCode }),
  z.strictObject({ kind: z.literal('county'), county: countyCode }),
  z.strictObject({ kind: z.literal('park'), park: id }),
]);

// --- dataset records -----------------------------------------------------------------------------

/** A labourer as given in JSON. */
export const labourerSchema = z.strictObject({
  id,
  name: z.string().optional(),
  household: z.enum(['registered', 'monitored', 'other']),
  originCounty: countyCode,
  birthDate: isoDate,
  gender: z.enum(['female', 'male']).optional(),
  cadre: z.boolean().optional(),
  skills: z
    .array(z.strictObject({ skill: id, level: skillLevel, certified: z.boolean().default(false) }))
    .default(() => []),
  certificates: z
    .array(z.strictObject({ certificate: id, issuedOn: isoDate.optional(), validUntil: isoDate.optional() }))
    .default(() => []),
  trainings: z
    .array(
      z.strictObject({
        course: z.string().min(1),
        completedOn: isoDate,
        grantsSkill: id.optional(),
        grantsLevel: skillLevel.optional(),
      }),
    )
    .default(() => []),
  pay: z.strictObject({ minMonthly: pay, targetMonthly: pay }),
  mobility: z.strictObject({
    scope: z.enum(['home-county', 'home-prefecture', 'home-province', 'anywhere']),
    preferred: z.array(destination).default(() => []),
    refused: z.array(destination).default(() => []),
  }),
  needsDormitory: z.boolean().default(false),
  cannotLeaveHome: z.boolean().default(false),
  languages: z.array(language).default(() => []),
  availableFrom: isoDate.optional().meta({ description: 'Defaults to the as-of date.' }),
});

/** An employer as given in JSON. */
export const employerSchema = z.strictObject({
  id,
  name: z.string().min(1),
  vetting: z.strictObject({
    status: z.enum(['approved', 'pending', 'revoked']),
    criteria: z.array(z.enum(['well-managed', 'suitable-posts', 'good-pay', 'socially-responsible'])),
    vettedOn: isoDate,
    validUntil: isoDate,
  }),
  trackRecord: z.strictObject({ placements: count, retainedSixMonths: count }).optional(),
  workforceByOrigin: z.array(z.strictObject({ county: countyCode, count })).default(() => []),
});

const skillRequirement = z.strictObject({ skill: id, minLevel: skillLevel.default(5) });

const provision = z
  .strictObject({ provided: z.boolean(), monthlyCost: cost.default(0) })
  .default(() => ({ provided: false, monthlyCost: 0 }));

/** A post as given in JSON. */
export const postSchema = z.strictObject({
  id,
  employer: id,
  title: z.string().min(1),
  occupation: occupationCode,
  site,
  openings: count,
  filled: count.default(0),
  requiredSkills: z.array(skillRequirement).default(() => []),
  optionalSkills: z.array(skillRequirement).default(() => []),
  requiredCertificates: z.array(id).default(() => []),
  trainsOnJob: z.boolean().default(false),
  pay: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('monthly'), baseMonthly: pay, expectedMonthly: pay }),
    z.strictObject({ kind: z.literal('piece-rate'), guaranteedMonthly: pay, expectedMonthly: pay }),
  ]),
  dormitory: provision,
  meals: provision,
  contractMonths: count,
  ageRange: z.strictObject({ min: age.optional(), max: age.optional() }).optional(),
  hazardous: z.boolean().default(false),
  window: z.strictObject({ opens: isoDate, closes: isoDate }),
  languages: z.array(language).default(() => []),
});

/** The rules a group may have, in the order messages list them. */
export const GROUP_RULES = ['same-employer', 'same-site', 'same-post'] as const;

/** The kinds a group may be recorded as. */
export const GROUP_KINDS = ['family', 'fellow-villagers', 'base'] as const;

/**
 * A group as given in JSON. What spans records (members who are labourers of the dataset, in one
 * group at most, at least one member, unique group ids) is checked by `checkGroups`, the one
 * definition the dataset and `assign`'s options share; `minItems` is published here for editors.
 */
export const groupSchema = z.strictObject({
  id: id.meta({ description: 'Unique among the groups.' }),
  members: z.array(z.string().min(1).meta({ description: 'A labourer id.' })).meta({
    minItems: 1,
    description: 'Ids of labourers of the dataset, at least one; a labourer belongs to one group at most.',
  }),
  rule: z.enum(GROUP_RULES).meta({
    description:
      'Placed together at the same employer, the same site (town, county or park) or the same post.',
  }),
  kind: z.enum(GROUP_KINDS).optional().meta({
    description: 'What the group is, for reports: a family, fellow villagers or a placement base cohort.',
  }),
});

// --- policy overrides ----------------------------------------------------------------------------

const effective = { from: isoDate, to: isoDate.optional() };

const retirementSchedule = z.strictObject({
  baseAge: z.number().int().min(16).max(100),
  targetAge: z.number().int().min(16).max(100),
  firstDelayedBirthMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  birthMonthsPerMonthOfDelay: z.number().int().positive(),
});

const skillDefinition = z.strictObject({
  id,
  name: localizedName,
  occupation: occupationCode.optional(),
  related: z.array(z.strictObject({ skill: id, credit: z.number().positive().max(1) })).default(() => []),
});

/** The `policy` key of a dataset: overrides of the base policy. */
export const policyOverrideSchema = z.strictObject({
  mode: z.enum(['extend', 'replace']).default('extend').meta({
    description:
      "'extend': rows are added to the base tables, a row with a base row's key replacing it; 'replace': each given table replaces the base table.",
  }),
  id: id.optional(),
  name: localizedName.optional(),
  ageLaw: z
    .strictObject({ minimumWorkingAge: z.number().int().optional(), adultAge: z.number().int().optional() })
    .optional(),
  retirement: z
    .array(
      z.strictObject({
        ...effective,
        male: retirementSchedule,
        femaleCadre: retirementSchedule,
        femaleWorker: retirementSchedule,
        source,
      }),
    )
    .optional(),
  minimumWages: z
    .array(
      z.strictObject({
        area: areaCode,
        monthly: pay,
        hourly: z.number().positive().max(2000).optional(),
        ...effective,
        source,
      }),
    )
    .optional(),
  pairings: z
    .array(z.strictObject({ originCounty: countyCode, towns: z.array(townCode), ...effective, source }))
    .optional(),
  travelSubsidies: z
    .array(
      z.strictObject({
        originArea: areaCode,
        crossProvinceOnly: z.boolean(),
        households: z.array(z.enum(['registered', 'monitored', 'other'])).optional(),
        amount: cost.optional().meta({ description: 'CNY per labourer, if the notice fixes an amount.' }),
        ...effective,
        source,
      }),
    )
    .optional(),
  parks: z
    .array(z.strictObject({ id, name: localizedName, area: areaCode, serves: z.array(areaCode), source }))
    .optional(),
  bases: z
    .array(
      z.strictObject({
        id,
        name: localizedName,
        origin: areaCode,
        employer: id.optional(),
        site: site.optional(),
        ...effective,
        source,
      }),
    )
    .optional(),
  followUpSchedule: z
    .array(z.strictObject({ id, days: count.optional(), months: count.optional() }))
    .min(1)
    .optional()
    .meta({
      description:
        'When placed labourers are contacted after starting: each check so many days or months after (one of the two); replaces the whole default schedule.',
    }),
  revetBelowRetention: z.number().min(0).max(1).optional().meta({
    description:
      "An employer whose six-month retention, measured from outcome records and shrunk towards the programme's, falls below this share is flagged to be vetted again.",
  }),
  labourerMinimumPay: z.enum(['hard', 'soft']).optional().meta({
    description:
      "Whether a post paying a labourer less (net) than the least they accept is excluded ('hard', the default) or only scored lower ('soft').",
  }),
  weights: z
    .strictObject({
      skills: z.number().nonnegative().optional(),
      pay: z.number().nonnegative().optional(),
      origin: z.number().nonnegative().optional(),
      employer: z.number().nonnegative().optional(),
    })
    .optional(),
  skills: z.array(skillDefinition).optional(),
  certificates: z
    .array(z.strictObject({ id, name: localizedName, specialOperation: z.boolean().default(false) }))
    .optional(),
  trainings: z
    .array(
      z.strictObject({
        id,
        name: localizedName,
        grantsSkills: z.array(z.strictObject({ skill: id, level: skillLevel })).default(() => []),
        grantsCertificates: z.array(id).default(() => []),
        durationDays: count,
        costPerTrainee: cost.meta({ description: 'CNY per trainee.' }),
        area: areaCode.optional(),
        source: source.optional(),
      }),
    )
    .optional(),
});

// --- the whole dataset ---------------------------------------------------------------------------

/** The whole dataset JSON: the union of the record schemas, used for the JSON Schema and the input type. */
export const datasetSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows (ignored).' }),
    asOf: isoDate
      .optional()
      .meta({ description: 'The date every rule is evaluated on. Give it for reproducible results.' }),
    labourers: z.array(labourerSchema),
    employers: z.array(employerSchema),
    posts: z.array(postSchema),
    groups: z.array(groupSchema).optional().meta({
      description:
        'Labourers who travel together (families, fellow villagers) and are placed together or not at all.',
    }),
    policy: policyOverrideSchema.optional(),
  })
  .meta({
    title: 'bangfu dataset',
    description:
      'Registered labourers, vetted employers and their posts for the paired-assistance labour programme, with optional policy overrides.',
  });

/** The ISO date schema, for the top-level `asOf`. */
export const isoDateSchema = isoDate;

/** A parsed labourer (defaults filled, ids still plain strings). */
export type LabourerData = z.output<typeof labourerSchema>;
/** A parsed employer. */
export type EmployerData = z.output<typeof employerSchema>;
/** A parsed post. */
export type PostData = z.output<typeof postSchema>;
/** A parsed group. */
export type GroupData = z.output<typeof groupSchema>;
/** Parsed policy overrides. */
export type PolicyOverrideData = z.output<typeof policyOverrideSchema>;
/** The JSON input shape of a dataset. */
export type DatasetInputShape = z.input<typeof datasetSchema>;
/** The JSON input shape of policy overrides. */
export type PolicyOverrideInputShape = z.input<typeof policyOverrideSchema>;
