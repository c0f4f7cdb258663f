/**
 * `npm run bench`: every case of bench/cases.ts at every size, the object-based peer beside it on
 * the same instance; prints a table and writes bench/results.json. Figures depend on the machine and
 * its load: compare ratios, measured in the same run.
 */
import { writeFileSync } from 'node:fs';
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
  const big = inst.workers >= 100_000;
  const runs = big ? 1 : 3;
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
  const peer = time(() => c.peer!(inst), runs);
  const peerThroughput = peer.m.units / (peer.ms / 1000);
  row.ratioToPeer = row.throughput / peerThroughput;
  row.checksumMatches = peer.m.checksum === fast.m.checksum;
  rows.push({
    case: c.name,
    size: inst.name,
    path: 'peer',
    runs,
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
for (const [workers, posts] of SIZES) {
  const inst = instance(workers, posts);
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

const fmt = (x: number): string =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1);
console.log(
  '\ncase              size          path   runs  median ms   throughput          heap MB  ratio  same',
);
for (const r of rows) {
  console.log(
    [
      r.case.padEnd(17),
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
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, builds, rows }, null, 2) + '\n',
);
if (!ok) {
  console.error('a fast path disagreed with its peer');
  process.exitCode = 1;
}
