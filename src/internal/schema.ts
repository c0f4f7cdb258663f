/**
 * The zod schemas of bangfu's JSON input: a dataset (labourers, employers, posts, groups) and the
 * policy overrides it may carry. They check structure and field-local facts (types, ranges, real dates,
 * known division codes); cross-field and cross-record checks live in `checks.ts`.
 *
 * Every object is strict: an unknown key is an issue, never silently dropped, so a misspelt field
 * (`minMonthy`) is caught instead of falling back to a default.
 */
import * as z from 'zod/mini';
import { strictObject } from './zod-object.js';
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

/**
 * A copy of `schema` carrying `data` in zod's global registry (what the published JSON Schema shows):
 * what the classic API's `.meta(data)` does, without its method-laden prototypes.
 */
function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, data);
  return copy;
}

// --- scalars -------------------------------------------------------------------------------------

const id = meta(z.string().check(z.minLength(1)), { description: 'An id, unique within its table.' });

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

const isoDate = meta(
  z
    .string()
    .check(
      z.refine(
        realDate,
        fail(
          'invalid-date',
          'expected a real calendar date as YYYY-MM-DD',
          '应为真实存在的日期，格式 YYYY-MM-DD',
        ),
      ),
    )
    .check(
      z.refine(
        (s) => !realDate(s) || (s >= EARLIEST_DATE && s <= LATEST_DATE),
        fail(
          'invalid-date',
          `expected a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
          `日期应在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间`,
        ),
      ),
    ),
  {
    format: 'date',
    description: `A calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  },
);

/**
 * The strings `guard` accepts, typed as it establishes (a county code parses to a `CountyCode`, not a
 * plain string): a zod/mini check leaves a schema's type as it is, where `.refine(guard)` narrowed it.
 */
function guarded<R extends string>(
  guard: (s: string) => s is R,
  failure: ReturnType<typeof fail>,
): z.ZodMiniType<R, string> {
  return z.string().check(z.refine(guard, failure)) as unknown as z.ZodMiniType<R, string>;
}

const areaCode = meta(
  guarded(
    isAreaCode,
    fail(
      'unknown-area',
      'expected a known division code (2, 4, 6 or 9 digits, NBS 2023)',
      '应为已知的区划代码（2、4、6 或 9 位，国家统计局 2023 年）',
    ),
  ),
  { pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9})$', description: 'A division code at any level.' },
);

const countyCode = meta(
  guarded(
    isCountyCode,
    fail(
      'unknown-county',
      'expected a known six-digit county code (GB/T 2260, NBS 2023)',
      '应为已知的六位县级区划代码（GB/T 2260，国家统计局 2023 年）',
    ),
  ),
  { pattern: '^\\d{6}$', description: 'A six-digit county-level code.' },
);

const townCode = meta(
  guarded(
    isTownCode,
    fail(
      'unknown-town',
      'expected a known nine-digit Dongguan town code (NBS 2023)',
      '应为已知的九位东莞镇街代码（国家统计局 2023 年）',
    ),
  ),
  { pattern: '^441900\\d{3}$', description: 'A nine-digit Dongguan town code.' },
);

const occupationCode = meta(
  z
    .string()
    .check(
      z.refine(
        (s) => /^[1-8]-\d{2}-\d{2}-\d{2}$/.test(s),
        fail(
          'bad-occupation-code',
          'expected an occupation code of 职业分类大典 (2022) such as 6-04-01-01',
          '应为《职业分类大典》（2022 年版）的职业编码，如 6-04-01-01',
        ),
      ),
    ),
  { pattern: '^[1-8]-\\d{2}-\\d{2}-\\d{2}$', description: 'A 职业分类大典 (2022) occupation code.' },
);

/** A monthly figure in CNY above a floor (`z.positive()` or `z.nonnegative()`), at most PAY_MAX. */
const monthlyCny = (floor: ReturnType<typeof z.positive>, what: string, whatZh: string) =>
  meta(
    z
      .number()
      .check(floor)
      .check(
        z.refine(
          (n) => n <= PAY_MAX,
          fail(
            'absurd-value',
            `expected a monthly ${what} in CNY of at most ${PAY_MAX}`,
            `月${whatZh}应不超过 ${PAY_MAX} 元`,
          ),
        ),
      ),
    { maximum: PAY_MAX, description: 'CNY per month.' },
  );

const pay = monthlyCny(z.positive(), 'pay', '工资');

const cost = monthlyCny(z.nonnegative(), 'cost', '费用');

// Counts end up in the planner's Int32Array index (openings and filled become capacities), so each
// is held to INDEX_MAX. The bound is checked before integrality and stops there, so that 1e20 gets
// one issue naming the limit rather than a second one about the safe-integer range.
const count = z
  .number()
  .check(z.nonnegative())
  .check(z.maximum(INDEX_MAX, { error: indexLimitMessage('planner'), abort: true }))
  .check(z.int());

const age = z.number().check(z.int()).check(z.minimum(0)).check(z.maximum(120));

const skillLevel = meta(z.number().check(z.int()).check(z.minimum(1)).check(z.maximum(5)), {
  description: '5 (初级工) … 1 (高级技师).',
});

const language = meta(z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)), {
  description: 'A BCP 47 language tag such as zh, yue, ii, ug, hmn.',
});

