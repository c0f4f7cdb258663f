import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BangfuValidationError, formatPath } from '../src/errors.js';
import { parseDataset, parsePolicy, safeParseDataset, safeParsePolicy } from '../src/parse.js';
import { validInput } from './helpers/valid-input.js';

const OPTIONS = { asOf: '2026-03-01' };

/** Every path (keys and indices) to a value inside a JSON value, the root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      out.push(...paths(item, [...prefix, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      out.push(...paths(item, [...prefix, key]));
    }
  }
  return out;
}

function isLeaf(value: unknown): boolean {
  return typeof value !== 'object' || value === null;
}

function at(root: unknown, path: readonly (string | number)[]): unknown {
  let here = root;
  for (const key of path) here = (here as Record<string | number, unknown>)[key];
  return here;
}

const VALID_PATHS = paths(validInput());
const LEAF_PATHS = VALID_PATHS.filter((p) => isLeaf(at(validInput(), p)));

/** Deletes the key or array element at a path of a fresh valid input. */
function deleteAt(path: readonly (string | number)[]): unknown {
  const root = validInput() as unknown;
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else Reflect.deleteProperty(parent, key);
  return root;
}

/** Replaces the leaf at a path of a fresh valid input. */
function replaceAt(path: readonly (string | number)[], value: unknown): unknown {
  const root = validInput() as unknown;
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return root;
}

/** Runs parseDataset and returns what it threw, or undefined. */
function thrownBy(input: unknown): unknown {
  try {
    parseDataset(input, OPTIONS);
    return undefined;
  } catch (e) {
    return e;
  }
}

const datasetShaped = fc.record({
  asOf: fc.oneof(fc.constant('2026-03-01'), fc.string()),
  labourers: fc.array(fc.jsonValue(), { maxLength: 4 }),
  employers: fc.array(fc.jsonValue(), { maxLength: 4 }),
  posts: fc.array(fc.jsonValue(), { maxLength: 4 }),
});

const mutations = fc.oneof(
  fc.constantFrom(...VALID_PATHS).map((p) => ({ input: deleteAt(p), what: `delete ${p.join('.')}` })),
  fc
    .tuple(fc.constantFrom(...LEAF_PATHS), fc.jsonValue({ maxDepth: 3 }))
    .map(([p, v]) => ({ input: replaceAt(p, v), what: `replace ${p.join('.')}` })),
);

/** Issues must be plain data: a string path, code and message. */
function wellFormed(e: BangfuValidationError): boolean {
  return (
    e.issues.length > 0 &&
    e.issues.every((i) => typeof i.path === 'string' && typeof i.code === 'string' && i.message.length > 0)
  );
}

