/**
 * A dataset's policy overrides merged into the base policy, row by row, each checked.
 *
 * @module
 */
import { isAreaCode, isCountyCode, isTownCode } from '../divisions.js';
import { formatPath } from '../errors.js';
import type {
  AgeLaw,
  CertificateDefinition,
  Effective,
  MinimumWage,
  Pairing,
  Park,
  PlacementBase,
  Policy,
  RetirementRule,
  ScoreWeights,
  SkillDefinition,
  TrainingCourse,
  TravelSubsidy,
} from '../policy/types.js';
import type {
  AreaCode,
  BaseId,
  CertificateId,
  CountyCode,
  EmployerId,
  IsoDate,
  OccupationCode,
  ParkId,
  Site,
  SkillId,
  SkillLevel,
  TownCode,
} from '../types.js';
import { type PolicyOverrideData, type PostData } from './schema.js';
import { Issues, type Path } from './issues.js';

// --- policy overrides ----------------------------------------------------------------------------

/** Where a row of the effective policy came from: its index in the overrides, or the base policy. */
type Origin = number | 'base';

interface Table<T> {
  readonly rows: T[];
  readonly origins: Origin[];
}

/**
 * Merges a given table into a base table. 'extend': a given row replaces the base row with its key
 * in place, others are appended; 'replace': the given rows are the table. A key repeated within
 * the given rows is a `duplicate-id`.
 */
function mergeTable<T>(
  issues: Issues,
  base: readonly T[],
  given: readonly T[] | undefined,
  mode: 'extend' | 'replace',
  keyOf: (row: T) => string,
  path: Path,
  keyField: string | undefined,
): Table<T> {
  if (given === undefined) return { rows: [...base], origins: base.map(() => 'base') };
  const rows: T[] = mode === 'extend' ? [...base] : [];
  const origins: Origin[] = rows.map(() => 'base');
  const at = new Map<string, number>();
  rows.forEach((row, i) => at.set(keyOf(row), i));
  const firstGiven = new Map<string, number>();
  given.forEach((row, i) => {
    const key = keyOf(row);
    const first = firstGiven.get(key);
    if (first !== undefined) {
      issues.add(
        keyField === undefined ? [...path, i] : [...path, i, keyField],
        'duplicate-id',
        {
          en: `duplicate key ${key}: already given by ${formatPath([...path, first])}`,
          zh: `键 ${key} 重复：${formatPath([...path, first])} 已给出`,
        },
        keyField === undefined ? undefined : key,
      );
      return;
    }
    firstGiven.set(key, i);
    const slot = at.get(key);
    if (slot === undefined) {
      at.set(key, rows.length);
      rows.push(row);
      origins.push(i);
    } else {
      rows[slot] = row;
      origins[slot] = i;
    }
  });
  return { rows, origins };
}

function localized(name: { zh: string; en: string }): { readonly zh: string; readonly en: string } {
  return { zh: name.zh, en: name.en };
}

function source(s: { citation: string; confidence: 'high' | 'medium' | 'low' | 'illustrative' }): {
  readonly citation: string;
  readonly confidence: 'high' | 'medium' | 'low' | 'illustrative';
} {
  return { citation: s.citation, confidence: s.confidence };
}

function effective(row: { from: string; to?: string | undefined }): Effective {
  return row.to === undefined
    ? { from: row.from as IsoDate }
    : { from: row.from as IsoDate, to: row.to as IsoDate };
}

export function site(s: PostData['site']): Site {
  switch (s.kind) {
    case 'town':
      return { kind: 'town', town: s.town as TownCode };
    case 'county':
      return { kind: 'county', county: s.county as CountyCode };
    case 'park':
      return { kind: 'park', park: s.park as ParkId };
  }
}

type Given = PolicyOverrideData;

function toRetirement(r: NonNullable<Given['retirement']>[number]): RetirementRule {
  const schedule = (s: typeof r.male) => ({
    baseAge: s.baseAge,
    targetAge: s.targetAge,
    firstDelayedBirthMonth: s.firstDelayedBirthMonth,
    birthMonthsPerMonthOfDelay: s.birthMonthsPerMonthOfDelay,
  });
  return {
    ...effective(r),
    male: schedule(r.male),
    femaleCadre: schedule(r.femaleCadre),
    femaleWorker: schedule(r.femaleWorker),
    source: source(r.source),
  };
}

function toMinimumWage(r: NonNullable<Given['minimumWages']>[number]): MinimumWage {
  return {
    area: r.area as AreaCode,
    monthly: r.monthly,
    ...(r.hourly === undefined ? {} : { hourly: r.hourly }),
    ...effective(r),
    source: source(r.source),
  };
}

