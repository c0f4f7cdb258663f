/**
 * The fixed tables the sample's draws rest on: partner and other origin counties, sectors, names.
 *
 * @module
 */
import type { Source } from '../policy/types.js';

// ---------------------------------------------------------------------------------------------
// Fixed tables the draws rest on

export const ILLUSTRATIVE: Source = {
  citation:
    'Illustrative sample data: the official county–town pairing table (县镇对口联系) and the list of placement bases are not in the reference',
  confidence: 'illustrative',
};

/**
 * Origin regions and their share of labourers; `heavy` counties (the most populous, the most
 * active in the programme) are drawn several times more often than the others of their region.
 */
export const ORIGIN_REGIONS: readonly {
  readonly prefix: string;
  readonly weight: number;
  readonly heavy?: Readonly<Record<string, number>>;
}[] = [
  {
    prefix: '5306',
    weight: 34,
    heavy: { '530627': 6, '530628': 3, '530629': 2.5, '530621': 2, '530622': 2 },
  },
  { prefix: '6229', weight: 14, heavy: { '622926': 3, '622927': 2.5, '622924': 2 } },
  { prefix: '433124', weight: 5 },
  { prefix: '433130', weight: 6 },
  { prefix: '420322', weight: 5 },
  { prefix: '4512', weight: 12, heavy: { '451228': 3, '451229': 2.5, '451224': 2, '451227': 2 } },
  { prefix: '659003', weight: 4 },
  { prefix: '4402', weight: 10, heavy: { '440232': 3, '440233': 2.5, '440229': 2 } },
  { prefix: '4453', weight: 2 },
  { prefix: '4452', weight: 2 },
];

/** Labourers from outside the partner regions (they moved in, or registered elsewhere): a small share. */
export const OTHER_ORIGIN_PREFIXES = ['5205', '5224', '5134'] as const;
export const OTHER_ORIGIN_WEIGHT = 4;

/** The counties the illustrative pairings cover: the heavy counties and the single-county regions. */
export const PAIRED_COUNTIES = [
  '530627',
  '530628',
  '530629',
  '530621',
  '530622',
  '622926',
  '622927',
  '622924',
  '433124',
  '433130',
  '420322',
  '451228',
  '451229',
  '451224',
  '659003',
  '440232',
  '440233',
] as const;

/** Dongguan's manufacturing towns draw most posts; the new zones few. */
export const TOWN_WEIGHTS: Readonly<Record<string, number>> = {
  '441900119': 4, // 长安
  '441900121': 3.5, // 虎门
  '441900116': 3.5, // 塘厦
  '441900110': 3, // 常平
  '441900113': 3, // 大朗
  '441900122': 3, // 厚街
  '441900117': 3, // 凤岗
  '441900115': 2.5, // 清溪
  '441900111': 2.5, // 寮步
  '441900114': 2, // 黄江
  '441900118': 2, // 大岭山
  '441900401': 2, // 松山湖
  '441900112': 2, // 樟木头
  '441900402': 0.3, // 东莞港
  '441900403': 0.3, // 东莞生态园
  '441900404': 0.5, // 滨海湾新区
};

/** Minority languages spoken in some origin counties (BCP 47), with the share of speakers drawn. */
export const LANGUAGES: readonly {
  readonly prefix: string;
  readonly lang: string;
  readonly share: number;
}[] = [
  { prefix: '530628', lang: 'hmn', share: 0.12 }, // 彝良: Miao
  { prefix: '530629', lang: 'hmn', share: 0.12 }, // 威信: Miao
  { prefix: '5306', lang: 'ii', share: 0.06 }, // Zhaotong: Yi
  { prefix: '622926', lang: 'sce', share: 0.35 }, // 东乡族自治县: Dongxiang
  { prefix: '433124', lang: 'hmn', share: 0.3 }, // 花垣: Miao
  { prefix: '433130', lang: 'tji', share: 0.05 }, // 龙山: Tujia (few speakers remain)
  { prefix: '4512', lang: 'za', share: 0.35 }, // Hechi: Zhuang
  { prefix: '659003', lang: 'ug', share: 0.4 }, // Tumxuk: Uyghur
  { prefix: '4402', lang: 'yue', share: 0.3 }, // Shaoguan: Cantonese
  { prefix: '4453', lang: 'yue', share: 0.8 }, // Yunfu: Cantonese
];

