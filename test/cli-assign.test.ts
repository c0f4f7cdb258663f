import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, type AssignStep } from '../src/assign.js';
import { writePlanJson } from '../src/node.js';
import { parseDataset } from '../src/parse.js';
import { parsePlan, safeParsePlan } from '../src/plan-file.js';
import { verifyPlan } from '../src/verify-plan.js';
import { generateSample } from '../src/sample.js';
import { runCli, type CliRun } from './helpers/cli.js';

const run = (argv: readonly string[], tty = false): Promise<CliRun> => runCli(argv, tty);

let dir = '';
let dataset = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-cli-assign-'));
  dataset = join(dir, 'dataset.json');
  writeFileSync(dataset, JSON.stringify(generateSample({ labourers: 40, posts: 30, seed: 11 })), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assign progress', () => {
  it.each(['optimal', 'stable', 'greedy'] as const)(
    '%s: tells the steps in order, each with real fractions, ending with the plan done',
    (mode) => {
      const steps: [AssignStep, number, number][] = [];
      assign(parseDataset(generateSample({ labourers: 60, posts: 30, seed: 1 })), {
        mode,
        onProgress: (step, done, total) => steps.push([step, done, total]),
      });
      const order: AssignStep[] = ['compile', 'propose', 'solve', 'price', 'plan'];
      const names = steps.map(([s]) => s);
      // Steps never go back, but the optimal plan's rounds alternate solving and pricing.
      const ranks = names.map((s) => order.indexOf(s));
      for (let i = 1; i < ranks.length; i++)
        if (!(names[i - 1] === 'price' && names[i] === 'solve'))
          expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1]!);
      expect(names[0]).toBe('compile');
      expect(names).toContain('propose');
      if (mode === 'optimal') expect(names).toEqual(expect.arrayContaining(['solve', 'price']));
      for (const [, done, total] of steps) {
        expect(done).toBeGreaterThanOrEqual(0);
        expect(done).toBeLessThanOrEqual(total);
      }
      const last = steps[steps.length - 1]!;
      expect(last[0]).toBe('plan');
      expect(last[1]).toBe(last[2]);
    },
  );

  it('does not put the callback into the plan', () => {
    const plan = assign(parseDataset(generateSample({ labourers: 5, posts: 5, seed: 1 })), {
      onProgress: () => undefined,
    });
    expect(JSON.stringify(plan.options)).not.toContain('onProgress');
  });
});