function toPairing(r: NonNullable<Given['pairings']>[number]): Pairing {
  return {
    originCounty: r.originCounty as CountyCode,
    towns: r.towns.map((t) => t as TownCode),
    ...effective(r),
    source: source(r.source),
  };
}

function toTravelSubsidy(r: NonNullable<Given['travelSubsidies']>[number]): TravelSubsidy {
  return {
    originArea: r.originArea as AreaCode,
    crossProvinceOnly: r.crossProvinceOnly,
    ...(r.households === undefined ? {} : { households: [...r.households] }),
    ...(r.amount === undefined ? {} : { amount: r.amount }),
    ...effective(r),
    source: source(r.source),
  };
}

function toPark(r: NonNullable<Given['parks']>[number]): Park {
  return {
    id: r.id as ParkId,
    name: localized(r.name),
    area: r.area as AreaCode,
    serves: r.serves.map((a) => a as AreaCode),
    source: source(r.source),
  };
}

function toBase(r: NonNullable<Given['bases']>[number]): PlacementBase {
  return {
    id: r.id as BaseId,
    name: localized(r.name),
    origin: r.origin as AreaCode,
    ...(r.employer === undefined ? {} : { employer: r.employer as EmployerId }),
    ...(r.site === undefined ? {} : { site: site(r.site) }),
    ...effective(r),
    source: source(r.source),
  };
}

function toSkill(r: NonNullable<Given['skills']>[number]): SkillDefinition {
  return {
    id: r.id as SkillId,
    name: localized(r.name),
    ...(r.occupation === undefined ? {} : { occupation: r.occupation as OccupationCode }),
    related: r.related.map((l) => ({ skill: l.skill as SkillId, credit: l.credit })),
  };
}

function toCertificate(r: NonNullable<Given['certificates']>[number]): CertificateDefinition {
  return { id: r.id as CertificateId, name: localized(r.name), specialOperation: r.specialOperation };
}

function toTraining(r: NonNullable<Given['trainings']>[number]): TrainingCourse {
  return {
    id: r.id,
    name: localized(r.name),
    grantsSkills: r.grantsSkills.map((g) => ({ skill: g.skill as SkillId, level: g.level as SkillLevel })),
    grantsCertificates: r.grantsCertificates.map((c) => c as CertificateId),
    durationDays: r.durationDays,
    costPerTrainee: r.costPerTrainee,
    ...(r.area === undefined ? {} : { area: r.area as AreaCode }),
    ...(r.source === undefined ? {} : { source: source(r.source) }),
  };
}

/**
 * Applies parsed overrides to a base policy and checks the result: the law's age limits are only
 * tightened, weights are usable, every reference between tables resolves and every period is
 * non-empty. Issues on rows taken from the base policy name the table and the row's key.
 *
 * Complexity: O(b + g) for b base rows and g given rows, plus O(r) reference checks.
 *
 * @param issues - Where problems are added.
 * @param base - The policy the overrides apply to.
 * @param given - The overrides, after the structural pass.
 * @param prefix - The path of the overrides from the root (`['policy']` in a dataset).
 * @returns The effective policy (also when issues were found, so later checks can use it).
 * @example
 * applyOverrides(issues, dongguanPolicy, policyOverrideSchema.parse({ weights: { pay: 1 } }), []).weights.pay //=> 1
 */