describe('parseDataset properties', () => {
  it('validation never throws anything but BangfuValidationError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), datasetShaped), (input) => {
        const e = thrownBy(input);
        return e === undefined || (e instanceof BangfuValidationError && wellFormed(e));
      }),
      { numRuns: 500 },
    );
  });

  it('validation never throws anything but BangfuValidationError on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true }), (input) => {
        const e = thrownBy(input);
        return e === undefined || e instanceof BangfuValidationError;
      }),
      { numRuns: 300 },
    );
  });

  it('validation never throws anything but BangfuValidationError on mutations of a valid dataset', () => {
    fc.assert(
      fc.property(mutations, ({ input }) => {
        const e = thrownBy(input);
        return e === undefined || (e instanceof BangfuValidationError && wellFormed(e));
      }),
      { numRuns: 500 },
    );
  });

  it('deleting a field either leaves a valid dataset or is reported at that field', () => {
    const keyPaths = VALID_PATHS.filter((p) => typeof p[p.length - 1] === 'string');
    fc.assert(
      fc.property(fc.constantFrom(...keyPaths), (path) => {
        const result = safeParseDataset(deleteAt(path), OPTIONS);
        return result.success || result.issues.some((i) => i.path === formatPath(path));
      }),
      { numRuns: 200 },
    );
    const r = safeParseDataset(deleteAt(['posts', 1, 'title']), OPTIONS);
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['missing', 'posts[1].title']]);
  });

  it('safeParseDataset and parseDataset agree', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutations.map((m) => m.input),
          datasetShaped,
          fc.jsonValue(),
        ),
        (input) => {
          const safe = safeParseDataset(input, OPTIONS);
          const e = thrownBy(input);
          if (safe.success) {
            expect(e).toBeUndefined();
            expect(parseDataset(input, OPTIONS)).toEqual(safe.value);
          } else {
            expect(e).toBeInstanceOf(BangfuValidationError);
            expect((e as BangfuValidationError).issues).toEqual(safe.issues);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validation never mutates its input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutations.map((m) => m.input),
          fc.jsonValue(),
        ),
        (input) => {
          const before = JSON.stringify(input);
          safeParseDataset(input, OPTIONS);
          return JSON.stringify(input) === before;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a valid dataset survives JSON: parse, stringify, parse is the identity', () => {
    fc.assert(
      fc.property(mutations, ({ input }) => {
        const first = safeParseDataset(input, OPTIONS);
        if (!first.success) return true;
        expect(parseDataset(JSON.parse(JSON.stringify(first.value)), OPTIONS)).toEqual(first.value);
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('a count up to the planner’s index limit is accepted, one above it refused at its path', () => {
    const COUNT_PATHS: readonly (readonly (string | number)[])[] = [
      ['posts', 0, 'openings'],
      ['posts', 1, 'openings'],
      ['posts', 1, 'contractMonths'],
      ['employers', 0, 'workforceByOrigin', 0, 'count'],
      ['employers', 0, 'trackRecord', 'placements'],
    ];
    const LIMIT = 2 ** 31 - 1;
    // The count's partner is lifted with it, so that only the limit can refuse it (filled ≤
    // openings, retained ≤ placements).
    const withCount = (path: readonly (string | number)[], n: number): unknown => {
      const root = replaceAt(path, n) as { employers: { trackRecord: { retainedSixMonths: number } }[] };
      if (path[2] === 'trackRecord') root.employers[0]!.trackRecord.retainedSixMonths = 0;
      return root;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...COUNT_PATHS),
        fc.integer({ min: 20, max: LIMIT }),
        fc.oneof(fc.integer({ min: LIMIT + 1, max: Number.MAX_SAFE_INTEGER }), fc.constant(2 ** 32)),
        (path, ok, tooBig) => {
          expect(safeParseDataset(withCount(path, ok), OPTIONS).success).toBe(true);
          const r = safeParseDataset(withCount(path, tooBig), OPTIONS);
          expect(r.success ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
            ['out-of-range', formatPath(path)],
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('groups are accepted exactly when ids are unique and every member is a labourer in one group only', () => {
    const group = fc.record({
      id: fc.constantFrom('g1', 'g2', 'g3', 'g4'),
      members: fc.array(fc.constantFrom('w1', 'w2', 'w3', 'w9'), { maxLength: 4 }),
      rule: fc.constantFrom('same-employer' as const, 'same-site' as const, 'same-post' as const),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 4 }), (groups) => {
        const members = groups.flatMap((g) => g.members);
        const valid =
          new Set(groups.map((g) => g.id)).size === groups.length &&
          groups.every((g) => g.members.length > 0) &&
          members.every((m) => m !== 'w9') &&
          new Set(members).size === members.length;
        const r = safeParseDataset({ ...validInput(), groups }, OPTIONS);
        expect(r.success).toBe(valid);
        if (r.success) expect(r.value.groups).toEqual(groups);
        else for (const issue of r.issues) expect(issue.path).toMatch(/^groups\[\d+\]\.(id|members)/);
      }),
      { numRuns: 300 },
    );
  });

  it('handles large tables', () => {
    const base = validInput();
    const labourers = Array.from({ length: 20_000 }, (_, i) => ({ ...base.labourers[0]!, id: `w${i}` }));
    const d = parseDataset({ ...base, labourers }, OPTIONS);
    expect(d.labourers).toHaveLength(20_000);
  });

  it('handles deeply nested values inside a post without overflowing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = { x: deep };
    const input = validInput() as unknown as { posts: Record<string, unknown>[] };
    input.posts[0]!['extra'] = deep;
    const r = safeParseDataset(input, OPTIONS);
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-key', 'posts[0].extra'],
    ]);
  });
});

describe('parsePolicy properties', () => {
  it('policy validation never throws anything but BangfuValidationError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        try {
          parsePolicy(input);
          return true;
        } catch (e) {
          return e instanceof BangfuValidationError;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('safeParsePolicy and parsePolicy agree', () => {
    const override = fc.record(
      {
        mode: fc.constantFrom('extend', 'replace'),
        weights: fc.record({
          skills: fc.double({ min: -1, max: 2 }),
          pay: fc.double({ min: 0, max: 2, noNaN: true }),
        }),
        ageLaw: fc.record({ minimumWorkingAge: fc.integer({ min: 10, max: 20 }) }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(override, (input) => {
        const safe = safeParsePolicy(input);
        let thrown: unknown;
        try {
          parsePolicy(input);
        } catch (e) {
          thrown = e;
        }
        if (safe.success) return thrown === undefined;
        return thrown instanceof BangfuValidationError && thrown.issues.length === safe.issues.length;
      }),
      { numRuns: 300 },
    );
  });
});
