/**
 * Lookups in the official division code tables (NBS 2023; county level = GB/T 2260), embedded so
 * the core needs no file access.
 *
 * Codes nest by prefix: province `PP`, prefecture `PPCC`, county `PPCCDD`, Dongguan town
 * `441900TTT`. A place lies within an area exactly when the area's code is a prefix of its code.
 *
 * @module
 */
import { editDistance, suggestionLimit } from './internal/edit-distance.js';
import { COUNTIES, DONGGUAN_TOWNS, PREFECTURES, PROVINCES } from './data/divisions.js';
import type { AreaCode, CountyCode, TownCode } from './types.js';

/** A division with its name. */
export interface Division {
  readonly code: AreaCode;
  readonly name: string;
}

/** A county-level division with the prefecture and province it belongs to. */
export interface CountyInfo {
  readonly code: CountyCode;
  readonly name: string;
  readonly prefecture: Division;
  readonly province: Division;
}

function table(packed: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const row of packed.split('|')) {
    const colon = row.indexOf(':');
    map.set(row.slice(0, colon), row.slice(colon + 1));
  }
  return map;
}

/**
 * The rows of the county table, code and name in the table's order: each prefecture's code, `:`,
 * then each county's last two digits and its name (names hold no digits). Written so because the
 * codes repeat their prefecture: 4 KB less of the core's gzipped bundle.
 *
 * @example
 * unpackCounties('5306:02昭阳区21鲁甸县') //=> [['530602', '昭阳区'], ['530621', '鲁甸县']]
 */
export function unpackCounties(packed: string): [string, string][] {
  const rows: [string, string][] = [];
  for (const group of packed.split('|')) {
    const colon = group.indexOf(':');
    const prefecture = group.slice(0, colon);
    for (const m of group.slice(colon + 1).matchAll(/(\d\d)(\D+)/g)) rows.push([prefecture + m[1]!, m[2]!]);
  }
  return rows;
}

let tables:
  | {
      readonly provinces: ReadonlyMap<string, string>;
      readonly prefectures: ReadonlyMap<string, string>;
      readonly counties: ReadonlyMap<string, string>;
      readonly towns: ReadonlyMap<string, string>;
    }
  | undefined;

/** The tables, parsed once (internal: for `division-names-en.ts`). */
export function getTables(): NonNullable<typeof tables> {
  tables ??= {
    provinces: table(PROVINCES),
    prefectures: table(PREFECTURES),
    counties: new Map(unpackCounties(COUNTIES)),
    towns: table(DONGGUAN_TOWNS),
  };
  return tables;
}

/**
 * The name of a division code at any level, or undefined if the code is not in the official table.
 *
 * @example
 * divisionName('530627') //=> '镇雄县'
 * divisionName('441900116') //=> '塘厦镇'
 */
export function divisionName(code: string): string | undefined {
  const t = getTables();
  switch (code.length) {
    case 2:
      return t.provinces.get(code);
    case 4:
      return t.prefectures.get(code);
    case 6:
      return t.counties.get(code);
    case 9:
      return t.towns.get(code);
    default:
      return undefined;
  }
}

/** Whether `code` is a known division code at any level (2, 4, 6 or 9 digits). */
export function isAreaCode(code: string): code is AreaCode {
  return /^\d+$/.test(code) && divisionName(code) !== undefined;
}

/** Whether `code` is a known six-digit county-level code. */
export function isCountyCode(code: string): code is CountyCode {
  return code.length === 6 && isAreaCode(code);
}

/** Whether `code` is a known nine-digit Dongguan town code. */
export function isTownCode(code: string): code is TownCode {
  return code.length === 9 && isAreaCode(code);
}

/**
 * A county with its prefecture and province, or undefined if the code is unknown.
 *
 * @example
 * lookupCounty('530627')?.prefecture.name //=> '昭通市'
 */
export function lookupCounty(code: string): CountyInfo | undefined {
  if (!isCountyCode(code)) return undefined;
  const prefecture = code.slice(0, 4) as AreaCode;
  const province = code.slice(0, 2) as AreaCode;
  return {
    code,
    name: divisionName(code)!,
    prefecture: { code: prefecture, name: divisionName(prefecture) ?? '' },
    province: { code: province, name: divisionName(province) ?? '' },
  };
}