const nonEmpty = (): z.ZodMiniString<string> => z.string().check(z.minLength(1));

const localizedName = strictObject({ zh: nonEmpty(), en: nonEmpty() });

const source = strictObject({
  citation: nonEmpty(),
  confidence: z.enum(['high', 'medium', 'low', 'illustrative']),
});

/** A list of `element`, an empty one when the key is absent. */
function list<T extends z.ZodMiniType>(element: T): z.ZodMiniDefault<z.ZodMiniArray<T>> {
  return z._default(z.array(element), () => []);
}

// --- shared shapes -------------------------------------------------------------------------------

const destination = z.discriminatedUnion('kind', [
  strictObject({ kind: z.literal('area'), area: areaCode }),
  strictObject({ kind: z.literal('park'), park: id }),
]);

const site = z.discriminatedUnion('kind', [
  strictObject({ kind: z.literal('town'), town: townCode }),
  strictObject({ kind: z.literal('county'), county: countyCode }),
  strictObject({ kind: z.literal('park'), park: id }),
]);

// --- dataset records -----------------------------------------------------------------------------

/** A labourer as given in JSON. */
export const labourerSchema = strictObject({
  id,
  name: z.optional(z.string()),
  household: z.enum(['registered', 'monitored', 'other']),
  originCounty: countyCode,
  birthDate: isoDate,
  gender: z.optional(z.enum(['female', 'male'])),
  cadre: z.optional(z.boolean()),
  skills: list(strictObject({ skill: id, level: skillLevel, certified: z._default(z.boolean(), false) })),
  certificates: list(
    strictObject({ certificate: id, issuedOn: z.optional(isoDate), validUntil: z.optional(isoDate) }),
  ),
  trainings: list(
    strictObject({
      course: nonEmpty(),
      completedOn: isoDate,
      grantsSkill: z.optional(id),
      grantsLevel: z.optional(skillLevel),
    }),
  ),
  pay: strictObject({ minMonthly: pay, targetMonthly: pay }),
  mobility: strictObject({
    scope: z.enum(['home-county', 'home-prefecture', 'home-province', 'anywhere']),
    preferred: list(destination),
    refused: list(destination),
  }),
  needsDormitory: z._default(z.boolean(), false),
  cannotLeaveHome: z._default(z.boolean(), false),
  languages: list(language),
  availableFrom: meta(z.optional(isoDate), { description: 'Defaults to the as-of date.' }),
});

