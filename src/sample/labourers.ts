/**
 * The sample's labourers: ages, skills, pay, mobility, and the showcase cases.
 *
 * @module
 */
import { type Random } from '../internal/random.js';
import { dongguanPolicy } from '../policy/dongguan.js';
import type { CertificateDefinition } from '../policy/types.js';
import type {
  AreaCode,
  CompletedTraining,
  CountyCode,
  Destination,
  Gender,
  HeldCertificate,
  HeldSkill,
  HouseholdStatus,
  IsoDate,
  Labourer,
  MobilityScope,
  SkillId,
  SkillLevel,
  TownCode,
  LabourerId,
} from '../types.js';
import { LANGUAGES, type Sector } from './tables.js';
import { addDays, birthDateFor } from './calendar.js';
import { type Catalogue, padId, personName, round100, skillInSector } from './draws.js';

// ---------------------------------------------------------------------------------------------
// Labourers

export interface LabourerContext {
  readonly asOf: IsoDate;
  readonly cat: Catalogue;
  readonly drawOrigin: () => CountyCode;
  readonly drawTown: () => TownCode;
  readonly drawSector: () => Sector;
  readonly special: readonly CertificateDefinition[];
  readonly ordinary: readonly CertificateDefinition[];
}

function drawAge(rng: Random, gender: Gender | undefined): number {
  const band = rng.weightedPick(
    [
      [15, 15],
      [16, 17],
      [18, 24],
      [25, 34],
      [35, 44],
      [45, 49],
      [50, 54],
      [55, 59],
      [60, 62],
    ] as const,
    [0.4, 3, 16, 27, 27, 13, 8, 4, 1.6],
  );
  const age = rng.int(band[0], band[1]);
  // Women workers retire from 50 (phasing towards 55): few older women are still registered seekers.
  if (gender === 'female' && age > 52 && rng.chance(0.8)) return rng.int(35, 49);
  return age;
}

