// Files written when the person was still called a "worker" in them (plans, outcomes, CLI options)
// are read as today's: each old name taken only where the new one is absent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { parseOutcomes, safeParseOutcomes } from '../src/outcomes.js';
import { parseDataset } from '../src/parse.js';
import type { Plan } from '../src/plan.js';
import { parsePlan, safeParsePlan, upgradeLegacyPlan } from '../src/plan-file.js';
import { generateSample } from '../src/sample.js';
import { verifyPlan } from '../src/verify-plan.js';
import { runCli } from './helpers/cli.js';
import { started } from './helpers/outcomes.js';
import { validInput } from './helpers/valid-input.js';

type Json = Record<string, unknown>;

/** A plan's JSON as an older version wrote it: every `labourer` key of an entry, pair or kept placement as `worker`. */
function legacyJson(plan: Plan): Json {
  const json = JSON.parse(JSON.stringify(plan)) as Json;
  const back = (x: Json): Json =>
    Object.fromEntries(Object.entries(x).map(([k, v]) => [k === 'labourer' ? 'worker' : k, v]));
  const entries = (json['entries'] as Json[]).map((e) => {
    const r = back(e);
    if (Array.isArray(r['reasons']))
      r['reasons'] = (r['reasons'] as Json[]).map((x) =>
        x['code'] === 'labourer-excluded' ? { ...x, code: 'worker-excluded' } : x,
      );
    return r;
  });
  const options = Object.fromEntries(
    Object.entries(json['options'] as Json).map(([k, v]) => [
      k === 'candidatesPerLabourer' ? 'candidatesPerWorker' : k,
      v,
    ]),
  );
  const summary = json['summary'] as Json;
  const byReason = Object.fromEntries(
    Object.entries(summary['unplacedByReason'] as Json).map(([k, v]) => [
      k === 'labourer-excluded' ? 'worker-excluded' : k,
      v,
    ]),
  );
  const out: Json = { ...json, entries, options, summary: { ...summary, unplacedByReason: byReason } };
  if (Array.isArray(json['blockingPairs']))
    out['blockingPairs'] = (json['blockingPairs'] as Json[]).map(back);
  return out;
}

const ds = parseDataset(generateSample({ labourers: 400, posts: 60, seed: 3 }));

describe('plan files of the old form', () => {
  it('read back as the plan that was written, in every mode, and verify', () => {
    const plans = [
      assign(ds, { mode: 'optimal' }),
      assign(ds, { mode: 'stable', candidatesPerLabourer: 3 }),
      assign(ds, { mode: 'greedy', minScore: 0.4 }),
    ];
    // The sample holds labourers no post may take (age), so the renamed reason code is exercised.
    expect(
      plans[0]!.entries.some((e) => e.kind === 'unplaced' && e.reasons[0].code === 'labourer-excluded'),
    ).toBe(true);
    expect(plans.some((p) => (p.blockingPairs?.length ?? 0) > 0)).toBe(true);
    for (const plan of plans) {
      const old = legacyJson(plan);
      expect((old['entries'] as Json[]).every((e) => 'worker' in e && !('labourer' in e))).toBe(true);
      expect(JSON.stringify(old)).not.toContain('labourer-excluded');
      const read = parsePlan(old);
      expect(read).toEqual(JSON.parse(JSON.stringify(plan)));
      expect(verifyPlan(read, ds).ok).toBe(true);
    }
  });

  it("pass a plan of today's form through untouched", () => {
    const json = JSON.parse(JSON.stringify(assign(ds))) as Json;
    expect(upgradeLegacyPlan(json)).toBe(json);
    expect(upgradeLegacyPlan(null)).toBe(null);
    expect(upgradeLegacyPlan({ entries: 'x' })).toEqual({ entries: 'x' });
  });

  it('rename kept placements and keep ids such as __proto__ as own keys', () => {
    const kept = { placements: [{ worker: '__proto__', post: 'p1', employer: 'e1', since: '2026-01-01' }] };
    const up = upgradeLegacyPlan({
      entries: [{ kind: 'placed', worker: 'constructor' }],
      kept,
      options: { candidatesPerWorker: 2 },
    }) as { entries: Json[]; kept: { placements: Json[] }; options: Json };
    expect(up.entries[0]).toEqual({ kind: 'placed', labourer: 'constructor' });
    expect(Object.keys(up.kept.placements[0]!)).toEqual(['labourer', 'post', 'employer', 'since']);
    expect(up.kept.placements[0]!['labourer']).toBe('__proto__');
    expect(up.options).toEqual({ candidatesPerLabourer: 2 });
  });

  it('refuse an entry naming both, and an old file with a problem, at its path', () => {
    const old = legacyJson(assign(ds));
    const entries = old['entries'] as Json[];
    const both = { ...old, entries: [{ ...entries[0], labourer: 'w0001' }, ...entries.slice(1)] };
    const r = safeParsePlan(both);
    expect(r.success).toBe(false);
    const bad = { ...old, entries: [{ ...entries[0], worker: '' }, ...entries.slice(1)] };
    const r2 = safeParsePlan(bad);
    expect(r2.success).toBe(false);
    if (!r2.success) expect(r2.issues.map((i) => i.path)).toContain('entries[0].labourer');
  });
});

