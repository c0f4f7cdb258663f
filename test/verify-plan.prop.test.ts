/**
 * The verifier checks an optimal plan's certificate over every candidate pair through the walk: it
 * must find a broken dual constraint for exactly the labourers brute force over every pair finds.
 */
import { runs } from './helpers/runs.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { compileIndex } from '../src/compile.js';
import type { OptimalCertificate } from '../src/graph/types.js';
import { createScratch, kernelEligible, kernelScore } from '../src/internal/kernel.js';
import type { Plan } from '../src/plan.js';
import { verifyPlan } from '../src/verify-plan.js';
import { richDatasetArb, smallSampleArb } from './helpers/rich.js';

const datasets = fc.oneof(richDatasetArb, smallSampleArb);

/** A copy of the plan with some labourers' and posts' weight duals moved. */
function tampered(plan: Plan, left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): Plan {
  const c = plan.certificate as OptimalCertificate;
  const leftPotential = { ...c.leftPotential };
  const rightPotential = { ...c.rightPotential };
  for (const [id, d] of left)
    if (Object.hasOwn(leftPotential, id)) leftPotential[id] = leftPotential[id]! + d;
  for (const [id, d] of right)
    if (Object.hasOwn(rightPotential, id)) rightPotential[id] = rightPotential[id]! + d;
  return { ...plan, certificate: { ...c, leftPotential, rightPotential } };
}

describe('verifyPlan on an optimal plan', () => {
  it('finds the broken dual constraints exactly where brute force over every eligible pair does', () => {
    fc.assert(
      fc.property(
        datasets,
        fc.array(fc.tuple(fc.nat(), fc.double({ min: -0.5, max: -1e-6, noNaN: true })), { maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: -0.5, max: -1e-6, noNaN: true })), { maxLength: 3 }),
        (ds, lowerU, lowerV) => {
          const plan = assign(ds, { groups: [] });
          expect(verifyPlan(plan, ds).ok).toBe(true);
          const left = new Map(
            lowerU.map(([i, d]) => [ds.labourers[i % ds.labourers.length]!.id as string, d]),
          );
          const right = new Map(lowerV.map(([i, d]) => [ds.posts[i % ds.posts.length]!.id as string, d]));
          const bad = tampered(plan, left, right);
          const verdict = verifyPlan(bad, ds);
          // Brute force: every eligible pair against the tampered duals.
          const index = compileIndex(ds);
          const sc = createScratch(index);
          const c = bad.certificate as OptimalCertificate;
          const T = c.tiers.length;
          const broken = new Set<string>();
          for (let w = 0; w < index.labourerCount; w++) {
            const id = index.labourerIds[w]!;
            if (!Object.hasOwn(c.leftPotential, id)) continue;
            for (let p = 0; p < index.postCount; p++) {
              if (!kernelEligible(index, w, p)) continue;
              const pid = index.postIds[p]!;
              let sign = 0;
              for (let k = 0; k < T && sign === 0; k++) {
                const tier = c.tiers[k] === 1 && index.labourerPriority[w] === 1 ? 1 : 0;
                sign = Math.sign(c.leftTierPotential[id]![k]! + c.rightTierPotential[pid]![k]! - tier);
              }
              const slack = c.leftPotential[id]! + c.rightPotential[pid]! - kernelScore(index, sc, w, p);
              if (sign < 0 || (sign === 0 && slack < -1e-9)) broken.add(id);
            }
          }
          const reported = new Set(
            verdict.violations
              .filter((v) => v.code === 'certificate' && v.message.includes('< value of the pair'))
              .map((v) => v.labourer!),
          );
          expect(reported).toEqual(broken);
          // Lowering any dual of a plan whose duals were tight somewhere is caught one way or another.
          if (left.size + right.size > 0 && broken.size > 0) expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: runs(80) },
    );
  });
});
