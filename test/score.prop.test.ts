import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComponentName, ScoreBreakdown } from '../src/reasons.js';
import { scorePair } from '../src/score.js';
import type { Dataset, Labourer, Post } from '../src/types.js';
import {
  datasetArb,
  employerArb,
  heldSkillArb,
  labourerArb,
  levelArb,
  pairedPolicy,
  postArb,
} from './helpers/arbitraries.js';
import { dataset } from './helpers/build.js';

const value = (b: ScoreBreakdown, name: ComponentName): number | null =>
  b.components.find((c) => c.component === name)!.value;

/** One labourer, one post and its employer, each arbitrary. */
const pairArb = fc
  .record({
    labourer: labourerArb('w1'),
    post: postArb('p1', ['e1']),
    employer: employerArb('e1'),
    paired: fc.boolean(),
  })
  .map(({ labourer, post, employer, paired }) => ({
    labourer,
    post,
    ds: dataset({
      labourers: [labourer],
      posts: [post],
      employers: [employer],
      ...(paired ? { policy: pairedPolicy } : {}),
    }),
  }));

function scoreWith(ds: Dataset, labourer: Labourer, post: Post): ScoreBreakdown {
  return scorePair({ ...ds, labourers: [labourer], posts: [post] }, labourer, post);
}

describe('score', () => {
  it('score is in [0, 1] and equals the sum of its contributions', () => {
    fc.assert(
      fc.property(datasetArb, (ds) => {
        for (const w of ds.labourers) {
          for (const p of ds.posts) {
            const b = scorePair(ds, w, p);
            expect(b.score).toBeGreaterThanOrEqual(0);
            expect(b.score).toBeLessThanOrEqual(1);
            expect(b.score).toBeCloseTo(
              b.components.reduce((s, c) => s + c.contribution, 0),
              12,
            );
            for (const c of b.components) {
              if (c.value === null) expect(c.contribution).toBe(0);
              else {
                expect(c.value).toBeGreaterThanOrEqual(0);
                expect(c.value).toBeLessThanOrEqual(1);
                expect(c.contribution).toBeCloseTo(c.value * c.effectiveWeight, 12);
              }
            }
            expect(b.components.reduce((s, c) => s + c.effectiveWeight, 0)).toBeCloseTo(1, 12);
          }
        }
      }),
    );
  });

  it('same input gives the same score', () => {
    fc.assert(
      fc.property(pairArb, ({ ds, labourer, post }) => {
        expect(scorePair(ds, labourer, post)).toEqual(scorePair({ ...ds }, labourer, post));
      }),
    );
  });

  it("raising a post's pay never lowers its pay component", () => {
    fc.assert(
      fc.property(
        pairArb,
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        ({ ds, labourer, post }, raiseFloor, raiseExpected) => {
          const pay = post.pay;
          const raised: Post = {
            ...post,
            pay:
              pay.kind === 'monthly'
                ? {
                    kind: 'monthly',
                    baseMonthly: pay.baseMonthly + raiseFloor,
                    expectedMonthly: pay.expectedMonthly + raiseFloor + raiseExpected,
                  }
                : {
                    kind: 'piece-rate',
                    guaranteedMonthly: pay.guaranteedMonthly + raiseFloor,
                    expectedMonthly: pay.expectedMonthly + raiseFloor + raiseExpected,
                  },
          };
          const before = value(scoreWith(ds, labourer, post), 'pay')!;
          const after = value(scoreWith(ds, labourer, raised), 'pay')!;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('adding a held required skill never lowers the skills component', () => {
    fc.assert(
      fc.property(
        pairArb,
        fc.nat(),
        levelArb,
        fc.boolean(),
        ({ ds, labourer, post }, pick, level, certified) => {
          fc.pre(post.requiredSkills.length > 0);
          const req = post.requiredSkills[pick % post.requiredSkills.length]!;
          const more: Labourer = {
            ...labourer,
            skills: [...labourer.skills, { skill: req.skill, level, certified }],
          };
          const before = value(scoreWith(ds, labourer, post), 'skills')!;
          const after = value(scoreWith(ds, more, post), 'skills')!;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('adding a held skill the post asks for (required or optional) never lowers the skills component', () => {
    fc.assert(
      fc.property(
        pairArb,
        heldSkillArb,
        fc.nat(),
        fc.boolean(),
        ({ ds, labourer, post }, extra, pick, front) => {
          const asked = [...post.requiredSkills, ...post.optionalSkills];
          fc.pre(asked.length > 0);
          const skill = { ...extra, skill: asked[pick % asked.length]!.skill };
          const more: Labourer = {
            ...labourer,
            skills: front ? [skill, ...labourer.skills] : [...labourer.skills, skill],
          };
          expect(value(scoreWith(ds, more, post), 'skills')!).toBeGreaterThanOrEqual(
            value(scoreWith(ds, labourer, post), 'skills')!,
          );
        },
      ),
    );
  });

  it("the use part is the share of the labourer's skills, in [0, 1], null only without skills", () => {
    fc.assert(
      fc.property(pairArb, ({ ds, labourer, post }) => {
        const skills = scoreWith(ds, labourer, post).components.find((c) => c.component === 'skills')!;
        const use = skills.parts.find((p) => p.part === 'use')!.value;
        const own = new Set([
          ...labourer.skills.map((s) => s.skill),
          ...labourer.trainings.flatMap((t) => (t.grantsSkill === undefined ? [] : [t.grantsSkill])),
        ]);
        if (own.size === 0) expect(use).toBeNull();
        else {
          expect(use).toBeGreaterThanOrEqual(0);
          expect(use).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('an unskilled labourer scores exactly as the three parts without use', () => {
    fc.assert(
      fc.property(pairArb, ({ ds, labourer, post }) => {
        const bare: Labourer = { ...labourer, skills: [], trainings: [] };
        const skills = scoreWith(ds, bare, post).components.find((c) => c.component === 'skills')!;
        let sum = 0;
        let weights = 0;
        for (const p of skills.parts) {
          if (p.part === 'use') expect(p.value).toBeNull();
          else if (p.value !== null) {
            sum += p.value * p.weight;
            weights += p.weight;
          }
        }
        expect(skills.value).toBe(Math.min(1, Math.max(0, sum / weights)));
      }),
    );
  });

  it('meeting every required skill at its level earns full required credit', () => {
    fc.assert(
      fc.property(pairArb, ({ ds, labourer, post }) => {
        const all: Labourer = {
          ...labourer,
          skills: post.requiredSkills.map((r) => ({ skill: r.skill, level: r.minLevel, certified: true })),
        };
        const b = scoreWith(ds, all, post);
        const skills = b.components.find((c) => c.component === 'skills')!;
        expect(skills.parts.find((p) => p.part === 'required')!.value).toBe(1);
        expect(skills.parts.find((p) => p.part === 'certified')!.value ?? 1).toBe(1);
      }),
    );
  });
});
