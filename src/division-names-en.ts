/**
 * Division names in English: the proper name in pinyin, the ethnic groups of an autonomous area by
 * their English names and the kind of division in English, as "Zhenxiong County", "Linxia Hui
 * Autonomous Prefecture", "Chang'an Town". English text puts the Chinese name after it.
 *
 * The readings come from `data/pinyin.ts`, generated from the official names by
 * `scripts/gen-pinyin.mjs` (pinyin-pro's readings in context, with corrections for place names).
 * Names in the languages of Xinjiang, Xizang and Nei Mongol are given in the pinyin of their Chinese
 * form, except Tumxuk (图木舒克), a partner region, whose romanized name is the one in use.
 *
 * @module
 */
import { CHAR_READINGS, NAME_READINGS } from './data/pinyin.js';
import { divisionName, getTables } from './divisions.js';

/** Kinds of division by the ending of their name, longest first; a kind needs at least `min` characters before it. */
const KINDS: readonly (readonly [zh: string, en: string, min: number])[] = [
  ['高新技术产业开发区', 'High-tech Industrial Development Zone', 1],
  ['高技术产业开发区', 'High-tech Industrial Development Zone', 1],
  ['高新技术产业园区', 'High-tech Industrial Park', 1],
  ['经济技术开发区', 'Economic and Technological Development Zone', 1],
  ['高新技术开发区', 'High-tech Development Zone', 1],
  ['城乡一体化示范区', 'Urban-Rural Integration Demonstration Zone', 1],
  ['综合改革示范区', 'Comprehensive Reform Demonstration Zone', 1],
  ['经济综合实验区', 'Comprehensive Economic Experimental Zone', 1],
  ['产业聚集区', 'Industrial Cluster', 1],
  ['现代产业园区', 'Modern Industrial Park', 1],
  ['风景名胜区', 'Scenic Area', 1],
  ['经济开发区', 'Economic Development Zone', 1],
  ['工业园区', 'Industrial Park', 1],
  ['产业园区', 'Industrial Park', 1],
  ['创意园区', 'Creative Park', 1],
  ['行政委员会', 'Administrative Committee', 1],
  ['示范区', 'Demonstration Zone', 1],
  ['开发区', 'Development Zone', 1],
  ['管理区', 'Administrative Zone', 1],
  ['自治区', 'Autonomous Region', 0],
  ['自治州', 'Autonomous Prefecture', 0],
  ['自治县', 'Autonomous County', 0],
  ['自治旗', 'Autonomous Banner', 0],
  ['左翼前旗', 'Left Wing Front Banner', 1],
  ['左翼中旗', 'Left Wing Middle Banner', 1],
  ['左翼后旗', 'Left Wing Rear Banner', 1],
  ['右翼前旗', 'Right Wing Front Banner', 1],
  ['右翼中旗', 'Right Wing Middle Banner', 1],
  ['右翼后旗', 'Right Wing Rear Banner', 1],
  ['联合旗', 'United Banner', 1],
  ['左旗', 'Left Banner', 1],
  ['右旗', 'Right Banner', 1],
  ['前旗', 'Front Banner', 1],
  ['中旗', 'Middle Banner', 1],
  ['后旗', 'Rear Banner', 1],
  ['群岛', 'Islands', 1],
  ['新区', 'New Area', 2],
  ['林区', 'Forestry District', 2],
  ['矿区', 'Mining District', 2],
  ['街道', 'Subdistrict', 1],
  ['地区', 'Prefecture', 1],
  ['特区', 'Special District', 1],
  ['省', 'Province', 1],
  ['市', 'City', 1],
  ['区', 'District', 1],
  ['县', 'County', 1],
  ['旗', 'Banner', 1],
  ['盟', 'League', 1],
  ['镇', 'Town', 1],
  ['乡', 'Township', 1],
];

/**
 * The ethnic groups named in autonomous areas (GB/T 3304 names, the English forms used in the
 * areas' official English names). `bare`: also written without 族 before 自治….
 */
