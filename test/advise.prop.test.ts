import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advise, applyChanges, compareSuggestions, type Change } from '../src/advise.js';
import { compareLabourerEntries } from '../src/compare.js';
import { checkEligibility } from '../src/eligibility.js';
import { scorePair } from '../src/score.js';
import type { Dataset, Labourer, Post } from '../src/types.js';
import { datasetArb } from './helpers/arbitraries.js';

function opens(
  ds: Dataset,
  labourer: Labourer,
  post: Post,
  changes: readonly Change[],
  kind: 'eligible' | 'into-openings',
  rivalOf: (p: Post) => { id: string; score: number; household: Labourer['household'] } | undefined,
): boolean {
  const sc = applyChanges(ds, labourer, changes);
  if (sc === undefined) return false;
  const at = { ...ds, asOf: sc.date };
  if (checkEligibility(at, sc.labourer, post).length > 0) return false;
  if (kind === 'eligible') return true;
  const rival = rivalOf(post);
  if (rival === undefined) return true;
  const score = scorePair(at, sc.labourer, post).score;
  return compareLabourerEntries({ id: labourer.id, score, household: labourer.household }, rival) < 0;
}

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < (1 << items.length) - 1; mask++)
    out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return out;
}

describe('advice', () => {
  it('every suggestion opens its posts when applied, no proper subset does, unchangeable facts stay, and the order is total', () => {
    fc.assert(
      fc.property(datasetArb, (ds) => {
        const before = JSON.stringify(ds);
        for (const labourer of ds.labourers) {
          const a = advise(ds, labourer.id, { top: 1000 });
          const rivals = new Map<string, { id: string; score: number; household: Labourer['household'] }>();
          for (const o of a.posts)
            if (o.kind === 'outside-openings') {
              const r = ds.labourers.find((l) => l.id === o.rival.labourer)!;
              rivals.set(o.post, { id: r.id, score: o.rival.score, household: r.household });
            }
          for (const s of a.suggestions) {
            expect(s.changes.length).toBeLessThanOrEqual(2);
            for (const u of s.unlocks) {
              const post = ds.posts.find((p) => p.id === u.post)!;
              expect(checkEligibility(ds, labourer, post).length > 0).toBe(u.kind === 'eligible');
              expect(opens(ds, labourer, post, s.changes, u.kind, (p) => rivals.get(p.id))).toBe(true);
              for (const sub of subsets(s.changes))
                expect(opens(ds, labourer, post, sub, u.kind, (p) => rivals.get(p.id))).toBe(false);
            }
            // What cannot change never does.
            const changed = applyChanges(ds, labourer, s.changes)!.labourer;
            for (const key of [
              'birthDate',
              'originCounty',
              'household',
              'gender',
              'cannotLeaveHome',
            ] as const)
              expect(changed[key]).toEqual(labourer[key]);
          }
          for (let i = 1; i < a.suggestions.length; i++)
            expect(compareSuggestions(a.suggestions[i - 1]!, a.suggestions[i]!)).toBeLessThan(0);
        }
        expect(JSON.stringify(ds)).toBe(before);
      }),
      { numRuns: 40 },
    );
  });
});
