/**
 * The default programme policy: Dongguan's paired-assistance labour cooperation (劳务协作,
 * 东西部协作 and 省内对口帮扶), with the law it must respect. Every figure carries its source and how
 * sure it is. Where no figure could be sourced the table is left without it rather than filled with
 * a guess, and users add rows through a policy override.
 *
 * @module
 */
import type { AreaCode, CertificateId, IsoDate, OccupationCode, ParkId, SkillId } from '../types.js';
import type {
  AgeLaw,
  CertificateDefinition,
  MinimumWage,
  Park,
  Policy,
  RetirementRule,
  ScoreWeights,
  SkillDefinition,
  Source,
  TrainingCourse,
} from './types.js';

const iso = (s: string): IsoDate => s as IsoDate;
const area = (s: string): AreaCode => s as AreaCode;

const PROGRAMME: Source = {
  citation: 'Dongguan paired-assistance labour cooperation programme (东莞市东西部协作、对口帮扶劳务协作)',
  confidence: 'medium',
};

/**
 * The law's age limits: no job below 16 (劳动法 art. 15; 禁止使用童工规定 art. 2), 未成年工 below
 * 18 (劳动法 arts. 58, 64).
 *
 * @example
 * DEFAULT_AGE_LAW.minimumWorkingAge //=> 16
 */
export const DEFAULT_AGE_LAW: AgeLaw = { minimumWorkingAge: 16, adultAge: 18 };

/**
 * The statutory retirement age as reformed by the NPC Standing Committee decision of 2024-09-13
 * (全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定), in force from 2025-01-01 and
 * phased in over 15 years: men 60 → 63 and women cadres 55 → 58, one month later per 4 birth months;
 * women workers 50 → 55, one month later per 2 birth months.
 *
 * @example
 * RETIREMENT_2025.male.targetAge //=> 63
 */
export const RETIREMENT_2025: RetirementRule = {
  from: iso('2025-01-01'),
  male: { baseAge: 60, targetAge: 63, firstDelayedBirthMonth: '1965-01', birthMonthsPerMonthOfDelay: 4 },
  femaleCadre: {
    baseAge: 55,
    targetAge: 58,
    firstDelayedBirthMonth: '1970-01',
    birthMonthsPerMonthOfDelay: 4,
  },
  femaleWorker: {
    baseAge: 50,
    targetAge: 55,
    firstDelayedBirthMonth: '1975-01',
    birthMonthsPerMonthOfDelay: 2,
  },
  source: {
    citation:
      '全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (NPC Standing Committee, 2024-09-13; in force 2025-01-01)',
    confidence: 'high',
  },
};

const GD_2025: Source = {
  citation:
    'Guangdong enterprise minimum wage standard, 粤府函〔2025〕23号, from 2025-03-01 (figures from secondary compilations)',
  confidence: 'medium',
};

/**
 * The minimum wages known with a source: Dongguan (Guangdong tier 2) before and after 2025-03-01,
 * and Shaoguan, Jieyang and Yunfu (tier 4) from 2025-03-01. Other areas are absent on purpose:
 * scoring treats an unknown home minimum as missing data. Add rows for further areas (any division
 * level; the most specific in force applies) through a policy override.
 *
 * @example
 * DEFAULT_MINIMUM_WAGES.length //=> 5
 */
export const DEFAULT_MINIMUM_WAGES: readonly MinimumWage[] = [
  {
    area: area('4419'),
    from: iso('2021-12-01'),
    to: iso('2025-03-01'),
    monthly: 1900,
    source: {
      citation:
        'Guangdong enterprise minimum wage standard (广东省企业职工最低工资标准) from 2021-12-01: Dongguan, tier 2',
      confidence: 'high',
    },
  },
  { area: area('4419'), from: iso('2025-03-01'), monthly: 2080, hourly: 19.8, source: GD_2025 },
  { area: area('4402'), from: iso('2025-03-01'), monthly: 1750, source: GD_2025 },
  { area: area('4452'), from: iso('2025-03-01'), monthly: 1750, source: GD_2025 },
  { area: area('4453'), from: iso('2025-03-01'), monthly: 1750, source: GD_2025 },
];

