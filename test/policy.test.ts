import { describe, expect, it } from 'vitest';
import { isAreaCode } from '../src/divisions.js';
import {
  DEFAULT_CERTIFICATES,
  DEFAULT_SKILLS,
  DEFAULT_TRAININGS,
  dongguanPolicy,
} from '../src/policy/dongguan.js';
import { basesFor, inForce, minimumWageAt, pairedTowns, parksServing } from '../src/policy/resolve.js';
import type { Policy } from '../src/policy/types.js';
import type { AreaCode, BaseId, CountyCode, IsoDate, TownCode } from '../src/types.js';

const d = (s: string): IsoDate => s as IsoDate;
const county = (s: string): CountyCode => s as CountyCode;

describe('inForce', () => {
  it('includes the first day and excludes the end day', () => {
    const row = { from: d('2021-12-01'), to: d('2025-03-01') };
    expect(inForce(row, d('2021-11-30'))).toBe(false);
    expect(inForce(row, d('2021-12-01'))).toBe(true);
    expect(inForce(row, d('2025-02-28'))).toBe(true);
    expect(inForce(row, d('2025-03-01'))).toBe(false);
  });
  it('is open-ended without an end', () => {
    expect(inForce({ from: d('2025-03-01') }, d('2099-01-01'))).toBe(true);
  });
});

describe('minimumWageAt', () => {
  it('switches Dongguan from 1,900 to 2,080 on 2025-03-01', () => {
    expect(minimumWageAt(dongguanPolicy, '4419', d('2025-02-28'))?.monthly).toBe(1900);
    expect(minimumWageAt(dongguanPolicy, '4419', d('2025-03-01'))?.monthly).toBe(2080);
    expect(minimumWageAt(dongguanPolicy, '4419', d('2025-03-01'))?.hourly).toBe(19.8);
  });
  it('is undefined before the first known figure', () => {
    expect(minimumWageAt(dongguanPolicy, '4419', d('2021-11-30'))).toBeUndefined();
  });
  it('falls back from a Dongguan town to the prefecture 4419', () => {
    expect(minimumWageAt(dongguanPolicy, '441900116', d('2025-03-01'))?.monthly).toBe(2080);
    expect(minimumWageAt(dongguanPolicy, '441900116', d('2025-02-28'))?.monthly).toBe(1900);
  });
  it('falls back from a Shaoguan county to Shaoguan, tier 4', () => {
    expect(minimumWageAt(dongguanPolicy, '440281', d('2026-01-01'))?.monthly).toBe(1750);
    expect(minimumWageAt(dongguanPolicy, '440281', d('2025-02-28'))).toBeUndefined();
  });
  it('knows nothing of areas without a sourced figure', () => {
    expect(minimumWageAt(dongguanPolicy, '530627', d('2026-01-01'))).toBeUndefined();
  });
  it('prefers the most specific area and, at one level, the latest start', () => {
    const source = { citation: 'test', confidence: 'illustrative' } as const;
    const policy: Policy = {
      ...dongguanPolicy,
      minimumWages: [
        { area: '53' as AreaCode, from: d('2020-01-01'), monthly: 1500, source },
        { area: '5306' as AreaCode, from: d('2020-01-01'), monthly: 1600, source },
        { area: '5306' as AreaCode, from: d('2023-01-01'), monthly: 1700, source },
        { area: '530627' as AreaCode, from: d('2027-01-01'), monthly: 1800, source },
      ],
    };
    expect(minimumWageAt(policy, '530101', d('2024-01-01'))?.monthly).toBe(1500);
    expect(minimumWageAt(policy, '530627', d('2022-01-01'))?.monthly).toBe(1600);
    expect(minimumWageAt(policy, '530627', d('2024-01-01'))?.monthly).toBe(1700);
    expect(minimumWageAt(policy, '530627', d('2027-01-01'))?.monthly).toBe(1800);
  });
});

describe('pairedTowns and basesFor', () => {
  const source = { citation: 'test', confidence: 'illustrative' } as const;
  const policy: Policy = {
    ...dongguanPolicy,
    pairings: [
      {
        originCounty: county('530627'),
        towns: ['441900116', '441900117'] as TownCode[],
        from: d('2024-01-01'),
        to: d('2026-01-01'),
        source,
      },
      {
        originCounty: county('530627'),
        towns: ['441900117', '441900110'] as TownCode[],
        from: d('2025-01-01'),
        source,
      },
      { originCounty: county('530621'), towns: ['441900101'] as TownCode[], from: d('2024-01-01'), source },
    ],
    bases: [
      {
        id: 'b1' as BaseId,
        name: { zh: '基地', en: 'Base' },
        origin: '5306' as AreaCode,
        from: d('2025-01-01'),
        source,
      },
    ],
  };
  it('ships no pairings and no bases by default', () => {
    expect(pairedTowns(dongguanPolicy, county('530627'), d('2026-03-01'))).toEqual([]);
    expect(basesFor(dongguanPolicy, county('530627'), d('2026-03-01'))).toEqual([]);
  });
  it('collects the towns of the pairings in force, without repeats', () => {
    expect(pairedTowns(policy, county('530627'), d('2025-06-01'))).toEqual([
      '441900116',
      '441900117',
      '441900110',
    ]);
    expect(pairedTowns(policy, county('530627'), d('2026-01-01'))).toEqual(['441900117', '441900110']);
    expect(pairedTowns(policy, county('530627'), d('2023-12-31'))).toEqual([]);
  });
  it('finds bases whose origin contains the county, in force', () => {
    expect(basesFor(policy, county('530627'), d('2025-01-01')).map((b) => b.id)).toEqual(['b1']);
    expect(basesFor(policy, county('530627'), d('2024-12-31'))).toEqual([]);
    expect(basesFor(policy, county('622926'), d('2025-06-01'))).toEqual([]);
  });
});

