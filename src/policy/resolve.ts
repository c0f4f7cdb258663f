/**
 * Reading the policy's tables on a date: which effective-dated row is in force, the minimum wage of
 * an area, the towns paired with a county, the parks and bases that serve it.
 *
 * @module
 */
import type { CountyCode, IsoDate, TownCode } from '../types.js';
import type { Effective, MinimumWage, Park, PlacementBase, Policy } from './types.js';

/**
 * Whether an effective-dated row is in force on a date: `from` inclusive, `to` exclusive.
 *
 * @param row - A row with `from` and optional `to`.
 * @param date - The date to test.
 * @returns True if `from ≤ date` and (no `to` or `date < to`).
 * @example
 * inForce({ from: '2025-03-01' as IsoDate }, '2025-03-01' as IsoDate) //=> true
 * inForce({ from: '2021-12-01' as IsoDate, to: '2025-03-01' as IsoDate }, '2025-03-01' as IsoDate) //=> false
 */
export function inForce(row: Effective, date: IsoDate): boolean {
  return row.from <= date && (row.to === undefined || date < row.to);
}

/**
 * The minimum wage of an area on a date: the row in force whose area is the longest prefix of the
 * given code, so a Dongguan town falls back to Dongguan (4419), a county to its prefecture or
 * province. Ties at the same level go to the row that came into force last.
 *
 * The default policy holds only the figures known with a source (Dongguan and a few Guangdong
 * prefectures); elsewhere the result is undefined and callers treat it as missing data. Users add
 * rows to `policy.minimumWages` for other areas.
 *
 * Complexity: O(r) for r minimum-wage rows.
 *
 * @param policy - The programme policy.
 * @param area - A division code at any level (2, 4, 6 or 9 digits).
 * @param date - The date the wage must be in force on.
 * @returns The most specific row in force, or undefined if none covers the area.
 * @example
 * minimumWageAt(dongguanPolicy, '441900116', '2025-03-01' as IsoDate)?.monthly //=> 2080
 * minimumWageAt(dongguanPolicy, '441900116', '2025-02-28' as IsoDate)?.monthly //=> 1900
 * minimumWageAt(dongguanPolicy, '530627', '2025-03-01' as IsoDate) //=> undefined
 */
export function minimumWageAt(policy: Policy, area: string, date: IsoDate): MinimumWage | undefined {
  let best: MinimumWage | undefined;
  for (const row of policy.minimumWages) {
    if (!area.startsWith(row.area) || !inForce(row, date)) continue;
    if (
      best === undefined ||
      row.area.length > best.area.length ||
      (row.area.length === best.area.length && row.from > best.from)
    ) {
      best = row;
    }
  }
  return best;
}

/**
 * The Dongguan towns paired with an origin county (县镇对口联系) on a date, in policy order, without
 * repeats. The default policy holds no pairings (the official table is not published in a form the
 * library can cite); users add them.
 *
 * Complexity: O(p·t) for p pairing rows of t towns each.
 *
 * @param policy - The programme policy.
 * @param county - The origin county.
 * @param date - The date the pairing must be in force on.
 * @returns The paired town codes (empty if none).
 * @example
 * pairedTowns(dongguanPolicy, '530627' as CountyCode, '2026-03-01' as IsoDate) //=> []
 */
export function pairedTowns(policy: Policy, county: CountyCode, date: IsoDate): readonly TownCode[] {
  const towns: TownCode[] = [];
  const seen = new Set<string>();
  for (const row of policy.pairings) {
    if (row.originCounty !== county || !inForce(row, date)) continue;
    for (const town of row.towns) {
      if (!seen.has(town)) {
        seen.add(town);
        towns.push(town);
      }
    }
  }
  return towns;
}

/**
 * The parks that serve an origin county: those whose `serves` list holds an area containing the
 * county (a prefix of its code).
 *
 * Complexity: O(k·s) for k parks serving s areas each.
 *
 * @param policy - The programme policy.
 * @param county - The origin county.
 * @returns The serving parks, in policy order.
 * @example
 * parksServing(dongguanPolicy, '530627' as CountyCode).map((p) => p.id) //=> ['yuedian']
 */
export function parksServing(policy: Policy, county: CountyCode): readonly Park[] {
  return policy.parks.filter((park) => park.serves.some((area) => county.startsWith(area)));
}

/**
 * The designated placement bases (定点安置基地) in force on a date whose origin contains the county.
 * The default policy holds none; users add them.
 *
 * Complexity: O(b) for b bases.
 *
 * @param policy - The programme policy.
 * @param county - The origin county.
 * @param date - The date the base must be in force on.
 * @returns The bases, in policy order.
 * @example
 * basesFor(dongguanPolicy, '530627' as CountyCode, '2026-03-01' as IsoDate) //=> []
 */
export function basesFor(policy: Policy, county: CountyCode, date: IsoDate): readonly PlacementBase[] {
  return policy.bases.filter((base) => county.startsWith(base.origin) && inForce(base, date));
}