const ETHNIC: Readonly<Record<string, readonly [en: string, bare?: true]>> = {
  蒙古: ['Mongol', true],
  回: ['Hui'],
  藏: ['Tibetan'],
  维吾尔: ['Uygur', true],
  苗: ['Miao'],
  彝: ['Yi'],
  壮: ['Zhuang'],
  布依: ['Bouyei'],
  朝鲜: ['Korean'],
  满: ['Manchu'],
  侗: ['Dong'],
  瑶: ['Yao'],
  白: ['Bai'],
  土家: ['Tujia'],
  哈尼: ['Hani'],
  哈萨克: ['Kazak', true],
  傣: ['Dai'],
  黎: ['Li'],
  傈僳: ['Lisu'],
  佤: ['Va'],
  畲: ['She'],
  拉祜: ['Lahu'],
  水: ['Shui'],
  东乡: ['Dongxiang'],
  纳西: ['Naxi'],
  景颇: ['Jingpo'],
  柯尔克孜: ['Kirgiz', true],
  土: ['Tu'],
  达斡尔: ['Daur'],
  仫佬: ['Mulao'],
  羌: ['Qiang'],
  布朗: ['Blang'],
  撒拉: ['Salar'],
  毛南: ['Maonan'],
  仡佬: ['Gelao'],
  锡伯: ['Xibe', true],
  阿昌: ['Achang'],
  普米: ['Pumi'],
  塔吉克: ['Tajik', true],
  怒: ['Nu'],
  鄂温克: ['Ewenki'],
  德昂: ["De'ang"],
  保安: ['Bonan'],
  裕固: ['Yugur'],
  独龙: ['Derung'],
  鄂伦春: ['Oroqen', true],
  各: ['Various Nationalities'],
};

/** Names whose English is not made by the rules: generic entries, and a few in use. */
const WHOLE: Readonly<Record<string, string>> = {
  市辖区: 'Municipal Districts',
  县: 'Counties',
  省直辖县级行政区划: 'County-level Divisions under the Province',
  自治区直辖县级行政区划: 'County-level Divisions under the Autonomous Region',
  中沙群岛的岛礁及其海域: 'Zhongsha Islands and Waters',
  乌拉盖管理区管委会: 'Wulagai Administrative Zone Committee',
  松山湖: 'Songshan Lake',
  东莞港: 'Dongguan Port',
  东莞生态园: 'Dongguan Eco-Park',
  陕西省: 'Shaanxi Province',
  内蒙古自治区: 'Nei Mongol Autonomous Region',
  图木舒克市: 'Tumxuk City',
};

let readings:
  { readonly char: ReadonlyMap<string, string>; readonly name: ReadonlyMap<string, string[]> } | undefined;
function getReadings(): NonNullable<typeof readings> {
  if (readings === undefined) {
    const char = new Map<string, string>();
    for (const m of CHAR_READINGS.matchAll(/([^a-zü])([a-zü]+)/gu)) char.set(m[1]!, m[2]!);
    const name = new Map<string, string[]>();
    for (const row of NAME_READINGS.split('|')) {
      const colon = row.indexOf(':');
      name.set(row.slice(0, colon), row.slice(colon + 1).split(' '));
    }
    readings = { char, name };
  }
  return readings;
}

/** The syllables of `text`, a part of the official name `whole` starting at character `from`. */
function syllables(whole: string, text: string, from: number): string[] {
  const r = getReadings();
  const own = r.name.get(whole);
  const chars = [...text];
  return chars.map((c, i) => own?.[from + i] ?? r.char.get(c) ?? c);
}

