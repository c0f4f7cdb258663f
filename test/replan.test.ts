import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { checkEligibility } from '../src/eligibility.js';
import { BangfuValidationError } from '../src/errors.js';
import { outcomesFromCsv, outcomesToCsv } from '../src/io/outcomes-csv.js';
import { FOR_CAUSE, parseOutcomes, placementEnd, type Outcomes } from '../src/outcomes.js';
import { parseDataset } from '../src/parse.js';
import type { Plan } from '../src/plan.js';
import { applyOutcomes, replan, verifyReplan } from '../src/replan.js';
import { employerRetention } from '../src/retention.js';
import { generateSample } from '../src/sample.js';
import { simulateOutcomes } from '../src/sample-outcomes.js';
import { scorePair } from '../src/score.js';
import { parsePlan } from '../src/plan-file.js';
import { verifyPlan } from '../src/verify-plan.js';
import { left, placement, started, contacted } from './helpers/outcomes.js';
import { runs } from './helpers/runs.js';
import { dataset } from './helpers/build.js';
import { validInput } from './helpers/valid-input.js';

const ds = parseDataset(validInput()); // p1, p2 at e1 (p1: 20 openings, 5 filled), p3 at e2

const outcomes = parseOutcomes(
  {
    outcomes: [
      // In work, last seen seven months in; dismissed after five months; left for family after one.
      placement('w1', 'p1', started('2025-06-01'), contacted('2026-01-01')),
      placement('w2', 'p2', started('2025-05-01'), left('2025-10-01', 'dismissed')),
      placement('w3', 'p3', started('2025-07-01'), left('2025-08-01', 'family')),
    ],
  },
  ds,
);