/** An employer as given in JSON. */
export const employerSchema = strictObject({
  id,
  name: nonEmpty(),
  vetting: strictObject({
    status: z.enum(['approved', 'pending', 'revoked']),
    criteria: z.array(z.enum(['well-managed', 'suitable-posts', 'good-pay', 'socially-responsible'])),
    vettedOn: isoDate,
    validUntil: isoDate,
  }),
  trackRecord: z.optional(strictObject({ placements: count, retainedSixMonths: count })),
  workforceByOrigin: list(strictObject({ county: countyCode, count })),
});

const skillRequirement = strictObject({ skill: id, minLevel: z._default(skillLevel, 5) });

const provision = z._default(
  strictObject({ provided: z.boolean(), monthlyCost: z._default(cost, 0) }),
  () => ({
    provided: false,
    monthlyCost: 0,
  }),
);

/** A post as given in JSON. */
export const postSchema = strictObject({
  id,
  employer: id,
  title: nonEmpty(),
  occupation: occupationCode,
  site,
  openings: count,
  filled: z._default(count, 0),
  requiredSkills: list(skillRequirement),
  optionalSkills: list(skillRequirement),
  requiredCertificates: list(id),
  trainsOnJob: z._default(z.boolean(), false),
  pay: z.discriminatedUnion('kind', [
    strictObject({ kind: z.literal('monthly'), baseMonthly: pay, expectedMonthly: pay }),
    strictObject({ kind: z.literal('piece-rate'), guaranteedMonthly: pay, expectedMonthly: pay }),
  ]),
  dormitory: provision,
  meals: provision,
  contractMonths: count,
  ageRange: z.optional(strictObject({ min: z.optional(age), max: z.optional(age) })),
  hazardous: z._default(z.boolean(), false),
  window: strictObject({ opens: isoDate, closes: isoDate }),
  languages: list(language),
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
export const groupSchema = strictObject({
  id: meta(id, { description: 'Unique among the groups.' }),
  members: meta(z.array(meta(nonEmpty(), { description: 'A labourer id.' })), {
    minItems: 1,
    description: 'Ids of labourers of the dataset, at least one; a labourer belongs to one group at most.',
  }),
  rule: meta(z.enum(GROUP_RULES), {
    description:
      'Placed together at the same employer, the same site (town, county or park) or the same post.',
  }),
  kind: meta(z.optional(z.enum(GROUP_KINDS)), {
    description: 'What the group is, for reports: a family, fellow villagers or a placement base cohort.',
  }),
});

// --- policy overrides ----------------------------------------------------------------------------

const effective = { from: isoDate, to: z.optional(isoDate) };

const ageYears = (): z.ZodMiniNumber<number> =>
  z.number().check(z.int()).check(z.minimum(16)).check(z.maximum(100));

const retirementSchedule = strictObject({
  baseAge: ageYears(),
  targetAge: ageYears(),
  firstDelayedBirthMonth: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  birthMonthsPerMonthOfDelay: z.number().check(z.int()).check(z.positive()),
});

const skillDefinition = strictObject({
  id,
  name: localizedName,
  occupation: z.optional(occupationCode),
  related: list(strictObject({ skill: id, credit: z.number().check(z.positive()).check(z.maximum(1)) })),
});

const weight = (): z.ZodMiniOptional<z.ZodMiniNumber<number>> =>
  z.optional(z.number().check(z.nonnegative()));

/** The `policy` key of a dataset: overrides of the base policy. */
export const policyOverrideSchema = strictObject({
  mode: meta(z._default(z.enum(['extend', 'replace']), 'extend'), {
    description:
      "'extend': rows are added to the base tables, a row with a base row's key replacing it; 'replace': each given table replaces the base table.",
  }),
  id: z.optional(id),
  name: z.optional(localizedName),
  ageLaw: z.optional(
    strictObject({
      minimumWorkingAge: z.optional(z.number().check(z.int())),
      adultAge: z.optional(z.number().check(z.int())),
    }),
  ),
  retirement: z.optional(
    z.array(
      strictObject({
        ...effective,
        male: retirementSchedule,
        femaleCadre: retirementSchedule,
        femaleWorker: retirementSchedule,
        source,
      }),
    ),
  ),
  minimumWages: z.optional(
    z.array(
      strictObject({
        area: areaCode,
        monthly: pay,
        hourly: z.optional(z.number().check(z.positive()).check(z.maximum(2000))),
        ...effective,
        source,
      }),
    ),
  ),
  pairings: z.optional(
    z.array(strictObject({ originCounty: countyCode, towns: z.array(townCode), ...effective, source })),
  ),
  travelSubsidies: z.optional(
    z.array(
      strictObject({
        originArea: areaCode,
        crossProvinceOnly: z.boolean(),
        households: z.optional(z.array(z.enum(['registered', 'monitored', 'other']))),
        amount: meta(z.optional(cost), { description: 'CNY per labourer, if the notice fixes an amount.' }),
        ...effective,
        source,
      }),
    ),
  ),
  parks: z.optional(
    z.array(strictObject({ id, name: localizedName, area: areaCode, serves: z.array(areaCode), source })),
  ),
  bases: z.optional(
    z.array(
      strictObject({
        id,
        name: localizedName,
        origin: areaCode,
        employer: z.optional(id),
        site: z.optional(site),
        ...effective,
        source,
      }),
    ),
  ),
  followUpSchedule: meta(
    z.optional(
      z.array(strictObject({ id, days: z.optional(count), months: z.optional(count) })).check(z.minLength(1)),
    ),
    {
      description:
        'When placed labourers are contacted after starting: each check so many days or months after (one of the two); replaces the whole default schedule.',
    },
  ),
  revetBelowRetention: meta(z.optional(z.number().check(z.minimum(0)).check(z.maximum(1))), {
    description:
      "An employer whose six-month retention, measured from outcome records and shrunk towards the programme's, falls below this share is flagged to be vetted again.",
  }),
  labourerMinimumPay: meta(z.optional(z.enum(['hard', 'soft'])), {
    description:
      "Whether a post paying a labourer less (net) than the least they accept is excluded ('hard', the default) or only scored lower ('soft').",
  }),
  weights: z.optional(
    strictObject({ skills: weight(), pay: weight(), origin: weight(), employer: weight() }),
  ),
  skills: z.optional(z.array(skillDefinition)),
  certificates: z.optional(
    z.array(strictObject({ id, name: localizedName, specialOperation: z._default(z.boolean(), false) })),
  ),
  trainings: z.optional(
    z.array(
      strictObject({
        id,
        name: localizedName,
        grantsSkills: list(strictObject({ skill: id, level: skillLevel })),
        grantsCertificates: list(id),
        durationDays: count,
        costPerTrainee: meta(cost, { description: 'CNY per trainee.' }),
        area: z.optional(areaCode),
        source: z.optional(source),
      }),
    ),
  ),
});

// --- the whole dataset ---------------------------------------------------------------------------

/** The whole dataset JSON: the union of the record schemas, used for the JSON Schema and the input type. */
export const datasetSchema = meta(
  strictObject({
    $schema: meta(z.optional(z.string()), { description: 'The JSON Schema this file follows (ignored).' }),
    asOf: meta(z.optional(isoDate), {
      description: 'The date every rule is evaluated on. Give it for reproducible results.',
    }),
    labourers: z.array(labourerSchema),
    employers: z.array(employerSchema),
    posts: z.array(postSchema),
    groups: meta(z.optional(z.array(groupSchema)), {
      description:
        'Labourers who travel together (families, fellow villagers) and are placed together or not at all.',
    }),
    policy: z.optional(policyOverrideSchema),
  }),
  {
    title: 'bangfu dataset',
    description:
      'Registered labourers, vetted employers and their posts for the paired-assistance labour programme, with optional policy overrides.',
  },
);

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