describe('parksServing', () => {
  it('finds the park serving a county by prefix', () => {
    expect(parksServing(dongguanPolicy, county('530627')).map((p) => p.id)).toEqual(['yuedian']);
    expect(parksServing(dongguanPolicy, county('440281')).map((p) => p.id)).toEqual(['guanshao']);
    expect(parksServing(dongguanPolicy, county('659003')).map((p) => p.id)).toEqual(['caohu']);
    expect(parksServing(dongguanPolicy, county('622926'))).toEqual([]);
  });
});

describe('dongguanPolicy', () => {
  it('holds the law: age limits and the 2025 retirement reform', () => {
    expect(dongguanPolicy.ageLaw).toEqual({ minimumWorkingAge: 16, adultAge: 18 });
    expect(dongguanPolicy.retirement).toHaveLength(1);
    expect(dongguanPolicy.retirement[0]?.from).toBe('2025-01-01');
  });
  it('weights skills, pay, origin and employer 0.4/0.3/0.2/0.1', () => {
    expect(dongguanPolicy.weights).toEqual({ skills: 0.4, pay: 0.3, origin: 0.2, employer: 0.1 });
  });
  it('names only real division codes', () => {
    for (const w of dongguanPolicy.minimumWages) expect(isAreaCode(w.area), w.area).toBe(true);
    for (const p of dongguanPolicy.parks) {
      expect(isAreaCode(p.area), p.area).toBe(true);
      for (const a of p.serves) expect(isAreaCode(a), a).toBe(true);
    }
  });
  it('has a modest skill taxonomy with unique kebab-case ids', () => {
    const ids = DEFAULT_SKILLS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(ids.length).toBeLessThanOrEqual(45);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  it('links only known skills, never a skill to itself, with credit in [0.3, 0.7], symmetrically', () => {
    const byId = new Map(DEFAULT_SKILLS.map((s) => [s.id, s]));
    for (const s of DEFAULT_SKILLS) {
      for (const r of s.related) {
        expect(byId.has(r.skill), `${s.id} → ${r.skill}`).toBe(true);
        expect(r.skill).not.toBe(s.id);
        expect(r.credit).toBeGreaterThanOrEqual(0.3);
        expect(r.credit).toBeLessThanOrEqual(0.7);
        expect(byId.get(r.skill)?.related).toContainEqual({ skill: s.id, credit: r.credit });
      }
    }
    expect(byId.get('smt-operation' as never)?.related.map((r) => r.skill)).toContain('electronics-assembly');
    expect(byId.get('forklift-driving' as never)?.related.map((r) => r.skill)).toContain('warehouse-keeping');
    expect(byId.get('auto-repair' as never)?.related.map((r) => r.skill)).toContain('auto-electrics');
  });
  it('ties trades to their 职业分类大典 (2022) occupations', () => {
    const occupation = (id: string) => DEFAULT_SKILLS.find((s) => s.id === id)?.occupation;
    expect(occupation('auto-repair')).toBe('4-12-01-01');
    expect(occupation('electrician')).toBe('6-31-01-03');
    expect(occupation('sewing-machine-operation')).toBe('6-05-01-03');
    expect(occupation('electronics-assembly')).toBe('6-25-04-07');
    expect(occupation('smt-operation')).toBeUndefined();
  });
  it('writes occupation codes in the 职业分类大典 form where given', () => {
    for (const s of DEFAULT_SKILLS) {
      if (s.occupation !== undefined) expect(s.occupation).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
    }
  });
  it('marks the special-operation certificates, forklift among them', () => {
    const special = DEFAULT_CERTIFICATES.filter((c) => c.specialOperation).map((c) => c.id);
    expect(special).toEqual([
      'electrician-low-voltage',
      'welding-thermal-cutting',
      'work-at-height',
      'refrigeration-air-conditioning',
      'forklift-n1',
    ]);
    expect(DEFAULT_CERTIFICATES.find((c) => c.id === 'health-certificate')?.specialOperation).toBe(false);
  });
  it('trains only skills and certificates of its own catalogues', () => {
    const skills = new Set(DEFAULT_SKILLS.map((s) => s.id));
    const certs = new Set(DEFAULT_CERTIFICATES.map((c) => c.id));
    for (const t of DEFAULT_TRAININGS) {
      for (const g of t.grantsSkills) expect(skills.has(g.skill), g.skill).toBe(true);
      for (const c of t.grantsCertificates) expect(certs.has(c), c).toBe(true);
      expect(t.source?.confidence).toBe('illustrative');
      if (t.area !== undefined) expect(isAreaCode(t.area)).toBe(true);
    }
    expect(DEFAULT_TRAININGS.find((t) => t.id === 'auto-repair-zhaotong')?.area).toBe('5306');
  });
});
