/**
 * What happened after placement: per placement (a labourer at a post), dated events — started,
 * contacted (in work, left, unreachable), left with a reason — read and validated against the
 * dataset like the dataset itself: every problem at once, with its path, in English and Chinese.
 *
 * @module
 */
import * as z from 'zod/mini';
import { strictObject } from './internal/zod-object.js';
import { BangfuValidationError, type SafeResult } from './errors.js';
import { fromZod, Issues, withKeyRenamed } from './internal/issues.js';
import { compareIso } from './internal/dates.js';
import { isoDateSchema } from './internal/schema.js';
import type { Dataset, IsoDate, PostId, LabourerId } from './types.js';

/** Why a labourer left a post. */
export const LEAVE_REASONS = [
  'pay',
  'conditions',
  'skills-mismatch',
  'family',
  'health',
  'contract-ended',
  'dismissed',
  'wages-unpaid',
  'other',
] as const;
/** Why a labourer left a post: {@link LEAVE_REASONS}. */
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/** Reasons that end a pair for cause: the labourer is not offered that employer again. */
export const FOR_CAUSE: readonly LeaveReason[] = ['dismissed', 'wages-unpaid'];

/** What a follow-up contact found. */
export const CONTACT_STATUSES = ['in-work', 'left', 'unreachable'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** One dated event of a placement. */
export type OutcomeEvent =
  | { readonly kind: 'started'; readonly on: IsoDate }
  | { readonly kind: 'contacted'; readonly on: IsoDate; readonly status: ContactStatus }
  | { readonly kind: 'left'; readonly on: IsoDate; readonly reason: LeaveReason; readonly note?: string };

/** A placement and what happened to it, events in date order. */
export interface PlacementOutcome {
  readonly labourer: LabourerId;
  readonly post: PostId;
  readonly events: readonly OutcomeEvent[];
}

/** The outcome records of a dataset's placements. */
export interface Outcomes {
  readonly outcomes: readonly PlacementOutcome[];
}

const eventSchema = z.discriminatedUnion('kind', [
  strictObject({ kind: z.literal('started'), on: isoDateSchema }),
  strictObject({ kind: z.literal('contacted'), on: isoDateSchema, status: z.enum(CONTACT_STATUSES) }),
  strictObject({
    kind: z.literal('left'),
    on: isoDateSchema,
    reason: z.enum(LEAVE_REASONS),
    note: z.optional(z.string()),
  }),
]);

const outcomeSchema = strictObject({
  labourer: z.string().check(z.minLength(1)),
  post: z.string().check(z.minLength(1)),
  events: z.array(eventSchema).check(z.minLength(1)),
});

/** The JSON form of an outcomes file: `{ "outcomes": [ … ] }`. */
export const outcomesSchema = strictObject({
  $schema: z.optional(z.string()),
  outcomes: z.array(z.unknown()),
});

/** The whole file, each record's shape included (for the published JSON Schema). */
const outcomesFileSchema = strictObject({
  $schema: z.optional(z.string()),
  outcomes: z.array(outcomeSchema),
});

/**
 * The JSON Schema (draft 2020-12) of an outcomes file, as `bangfu schema --outcomes` prints it.
 *
 * @returns The schema.
 * @example
 * outcomesJsonSchema().type //=> 'object'
 */
export function outcomesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(outcomesFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}

/**
 * Reads outcome records against their dataset, returning every problem instead of throwing: the
 * shape (strict: unknown fields are problems), a labourer or post the dataset does not hold
 * (`unknown-labourer`, `unknown-post`), an event dated after the dataset's as-of date
 * (`date-in-future`), events out of date order (`events-out-of-order`), a placement that does not
 * begin with exactly one `started` (`no-start`) or has anything but contacts finding it left after
 * `left` (`event-after-leaving`), and a placement recorded twice (`duplicate-placement`).
 *
 * @param input - The parsed JSON of an outcomes file.
 * @param dataset - The dataset whose labourers and posts the outcomes name.
 * @returns The outcomes (frozen), or every issue with its path (`outcomes[3].events[1].on`).
 * @example
 * safeParseOutcomes({ outcomes: [] }, ds).success //=> true
 *
 * Complexity: O(W + P + E) for E events.
 */
export function safeParseOutcomes(input: unknown, dataset: Dataset): SafeResult<Outcomes> {
  const issues = new Issues();
  const top = outcomesSchema.safeParse(input);
  if (!top.success) {
    fromZod(issues, top.error, [], input);
    return { success: false, issues: issues.list };
  }
  const labourers = new Set<string>(dataset.labourers.map((w) => w.id));
  const posts = new Set<string>(dataset.posts.map((p) => p.id));
  const seen = new Map<string, number>();
  const out: PlacementOutcome[] = [];
  top.data.outcomes.forEach((raw, i) => {
    const at = ['outcomes', i];
    // A record written before the person was called a labourer throughout names a `worker`.
    const r = outcomeSchema.safeParse(withKeyRenamed(raw, 'worker', 'labourer'));
    if (!r.success) {
      fromZod(issues, r.error, at, raw);
      return;
    }
    // Branded ids and dates: checked above (shape) and below (against the dataset).
    const o = r.data as unknown as PlacementOutcome;
    if (!labourers.has(o.labourer))
      issues.add(
        [...at, 'labourer'],
        'unknown-labourer',
        { en: 'expected the id of a labourer of the dataset', zh: '应为数据集中某名劳动力的编号' },
        o.labourer,
      );
    if (!posts.has(o.post))
      issues.add(
        [...at, 'post'],
        'unknown-post',
        { en: 'expected the id of a post of the dataset', zh: '应为数据集中某个岗位的编号' },
        o.post,
      );
    const key = `${o.labourer}\u0000${o.post}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.add(
        at,
        'duplicate-placement',
        {
          en: `expected one record per placement: '${o.labourer}' at '${o.post}' is also outcomes[${first}]`,
          zh: `每次安置只应有一条记录：'${o.labourer}' 在 '${o.post}' 的记录已见于 outcomes[${first}]`,
        },
        o.labourer,
      );
    else seen.set(key, i);
    checkEvents(issues, o.events, dataset.asOf, at);
    out.push(o);
  });
  if (issues.list.length > 0) return { success: false, issues: issues.list };
  return { success: true, value: Object.freeze({ outcomes: Object.freeze(out) }) };
}

/** The checks on one placement's events (see {@link safeParseOutcomes}). */
function checkEvents(
  issues: Issues,
  events: readonly OutcomeEvent[],
  asOf: IsoDate,
  at: readonly (string | number)[],
): void {
  events.forEach((e, j) => {
    const path = [...at, 'events', j, 'on'];
    if (compareIso(e.on, asOf) > 0)
      issues.add(
        path,
        'date-in-future',
        {
          en: `expected a date on or before the as-of date ${asOf}`,
          zh: `日期应不晚于基准日 ${asOf}`,
        },
        e.on,
      );
    if (j > 0 && compareIso(e.on, events[j - 1]!.on) < 0)
      issues.add(
        path,
        'events-out-of-order',
        {
          en: `expected events in date order: ${e.on} comes before the event above it (${events[j - 1]!.on})`,
          zh: `事件应按日期先后排列：${e.on} 早于上一条事件（${events[j - 1]!.on}）`,
        },
        e.on,
      );
  });
  const starts = events.filter((e) => e.kind === 'started').length;
  if (events[0]?.kind !== 'started' || starts !== 1)
    issues.add(
      [...at, 'events'],
      'no-start',
      {
        en: 'expected the events to begin with one "started" and hold no other',
        zh: '事件应以一条且仅一条“started”（上岗）开始',
      },
      starts,
    );
  const left = events.findIndex((e) => e.kind === 'left');
  if (left >= 0)
    events.forEach((e, j) => {
      if (j > left && !(e.kind === 'contacted' && e.status !== 'in-work'))
        issues.add(
          [...at, 'events', j],
          'event-after-leaving',
          {
            en: `expected nothing after "left" but contacts that find the labourer gone: got "${e.kind}"${e.kind === 'contacted' ? ` (${e.status})` : ''}`,
            zh: `“left”（离岗）之后只应有未在岗的回访记录：却有“${e.kind}”${e.kind === 'contacted' ? `（${e.status}）` : ''}`,
          },
          e.kind,
        );
    });
}

/**
 * {@link safeParseOutcomes}, throwing instead.
 *
 * @param input - The parsed JSON of an outcomes file.
 * @param dataset - The dataset.
 * @returns The outcomes.
 * @throws BangfuValidationError with every issue.
 * @example
 * parseOutcomes({ outcomes: [] }, ds).outcomes //=> []
 */
export function parseOutcomes(input: unknown, dataset: Dataset): Outcomes {
  const r = safeParseOutcomes(input, dataset);
  if (!r.success) throw new BangfuValidationError(r.issues, 'outcomes');
  return r.value;
}

/**
 * When a placement ended, if it did: the day of its `left` event, else the first contact that found
 * the labourer gone (known to have left by then); undefined while in work.
 *
 * @param o - A placement's outcome.
 * @returns The end date and the reason (`undefined` reason when only a contact found it).
 * @example
 * placementEnd({ labourer: 'w1', post: 'p1', events: [{ kind: 'started', on: '2026-01-05' }] }) //=> undefined
 */
export function placementEnd(
  o: PlacementOutcome,
): { readonly on: IsoDate; readonly reason: LeaveReason | undefined } | undefined {
  for (const e of o.events) if (e.kind === 'left') return { on: e.on, reason: e.reason };
  const gone = o.events.find((e) => e.kind === 'contacted' && e.status === 'left');
  return gone === undefined ? undefined : { on: gone.on, reason: undefined };
}

/**
 * The last day a placement is known to have been in work: its start, or the latest contact that
 * found the labourer in work (before any leaving).
 *
 * @param o - A placement's outcome.
 * @returns The date.
 * @example
 * lastKnownInWork({ labourer: 'w1', post: 'p1', events: [{ kind: 'started', on: '2026-01-05' }, { kind: 'contacted', on: '2026-02-05', status: 'in-work' }] }) //=> '2026-02-05'
 */
export function lastKnownInWork(o: PlacementOutcome): IsoDate {
  let last = o.events[0]!.on;
  for (const e of o.events) {
    if (e.kind === 'left' || (e.kind === 'contacted' && e.status === 'left')) break;
    if (e.kind === 'started' || (e.kind === 'contacted' && e.status === 'in-work')) last = e.on;
  }
  return last;
}
