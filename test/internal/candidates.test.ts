import { describe, expect, it } from 'vitest';
import { buildCandidates, candidateGraph } from '../../src/internal/candidates.js';
import { solveOptimal } from '../../src/graph/solve-optimal.js';
import type { PostId, LabourerId } from '../../src/types.js';
import { dataset, labourer, post } from '../helpers/build.js';

const ds = dataset({
  labourers: [
    labourer({ id: 'a' as LabourerId, household: 'other' }),
    labourer({ id: 'b' as LabourerId, household: 'registered' }),
    labourer({ id: 'c' as LabourerId, household: 'monitored' }),
    labourer({ id: 'd' as LabourerId, household: 'other' }),
  ],
  posts: [post({ id: 'p1' as PostId, openings: 2 }), post({ id: 'p2' as PostId, openings: 1 })],
});

describe('candidateGraph', () => {
  it('priority households are solver tier 1, others null (score only), forced group members 0', () => {
    const c = buildCandidates(ds, { minScore: 0 });
    expect(candidateGraph(c).left).toEqual([
      { id: 'a', tier: null },
      { id: 'b', tier: 1 },
      { id: 'c', tier: 1 },
      { id: 'd', tier: null },
    ]);
    const shaped = candidateGraph(c, {
      forced: new Map([['d', new Set(['p2'])]]),
      exclude: new Set(['c']),
      used: new Map([['p1', 1]]),
    });
    expect(shaped.left).toEqual([
      { id: 'a', tier: null },
      { id: 'b', tier: 1 },
      { id: 'd', tier: 0 },
    ]);
    expect(shaped.edges.filter((e) => e.left === 'd').map((e) => e.right)).toEqual(['p2']);
    expect(shaped.right).toEqual([
      { id: 'p1', capacity: 1 },
      { id: 'p2', capacity: 1 },
    ]);
    // The certificate counts placements of the numbered tiers only.
    expect(solveOptimal(candidateGraph(c)).certificate).toMatchObject({ tiers: [1] });
  });
});