/** Syllables written as one word: capitalised, an apostrophe before a, o or e that does not start it. */
function word(parts: readonly string[]): string {
  const w = parts.map((s, i) => (i > 0 && /^[aoe]/u.test(s) ? `'${s}` : s)).join('');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

let places: ReadonlySet<string> | undefined;
/** Province and prefecture names without their kind or ethnic groups (河北, 唐山, 临夏): the words a zone's name is made of. */
function placeWords(): ReadonlySet<string> {
  if (places === undefined) {
    const t = getTables();
    const set = new Set<string>();
    for (const n of [...t.provinces.values(), ...t.prefectures.values()]) {
      const core = split(n).proper;
      if ([...core].length >= 2) set.add(core);
    }
    places = set;
  }
  return places;
}

/** A name taken apart: the proper name, the ethnic groups (English), the kind (English). */
function split(name: string): {
  readonly proper: string;
  readonly ethnic: readonly string[];
  readonly kind: string | undefined;
} {
  const found = KINDS.find(([zh, , min]) => name.endsWith(zh) && [...name].length - [...zh].length >= min);
  let rest = found === undefined ? name : name.slice(0, -found[0].length);
  const autonomous = found?.[0].startsWith('自治') === true;
  const ethnic: string[] = [];
  for (let again = true; again;) {
    again = false;
    for (const [zh, [en, bare]] of Object.entries(ETHNIC)) {
      const withZu = `${zh}族`;
      const cut = rest.endsWith(withZu)
        ? withZu
        : autonomous && bare === true && rest.endsWith(zh)
          ? zh
          : undefined;
      if (cut === undefined || (rest.length === cut.length && !autonomous)) continue;
      ethnic.unshift(en);
      rest = rest.slice(0, -cut.length);
      again = true;
      break;
    }
  }
  return { proper: rest, ethnic, kind: found?.[1] };
}

/** The proper name in pinyin, as words: a zone named after its province and prefecture gets a word for each. */
function properWords(whole: string, proper: string): string[] {
  const words: string[] = [];
  const known = placeWords();
  let at = 0;
  let rest = proper;
  for (;;) {
    let hit = '';
    if ([...rest].length >= 4)
      for (let n = Math.min(4, rest.length - 1); n >= 2 && hit === ''; n--)
        if (known.has(rest.slice(0, n))) hit = rest.slice(0, n);
    if (hit === '') break;
    words.push(word(syllables(whole, hit, at)));
    let skip = hit.length;
    if (rest[skip] === '市') skip++;
    at += skip;
    rest = rest.slice(skip);
  }
  if (rest !== '') words.push(word(syllables(whole, rest, at)));
  return words;
}

const cache = new Map<string, string | undefined>();

/**
 * The English name of a division code at any level, or undefined if the code is not in the official
 * table: the proper name in pinyin (an apostrophe where syllables would run together), the ethnic
 * groups of an autonomous area, and the kind of division.
 *
 * @param code - A division code (2, 4, 6 or 9 digits).
 * @returns The name in English.
 * @example
 * divisionNameEn('530627') //=> 'Zhenxiong County'
 * divisionNameEn('6229') //=> 'Linxia Hui Autonomous Prefecture'
 * divisionNameEn('441900119') //=> "Chang'an Town"
 */
export function divisionNameEn(code: string): string | undefined {
  if (cache.has(code)) return cache.get(code);
  const name = divisionName(code);
  let en: string | undefined;
  if (name !== undefined) {
    const whole = WHOLE[name];
    if (whole !== undefined) en = whole;
    else {
      const { proper, ethnic, kind } = split(name);
      const municipality = code.length === 2 && name.endsWith('市');
      const groups =
        ethnic.length <= 1 ? ethnic : [`${ethnic.slice(0, -1).join(', ')} and ${ethnic[ethnic.length - 1]!}`];
      en = [
        ...(proper === '' ? [] : properWords(name, proper)),
        ...groups,
        ...(municipality ? ['Municipality'] : kind === undefined ? [] : [kind]),
      ].join(' ');
    }
  }
  cache.set(code, en);
  return en;
}

/**
 * A place for English text: its English name with the Chinese after it, "Zhenxiong County
 * (镇雄县)"; the code itself when it is not in the official table.
 *
 * @param code - A division code.
 * @returns The place's name in English text.
 * @example
 * placeNameEn('530627') //=> 'Zhenxiong County (镇雄县)'
 */
export function placeNameEn(code: string): string {
  const en = divisionNameEn(code);
  return en === undefined ? code : `${en} (${divisionName(code)!})`;
}