describe('outcome records of the old form', () => {
  const small = parseDataset(validInput());
  it('read { worker, post, events } as { labourer, post, events }', () => {
    const o = parseOutcomes(
      { outcomes: [{ worker: 'w1', post: 'p1', events: [started('2025-06-02')] }] },
      small,
    );
    expect(o.outcomes[0]).toEqual({ labourer: 'w1', post: 'p1', events: [started('2025-06-02')] });
  });
  it('refuse a record naming both, and check the old name against the dataset', () => {
    const both = safeParseOutcomes(
      { outcomes: [{ worker: 'w1', labourer: 'w1', post: 'p1', events: [started('2025-06-02')] }] },
      small,
    );
    expect(both.success).toBe(false);
    const unknown = safeParseOutcomes(
      { outcomes: [{ worker: 'nobody', post: 'p1', events: [started('2025-06-02')] }] },
      small,
    );
    expect(unknown.success).toBe(false);
    if (!unknown.success) expect(unknown.issues[0]).toMatchObject({ code: 'unknown-labourer' });
  });
});

describe('CLI options of the old names', () => {
  let dir = '';
  let file = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bangfu-legacy-'));
    file = join(dir, 'ds.json');
    writeFileSync(file, JSON.stringify(generateSample({ labourers: 30, posts: 25, seed: 4 })));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--worker and --worker= are --labourer, --workers is --labourers', async () => {
    const today = await runCli(['rank', file, '--labourer', 'w0002', '--json']);
    expect(today.code).toBe(0);
    expect((await runCli(['rank', file, '--worker', 'w0002', '--json'])).out).toBe(today.out);
    expect((await runCli(['rank', file, '--worker=w0002', '--json'])).out).toBe(today.out);
    const explain = await runCli(['explain', file, '--worker', 'w0002', '--post', 'p0001', '--json']);
    expect(explain.code).toBe(0);
    const sample = await runCli(['sample', '--workers', '5', '--posts', '3', '--seed', '1']);
    expect(JSON.parse(sample.out)).toEqual(
      JSON.parse(JSON.stringify(generateSample({ labourers: 5, posts: 3, seed: 1 }))),
    );
  });

  it('leave other arguments alone, ids such as constructor and __proto__ among them', async () => {
    const r = await runCli(['rank', file, '--labourer', 'constructor', '--json']);
    expect(r.err).toContain('(got "constructor")');
    const p = await runCli(['rank', file, '--post', '__proto__']);
    expect(p.err).toContain('(got "__proto__")');
  });

  it('leave an argument after -- alone', async () => {
    const r = await runCli(['rank', file, '--labourer', 'w0002', '--', '--worker']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/argument/);
  });
});