/**
 * The industrial parks both sides built near the labourers' homes: 莞韶产业园 (Shaoguan),
 * 草湖工业园 (Tumxuk, XPCC 3rd division) and 粤滇产业园 (Zhaotong). Each serves its own prefecture
 * or county-level city.
 *
 * @example
 * DEFAULT_PARKS.map((p) => p.id) //=> ['guanshao', 'caohu', 'yuedian']
 */
export const DEFAULT_PARKS: readonly Park[] = [
  {
    id: 'guanshao' as ParkId,
    name: { zh: '莞韶产业园', en: 'Dongguan–Shaoguan Industrial Park' },
    area: area('4402'),
    serves: [area('4402')],
    source: PROGRAMME,
  },
  {
    id: 'caohu' as ParkId,
    name: { zh: '草湖工业园', en: 'Caohu Industrial Park' },
    area: area('659003'),
    serves: [area('659003')],
    source: PROGRAMME,
  },
  {
    id: 'yuedian' as ParkId,
    name: { zh: '粤滇产业园', en: 'Guangdong–Yunnan Industrial Park' },
    area: area('5306'),
    serves: [area('5306')],
    source: PROGRAMME,
  },
];

/**
 * The score weights: skills 0.4, pay 0.3, origin 0.2, employer 0.1.
 *
 * @example
 * DEFAULT_WEIGHTS.skills //=> 0.4
 */
export const DEFAULT_WEIGHTS: ScoreWeights = { skills: 0.4, pay: 0.3, origin: 0.2, employer: 0.1 };

// ---------------------------------------------------------------------------------------------
// Skills

interface SkillRow {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /**
   * The 职业分类大典 (2022) occupation, only where the code and name were checked against the 2022
   * classification table (分类体系表); trades without an occupation of their own (SMT operation,
   * forklift driving, childcare…) are left without one rather than given a guess.
   */
  readonly occupation?: string;
}

const SKILL_ROWS: readonly SkillRow[] = [
  // manufacturing
  { id: 'electronics-assembly', zh: '电子产品装配', en: 'Electronics assembly', occupation: '6-25-04-07' },
  { id: 'smt-operation', zh: 'SMT贴片操作', en: 'SMT line operation' },
  { id: 'hand-soldering', zh: '手工焊锡', en: 'Hand soldering' },
  {
    id: 'sewing-machine-operation',
    zh: '缝纫机操作',
    en: 'Sewing machine operation',
    occupation: '6-05-01-03',
  },
  { id: 'garment-cutting', zh: '服装裁剪', en: 'Garment cutting', occupation: '6-05-01-02' },
  { id: 'garment-ironing', zh: '服装整烫', en: 'Garment ironing and finishing', occupation: '6-05-01-04' },
  { id: 'shoe-making', zh: '制鞋', en: 'Shoe making', occupation: '6-05-04-01' },
  { id: 'injection-moulding', zh: '注塑', en: 'Injection moulding', occupation: '6-14-02-00' },
  { id: 'cnc-machining', zh: '数控加工', en: 'CNC machining', occupation: '6-18-01-07' },
  { id: 'lathe-operation', zh: '车工', en: 'Lathe operation', occupation: '6-18-01-01' },
  { id: 'mould-making', zh: '模具制作', en: 'Mould making', occupation: '6-18-04-01' },
  { id: 'welding', zh: '焊接', en: 'Welding', occupation: '6-18-02-04' },
  { id: 'electrician', zh: '电工', en: 'Electrician work', occupation: '6-31-01-03' },
  { id: 'machine-maintenance', zh: '设备维修', en: 'Machine maintenance', occupation: '6-31-01-02' },
  {
    id: 'refrigeration-repair',
    zh: '制冷空调维修',
    en: 'Refrigeration and air-conditioning repair',
    occupation: '6-29-03-05',
  },
  { id: 'quality-inspection', zh: '质量检验', en: 'Quality inspection', occupation: '6-31-03-05' },
  { id: 'packaging', zh: '包装', en: 'Packaging', occupation: '6-31-05-00' },
  { id: 'spray-painting', zh: '喷涂', en: 'Spray painting', occupation: '6-18-03-03' },
  { id: 'furniture-making', zh: '家具制作', en: 'Furniture making', occupation: '6-06-04-00' },
  // logistics
  { id: 'warehouse-keeping', zh: '仓储管理', en: 'Warehouse keeping', occupation: '4-02-06-01' },
  { id: 'forklift-driving', zh: '叉车驾驶', en: 'Forklift driving' },
  { id: 'courier-delivery', zh: '快递派送', en: 'Courier delivery', occupation: '4-02-07-08' },
  { id: 'parcel-sorting', zh: '快件分拣', en: 'Parcel sorting', occupation: '4-02-07-09' },
  { id: 'vehicle-driving', zh: '汽车驾驶', en: 'Vehicle driving' },
  // services
  { id: 'cooking', zh: '中式烹调', en: 'Cooking (Chinese cuisine)', occupation: '4-03-02-01' },
  { id: 'food-service', zh: '餐厅服务', en: 'Food service', occupation: '4-03-02-05' },
  { id: 'housekeeping', zh: '家政服务', en: 'Housekeeping', occupation: '4-10-01-06' },
  { id: 'cleaning', zh: '保洁', en: 'Cleaning', occupation: '4-09-08-01' },
  { id: 'security-guard', zh: '保安', en: 'Security guard', occupation: '4-07-05-01' },
  { id: 'elderly-care', zh: '养老护理', en: 'Elderly care', occupation: '4-10-01-05' },
  { id: 'childcare', zh: '育婴', en: 'Infant care' },
  { id: 'hairdressing', zh: '美发', en: 'Hairdressing', occupation: '4-10-03-02' },
  { id: 'beauty-care', zh: '美容', en: 'Beauty care', occupation: '4-10-03-01' },
  { id: 'retail-sales', zh: '零售营业', en: 'Retail sales', occupation: '4-01-02-03' },
  { id: 'ecommerce-customer-service', zh: '电商客服', en: 'E-commerce customer service' },
  // construction
  { id: 'masonry', zh: '砌筑', en: 'Masonry', occupation: '6-29-01-01' },
  { id: 'plastering', zh: '抹灰', en: 'Plastering' },
  { id: 'rebar-work', zh: '钢筋工', en: 'Rebar work', occupation: '6-29-01-04' },
  { id: 'carpentry', zh: '木工', en: 'Carpentry' },
  { id: 'decoration', zh: '装饰装修', en: 'Interior decoration', occupation: '6-29-04-01' },
  // vehicles
  { id: 'auto-repair', zh: '汽车维修', en: 'Auto repair', occupation: '4-12-01-01' },
  { id: 'auto-electrics', zh: '汽车电器维修', en: 'Auto electrics' },
];

