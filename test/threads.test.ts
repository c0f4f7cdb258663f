/**
 * Worker threads started from a file (the built package's threads: `bangfu assign`'s pricing pool,
 * `rankAllParallel`) under the Node options a user starts the process with. Node refuses some of
 * them for a thread given explicitly (V8's, such as a heap size), and `--input-type` for a thread
 * started from a file at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'bangfu-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A thread that doubles its data and sends it back.
const thread = join(dir, 'double.mjs');
writeFileSync(
  thread,
  "import { parentPort, workerData } from 'node:worker_threads'; parentPort.postMessage(workerData * 2);\n",
);
const threads = pathToFileURL(join(import.meta.dirname, '..', 'src', 'node', 'threads.ts')).href;
// Starts the thread with 21 and prints what it sends back.
const program = `const { startThread } = await import(${JSON.stringify(threads)});
const w = startThread(${JSON.stringify(thread)}, 21);
w.on('message', (m) => { console.log('got', m); void w.terminate(); });
w.on('error', (e) => { console.log('failed', e.message); process.exitCode = 1; });`;
const script = join(dir, 'start.mjs');
writeFileSync(script, program);

/** Runs the program under the given Node options (tsx loads the TypeScript source), as a file or as text. */
function run(options: readonly string[], asText: boolean): string {
  const args = asText
    ? [...options, '--import', 'tsx', '--input-type=module', '-e', program]
    : [...options, '--import', 'tsx', script];
  return execFileSync(process.execPath, args, { encoding: 'utf8' });
}

describe('startThread from a file', () => {
  it.each([
    { name: 'no option', options: [] },
    {
      name: "V8's heap size (refused for a thread when given explicitly)",
      options: ['--max-old-space-size=512'],
    },
    { name: 'a V8 option and a warning switch', options: ['--max-semi-space-size=32', '--no-warnings'] },
  ])('starts under the parent’s Node options: $name', ({ options }) => {
    expect(run(options, false)).toBe('got 42\n');
    // A program given as text: its `--input-type` is not passed on, nor, then, a refused option.
    expect(run(options, true)).toBe('got 42\n');
  });
});