describe('bangfu assign', () => {
  it('draws a progress bar on a terminal, none with --quiet or off a terminal', async () => {
    const tty = await run(['assign', dataset, '--json'], true);
    expect(tty.code).toBe(0);
    expect(tty.err).toContain('assign: solving');
    const quiet = await run(['assign', dataset, '--json', '--quiet'], true);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    const pipe = await run(['assign', dataset, '--json']);
    expect(pipe.err).toBe('');
    expect(JSON.parse(pipe.out)).toEqual(JSON.parse(quiet.out));
  });

  it('with --out writes the plan and prints a short summary, not a line per labourer', async () => {
    const planPath = join(dir, 'summary-plan.json');
    const r = await run(['assign', dataset, '--out', planPath, '--quiet', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Placed \d+ of 40; unplaced \d+/);
    expect(r.out).toContain(`plan written to ${planPath}`);
    expect(r.out).not.toMatch(/ → | unplaced: /);
    expect(r.out.split('\n').length).toBeLessThan(12);
    const text = await run(['assign', dataset, '--quiet', '--lang', 'en']);
    expect(text.out.split('\n').length).toBeGreaterThan(40);
  });

  it('with --out where no file can be written: exit 2, one line naming the file, in the language asked', async () => {
    const planPath = join(dir, 'no-such-directory', 'plan.json');
    const zh = await run(['assign', dataset, '--out', planPath, '--quiet']);
    expect(zh.code).toBe(2);
    expect(zh.out).toBe('');
    expect(zh.err).toMatch(
      new RegExp(`^${planPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：无法写入文件：.*ENOENT`),
    );
    expect(zh.err.trim().split('\n')).toHaveLength(1);
    const en = await run(['assign', dataset, '--out', planPath, '--quiet', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain(`${planPath}: cannot write the file: ENOENT`);
    expect(en.err).not.toMatch(/\n\s+at /);
  });

  it('writes the plan file entry by entry, and it reads back as the plan', () => {
    const plan = assign(parseDataset(generateSample({ labourers: 30, posts: 20, seed: 3 })));
    const file = join(dir, 'streamed.json');
    writePlanJson(file, plan);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(parsePlan(JSON.parse(text))).toEqual(JSON.parse(JSON.stringify(plan)));
    // One line per labourer's entry.
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('{"kind":'))).toHaveLength(30);
  });

  it('writes a plan that bangfu verify accepts, and refuses a tampered one with exit 1', async () => {
    const planPath = join(dir, 'plan.json');
    expect((await run(['assign', dataset, '--out', planPath, '--quiet'])).code).toBe(0);
    expect((await run(['verify', dataset, planPath])).code).toBe(0);
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as {
      entries: { kind: string; score?: number }[];
    };
    const placed = plan.entries.find((e) => e.kind === 'placed')!;
    placed.score = (placed.score ?? 0) + 0.5;
    writeFileSync(planPath, JSON.stringify(plan), 'utf8');
    const bad = await run(['verify', dataset, planPath]);
    expect(bad.code).toBe(1);
  });
});

describe('ids that are also property names', () => {
  // `__proto__`, `constructor` and `toString` as labourer and post ids: every key of the plan file
  // (the certificate's duals are keyed by id) must survive writing and reading back.
  const awkward = (): unknown => {
    const raw = JSON.stringify(generateSample({ labourers: 40, posts: 30, seed: 11 }));
    const renamed = [
      ['w0001', '__proto__'],
      ['w0002', 'constructor'],
      ['p0001', '__proto__'],
      ['p0002', 'toString'],
    ].reduce((s, [from, to]) => s.split(`"${from!}"`).join(`"${to!}"`), raw);
    return JSON.parse(renamed) as unknown;
  };

  it.each(['optimal', 'stable', 'greedy'] as const)(
    '%s: the plan round-trips through JSON and verifies',
    (mode) => {
      const ds = parseDataset(awkward());
      expect(ds.labourers.map((w) => w.id)).toContain('__proto__');
      const plan = assign(ds, { mode });
      const back = parsePlan(JSON.parse(JSON.stringify(plan)) as unknown);
      expect(back).toEqual(plan);
      expect(verifyPlan(back, ds)).toEqual({ ok: true, violations: [] });
    },
  );

  it('bangfu assign --out then bangfu verify says the plan holds', async () => {
    const file = join(dir, 'awkward.json');
    const out = join(dir, 'awkward-plan.json');
    writeFileSync(file, JSON.stringify(awkward()), 'utf8');
    const a = await run(['assign', file, '--out', out, '--quiet']);
    expect(a.code).toBe(0);
    expect(Object.hasOwn(JSON.parse(readFileSync(out, 'utf8')).certificate.leftPotential, '__proto__')).toBe(
      true,
    );
    const v = await run(['verify', file, out]);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
  });

  it('a malformed dual is reported at its own path', () => {
    const plan = JSON.parse(JSON.stringify(assign(parseDataset(awkward())))) as {
      certificate: { leftPotential: Record<string, unknown> };
    };
    plan.certificate.leftPotential['__proto__'] = 'high';
    const r = safeParsePlan(plan);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path)).toContain('certificate.leftPotential.__proto__');
  });

  it('a malformed dual is told in both languages, with the code of what is wrong', () => {
    const plan = JSON.parse(JSON.stringify(assign(parseDataset(awkward())))) as {
      certificate: { leftPotential: Record<string, unknown>; leftTierPotential: Record<string, unknown> };
    };
    const [a, b] = Object.keys(plan.certificate.leftTierPotential);
    plan.certificate.leftPotential[a!] = 'high';
    plan.certificate.leftTierPotential[a!] = [0.5];
    plan.certificate.leftTierPotential[b!] = 3;
    const r = safeParsePlan(plan);
    expect(r.success).toBe(false);
    if (r.success) return;
    const at = (path: string): unknown => r.issues.find((i) => i.path === path);
    expect(at(`certificate.leftPotential.${a!}`)).toMatchObject({
      code: 'invalid-type',
      message: 'expected a finite number, received string',
      messageZh: '应为有限数值，收到的是 string',
    });
    expect(at(`certificate.leftTierPotential.${a!}[0]`)).toMatchObject({
      code: 'not-integer',
      messageZh: '应为整数',
    });
    expect(at(`certificate.leftTierPotential.${b!}`)).toMatchObject({
      code: 'invalid-type',
      message: 'expected an array, received number',
    });
  });
});

describe('bangfu verify --json', () => {
  it('prints the verdict as JSON: holds, or every violation with exit 1', async () => {
    const out = join(dir, 'json-plan.json');
    expect((await run(['assign', dataset, '--out', out, '--quiet'])).code).toBe(0);
    const ok = await run(['verify', dataset, out, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ holds: true, mode: 'optimal', labourers: 40, violations: [] });
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { entries: { kind: string; score?: number }[] };
    plan.entries.find((e) => e.kind === 'placed')!.score! += 0.5;
    const bad = join(dir, 'json-bad-plan.json');
    writeFileSync(bad, JSON.stringify(plan), 'utf8');
    const r = await run(['verify', dataset, bad, '--json']);
    expect(r.code).toBe(1);
    const verdict = JSON.parse(r.out) as { holds: boolean; violations: { code: string }[] };
    expect(verdict.holds).toBe(false);
    expect(verdict.violations.length).toBeGreaterThan(0);
  });
});

describe('bangfu verify --exhaustive', () => {
  it('checks each mode’s plan by the rules and the score of every pair: holds, and a tampered one fails with exit 1', async () => {
    for (const mode of ['optimal', 'stable', 'greedy']) {
      const out = join(dir, `exhaustive-${mode}.json`);
      expect((await run(['assign', dataset, '--mode', mode, '--out', out, '--quiet'])).code).toBe(0);
      const ok = await run(['verify', dataset, out, '--exhaustive', '--json']);
      expect({ mode, code: ok.code, holds: (JSON.parse(ok.out) as { holds: boolean }).holds }).toEqual({
        mode,
        code: 0,
        holds: true,
      });
      const plan = JSON.parse(readFileSync(out, 'utf8')) as { entries: { kind: string; score?: number }[] };
      plan.entries.find((e) => e.kind === 'placed')!.score! += 0.5;
      const bad = join(dir, `exhaustive-${mode}-bad.json`);
      writeFileSync(bad, JSON.stringify(plan), 'utf8');
      const r = await run(['verify', dataset, bad, '--exhaustive', '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.out).toContain('score');
    }
  });
});
