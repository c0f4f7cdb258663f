/**
 * Lookups in the official division code tables (NBS 2023; county level = GB/T 2260), embedded so
 * the core needs no file access.
 *
 * Codes nest by prefix: province `PP`, prefecture `PPCC`, county `PPCCDD`, Dongguan town
 * `441900TTT`. A place lies within an area exactly when the area's code is a prefix of its code.
 *
 * @module
 */
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

let tables:
  | {
      readonly provinces: ReadonlyMap<string, string>;
      readonly prefectures: ReadonlyMap<string, string>;
      readonly counties: ReadonlyMap<string, string>;
      readonly towns: ReadonlyMap<string, string>;
    }
  | undefined;

function getTables(): NonNullable<typeof tables> {
  tables ??= {
    provinces: table(PROVINCES),
    prefectures: table(PREFECTURES),
    counties: table(COUNTIES),
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