export function applyOverrides(issues: Issues, base: Policy, given: Given, prefix: Path): Policy {
  const mode = given.mode;
  const table = <T, G>(
    name: string,
    baseRows: readonly T[],
    rows: readonly G[] | undefined,
    convert: (row: G) => T,
    keyOf: (row: T) => string,
    keyField?: string,
  ): Table<T> => mergeTable(issues, baseRows, rows?.map(convert), mode, keyOf, [...prefix, name], keyField);

  const retirement = table('retirement', base.retirement, given.retirement, toRetirement, (r) => r.from);
  const minimumWages = table(
    'minimumWages',
    base.minimumWages,
    given.minimumWages,
    toMinimumWage,
    (r) => `${r.area}@${r.from}`,
  );
  const pairings = table(
    'pairings',
    base.pairings,
    given.pairings,
    toPairing,
    (r) => `${r.originCounty}@${r.from}`,
  );
  const parks = table('parks', base.parks, given.parks, toPark, (r) => r.id, 'id');
  const bases = table('bases', base.bases, given.bases, toBase, (r) => r.id, 'id');
  const skills = table('skills', base.skills, given.skills, toSkill, (r) => r.id, 'id');
  const certificates = table(
    'certificates',
    base.certificates,
    given.certificates,
    toCertificate,
    (r) => r.id,
    'id',
  );
  const trainings = table('trainings', base.trainings, given.trainings, toTraining, (r) => r.id, 'id');
  const travelSubsidies = table(
    'travelSubsidies',
    base.travelSubsidies ?? [],
    given.travelSubsidies,
    toTravelSubsidy,
    (r) => `${r.originArea}@${r.from}`,
  );

  const ageLaw: AgeLaw = {
    minimumWorkingAge: given.ageLaw?.minimumWorkingAge ?? base.ageLaw.minimumWorkingAge,
    adultAge: given.ageLaw?.adultAge ?? base.ageLaw.adultAge,
  };
  const weights: ScoreWeights = {
    skills: given.weights?.skills ?? base.weights.skills,
    pay: given.weights?.pay ?? base.weights.pay,
    origin: given.weights?.origin ?? base.weights.origin,
    employer: given.weights?.employer ?? base.weights.employer,
  };
  const policy: Policy = {
    id: given.id ?? base.id,
    name: given.name === undefined ? base.name : localized(given.name),
    ageLaw,
    retirement: retirement.rows,
    minimumWages: minimumWages.rows,
    pairings: pairings.rows,
    parks: parks.rows,
    bases: bases.rows,
    weights,
    ...((given.labourerMinimumPay ?? base.labourerMinimumPay) === undefined
      ? {}
      : { labourerMinimumPay: (given.labourerMinimumPay ?? base.labourerMinimumPay)! }),
    skills: skills.rows,
    certificates: certificates.rows,
    trainings: trainings.rows,
    ...(travelSubsidies.rows.length === 0 ? {} : { travelSubsidies: travelSubsidies.rows }),
    ...((given.revetBelowRetention ?? base.revetBelowRetention) === undefined
      ? {}
      : { revetBelowRetention: (given.revetBelowRetention ?? base.revetBelowRetention)! }),
    ...((given.followUpSchedule ?? base.followUpSchedule) === undefined
      ? {}
      : {
          followUpSchedule: (given.followUpSchedule ?? base.followUpSchedule)!.map((c) => ({
            id: c.id,
            ...(c.days === undefined ? {} : { days: c.days }),
            ...(c.months === undefined ? {} : { months: c.months }),
          })),
        }),
  };
  (given.followUpSchedule ?? []).forEach((c, i) => {
    if ((c.days === undefined) === (c.months === undefined))
      issues.add(
        [...prefix, 'followUpSchedule', i],
        'days-or-months',
        {
          en: 'expected a check after so many days or so many months: one of the two',
          zh: '回访时点应填写天数或月数，二者选其一',
        },
        c.id,
      );
  });

  // The law: a policy may tighten the age limits, never loosen them.
  if (ageLaw.minimumWorkingAge < 16)
    issues.add(
      [...prefix, 'ageLaw', 'minimumWorkingAge'],
      'loosens-law',
      {
        en: 'expected a minimum working age of at least 16 (劳动法 art. 15; 禁止使用童工规定 art. 2)',
        zh: '最低就业年龄应不低于 16 周岁（劳动法第十五条；禁止使用童工规定第二条）',
      },
      ageLaw.minimumWorkingAge,
    );
  if (ageLaw.adultAge < 18)
    issues.add(
      [...prefix, 'ageLaw', 'adultAge'],
      'loosens-law',
      {
        en: 'expected an adult age of at least 18 (劳动法 arts. 58, 64)',
        zh: '成年年龄应不低于 18 周岁（劳动法第五十八、六十四条）',
      },
      ageLaw.adultAge,
    );

  const weightValues = [weights.skills, weights.pay, weights.origin, weights.employer];
  if (weightValues.some((w) => !Number.isFinite(w) || w < 0))
    issues.add(
      [...prefix, 'weights'],
      'invalid-weights',
      { en: 'expected every weight to be a finite number ≥ 0', zh: '每项权重应为 ≥ 0 的有限数值' },
      weights,
    );
  else if (weightValues.every((w) => w === 0))
    issues.add(
      [...prefix, 'weights'],
      'invalid-weights',
      { en: 'expected at least one weight above 0', zh: '应至少有一项权重大于 0' },
      weights,
    );

  // Where to report a problem of row i of a table.
  const rowPath = (name: string, t: Table<unknown>, i: number, ...rest: PropertyKey[]): Path => {
    const origin = t.origins[i];
    return origin === 'base' || origin === undefined ? [...prefix, name] : [...prefix, name, origin, ...rest];
  };
  const baseNote = (t: Table<unknown>, i: number, key: string): string =>
    t.origins[i] === 'base' ? ` (row ${key} of the base policy)` : '';
  const baseNoteZh = (t: Table<unknown>, i: number, key: string): string =>
    t.origins[i] === 'base' ? `（基础政策的 ${key} 行）` : '';

  const periods: [string, Table<Effective>, (row: Effective) => string][] = [
    ['retirement', retirement, (r) => r.from],
    ['minimumWages', minimumWages, (r) => (r as MinimumWage).area],
    ['pairings', pairings, (r) => (r as Pairing).originCounty],
    ['bases', bases, (r) => (r as PlacementBase).id],
    ['travelSubsidies', travelSubsidies, (r) => (r as TravelSubsidy).originArea],
  ];
  for (const [name, t, keyOf] of periods) {
    t.rows.forEach((row, i) => {
      if (row.to !== undefined && !(row.from < row.to))
        issues.add(
          rowPath(name, t, i, 'to'),
          'empty-period',
          {
            en: `expected "to" (${row.to}) to be after "from" (${row.from})${baseNote(t, i, keyOf(row))}`,
            zh: `"to"（${row.to}）应晚于 "from"（${row.from}）${baseNoteZh(t, i, keyOf(row))}`,
          },
          row.to,
        );
    });
  }

  const skillIds = new Set<string>(skills.rows.map((s) => s.id));
  const certificateIds = new Set<string>(certificates.rows.map((c) => c.id));
  const parkIds = new Set<string>(parks.rows.map((p) => p.id));

  skills.rows.forEach((s, i) => {
    s.related.forEach((link, j) => {
      if (!skillIds.has(link.skill))
        issues.add(
          rowPath('skills', skills, i, 'related', j, 'skill'),
          'unknown-skill',
          {
            en: `expected a skill of the policy taxonomy${baseNote(skills, i, s.id)}`,
            zh: `应为政策技能目录中的技能${baseNoteZh(skills, i, s.id)}`,
          },
          link.skill,
        );
      if (!(link.credit > 0 && link.credit <= 1))
        issues.add(
          rowPath('skills', skills, i, 'related', j, 'credit'),
          'out-of-range',
          {
            en: `expected a credit in (0, 1]${baseNote(skills, i, s.id)}`,
            zh: `折算系数应在 (0, 1] 之间${baseNoteZh(skills, i, s.id)}`,
          },
          link.credit,
        );
    });
  });
  trainings.rows.forEach((t, i) => {
    t.grantsSkills.forEach((g, j) => {
      if (!skillIds.has(g.skill))
        issues.add(
          rowPath('trainings', trainings, i, 'grantsSkills', j, 'skill'),
          'unknown-skill',
          {
            en: `expected a skill of the policy taxonomy${baseNote(trainings, i, t.id)}`,
            zh: `应为政策技能目录中的技能${baseNoteZh(trainings, i, t.id)}`,
          },
          g.skill,
        );
    });
    t.grantsCertificates.forEach((c, j) => {
      if (!certificateIds.has(c))
        issues.add(
          rowPath('trainings', trainings, i, 'grantsCertificates', j),
          'unknown-certificate',
          {
            en: `expected a certificate of the policy catalogue${baseNote(trainings, i, t.id)}`,
            zh: `应为政策证书目录中的证书${baseNoteZh(trainings, i, t.id)}`,
          },
          c,
        );
    });
  });
  // Base rows come from code, not JSON: check their division codes too.
  parks.rows.forEach((p, i) => {
    if (parks.origins[i] !== 'base') return;
    if (!isAreaCode(p.area))
      issues.add(
        rowPath('parks', parks, i),
        'unknown-area',
        { en: `expected a known area code for park ${p.id}`, zh: `园区 ${p.id} 的区划代码应为已知代码` },
        p.area,
      );
    for (const a of p.serves)
      if (!isAreaCode(a))
        issues.add(
          rowPath('parks', parks, i),
          'unknown-area',
          {
            en: `expected a known area code served by park ${p.id}`,
            zh: `园区 ${p.id} 服务的区划代码应为已知代码`,
          },
          a,
        );
  });
  pairings.rows.forEach((p, i) => {
    if (pairings.origins[i] !== 'base') return;
    if (!isCountyCode(p.originCounty))
      issues.add(
        rowPath('pairings', pairings, i),
        'unknown-county',
        { en: 'expected a known county code', zh: '应为已知的县级区划代码' },
        p.originCounty,
      );
    for (const t of p.towns)
      if (!isTownCode(t))
        issues.add(
          rowPath('pairings', pairings, i),
          'unknown-town',
          { en: 'expected a known Dongguan town code', zh: '应为已知的东莞镇街代码' },
          t,
        );
  });
  bases.rows.forEach((b, i) => {
    if (b.site?.kind === 'park' && !parkIds.has(b.site.park))
      issues.add(
        rowPath('bases', bases, i, 'site', 'park'),
        'unknown-park',
        {
          en: `expected a park of the policy${baseNote(bases, i, b.id)}`,
          zh: `应为政策中的园区${baseNoteZh(bases, i, b.id)}`,
        },
        b.site.park,
      );
  });

  return policy;
}