/** The prefecture (4 digits) of a county or town code. */
export function prefectureOf(code: string): AreaCode {
  return code.slice(0, 4) as AreaCode;
}

/** The province (2 digits) of any division code. */
export function provinceOf(code: string): AreaCode {
  return code.slice(0, 2) as AreaCode;
}

/** Whether the place `inner` lies within the area `outer` (equal codes included). */
export function areaContains(outer: string, inner: string): boolean {
  return inner.startsWith(outer);
}

/** Every known Dongguan town code, in table order. */
export function dongguanTowns(): readonly TownCode[] {
  return [...getTables().towns.keys()] as TownCode[];
}

/** Every known county code whose code starts with `prefix`, in table order. */
export function countiesIn(prefix: string): readonly CountyCode[] {
  return [...getTables().counties.keys()].filter((c) => c.startsWith(prefix)) as CountyCode[];
}

let countyNames: ReadonlyMap<string, readonly CountyCode[]> | undefined;

/** The county whose name a text gives, how sure, and the nearest names when none matches. */
export type CountyByName =
  | { readonly kind: 'found'; readonly code: CountyCode }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly CountyInfo[] }
  | { readonly kind: 'unknown'; readonly suggestions: readonly CountyInfo[] };

/**
 * Finds a county-level division by name, as a spreadsheet writes it: the name alone (鲁甸县), or
 * with its prefecture and province in front (昭通市鲁甸县, 云南省昭通市鲁甸县); the name without its
 * ending is taken when only one county has it (鲁甸). Names that several counties share (鼓楼区)
 * are `ambiguous` unless the prefecture is given; an unknown name comes with the nearest names.
 *
 * @param text - The name.
 * @returns The county, the candidates, or suggestions.
 * @example
 * countyByName('鲁甸县') //=> { kind: 'found', code: '530621' }
 * countyByName('鼓楼区').kind //=> 'ambiguous'
 */
export function countyByName(text: string): CountyByName {
  const name = text.normalize('NFKC').replace(/\s+/g, '');
  if (countyNames === undefined) {
    const m = new Map<string, CountyCode[]>();
    const add = (key: string, code: CountyCode): void => {
      const list = m.get(key);
      if (list === undefined) m.set(key, [code]);
      else if (!list.includes(code)) list.push(code);
    };
    for (const [code, n] of getTables().counties) {
      add(n, code as CountyCode);
      // The name without its ending (县, 区, 市, 旗, 自治县…), when that leaves two characters or more.
      const short = n.replace(/(自治县|自治旗|特区|林区|县|区|市|旗)$/, '');
      if (short !== n && [...short].length >= 2) add(`~${short}`, code as CountyCode);
    }
    countyNames = m;
  }
  const info = (codes: readonly CountyCode[]): CountyInfo[] => codes.map((c) => lookupCounty(c)!);
  const exact = countyNames.get(name) ?? countyNames.get(`~${name}`);
  if (exact !== undefined)
    return exact.length === 1
      ? { kind: 'found', code: exact[0]! }
      : { kind: 'ambiguous', candidates: info(exact) };
  // With the prefecture (and province) in front: a county name the text ends with, whose
  // prefecture's name the rest ends with.
  const t = getTables();
  const hits: CountyCode[] = [];
  for (const [code, n] of t.counties) {
    if (!name.endsWith(n) || name.length === n.length) continue;
    const rest = name.slice(0, -n.length);
    const pref = t.prefectures.get(code.slice(0, 4)) ?? '';
    const prov = t.provinces.get(code.slice(0, 2)) ?? '';
    if (rest === pref || rest === prov + pref || rest === prov) hits.push(code as CountyCode);
  }
  if (hits.length === 1) return { kind: 'found', code: hits[0]! };
  if (hits.length > 1) return { kind: 'ambiguous', candidates: info(hits) };
  // Nothing: the names nearest by edit distance, up to five.
  const limit = suggestionLimit(name);
  const length = [...name].length;
  const near: [number, CountyCode][] = [];
  for (const [code, n] of t.counties) {
    if (Math.abs([...n].length - length) > limit) continue;
    const d = editDistance(name, n);
    if (d <= limit) near.push([d, code as CountyCode]);
  }
  near.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return { kind: 'unknown', suggestions: info(near.slice(0, 5).map(([, c]) => c)) };
}