/**
 * Related trades and the credit holding one earns towards the other (both ways): trades that share
 * tools, materials or the workshop, so a labourer of one learns the other quickly.
 */
const SKILL_LINKS: readonly (readonly [string, string, number])[] = [
  ['smt-operation', 'electronics-assembly', 0.6],
  ['electronics-assembly', 'hand-soldering', 0.5],
  ['smt-operation', 'hand-soldering', 0.3],
  ['electronics-assembly', 'quality-inspection', 0.3],
  ['sewing-machine-operation', 'garment-ironing', 0.4],
  ['sewing-machine-operation', 'garment-cutting', 0.4],
  ['garment-cutting', 'garment-ironing', 0.3],
  ['shoe-making', 'sewing-machine-operation', 0.5],
  ['injection-moulding', 'mould-making', 0.4],
  ['cnc-machining', 'lathe-operation', 0.6],
  ['cnc-machining', 'mould-making', 0.5],
  ['welding', 'machine-maintenance', 0.3],
  ['electrician', 'machine-maintenance', 0.4],
  ['electrician', 'refrigeration-repair', 0.4],
  ['electrician', 'auto-electrics', 0.4],
  ['packaging', 'parcel-sorting', 0.5],
  ['packaging', 'warehouse-keeping', 0.3],
  ['forklift-driving', 'warehouse-keeping', 0.5],
  ['warehouse-keeping', 'parcel-sorting', 0.5],
  ['courier-delivery', 'parcel-sorting', 0.5],
  ['courier-delivery', 'vehicle-driving', 0.3],
  ['cooking', 'food-service', 0.4],
  ['housekeeping', 'cleaning', 0.6],
  ['housekeeping', 'childcare', 0.4],
  ['housekeeping', 'elderly-care', 0.4],
  ['elderly-care', 'childcare', 0.3],
  ['hairdressing', 'beauty-care', 0.5],
  ['retail-sales', 'ecommerce-customer-service', 0.5],
  ['retail-sales', 'food-service', 0.3],
  ['masonry', 'plastering', 0.6],
  ['masonry', 'rebar-work', 0.3],
  ['carpentry', 'decoration', 0.5],
  ['carpentry', 'furniture-making', 0.6],
  ['decoration', 'plastering', 0.5],
  ['decoration', 'spray-painting', 0.4],
  ['auto-repair', 'auto-electrics', 0.6],
  ['auto-repair', 'machine-maintenance', 0.4],
];