describe('applyOutcomes', () => {
  const applied = applyOutcomes(ds, outcomes);

  it('keeps those in work on their posts and plans the rest', () => {
    expect(applied.kept).toEqual([{ labourer: 'w1', post: 'p1', employer: 'e1', since: '2025-06-01' }]);
    expect(applied.dataset.labourers.map((w) => w.id)).toEqual(['w2', 'w3']);
    expect(applied.dataset.posts.find((p) => p.id === 'p1')!.filled).toBe(6);
    expect(applied.dataset.posts.find((p) => p.id === 'p2')!.filled).toBe(ds.posts[1]!.filled);
    // w1 was in a group with w3: the group goes on with w3 alone.
    expect(applied.dataset.groups.flatMap((g) => g.members)).not.toContain('w1');
    // w1 (镇雄县) counts among e1's fellow villagers now.
    const before = ds.employers[0]!.workforceByOrigin.find((r) => r.county === '530627')!.count;
    expect(applied.dataset.employers[0]!.workforceByOrigin.find((r) => r.county === '530627')!.count).toBe(
      before + 1,
    );
  });

  it('bars a pair that ended for cause, and only that one', () => {
    expect(applied.endedForCause).toEqual([
      { labourer: 'w2', employer: 'e1', post: 'p2', reason: 'dismissed', on: '2025-10-01' },
    ]);
    const w2 = applied.dataset.labourers[0]!;
    const codes = (post: string) =>
      checkEligibility(
        applied.dataset,
        w2,
        applied.dataset.posts.find((p) => p.id === post)!,
      ).map((e) => e.code);
    expect(codes('p1')).toContain('ended-for-cause');
    expect(codes('p2')).toContain('ended-for-cause');
    expect(codes('p3')).not.toContain('ended-for-cause');
    // Leaving for family reasons bars nothing.
    const w3 = applied.dataset.labourers[1]!;
    expect(checkEligibility(applied.dataset, w3, ds.posts[2]!).map((e) => e.code)).not.toContain(
      'ended-for-cause',
    );
  });

  it('scores each employer on its measured retention, shrunk, instead of the typed figure', () => {
    const measured = employerRetention(outcomes, ds);
    // e1: one of two gone by six months; e2: its one placement ended after a month.
    expect(measured.map((e) => [e.employer, e.placements, e.measured])).toEqual([
      ['e1', 2, 0.5],
      ['e2', 1, 0],
    ]);
    for (const e of measured) {
      const got = applied.dataset.employers.find((x) => x.id === e.employer)!.measuredRetention;
      expect(got).toEqual({ months: 6, placements: e.placements, rate: e.shrunk });
    }
    // Shrunk towards the programme's share (one of three gone by one month, two of three by six).
    expect(measured[0]!.shrunk).toBeGreaterThan(measured[1]!.shrunk);
    const w3 = applied.dataset.labourers[1]!;
    const p1 = applied.dataset.posts[0]!;
    const employerPart = scorePair(applied.dataset, w3, p1).components.find(
      (c) => c.component === 'employer',
    )!;
    expect(employerPart.reasons.map((r) => r.code)).toContain('employer-retention-measured');
    expect(employerPart.parts.find((p) => p.part === 'retention')!.value).toBe(measured[0]!.shrunk);
    const off = applyOutcomes(ds, outcomes, { measureRetention: false });
    expect(off.dataset.employers.every((e) => e.measuredRetention === undefined)).toBe(true);
  });

  it('leaves the typed figure to an employer whose own follow-up is too short to measure', () => {
    const short = parseOutcomes(
      { outcomes: [placement('w3', 'p3', started('2026-01-01'), contacted('2026-02-01'))] },
      ds,
    );
    expect(employerRetention(short, ds)[0]!.measured).toBeNaN();
    expect(applyOutcomes(ds, short).dataset.employers.every((e) => e.measuredRetention === undefined)).toBe(
      true,
    );
  });

  it("adds nothing to filled when the dataset's counts include those in work", () => {
    const incl = applyOutcomes(ds, outcomes, { filled: 'includes-kept' });
    expect(incl.dataset.posts.map((p) => p.filled)).toEqual(ds.posts.map((p) => p.filled));
    expect(incl.dataset.employers[0]!.workforceByOrigin).toEqual(ds.employers[0]!.workforceByOrigin);
  });

  it('refuses a labourer in work at two posts, naming the record', () => {
    const twice = parseOutcomes(
      {
        outcomes: [
          placement('w1', 'p1', started('2025-09-01')),
          placement('w1', 'p2', started('2025-10-01')),
        ],
      },
      ds,
    );
    const e = catchError(() => applyOutcomes(ds, twice));
    expect(e.issues).toMatchObject([{ path: 'outcomes[1]', code: 'in-work-twice' }]);
    expect(e.issues[0]!.messageZh).toContain('outcomes[0]');
  });

  it('refuses more in work at a post than it has openings left', () => {
    const full = parseDataset({
      ...validInput(),
      posts: validInput().posts.map((p) => (p.id === 'p3' ? { ...p, openings: 1, filled: 0 } : p)),
    });
    const two = parseOutcomes(
      {
        outcomes: [
          placement('w2', 'p3', started('2025-09-01')),
          placement('w3', 'p3', started('2025-09-01')),
        ],
      },
      full,
    );
    const e = catchError(() => applyOutcomes(full, two));
    expect(e.issues).toMatchObject([{ code: 'openings-exceeded', path: 'outcomes[0].post' }]);
    // Counted in filled already: then filled (0) is what may be in work.
    expect(catchError(() => applyOutcomes(full, two, { filled: 'includes-kept' })).issues[0]!.code).toBe(
      'openings-exceeded',
    );
  });

  it('refuses options out of range', () => {
    expect(() => applyOutcomes(ds, { outcomes: [] }, { months: -1 })).toThrow(RangeError);
    expect(() => applyOutcomes(ds, { outcomes: [] }, { priorStrength: Number.NaN })).toThrow(RangeError);
    expect(() => applyOutcomes(ds, { outcomes: [] }, { filled: 'x' as never })).toThrow(RangeError);
  });

  it('is frozen like a parsed dataset, so the facts cached about it cannot go stale', () => {
    expect(Object.isFrozen(applied.dataset)).toBe(true);
    expect(Object.isFrozen(applied.dataset.posts)).toBe(true);
    expect(Object.isFrozen(applied.dataset.posts.find((p) => p.id === 'p1'))).toBe(true);
    expect(Object.isFrozen(applied.dataset.endedForCause![0])).toBe(true);
    expect(Object.isFrozen(applied.kept)).toBe(true);
    // What it takes from the caller's dataset is left as it was given.
    const mine = dataset();
    const thawed = applyOutcomes(mine, { outcomes: [] });
    expect(Object.isFrozen(thawed.dataset)).toBe(true);
    expect(Object.isFrozen(mine.posts[0])).toBe(false);
    expect(Object.isFrozen(mine.labourers[0])).toBe(false);
    expect(
      Object.isFrozen(applyOutcomes(mine, { outcomes: [] }, { filled: 'includes-kept' }) && mine.posts),
    ).toBe(false);
  });

  it('changes nothing but the employers it measures when there are no records', () => {
    const none = applyOutcomes(ds, { outcomes: [] });
    expect(none.kept).toEqual([]);
    expect(none.dataset.labourers).toEqual(ds.labourers);
    expect(none.dataset.posts).toEqual(ds.posts);
    expect(none.dataset.employers).toEqual(ds.employers);
  });
});

