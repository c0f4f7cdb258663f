/**
 * The native LEMON peer of the assignment benchmark: compiles `lemon-bmatching.cpp` with `g++ -O2`
 * into `bench/.peers-build/` (ignored by git) when a compiler and the LEMON headers are there, writes
 * a compiled graph in the program's binary format, runs it and reads back its JSON.
 *
 * Nothing here throws for a missing compiler or missing headers: {@link buildLemonPeer} says why the
 * comparison cannot run, and the benchmark prints that and goes on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledGraph } from '../../src/graph/internal/compile.js';

const source = fileURLToPath(new URL('./lemon-bmatching.cpp', import.meta.url));
const buildDir = fileURLToPath(new URL('../.peers-build/', import.meta.url));
const binary = `${buildDir}lemon-bmatching`;

/** The peer's answer for one graph file: the optimum, the number matched, times in milliseconds. */
export interface LemonResult {
  readonly optimum: number;
  readonly matched: number;
  readonly readMs: number;
  /** Per run: building the LEMON graph and loading the problem into NetworkSimplex. */
  readonly buildMs: readonly number[];
  /** Per run: `NetworkSimplex::run()` alone. */
  readonly solveMs: readonly number[];
}

/**
 * Compiles the peer unless an up-to-date binary is there.
 *
 * @returns The binary's path, or why the peer cannot run (no g++, or no LEMON headers).
 */
export function buildLemonPeer(): { ok: true; binary: string } | { ok: false; reason: string } {
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs) return { ok: true, binary };
  const probe = spawnSync('g++', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return { ok: false, reason: 'g++ was not found' };
  mkdirSync(buildDir, { recursive: true });
  const cc = spawnSync('g++', ['-O2', '-std=c++17', '-o', binary, source], { encoding: 'utf8' });
  if (cc.status !== 0) {
    const firstError = (cc.stderr ?? '').split('\n').find((line) => line.includes('error')) ?? cc.stderr;
    return {
      ok: false,
      reason: /lemon\/\S+\.h/.test(firstError)
        ? `the LEMON headers were not found (g++: ${firstError.trim()})`
        : `g++ could not compile ${source}: ${firstError.trim()}`,
    };
  }
  return { ok: true, binary };
}

/**
 * Writes `g` in the peer's format ("BFBM", version 1, L, R, M, capacities, edges as (left, right,
 * weight) int32, little-endian) to `bench/.peers-build/<name>.bin`.
 *
 * @throws RangeError when a weight is not a 32-bit integer (the peer's costs are integers).
 */
export function writeLemonGraph(g: CompiledGraph, name: string): string {
  const nL = g.leftIds.length;
  const nR = g.rightIds.length;
  const m = g.edgeLeft.length;
  const words = new Int32Array(5 + nR + 3 * m);
  new Uint8Array(words.buffer, 0, 4).set([0x42, 0x46, 0x42, 0x4d]); // "BFBM"
  words[1] = 1;
  words[2] = nL;
  words[3] = nR;
  words[4] = m;
  words.set(g.capacity, 5);
  for (let e = 0, at = 5 + nR; e < m; e++, at += 3) {
    const w = g.edgeWeight[e]!;
    if ((w | 0) !== w) throw new RangeError(`writeLemonGraph: weight ${w} is not a 32-bit integer`);
    words[at] = g.edgeLeft[e]!;
    words[at + 1] = g.edgeRight[e]!;
    words[at + 2] = w;
  }
  // Int32Array and the program's fread both use the machine's byte order (little-endian on x86-64
  // and arm64), and the file never leaves the machine.
  mkdirSync(buildDir, { recursive: true });
  const file = `${buildDir}${name}.bin`;
  writeFileSync(file, words);
  return file;
}

/** Runs the peer `runs` times on a graph file in one process. */
export function runLemonPeer(peer: string, file: string, runs: number): LemonResult {
  const out = spawnSync(peer, [file, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (out.status !== 0) throw new Error(`lemon-bmatching failed: ${out.stderr || out.error?.message}`);
  return JSON.parse(out.stdout) as LemonResult;
}
