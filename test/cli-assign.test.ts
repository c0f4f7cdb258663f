import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, type AssignStep } from '../src/assign.js';
import { parseDataset } from '../src/parse.js';
import { generateSample } from '../src/sample.js';
import { runCli, type CliRun } from './helpers/cli.js';

const run = (argv: readonly string[], tty = false): Promise<CliRun> => runCli(argv, tty);

let dir = '';
let dataset = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-cli-assign-'));
  dataset = join(dir, 'dataset.json');
  writeFileSync(dataset, JSON.stringify(generateSample({ workers: 40, posts: 30, seed: 11 })), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assign progress', () => {
  it('tells each step in order, ending with done === total', () => {
    const steps: [AssignStep, number, number][] = [];
    assign(parseDataset(generateSample({ workers: 20, posts: 10, seed: 1 })), {
      onProgress: (step, done, total) => steps.push([step, done, total]),
    });
    expect(steps).toEqual([
      ['candidates', 0, 3],
      ['solve', 1, 3],
      ['plan', 2, 3],
      ['plan', 3, 3],
    ]);
  });

  it('does not put the callback into the plan', () => {
    const plan = assign(parseDataset(generateSample({ workers: 5, posts: 5, seed: 1 })), {
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