function catchError(f: () => unknown): BangfuValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof BangfuValidationError) return e;
    throw e;
  }
  throw new Error('expected a BangfuValidationError');
}

describe('replan and verifyReplan', () => {
  const sample = parseDataset(generateSample({ labourers: 120, posts: 40, seed: 11 }));
  const simulated = parseOutcomes(
    JSON.parse(JSON.stringify(simulateOutcomes(sample, assign(sample), { seed: 3 }))),
    sample,
  );
  const plan = replan(sample, simulated);

  it('keeps those in work, plans everyone else, and verifies through a plan file', () => {
    const kept = new Set<string>(plan.kept!.placements.map((k) => k.labourer));
    expect(kept.size).toBeGreaterThan(0);
    expect(plan.entries.some((e) => kept.has(e.labourer))).toBe(false);
    expect(plan.entries.length + kept.size).toBe(sample.labourers.length);
    const back = parsePlan(JSON.parse(JSON.stringify(plan)));
    expect(verifyReplan(back, sample, simulated)).toEqual({ ok: true, violations: [] });
  });

  it('is refused by verifyPlan without the outcomes, and a plain plan by verifyReplan', () => {
    expect(verifyPlan(plan, sample).violations.map((v) => v.code)).toContain('kept-mismatch');
    const plain = assign(sample);
    expect(verifyReplan(plain, sample, simulated).violations[0]!.code).toBe('kept-mismatch');
  });

  it('catches a kept placement dropped, moved or invented', () => {
    const kept = plan.kept!;
    const with_ = (placements: typeof kept.placements): Plan => ({ ...plan, kept: { ...kept, placements } });
    const codes = (p: Plan) => verifyReplan(p, sample, simulated).violations.map((v) => v.code);
    expect(codes(with_(kept.placements.slice(1)))).toContain('kept-mismatch');
    const moved = kept.placements.map((k, i) =>
      i === 0 ? { ...k, post: sample.posts.find((p) => p.id !== k.post)!.id } : k,
    );
    expect(codes(with_(moved))).toContain('kept-mismatch');
    const unplaced = plan.entries.find((e) => e.kind === 'unplaced')!;
    const invented = [
      ...kept.placements,
      {
        labourer: unplaced.labourer,
        post: sample.posts[0]!.id,
        employer: sample.posts[0]!.employer,
        since: sample.asOf,
      },
    ];
    expect(codes(with_(invented))).toContain('kept-mismatch');
  });

  it('catches a labourer placed where an earlier placement ended for cause', () => {
    // w2 was dismissed at p2 (employer e1).
    const small = replan(ds, outcomes);
    expect(verifyReplan(small, ds, outcomes).ok).toBe(true);
    const bar = applyOutcomes(ds, outcomes).endedForCause[0]!;
    const entries = small.entries.map((e) =>
      e.labourer === bar!.labourer
        ? {
            kind: 'placed' as const,
            labourer: e.labourer,
            post: bar!.post,
            employer: bar!.employer,
            score: 0.5,
            bonus: 0,
            tier: e.tier,
          }
        : e,
    );
    const codes = verifyReplan({ ...small, entries }, ds, outcomes).violations.map((v) => v.code);
    expect(codes).toContain('ineligible');
  });
});

