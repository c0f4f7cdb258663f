import { describe, expect, it } from 'vitest';
import { compileIndex } from '../src/compile.js';
import { rankAllParallel } from '../src/node/batch.js';
import { parseDataset } from '../src/parse.js';
import { rankAll } from '../src/rank-all.js';
import { generateSample } from '../src/sample.js';

describe('rankAllParallel', () => {
  it('gives the same lists as rankAll on one thread', async () => {
    const ds = parseDataset(generateSample({ labourers: 120, posts: 80, seed: 11 }));
    const index = compileIndex(ds);
    const one = rankAll(index, { top: 5, minScore: 0.3 });
    const many = await rankAllParallel(index, { top: 5, minScore: 0.3, threads: 3 });
    expect([...many.offsets]).toEqual([...one.offsets]);
    expect([...many.posts]).toEqual([...one.posts]);
    expect([...many.scores]).toEqual([...one.scores]);
  });

  it('refuses a thread count that is not a positive integer', async () => {
    const index = compileIndex(parseDataset(generateSample({ labourers: 3, posts: 3, seed: 1 })));
    await expect(rankAllParallel(index, { threads: 0 })).rejects.toThrow(
      /threads must be a positive integer/,
    );
  });
});