function buildSkills(rows: readonly SkillRow[], links: typeof SKILL_LINKS): readonly SkillDefinition[] {
  return rows.map((row) => {
    const related = links.flatMap(([a, b, credit]) =>
      a === row.id
        ? [{ skill: b as SkillId, credit }]
        : b === row.id
          ? [{ skill: a as SkillId, credit }]
          : [],
    );
    return {
      id: row.id as SkillId,
      name: { zh: row.zh, en: row.en },
      ...(row.occupation === undefined ? {} : { occupation: row.occupation as OccupationCode }),
      related,
    };
  });
}

/**
 * The default skill taxonomy: the trades of Dongguan's factories, logistics, services, construction
 * and vehicle repair, each with its related trades. A skill names its 职业分类大典 (2022) occupation
 * only where the code was verified against a published listing.
 *
 * @example
 * DEFAULT_SKILLS.find((s) => s.id === 'smt-operation')?.related //=> [{ skill: 'electronics-assembly', credit: 0.6 }, { skill: 'hand-soldering', credit: 0.3 }]
 */
export const DEFAULT_SKILLS: readonly SkillDefinition[] = buildSkills(SKILL_ROWS, SKILL_LINKS);

// ---------------------------------------------------------------------------------------------
// Certificates

/**
 * The certificate catalogue: special-operation certificates (特种作业操作证, 应急管理部 catalogue;
 * the forklift licence is a special-equipment certificate, 场(厂)内专用机动车辆 N1, counted with
 * them because it likewise requires age 18), then ordinary certificates.
 *
 * @example
 * DEFAULT_CERTIFICATES.filter((c) => c.specialOperation).length //=> 5
 */
export const DEFAULT_CERTIFICATES: readonly CertificateDefinition[] = [
  {
    id: 'electrician-low-voltage' as CertificateId,
    name: { zh: '特种作业操作证（电工作业·低压电工作业）', en: 'Special operation: low-voltage electrician' },
    specialOperation: true,
  },
  {
    id: 'welding-thermal-cutting' as CertificateId,
    name: { zh: '特种作业操作证（焊接与热切割作业）', en: 'Special operation: welding and thermal cutting' },
    specialOperation: true,
  },
  {
    id: 'work-at-height' as CertificateId,
    name: { zh: '特种作业操作证（高处作业）', en: 'Special operation: work at height' },
    specialOperation: true,
  },
  {
    id: 'refrigeration-air-conditioning' as CertificateId,
    name: {
      zh: '特种作业操作证（制冷与空调作业）',
      en: 'Special operation: refrigeration and air-conditioning',
    },
    specialOperation: true,
  },
  {
    id: 'forklift-n1' as CertificateId,
    name: { zh: '特种设备作业人员证（场(厂)内专用机动车辆·N1叉车）', en: 'Special equipment: forklift (N1)' },
    specialOperation: true,
  },
  {
    id: 'health-certificate' as CertificateId,
    name: { zh: '健康证', en: 'Health certificate' },
    specialOperation: false,
  },
  {
    id: 'vocational-qualification' as CertificateId,
    name: { zh: '职业技能等级证书', en: 'Vocational skill level certificate' },
    specialOperation: false,
  },
  {
    id: 'driving-licence-c1' as CertificateId,
    name: { zh: '机动车驾驶证（C1）', en: 'Driving licence (C1)' },
    specialOperation: false,
  },
];

// ---------------------------------------------------------------------------------------------
// Trainings

const ILLUSTRATIVE_COURSE: Source = {
  citation:
    'Course offered at origin under the programme; duration and cost are illustrative, not published figures',
  confidence: 'illustrative',
};

/**
 * A small catalogue of origin trainings. The programme funds such courses (e.g. an auto-repair
 * training centre at origin); the durations and costs here are illustrative placeholders, marked so
 * in each course's `source`, for a user to replace with the real course data.
 *
 * @example
 * DEFAULT_TRAININGS[0]?.id //=> 'auto-repair-zhaotong'
 */