describe('replan (properties)', () => {
  const datasets = fc.record({
    seed: fc.integer({ min: 0, max: 10_000 }),
    labourers: fc.integer({ min: 1, max: 50 }),
    posts: fc.integer({ min: 1, max: 20 }),
    sim: fc.integer({ min: 0, max: 1000 }),
    months: fc.integer({ min: 1, max: 24 }),
    mode: fc.constantFrom('optimal' as const, 'stable' as const, 'greedy' as const),
  });

  it('holds every rule and guarantee on what is left, keeps exactly those in work, and bars exactly the ends for cause', () => {
    fc.assert(
      fc.property(datasets, ({ seed, labourers, posts, sim, months, mode }) => {
        const d = parseDataset(generateSample({ labourers, posts, seed }));
        const o: Outcomes = parseOutcomes(
          JSON.parse(JSON.stringify(simulateOutcomes(d, assign(d), { seed: sim, months }))),
          d,
        );
        const plan = replan(d, o, { mode });
        expect(verifyReplan(plan, d, o)).toEqual({ ok: true, violations: [] });
        const inWork = o.outcomes.filter((r) => placementEnd(r) === undefined);
        expect(plan.kept!.placements.map((k) => k.labourer)).toEqual(
          inWork.map((r) => r.labourer).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        // Openings: those kept and those placed never exceed what each post had left.
        const used = new Map<string, number>();
        for (const k of plan.kept!.placements) used.set(k.post, (used.get(k.post) ?? 0) + 1);
        for (const e of plan.entries) if (e.kind === 'placed') used.set(e.post, (used.get(e.post) ?? 0) + 1);
        for (const p of d.posts) expect(used.get(p.id) ?? 0).toBeLessThanOrEqual(p.openings - p.filled);
        // No one placed again with an employer that dismissed them or left their wages unpaid.
        const barred = new Set(
          o.outcomes
            .filter((r) => {
              const end = placementEnd(r);
              return end?.reason !== undefined && FOR_CAUSE.includes(end.reason);
            })
            .map((r) => `${r.labourer}|${d.posts.find((p) => p.id === r.post)!.employer}`),
        );
        for (const e of plan.entries)
          if (e.kind === 'placed') expect(barred.has(`${e.labourer}|${e.employer}`)).toBe(false);
      }),
      { numRuns: runs(25) },
    );
  });
});

describe('simulateOutcomes', () => {
  const sample = parseDataset(generateSample({ labourers: 300, posts: 80, seed: 2 }));
  const plan = assign(sample);

  it('gives one valid record per placement, every event on or before the as-of date', () => {
    const o = simulateOutcomes(sample, plan, { seed: 9 });
    expect(o.outcomes.length).toBe(plan.summary.placed);
    expect(() => parseOutcomes(JSON.parse(JSON.stringify(o)), sample)).not.toThrow();
    expect(JSON.stringify(simulateOutcomes(sample, plan, { seed: 9 }))).toBe(JSON.stringify(o));
    expect(JSON.stringify(simulateOutcomes(sample, plan, { seed: 10 }))).not.toBe(JSON.stringify(o));
  });

  it('round-trips through the outcomes spreadsheet', () => {
    const o = simulateOutcomes(sample, plan, { seed: 4 });
    const read = outcomesFromCsv(outcomesToCsv(o));
    expect(read.success).toBe(true);
    if (read.success) expect(read.value.input).toEqual(JSON.parse(JSON.stringify(o)));
  });

  it('refuses months out of range', () => {
    expect(() => simulateOutcomes(sample, plan, { months: 0 })).toThrow(RangeError);
    expect(() => simulateOutcomes(sample, plan, { months: 1.5 })).toThrow(RangeError);
  });
});