export function makeLabourer(rng: Random, i: number, width: number, ctx: LabourerContext): Labourer {
  const { asOf, cat } = ctx;
  const originCounty = ctx.drawOrigin();
  const g = rng.float();
  const gender: Gender | undefined = g < 0.57 ? 'male' : g < 0.98 ? 'female' : undefined;
  const age = drawAge(rng, gender);
  const birthDate = birthDateFor(asOf, age, rng.float());
  const adult = age >= dongguanPolicy.ageLaw.adultAge;

  const h = rng.float();
  const household: HouseholdStatus = h < 0.75 ? 'registered' : h < 0.93 ? 'monitored' : 'other';

  // Skills: most hold one or two of a trade, from the same sectors posts come from.
  const nSkills = age < 16 ? 0 : rng.weightedPick([0, 1, 2, 3], [28, 42, 22, 8]);
  const skills: HeldSkill[] = [];
  const sector = ctx.drawSector();
  for (let k = 0; k < nSkills; k++) {
    const skill = skillInSector(rng, k === 0 || rng.chance(0.6) ? sector : ctx.drawSector());
    if (skills.some((s) => s.skill === skill)) continue;
    const level = rng.weightedPick<SkillLevel>([5, 4, 3, 2, 1], [62, 26, 9, 2.5, 0.5]);
    skills.push({
      skill,
      level: age < 20 && level < 4 ? 5 : level,
      certified: rng.chance(level <= 4 ? 0.6 : 0.25),
    });
  }

  // Certificates: special-operation ones only for adults (a few expired), ordinary ones for some.
  const certificates: HeldCertificate[] = [];
  if (adult && ctx.special.length > 0 && rng.chance(0.08)) {
    const issuedOn = addDays(asOf, -rng.int(60, 2600));
    certificates.push({
      certificate: rng.pick(ctx.special).id,
      issuedOn,
      validUntil: addDays(issuedOn, 6 * 365),
    });
  }
  if (age >= 16 && ctx.ordinary.length > 0 && rng.chance(0.12)) {
    certificates.push({
      certificate: rng.pick(ctx.ordinary).id,
      issuedOn: addDays(asOf, -rng.int(30, 1500)),
    });
  }

  // Trainings at origin, some granting a skill the labourer did not hold before.
  const trainings: CompletedTraining[] = [];
  const courses = dongguanPolicy.trainings;
  if (age >= 16 && courses.length > 0 && rng.chance(0.1)) {
    const course = rng.pick(courses);
    const grant = course.grantsSkills[0];
    trainings.push({
      course: course.id,
      completedOn: addDays(asOf, -rng.int(20, 700)),
      ...(grant === undefined ? {} : { grantsSkill: grant.skill, grantsLevel: grant.level }),
    });
    for (const cert of course.grantsCertificates) {
      const def = cat.certificates.get(cert);
      if (
        def !== undefined &&
        (adult || !def.specialOperation) &&
        !certificates.some((c) => c.certificate === cert)
      ) {
        certificates.push({ certificate: cert, issuedOn: trainings[0]!.completedOn });
      }
    }
  }

  // Pay expectations: most ask 2,500–4,000; a few hope for much more.
  const high = rng.chance(0.04);
  const minMonthly = high
    ? round100(rng.int(4500, 5000))
    : 2500 + 100 * Math.floor(26 * Math.pow(rng.float(), 1.8));
  const targetMonthly = high
    ? round100(rng.int(7000, 9000))
    : Math.min(minMonthly + 100 * rng.int(5, 25), 8000);

  // Mobility.
  const cannotLeaveHome = rng.chance(0.08);
  const scope: MobilityScope = cannotLeaveHome
    ? 'home-county'
    : rng.weightedPick<MobilityScope>(
        ['anywhere', 'home-province', 'home-prefecture', 'home-county'],
        [58, 24, 10, 8],
      );
  const preferred: Destination[] = [];
  const refused: Destination[] = [];
  if (!cannotLeaveHome && rng.chance(0.12)) {
    preferred.push(
      rng.chance(0.6) || cat.parks.length === 0
        ? { kind: 'area', area: ctx.drawTown() as string as AreaCode }
        : { kind: 'park', park: rng.pick(cat.parks).id },
    );
  }
  if (rng.chance(0.03)) refused.push({ kind: 'area', area: ctx.drawTown() as string as AreaCode });
  const needsDormitory = !cannotLeaveHome && rng.chance(0.6);

  const languages = ['zh'];
  const minority = LANGUAGES.find((l) => originCounty.startsWith(l.prefix));
  if (minority !== undefined && rng.chance(minority.share)) languages.push(minority.lang);

  const later = rng.chance(0.3);
  const availableFrom = later ? addDays(asOf, rng.int(1, 90)) : undefined;

  return {
    id: padId('w', i, width) as LabourerId,
    name: personName(rng, originCounty, gender),
    household,
    originCounty,
    birthDate,
    ...(gender === undefined ? {} : { gender }),
    skills,
    certificates,
    trainings,
    pay: { minMonthly, targetMonthly },
    mobility: { scope, preferred, refused },
    needsDormitory,
    cannotLeaveHome,
    languages,
    availableFrom: availableFrom ?? asOf,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A domain type with every array and field made mutable, as the JSON input shape declares them. */
export type Writable<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer U)[]
    ? Writable<U>[]
    : { -readonly [K in keyof T]: Writable<T[K]> };

/**
 * Rewrites the first labourers into the showcase cases the demo and the scenario tests rely on,
 * whatever the seed: one who cannot leave home in a county a park serves, one aged 17, one with a
 * skill from a completed training, one with a high pay expectation, and one under 16.
 */
export function applyShowcase(rng: Random, labourers: Labourer[], asOf: IsoDate, cat: Catalogue): number {
  const skill = (id: string, level: SkillLevel, certified: boolean): HeldSkill[] =>
    cat.skills.has(id) ? [{ skill: id as SkillId, level, certified }] : [];
  const parkCounty = cat.homeboundCounty;

  // The course whose skill the trained employer's post asks for (auto repair by default).
  const course = cat.trained?.course ?? dongguanPolicy.trainings[0];

  const edits: ((w: Mutable<Labourer>) => void)[] = [
    (w) => {
      w.originCounty = parkCounty as CountyCode;
      w.birthDate = birthDateFor(asOf, 38, 0.5);
      w.gender = 'female';
      w.skills = skill('sewing-machine-operation', 5, false);
      w.certificates = [];
      w.pay = { minMonthly: 2500, targetMonthly: 3200 };
      w.mobility = { scope: 'home-county', preferred: [], refused: [] };
      w.cannotLeaveHome = true;
      w.needsDormitory = false;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '433124' as CountyCode;
      w.birthDate = birthDateFor(asOf, 17, 0.5);
      w.gender = 'male';
      w.skills = [...skill('welding', 5, false), ...skill('packaging', 5, false)];
      w.certificates = [];
      w.trainings = [];
      w.pay = { minMonthly: 3000, targetMonthly: 4200 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.needsDormitory = true;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '530622' as CountyCode;
      w.birthDate = birthDateFor(asOf, 24, 0.5);
      w.gender = 'male';
      w.skills = [];
      w.certificates = [];
      const grant = course?.grantsSkills[0];
      w.trainings =
        course === undefined
          ? []
          : [
              {
                course: course.id,
                completedOn: addDays(asOf, -90),
                ...(grant === undefined ? {} : { grantsSkill: grant.skill, grantsLevel: grant.level }),
              },
            ];
      w.pay = { minMonthly: 3500, targetMonthly: 5000 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.needsDormitory = true;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '451228' as CountyCode;
      w.birthDate = birthDateFor(asOf, 33, 0.5);
      w.gender = 'male';
      w.skills = skill('cnc-machining', 3, true);
      w.pay = { minMonthly: 5000, targetMonthly: 8000 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.availableFrom = asOf;
    },
    (w) => {
      w.originCounty = '530627' as CountyCode;
      w.birthDate = birthDateFor(asOf, 15, 0.5);
      w.gender = 'female';
      w.skills = [];
      w.certificates = [];
      w.trainings = [];
      w.pay = { minMonthly: 2500, targetMonthly: 3000 };
      w.mobility = { scope: 'anywhere', preferred: [], refused: [] };
      w.cannotLeaveHome = false;
      w.needsDormitory = true;
      w.availableFrom = asOf;
    },
  ];
  edits.forEach((edit, k) => {
    const w = labourers[k];
    if (w === undefined) return;
    const copy: Mutable<Labourer> = { ...w };
    edit(copy);
    // A name that fits the new gender and origin.
    copy.name = personName(rng, copy.originCounty, copy.gender);
    labourers[k] = copy;
  });
  return edits.length;
}
