import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe('bangfu writing into a pipe its reader closes', () => {
  it('stops quietly with success, as `bangfu sample … | head -c 100` expects', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'sample', '--labourers', '20000', '--posts', '50'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Read a little, then close the reading end, as `head -c 100` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 60_000);
});