export const DEFAULT_TRAININGS: readonly TrainingCourse[] = [
  {
    id: 'auto-repair-zhaotong',
    name: { zh: '汽车维修培训（昭通）', en: 'Auto repair course (Zhaotong)' },
    grantsSkills: [
      { skill: 'auto-repair' as SkillId, level: 5 },
      { skill: 'auto-electrics' as SkillId, level: 5 },
    ],
    grantsCertificates: [],
    durationDays: 60,
    costPerTrainee: 3000,
    area: area('5306'),
    source: ILLUSTRATIVE_COURSE,
  },
  {
    id: 'electrician-low-voltage',
    name: { zh: '低压电工作业培训', en: 'Low-voltage electrician course' },
    grantsSkills: [{ skill: 'electrician' as SkillId, level: 5 }],
    grantsCertificates: ['electrician-low-voltage' as CertificateId],
    durationDays: 20,
    costPerTrainee: 1500,
    source: ILLUSTRATIVE_COURSE,
  },
  {
    id: 'forklift-n1',
    name: { zh: '叉车司机培训', en: 'Forklift driver course' },
    grantsSkills: [{ skill: 'forklift-driving' as SkillId, level: 5 }],
    grantsCertificates: ['forklift-n1' as CertificateId],
    durationDays: 15,
    costPerTrainee: 1200,
    source: ILLUSTRATIVE_COURSE,
  },
  {
    id: 'sewing-machine',
    name: { zh: '缝纫工培训', en: 'Sewing machine course' },
    grantsSkills: [{ skill: 'sewing-machine-operation' as SkillId, level: 5 }],
    grantsCertificates: [],
    durationDays: 15,
    costPerTrainee: 800,
    source: ILLUSTRATIVE_COURSE,
  },
  {
    id: 'elderly-care',
    name: { zh: '养老护理员培训', en: 'Elderly care course' },
    grantsSkills: [{ skill: 'elderly-care' as SkillId, level: 5 }],
    grantsCertificates: [],
    durationDays: 20,
    costPerTrainee: 1000,
    source: ILLUSTRATIVE_COURSE,
  },
  {
    id: 'chinese-cooking',
    name: { zh: '中式烹调培训', en: 'Chinese cooking course' },
    grantsSkills: [{ skill: 'cooking' as SkillId, level: 5 }],
    grantsCertificates: ['health-certificate' as CertificateId],
    durationDays: 30,
    costPerTrainee: 1500,
    source: ILLUSTRATIVE_COURSE,
  },
];

/**
 * The default programme policy: Dongguan as destination.
 *
 * - `ageLaw`, `retirement`: the law ({@link DEFAULT_AGE_LAW}, {@link RETIREMENT_2025}).
 * - `minimumWages`: the sourced figures only ({@link DEFAULT_MINIMUM_WAGES}); add rows for more areas.
 * - `parks`: the three co-built parks ({@link DEFAULT_PARKS}).
 * - `pairings` and `bases`: empty. The official county↔town pairing table (县镇对口联系) and the list
 *   of designated placement bases are not available in a citable form, so none ship by default; a
 *   dataset supplies them as a policy override (the sample data does so with illustrative ones).
 * - `weights`, `skills`, `certificates`, `trainings`: see the exported pieces.
 *
 * @example
 * dongguanPolicy.ageLaw //=> { minimumWorkingAge: 16, adultAge: 18 }
 * dongguanPolicy.parks.length //=> 3
 */
export const dongguanPolicy: Policy = {
  id: 'dongguan',
  name: { zh: '东莞劳务协作', en: 'Dongguan labour cooperation' },
  ageLaw: DEFAULT_AGE_LAW,
  retirement: [RETIREMENT_2025],
  minimumWages: DEFAULT_MINIMUM_WAGES,
  pairings: [],
  parks: DEFAULT_PARKS,
  bases: [],
  weights: DEFAULT_WEIGHTS,
  skills: DEFAULT_SKILLS,
  certificates: DEFAULT_CERTIFICATES,
  trainings: DEFAULT_TRAININGS,
  followUpSchedule: [
    { id: '1-week', days: 7 },
    { id: '1-month', months: 1 },
    { id: '3-months', months: 3 },
    { id: '6-months', months: 6 },
  ],
};
