/**
 * Plans of whole sample cohorts, end to end: `assign` in each mode and `verifyPlan`, from a parsed
 * dataset, each in a process of its own (Node's default heap) so that its peak memory is its own;
 * and the command line from a dataset file to a plan file (`bangfu assign … --out`) and back
 * (`bangfu verify`). Datasets from `generateSample({ labourers, posts, seed: 5 })`, with their groups.
 * Prints a table against the targets and merges its rows into bench/results.json under `plans`.
 *
 * Run: `node --import tsx bench/plan.bench.ts [--quick]` (`--quick`: 10^4 × 10^3 only). Uses the
 * built CLI (`npm run build`) when there is one, else runs src/cli.ts through tsx.
 */
import { saveResults } from './results.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../src/sample.js';

const quick = process.argv.includes('--quick');
const threads = availableParallelism();
const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES: readonly (readonly [number, number])[] = quick
  ? [[10_000, 1_000]]
  : [
      [10_000, 1_000],
      [100_000, 10_000],
    ];
/** Targets in ms (and MB for the CLI's peak resident set), by size. */
const TARGETS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '10000x1000': {
    'assign-optimal': 500,
    'assign-stable': 200,
    'assign-greedy': 200,
    'verify-optimal': 500,
    'cli assign': 2000,
  },
  '100000x10000': {
    'assign-optimal': 6000,
    'assign-stable': 2000,
    'assign-greedy': 2000,
    'verify-optimal': 6000,
    'cli assign': 20000,
    'cli assign rss': 2048,
  },
};

interface Row {
  case: string;
  size: string;
  runs: number;
  medianMs: number;
  peakRssMB: number;
  peakHeapMB?: number;
  steps?: Record<string, number>;
  objective?: unknown;
  targetMs?: number | undefined;
  note?: string;
}

const dir = join(tmpdir(), 'bangfu-plan-bench');
mkdirSync(dir, { recursive: true });
const cli = existsSync(join(root, 'dist/cli.js'))
  ? [join(root, 'dist/cli.js')]
  : ['--import', 'tsx', join(root, 'src/cli.ts')];

function runCase(name: string, file: string, runs: number, threads?: number): Row & Record<string, unknown> {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'bench/plan-case.ts'),
      name,
      file,
      String(runs),
      ...(threads === undefined ? [] : [String(threads)]),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Row & Record<string, unknown>;
}

function runCli(args: readonly string[]): { ms: number; rssMB: number; out: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench/max-rss.cjs'), ...cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`bangfu ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const kb = Number(/bench-max-rss-kb (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms, rssMB: Math.round(kb / 1024), out: r.stdout };
}

const rows: Row[] = [];
for (const [labourers, posts] of SIZES) {
  const size = `${labourers}x${posts}`;
  const file = join(dir, `sample-${size}.json`);
  writeFileSync(file, `${JSON.stringify(generateSample({ labourers, posts, seed: 5 }), null, 2)}\n`);
  const mb = statSync(file).size / 1e6;
  console.log(`\n${size}: dataset file ${mb.toFixed(1)} MB`);
  const runs = labourers >= 100_000 ? 3 : 5;
  for (const name of ['assign-optimal', 'assign-stable', 'assign-greedy', 'verify-optimal']) {
    const r = runCase(name, file, runs);
    const row: Row = { ...r, size, targetMs: TARGETS[size]?.[name] };
    rows.push(row);
    console.log(
      `${name.padEnd(16)} ${r.medianMs.toFixed(0).padStart(8)} ms  (target ${row.targetMs ?? '—'})  peak RSS ${r.peakRssMB} MB  ${JSON.stringify(r.steps ?? {})}`,
    );
  }
  // The optimal plan with its pricing shared among the machine's threads (createPricingPool).
  {
    const r = runCase('assign-optimal', file, runs, threads);
    const name = `assign-optimal, ${threads} threads`;
    rows.push({ ...r, case: name, size, targetMs: TARGETS[size]?.['assign-optimal'] });
    console.log(
      `${name.padEnd(16)} ${r.medianMs.toFixed(0).padStart(8)} ms  peak RSS ${r.peakRssMB} MB  ${JSON.stringify(r.steps ?? {})}`,
    );
  }
  // The command line, from the file to a plan file and back: as a user runs it (pricing on the
  // machine's threads), and on one thread, alternately.
  const planFile = join(dir, `plan-${size}.json`);
  const times: number[] = [];
  const rss: number[] = [];
  const oneTimes: number[] = [];
  const oneRss: number[] = [];
  for (let i = 0; i < (labourers >= 100_000 ? 3 : 5); i++) {
    const a = runCli(['assign', file, '--out', planFile, '--quiet']);
    times.push(a.ms);
    rss.push(a.rssMB);
    const b = runCli(['assign', file, '--out', planFile, '--quiet', '--threads', '1']);
    oneTimes.push(b.ms);
    oneRss.push(b.rssMB);
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const planMB = statSync(planFile).size / 1e6;
  rows.push({
    case: 'cli assign',
    size,
    runs: times.length,
    medianMs: med(times),
    peakRssMB: Math.max(...rss),
    targetMs: TARGETS[size]?.['cli assign'],
    note: `dataset ${mb.toFixed(1)} MB, plan ${planMB.toFixed(1)} MB; peak RSS target ${TARGETS[size]?.['cli assign rss'] ?? '—'} MB`,
  });
  console.log(
    `cli assign       ${med(times).toFixed(0).padStart(8)} ms  (target ${TARGETS[size]?.['cli assign'] ?? '—'})  peak RSS ${Math.max(...rss)} MB  plan file ${planMB.toFixed(1)} MB`,
  );
  rows.push({
    case: 'cli assign --threads 1',
    size,
    runs: oneTimes.length,
    medianMs: med(oneTimes),
    peakRssMB: Math.max(...oneRss),
    note: `default (${threads} threads) / one thread: ${(med(times) / med(oneTimes)).toFixed(2)}`,
  });
  console.log(
    `cli assign, 1 thread ${med(oneTimes).toFixed(0).padStart(4)} ms  peak RSS ${Math.max(...oneRss)} MB  (default ${threads} threads / 1: ${(med(times) / med(oneTimes)).toFixed(2)})`,
  );
  const v = runCli(['verify', file, planFile]);
  rows.push({ case: 'cli verify', size, runs: 1, medianMs: v.ms, peakRssMB: v.rssMB, note: v.out.trim() });
  console.log(`cli verify       ${v.ms.toFixed(0).padStart(8)} ms  peak RSS ${v.rssMB} MB  ${v.out.trim()}`);
  rmSync(planFile, { force: true });
}
rmSync(dir, { recursive: true, force: true });

if (!quick) saveResults('plans', { rows });
