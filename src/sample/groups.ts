/**
 * The sample's groups: families and fellow villagers travelling together.
 *
 * @module
 */
import { divisionName } from '../divisions.js';
import { createRandom, type Random } from '../internal/random.js';
import { dongguanPolicy } from '../policy/dongguan.js';
import type { Pairing } from '../policy/types.js';
import type { CountyCode, IsoDate, Labourer, PlacementGroup, TownCode } from '../types.js';
import { fromDayNumber, yearsBefore } from './calendar.js';
import { ILLUSTRATIVE, PAIRED_COUNTIES } from './tables.js';
import { padId, townSampler } from './draws.js';

// ---------------------------------------------------------------------------------------------
// Groups

/** Group sizes 2–6 and how often each is drawn: families are mostly couples and small households. */
const FAMILY_SIZES = [2, 3, 4, 5, 6] as const;
const FAMILY_SIZE_WEIGHTS = [40, 28, 18, 9, 5];
/** Fellow villagers travel in somewhat larger parties. */
const VILLAGER_SIZE_WEIGHTS = [25, 30, 24, 13, 8];
/** The share of groups that are families; the others are fellow villagers. */
const FAMILY_SHARE = 0.6;
/** The oldest age at which a labourer is drawn into a group. */
const GROUP_AGE_MAX = 49;

/**
 * Whether a labourer would travel with others to work in Dongguan: willing to leave home and to
 * work there (anywhere, or within the province for an origin in Guangdong).
 */
function travels(w: Labourer): boolean {
  if (w.cannotLeaveHome) return false;
  return (
    w.mobility.scope === 'anywhere' ||
    (w.mobility.scope === 'home-province' && w.originCounty.startsWith('44'))
  );
}

/**
 * Families (placed at one site, rule `same-site`) and parties of fellow villagers (placed with one
 * employer, `same-employer`) covering about `share` of the labourers, each of 2–6 members.
 *
 * Only labourers who would travel together to work are drawn: aged 16–49, able to leave home and
 * willing to work in Dongguan (see {@link travels}); the showcase labourers, on whom the demo
 * relies, never are. A group is the labourer drawn first (its first member) and others who share
 * the first's mobility facts: origin county, mobility scope and the need for a dormitory. So the
 * members of a group are eligible for much the same posts and most groups have a common option.
 *
 * The labourers are only read: their records stay exactly as drawn. Complexity: O(w) for w
 * labourers (one shuffle, one pass, each bucket of alike labourers walked once).
 */
export function makeGroups(
  rng: Random,
  labourers: readonly Labourer[],
  asOf: IsoDate,
  share: number,
  showcase: number,
): PlacementGroup[] {
  const target = Math.round(share * labourers.length);
  if (target === 0) return [];
  // Of working age, 16–49 on the as-of date: no post is lawful under 16, and from 50 some women
  // have reached the retirement age.
  const oldest = fromDayNumber(yearsBefore(asOf, GROUP_AGE_MAX + 1) + 1);
  const youngest = fromDayNumber(yearsBefore(asOf, dongguanPolicy.ageLaw.minimumWorkingAge));
  // Buckets of alike labourers (in id order), and each labourer's bucket.
  const bucketIndex = new Map<string, number>();
  const bucketOf = new Int32Array(labourers.length).fill(-1);
  const bucketList: number[][] = [];
  const candidates: number[] = [];
  for (let i = showcase; i < labourers.length; i++) {
    const w = labourers[i]!;
    if (w.birthDate < oldest || w.birthDate > youngest || !travels(w)) continue;
    const key = `${w.originCounty}|${w.mobility.scope}|${w.needsDormitory ? 1 : 0}`;
    let b = bucketIndex.get(key);
    if (b === undefined) {
      b = bucketList.length;
      bucketIndex.set(key, b);
      bucketList.push([]);
    }
    bucketOf[i] = b;
    bucketList[b]!.push(i);
    candidates.push(i);
  }
  const cursor = new Int32Array(bucketList.length);
  const taken = new Uint8Array(labourers.length);
  const drawFamily = rng.sampler(FAMILY_SIZES, FAMILY_SIZE_WEIGHTS);
  const drawParty = rng.sampler(FAMILY_SIZES, VILLAGER_SIZE_WEIGHTS);
  const width = Math.max(4, String(Math.ceil(target / 2)).length);
  const groups: PlacementGroup[] = [];
  let members = 0;
  for (const anchor of rng.shuffle(candidates)) {
    if (members >= target) break;
    if (taken[anchor] === 1) continue;
    const family = rng.chance(FAMILY_SHARE);
    const size = family ? drawFamily() : drawParty();
    const b = bucketOf[anchor]!;
    const bucket = bucketList[b]!;
    const group = [anchor];
    taken[anchor] = 1;
    // The bucket's untaken labourers in id order; those before the cursor are all taken.
    let c = cursor[b]!;
    while (group.length < size && c < bucket.length) {
      const i = bucket[c++]!;
      if (taken[i] === 1) continue;
      taken[i] = 1;
      group.push(i);
    }
    cursor[b] = c;
    if (group.length < 2) continue; // alone in the bucket: travels alone
    members += group.length;
    groups.push({
      id: padId('g', groups.length, width),
      members: group.map((i) => labourers[i]!.id),
      rule: family ? 'same-site' : 'same-employer',
      kind: family ? 'family' : 'fellow-villagers',
    });
  }
  return groups;
}

/** Illustrative pairings of the main origin counties with 4–6 Dongguan towns each, the same for every seed. */
export function illustrativePairings(towns: readonly TownCode[]): Pairing[] {
  const rng = createRandom(0x7061_6972); // fixed: the pairings do not vary with the sample's seed
  const drawTown = townSampler(rng, towns);
  return PAIRED_COUNTIES.filter((c) => divisionName(c) !== undefined).map((county) => {
    const chosen = new Set<TownCode>();
    const n = rng.int(4, 6);
    while (chosen.size < Math.min(n, towns.length)) chosen.add(drawTown());
    return {
      originCounty: county as CountyCode,
      towns: [...chosen].sort(),
      from: '2021-01-01' as IsoDate,
      source: ILLUSTRATIVE,
    };
  });
}