export interface Sector {
  readonly name: string;
  readonly weight: number;
  readonly skills: readonly string[];
  /** Whether the sector's employers also sit in parks and origin workshops. */
  readonly manufacturing: boolean;
}

/** Employer sectors, their share and the skills their posts ask for (most asked first). */
export const SECTORS: readonly Sector[] = [
  {
    name: '电子厂',
    weight: 20,
    skills: ['electronics-assembly', 'smt-operation', 'hand-soldering', 'quality-inspection', 'packaging'],
    manufacturing: true,
  },
  {
    name: '制衣厂',
    weight: 10,
    skills: [
      'sewing-machine-operation',
      'garment-cutting',
      'garment-ironing',
      'quality-inspection',
      'packaging',
    ],
    manufacturing: true,
  },
  {
    name: '鞋业公司',
    weight: 6,
    skills: ['shoe-making', 'sewing-machine-operation', 'packaging'],
    manufacturing: true,
  },
  {
    name: '五金塑胶厂',
    weight: 12,
    skills: ['injection-moulding', 'mould-making', 'cnc-machining', 'lathe-operation', 'spray-painting'],
    manufacturing: true,
  },
  {
    name: '机械厂',
    weight: 8,
    skills: ['cnc-machining', 'welding', 'electrician', 'machine-maintenance', 'lathe-operation'],
    manufacturing: true,
  },
  {
    name: '家具厂',
    weight: 6,
    skills: ['furniture-making', 'carpentry', 'spray-painting', 'packaging'],
    manufacturing: true,
  },
  {
    name: '物流公司',
    weight: 10,
    skills: [
      'parcel-sorting',
      'warehouse-keeping',
      'forklift-driving',
      'courier-delivery',
      'vehicle-driving',
    ],
    manufacturing: false,
  },
  { name: '餐饮管理公司', weight: 7, skills: ['food-service', 'cooking', 'cleaning'], manufacturing: false },
  {
    name: '物业服务公司',
    weight: 6,
    skills: ['security-guard', 'cleaning', 'electrician', 'refrigeration-repair'],
    manufacturing: false,
  },
  {
    name: '家政养老服务公司',
    weight: 4,
    skills: ['housekeeping', 'elderly-care', 'childcare', 'cleaning'],
    manufacturing: false,
  },
  {
    name: '建筑工程公司',
    weight: 5,
    skills: ['masonry', 'rebar-work', 'plastering', 'carpentry', 'decoration', 'welding'],
    manufacturing: false,
  },
  {
    name: '汽车服务公司',
    weight: 4,
    skills: ['auto-repair', 'auto-electrics', 'spray-painting', 'vehicle-driving'],
    manufacturing: false,
  },
  {
    name: '电子商务公司',
    weight: 5,
    skills: ['ecommerce-customer-service', 'retail-sales', 'warehouse-keeping', 'packaging'],
    manufacturing: false,
  },
  { name: '美容美发店', weight: 2, skills: ['hairdressing', 'beauty-care'], manufacturing: false },
];

