/**
 * The follow-up worklist: which placed labourers to contact in the coming days, from a schedule of
 * checks after starting (1 week, 1, 3 and 6 months by default) and the outcome records so far; those
 * last found unreachable first, then the overdue, then those whose placement carries risk factors.
 *
 * @module
 */
import { addDaysIso, addMonthsIso, compareIso, daysBetween } from './internal/dates.js';
import { placementEnd, type Outcomes, type PlacementOutcome } from './outcomes.js';
import { distanceFromHome, payBelowMinimum, trainedBefore } from './retention.js';
import { dongguanPolicy } from './policy/dongguan.js';
import type { FollowUpCheck } from './policy/types.js';
import type { Dataset, EmployerId, IsoDate, Labourer, Post, PostId, LabourerId } from './types.js';

export type { FollowUpCheck } from './policy/types.js';

/**
 * The default schedule, the Dongguan policy's: a contact 1 week, 1 month, 3 months and 6 months
 * after starting (the programme keeps in regular touch with those working in Dongguan; the first
 * weeks and the first months are when placements fail). A dataset's policy may replace it
 * (`policy.followUpSchedule`).
 */
export const FOLLOW_UP_SCHEDULE: readonly FollowUpCheck[] = dongguanPolicy.followUpSchedule!;

/** What at placement makes leaving likelier, as the programme's own account names it. */
export type FollowUpRisk =
  /** The net pay is below the least the labourer accepts (a soft minimum pay). */
  | 'pay-below-minimum'
  /** Working in another province than home. */
  | 'far-from-home'
  /** No course completed before starting. */
  | 'no-training'
  /** Nobody else from the same county placed at the same employer. */
  | 'no-fellow-villagers';

/** One labourer to contact. */
export interface FollowUp {
  readonly labourer: LabourerId;
  readonly post: PostId;
  readonly employer: EmployerId;
  readonly started: IsoDate;
  /** The check that is due (the earliest not yet covered by a contact). */
  readonly check: string;
  readonly due: IsoDate;
  /** Days past due on the as-of date (0 if due later in the window). */
  readonly overdueDays: number;
  /** The last contact found the labourer unreachable: to be escalated. */
  readonly escalated: boolean;
  readonly lastContact?: IsoDate;
  readonly risks: readonly FollowUpRisk[];
}

/** Options of {@link followUps}. */
export interface FollowUpOptions {
  /** Days ahead of the as-of date the list covers. @defaultValue 7 */
  readonly days?: number;
  /** @defaultValue {@link FOLLOW_UP_SCHEDULE} */
  readonly schedule?: readonly FollowUpCheck[];
}

/** The worklist: who to contact by `until`, most urgent first. */
export interface FollowUpList {
  readonly asOf: IsoDate;
  readonly until: IsoDate;
  readonly items: readonly FollowUp[];
}

/** The date of a check for a placement that started on `start`. */
function checkDate(start: IsoDate, c: FollowUpCheck): IsoDate {
  return c.months !== undefined ? addMonthsIso(start, c.months) : addDaysIso(start, c.days ?? 0);
}

/**
 * Who to contact from the as-of date to `days` later: every placement still in work (no `left`,
 * no contact that found the labourer gone) whose earliest scheduled check has no contact on or after
 * its date and falls within the window (or before it: overdue), and every placement whose last
 * contact found the labourer unreachable (escalated, due at once). Each item lists the placement's
 * risk factors. Order: escalated first, then most days overdue, then most risk factors, then due
 * date, then labourer id.
 *
 * @param outcomes - Outcome records read by `parseOutcomes` against `dataset`.
 * @param dataset - The dataset (its as-of date is today).
 * @param options - Window and schedule.
 * @returns The worklist.
 * @throws RangeError for a window that is not a whole number of days ≥ 0, or a check without days or months.
 * @example
 * followUps(outcomes, ds).items[0] //=> { labourer: 'w3', check: '1-month', escalated: true, … }
 *
 * Complexity: O(E + n·c) for E events, n placements and c checks, plus the sort.
 */
export function followUps(outcomes: Outcomes, dataset: Dataset, options: FollowUpOptions = {}): FollowUpList {
  const days = options.days ?? 7;
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`followUps: days must be a whole number ≥ 0, got ${String(days)}`);
  const schedule = options.schedule ?? dataset.policy.followUpSchedule ?? FOLLOW_UP_SCHEDULE;
  for (const c of schedule)
    if ((c.days === undefined) === (c.months === undefined))
      throw new RangeError(`followUps: check ${c.id} needs days or months (one of them)`);
  const { asOf } = dataset;
  const until = addDaysIso(asOf, days);
  const labourers = new Map<string, Labourer>(dataset.labourers.map((w) => [w.id, w]));
  const posts = new Map<string, Post>(dataset.posts.map((p) => [p.id, p]));
  const parks = new Map(dataset.policy.parks.map((p) => [p.id as string, p]));
  // Placements still in work, per employer and origin county (for fellow villagers).
  const active = outcomes.outcomes.filter((o) => placementEnd(o) === undefined);
  const together = new Map<string, number>();
  const keyOf = (o: PlacementOutcome): string =>
    `${posts.get(o.post)!.employer}\u0000${labourers.get(o.labourer)!.originCounty}`;
  for (const o of active) {
    const key = keyOf(o);
    together.set(key, (together.get(key) ?? 0) + 1);
  }

  const items: FollowUp[] = [];
  for (const o of active) {
    const w = labourers.get(o.labourer)!;
    const p = posts.get(o.post)!;
    const start = o.events[0]!.on;
    const contacts = o.events.filter((e) => e.kind === 'contacted');
    const last = contacts[contacts.length - 1];
    const escalated = last !== undefined && last.kind === 'contacted' && last.status === 'unreachable';
    let check: FollowUpCheck | undefined;
    let due: IsoDate | undefined;
    for (const c of schedule) {
      const d = checkDate(start, c);
      // Covered by a contact on or after the check's date that reached the labourer.
      if (contacts.some((e) => e.kind === 'contacted' && e.status === 'in-work' && compareIso(e.on, d) >= 0))
        continue;
      check = c;
      due = d;
      break;
    }
    if (escalated) {
      check ??= { id: 'unreachable', days: 0 };
      due = asOf;
    }
    if (check === undefined || due === undefined || compareIso(due, until) > 0) continue;
    const risks: FollowUpRisk[] = [];
    if (payBelowMinimum(w, p, parks)) risks.push('pay-below-minimum');
    if (distanceFromHome(w, p, parks) === 'other-province') risks.push('far-from-home');
    if (!trainedBefore(w, start)) risks.push('no-training');
    if ((together.get(keyOf(o)) ?? 0) < 2) risks.push('no-fellow-villagers');
    items.push({
      labourer: o.labourer,
      post: o.post,
      employer: p.employer,
      started: start,
      check: check.id,
      due,
      overdueDays: Math.max(0, daysBetween(due, asOf)),
      escalated,
      ...(last === undefined ? {} : { lastContact: last.on }),
      risks,
    });
  }
  items.sort(
    (a, b) =>
      Number(b.escalated) - Number(a.escalated) ||
      b.overdueDays - a.overdueDays ||
      b.risks.length - a.risks.length ||
      compareIso(a.due, b.due) ||
      (a.labourer < b.labourer ? -1 : a.labourer > b.labourer ? 1 : 0) ||
      (a.post < b.post ? -1 : a.post > b.post ? 1 : 0),
  );
  return { asOf, until, items };
}
