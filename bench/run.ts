/**
 * `npm run bench`: every case of bench/cases.ts at every size, the object-based peer beside it on
 * the same instance, then the demo dataset end to end (validate, rank all, assign); prints a table
 * and writes bench/results.json. Medians of 5 runs after a warm-up (3 for the object-based peer at
 * the largest size). Figures depend on the machine and its load: compare ratios, measured in the
 * same run. The 10⁶ × 10⁵ run is separate: bench/huge.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { assign } from '../src/assign.js';
import { parseDataset } from '../src/parse.js';
import { rankAll } from '../src/rank-all.js';
import { rankPosts } from '../src/rank.js';
import { generateSample } from '../src/sample.js';
import { CASES, SIZES, instance, type Case, type Instance, type Measure } from './cases.js';

interface Row {
  case: string;
  size: string;
  path: 'index' | 'peer';
  runs: number;
  medianMs: number;
  throughput: number;
  unit: string;
  heapMB: number;
  ratioToPeer?: number;
  checksumMatches?: boolean;
}

function time(fn: () => Measure, runs: number): { ms: number; m: Measure } {
  const times: number[] = [];
  let m: Measure | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    m = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, m: m! };
}

const heapMB = (): number => Math.round(process.memoryUsage().heapUsed / 1e6);

function runCase(c: Case, inst: Instance, rows: Row[]): boolean {
  const big = inst.labourers >= 100_000;
  const runs = 5;
  c.run(inst); // warm-up
  const fast = time(() => c.run(inst), runs);
  const row: Row = {
    case: c.name,
    size: inst.name,
    path: 'index',
    runs,
    medianMs: fast.ms,
    throughput: fast.m.units / (fast.ms / 1000),
    unit: `${fast.m.unit}/s`,
    heapMB: heapMB(),
  };
  rows.push(row);
  if (c.peer === undefined) return true;
  c.peer(inst);
  const peerRuns = big ? 3 : runs;
  const peer = time(() => c.peer!(inst), peerRuns);
  const peerThroughput = peer.m.units / (peer.ms / 1000);
  row.ratioToPeer = row.throughput / peerThroughput;
  row.checksumMatches = peer.m.checksum === fast.m.checksum;
  rows.push({
    case: c.name,
    size: inst.name,
    path: 'peer',
    runs: peerRuns,
    medianMs: peer.ms,
    throughput: peerThroughput,
    unit: `${peer.m.unit}/s`,
    heapMB: heapMB(),
  });
  return row.checksumMatches;
}

const rows: Row[] = [];
const builds: Record<string, unknown>[] = [];
let ok = true;
for (const [labourers, posts] of SIZES) {
  const inst = instance(labourers, posts);
  builds.push({
    size: inst.name,
    generateMs: Math.round(inst.generateMs),
    parseMs: Math.round(inst.parseMs),
    compileMs: Math.round(inst.compileMs),
    heapMB: heapMB(),
  });
  console.log(
    `built ${inst.name}: generate ${inst.generateMs.toFixed(0)} ms, parse ${inst.parseMs.toFixed(0)} ms, compile ${inst.compileMs.toFixed(0)} ms`,
  );
  for (const c of CASES) ok = runCase(c, inst, rows) && ok;
}

// The demo dataset end to end: validate (parse), rank every labourer, assign optimally.
{
  const input = generateSample();
  const stages: Record<string, number[]> = {
    validate: [],
    'rank all': [],
    'assign optimal': [],
    'end to end': [],
  };
  let checksum = '';
  let peerChecksum = '';
  for (let r = 0; r <= 5; r++) {
    const t0 = performance.now();
    const ds = parseDataset(input);
    const t1 = performance.now();
    const all = rankAll(ds, { top: 10 });
    const t2 = performance.now();
    const plan = assign(ds, { mode: 'optimal' });
    const t3 = performance.now();
    if (r === 0) {
      // warm-up; also the check: rankAll equals rankPosts for every labourer
      checksum = JSON.stringify([...all.posts]);
      peerChecksum = JSON.stringify(
        ds.labourers.flatMap((w) =>
          rankPosts(ds, w.id, { top: 10, includeExcluded: false }).ranked.map((e) =>
            ds.posts.findIndex((p) => p.id === e.post.id),
          ),
        ),
      );
      console.log(
        `demo: ${ds.labourers.length} labourers × ${ds.posts.length} posts; plan mode ${plan.mode}`,
      );
      continue;
    }
    stages['validate']!.push(t1 - t0);
    stages['rank all']!.push(t2 - t1);
    stages['assign optimal']!.push(t3 - t2);
    stages['end to end']!.push(t3 - t0);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [stage, times] of Object.entries(stages)) {
    rows.push({
      case: `demo: ${stage}`,
      size: '300x200',
      path: 'index',
      runs: times.length,
      medianMs: median(times),
      throughput: 300 / (median(times) / 1000),
      unit: 'labourers/s',
      heapMB: heapMB(),
      ...(stage === 'rank all' ? { checksumMatches: checksum === peerChecksum } : {}),
    });
  }
  if (checksum !== peerChecksum) ok = false;
}

const fmt = (x: number): string =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1);
console.log(
  '\ncase                  size          path   runs  median ms   throughput          heap MB  ratio  same',
);
for (const r of rows) {
  console.log(
    [
      r.case.padEnd(21),
      r.size.padEnd(13),
      r.path.padEnd(6),
      String(r.runs).padStart(4),
      r.medianMs.toFixed(1).padStart(10),
      `${fmt(r.throughput)} ${r.unit}`.padStart(20),
      String(r.heapMB).padStart(8),
      (r.ratioToPeer === undefined ? '' : `${r.ratioToPeer.toFixed(1)}×`).padStart(6),
      r.checksumMatches === undefined ? '' : r.checksumMatches ? 'yes' : 'NO',
    ].join(' '),
  );
}
// Other benchmarks (bench/assign.bench.ts) keep their own keys in the same file.
const resultsFile = new URL('./results.json', import.meta.url);
const previous: Record<string, unknown> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
  : {};
writeFileSync(
  resultsFile,
  JSON.stringify(
    { ...previous, date: new Date().toISOString(), node: process.version, builds, rows },
    null,
    2,
  ) + '\n',
);
if (!ok) {
  console.error('a fast path disagreed with its peer');
  process.exitCode = 1;
}