/** Job titles of the skills of the default taxonomy; other skills are titled `<name>工`. */
export const TITLES: Readonly<Record<string, string>> = {
  'electronics-assembly': '电子装配工',
  'smt-operation': 'SMT操作员',
  'hand-soldering': '焊锡工',
  'sewing-machine-operation': '车缝工',
  'garment-cutting': '裁床工',
  'garment-ironing': '整烫工',
  'shoe-making': '制鞋工',
  'injection-moulding': '注塑工',
  'cnc-machining': 'CNC操作员',
  'lathe-operation': '车床工',
  'mould-making': '模具工',
  welding: '电焊工',
  electrician: '电工',
  'machine-maintenance': '设备维修工',
  'refrigeration-repair': '空调维修工',
  'quality-inspection': '质检员',
  packaging: '包装工',
  'spray-painting': '喷涂工',
  'furniture-making': '家具木工',
  'warehouse-keeping': '仓管员',
  'forklift-driving': '叉车司机',
  'courier-delivery': '快递员',
  'parcel-sorting': '分拣员',
  'vehicle-driving': '货车司机',
  cooking: '厨师',
  'food-service': '餐厅服务员',
  housekeeping: '家政服务员',
  cleaning: '保洁员',
  'security-guard': '保安员',
  'elderly-care': '养老护理员',
  childcare: '育婴员',
  hairdressing: '美发师',
  'beauty-care': '美容师',
  'retail-sales': '营业员',
  'ecommerce-customer-service': '电商客服',
  masonry: '砌筑工',
  plastering: '抹灰工',
  'rebar-work': '钢筋工',
  carpentry: '木工',
  decoration: '装修工',
  'auto-repair': '汽车维修工',
  'auto-electrics': '汽车电工',
};

/**
 * What a post of a skill may demand beyond the skill: a certificate (with the share of posts that
 * ask for it) and the share of posts that are hazardous work (劳动法 art. 64).
 */
export const SKILL_DEMANDS: Readonly<
  Record<
    string,
    { readonly certificate?: string; readonly certShare?: number; readonly hazardShare?: number }
  >
> = {
  welding: { certificate: 'welding-thermal-cutting', certShare: 0.9, hazardShare: 0.7 },
  electrician: { certificate: 'electrician-low-voltage', certShare: 0.85, hazardShare: 0.4 },
  'forklift-driving': { certificate: 'forklift-n1', certShare: 0.95, hazardShare: 0.2 },
  'refrigeration-repair': { certificate: 'refrigeration-air-conditioning', certShare: 0.6, hazardShare: 0.2 },
  'rebar-work': { certificate: 'work-at-height', certShare: 0.3, hazardShare: 0.6 },
  decoration: { certificate: 'work-at-height', certShare: 0.2, hazardShare: 0.3 },
  masonry: { hazardShare: 0.4 },
  'spray-painting': { hazardShare: 0.7 },
  'injection-moulding': { hazardShare: 0.15 },
  'machine-maintenance': { hazardShare: 0.2 },
  cooking: { certificate: 'health-certificate', certShare: 0.7 },
  'food-service': { certificate: 'health-certificate', certShare: 0.5 },
  'vehicle-driving': { certificate: 'driving-licence-c1', certShare: 1 },
  'courier-delivery': { certificate: 'driving-licence-c1', certShare: 0.3 },
};

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金石廖贾韦付方邹熊秦江龙陶向覃蓝罗杨',
];
/** Surnames drawn more often in some regions (马 among the Hui of Linxia, 韦/覃/蓝 in Hechi…). */
export const REGIONAL_SURNAMES: readonly {
  readonly prefix: string;
  readonly surnames: string;
  readonly share: number;
}[] = [
  { prefix: '6229', surnames: '马马马韩妥何', share: 0.45 },
  { prefix: '4512', surnames: '韦覃蓝黄莫罗', share: 0.45 },
  { prefix: '4331', surnames: '龙石吴麻向彭', share: 0.4 },
  { prefix: '5306', surnames: '陈王刘张杨李', share: 0.2 },
];
export const GIVEN_MALE = [...'伟强军勇杰涛斌华明超刚平辉鹏飞宇浩磊林东波成荣贵兴文德金海福顺'];
export const GIVEN_FEMALE = [...'芳娟敏静丽艳霞燕秀玲桂英红梅兰萍琴云凤珍莉琳慧雪春婷'];
export const GIVEN_ANY = [...'小志建永国晓春玉海红天思'];

export const EMPLOYER_WORDS = [
  '鸿达',
  '永盛',
  '华信',
  '利丰',
  '新锐',
  '恒通',
  '裕隆',
  '金源',
  '广和',
  '捷成',
  '东盈',
  '宏远',
  '森宝',
  '联兴',
  '瑞祥',
  '佳美',
  '长丰',
  '德润',
  '汇升',
  '启航',
];
