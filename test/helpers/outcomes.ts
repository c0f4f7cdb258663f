/** Builders of outcome records in their JSON form, for the tests of outcomes, retention and follow-up. */

export const started = (on: string) => ({ kind: 'started', on });
export const left = (on: string, reason = 'pay') => ({ kind: 'left', on, reason });
export const contacted = (on: string, status = 'in-work') => ({ kind: 'contacted', on, status });

/** One placement's record: a labourer at a post, and its events in order. */
export const placement = (labourer: string, post: string, ...events: object[]) => ({
  labourer,
  post,
  events,
});
