import { describe, expect, it } from 'vitest';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import { baseTakes, originComponent, sameSite } from '../src/score/origin.js';
import type { AreaCode, CountyCode, EmployerId, ParkId, Post, TownCode } from '../src/types.js';
import { AS_OF, ZHENXIONG, TANGXIA, employer, labourer, post } from './helpers/build.js';
import { pairedPolicy } from './helpers/arbitraries.js';

const LUDIAN = '530621' as CountyCode; // 鲁甸县, Zhaotong
const QUJING = '530302' as CountyCode; // 麒麟区, Qujing, Yunnan
const at = (p: Post, area: string) =>
  originComponent(pairedPolicy, AS_OF, labourer(), p, employer(), area as AreaCode);

/** The link reason and value of a post at a site. */
const link = (p: Post, area: string) => {
  const r = at(p, area);
  return { value: r.parts[0]!.value, reason: r.reasons[0] };
};

describe('the origin component explains its link exactly', () => {
  it('home county, a park serving the origin, a paired town, a designated base', () => {
    expect(link(post({ site: { kind: 'county', county: ZHENXIONG } }), ZHENXIONG)).toEqual({
      value: 1,
      reason: { code: 'origin-home-county', params: { county: ZHENXIONG } },
    });
    expect(link(post({ site: { kind: 'park', park: 'yuedian' as ParkId } }), '530602')).toEqual({
      value: 1,
      reason: { code: 'origin-park-serves', params: { park: 'yuedian' } },
    });
    expect(link(post({ site: { kind: 'town', town: TANGXIA } }), TANGXIA)).toEqual({
      value: 1,
      reason: { code: 'origin-paired-town', params: { county: ZHENXIONG, town: TANGXIA } },
    });
    expect(
      link(
        post({ employer: 'e0' as EmployerId, site: { kind: 'town', town: '441900110' as TownCode } }),
        '441900110',
      ),
    ).toEqual({ value: 1, reason: { code: 'origin-designated-base', params: { base: 'base-1' } } });
  });

  it('a preferred destination, the same prefecture, the same province, across provinces', () => {
    const town = post({ site: { kind: 'town', town: '441900110' as TownCode } });
    const prefers = labourer({
      mobility: { scope: 'anywhere', preferred: [{ kind: 'area', area: '4419' as AreaCode }], refused: [] },
    });
    const r = originComponent(dongguanPolicy, AS_OF, prefers, town, employer(), '441900110' as AreaCode);
    expect(r.reasons[0]).toEqual({
      code: 'origin-preferred-destination',
      params: { destination: { kind: 'area', area: '4419' } },
    });
    expect(r.parts[0]!.value).toBe(0.9);
    const d = (area: string) =>
      originComponent(dongguanPolicy, AS_OF, labourer(), post(), employer(), area as AreaCode);
    expect(d(LUDIAN).reasons[0]).toEqual({ code: 'origin-same-prefecture', params: { area: '5306' } });
    expect(d(LUDIAN).parts[0]!.value).toBe(0.7);
    expect(d(QUJING).reasons[0]).toEqual({ code: 'origin-same-province', params: { area: '53' } });
    expect(d(QUJING).parts[0]!.value).toBe(0.5);
    expect(d('441900110').reasons[0]).toEqual({
      code: 'origin-cross-province',
      params: { from: ZHENXIONG, to: '441900110' },
    });
    expect(d('441900110').parts[0]!.value).toBe(0.2);
  });

  it('a preferred park is preferred only where the site is that park', () => {
    const parkLover = labourer({
      mobility: { scope: 'anywhere', preferred: [{ kind: 'park', park: 'caohu' as ParkId }], refused: [] },
    });
    const inTown = originComponent(
      dongguanPolicy,
      AS_OF,
      parkLover,
      post(),
      employer(),
      TANGXIA as string as AreaCode,
    );
    expect(inTown.reasons[0]!.code).toBe('origin-cross-province');
  });

  it('languages shared or not, with what each side speaks', () => {
    const zh = post({ languages: ['zh'] });
    const shared = originComponent(
      dongguanPolicy,
      AS_OF,
      labourer({ languages: ['zh', 'yue'] }),
      zh,
      employer(),
      TANGXIA as string as AreaCode,
    );
    expect(shared.reasons).toContainEqual({ code: 'language-shared', params: { languages: ['zh'] } });
    const not = originComponent(
      dongguanPolicy,
      AS_OF,
      labourer({ languages: ['ii'] }),
      zh,
      employer(),
      TANGXIA as string as AreaCode,
    );
    expect(not.reasons).toContainEqual({
      code: 'language-not-shared',
      params: { post: ['zh'], labourer: ['ii'] },
    });
  });

  it('fellow villagers at the employer, or none, named with the county', () => {
    const none = originComponent(
      dongguanPolicy,
      AS_OF,
      labourer(),
      post(),
      employer(),
      TANGXIA as string as AreaCode,
    );
    expect(none.reasons[1]).toEqual({ code: 'origin-no-fellows-at-employer', params: { county: ZHENXIONG } });
    const some = originComponent(
      dongguanPolicy,
      AS_OF,
      labourer(),
      post(),
      employer({ workforceByOrigin: [{ county: ZHENXIONG, count: 3 }] }),
      TANGXIA as string as AreaCode,
    );
    expect(some.reasons[1]).toEqual({
      code: 'origin-fellows-at-employer',
      params: { county: ZHENXIONG, count: 3 },
    });
  });

  it('sameSite and baseTakes', () => {
    expect(sameSite({ kind: 'town', town: TANGXIA }, { kind: 'town', town: TANGXIA })).toBe(true);
    expect(sameSite({ kind: 'town', town: TANGXIA }, { kind: 'county', county: ZHENXIONG })).toBe(false);
    expect(
      sameSite({ kind: 'park', park: 'caohu' as ParkId }, { kind: 'park', park: 'yuedian' as ParkId }),
    ).toBe(false);
    const caohu = { kind: 'park', park: 'caohu' as ParkId } as const;
    expect(sameSite(caohu, { kind: 'park', park: 'caohu' as ParkId })).toBe(true);
    expect(sameSite(caohu, { kind: 'town', town: TANGXIA })).toBe(false);
    expect(sameSite({ kind: 'county', county: ZHENXIONG }, { kind: 'county', county: ZHENXIONG })).toBe(true);
    expect(sameSite({ kind: 'county', county: ZHENXIONG }, { kind: 'county', county: LUDIAN })).toBe(false);
    const p = post({ employer: 'e1' as EmployerId, site: { kind: 'town', town: TANGXIA } });
    expect(baseTakes({}, p)).toBe(false);
    expect(baseTakes({ employer: 'e1' }, p)).toBe(true);
    expect(baseTakes({ employer: 'e2' }, p)).toBe(false);
    expect(baseTakes({ employer: 'e1', site: { kind: 'town', town: '441900110' as TownCode } }, p)).toBe(
      false,
    );
    expect(baseTakes({ site: { kind: 'town', town: TANGXIA } }, p)).toBe(true);
  });
});
