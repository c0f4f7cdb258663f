/**
 * Outcome records at the programme's scale: 10^5 placements' records read (JSON and spreadsheet)
 * and analysed — retention by every grouping (Kaplan–Meier with Greenwood intervals), employers'
 * measured retention, the follow-up worklist, and the outcomes applied for planning again — against
 * the issue's target (10^5 records analysed in ≤ 1 s). Side by side in the same run: a naive
 * Kaplan–Meier (each distinct event time counts its risk set by scanning every observation), and,
 * when Python with SciPy is on the machine, `scipy.stats.ecdf` on the same censored observations as
 * a peer (its survival at 1, 3, 6 and 12 months must equal ours).
 *
 * Records: `generateSample({ labourers: 100_000, posts: 10_000, seed: 5 })`, every labourer given a
 * post (drawn deterministically; eligibility plays no part in the analysis; each post given room for
 * all, as 18 months of turnover would need), outcomes simulated by
 * `simulateOutcomes` over 18 months. Medians of 5 runs after a warm-up. Merges its rows into
 * bench/results.json under `outcomes`.
 *
 * Run: `node --import tsx bench/outcomes.bench.ts [--quick]` (`--quick`: 10^4 records).
 */
import { saveResults } from './results.js';
import { spawnSync } from 'node:child_process';
import { followUps } from '../src/follow-up.js';
import { createRandom } from '../src/internal/random.js';
import { outcomesFromCsv, outcomesToCsv } from '../src/io/outcomes-csv.js';
import { parseOutcomes, safeParseOutcomes, type Outcomes } from '../src/outcomes.js';
import { parseDataset } from '../src/parse.js';
import type { Plan } from '../src/plan.js';
import { applyOutcomes } from '../src/replan.js';
import {
  RETENTION_GROUPINGS,
  employerRetention,
  observationOf,
  retention,
  type RetentionBy,
} from '../src/retention.js';
import { simulateOutcomes } from '../src/sample-outcomes.js';
import { generateSample } from '../src/sample.js';
import { kaplanMeier, survivalAt } from '../src/stats/kaplan-meier.js';

const quick = process.argv.includes('--quick');
const labourers = quick ? 10_000 : 100_000;
const posts = labourers / 10;
const RUNS = 5;
const TARGET_MS = 1000;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time<T>(f: () => T): { ms: number; value: T } {
  f(); // warm-up
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

console.log(`outcomes bench: ${labourers} labourers × ${posts} posts, one record per labourer`);
// Records span 18 months of turnover, so that more people have held a post than it has openings at
// once; the posts are given room for everyone (the analysis does not read openings, planning again does).
const input = generateSample({ labourers, posts, seed: 5 });
const dataset = parseDataset({
  ...input,
  posts: input.posts.map((p) => ({ ...p, openings: (p.filled ?? 0) + labourers })),
});
const rng = createRandom(5);
const plan = {
  entries: dataset.labourers.map((w) => ({
    kind: 'placed',
    labourer: w.id,
    post: dataset.posts[rng.int(0, dataset.posts.length - 1)]!.id,
  })),
} as unknown as Plan;
const simulated = simulateOutcomes(dataset, plan, { seed: 5 });
const jsonText = JSON.stringify(simulated);
const csvBytes = outcomesToCsv(simulated);
const events = simulated.outcomes.reduce((n, o) => n + o.events.length, 0);
console.log(
  `${simulated.outcomes.length} records, ${events} events; JSON ${(jsonText.length / 1e6).toFixed(1)} MB, CSV ${(csvBytes.length / 1e6).toFixed(1)} MB`,
);
const outcomes: Outcomes = parseOutcomes(JSON.parse(jsonText), dataset);

interface Row {
  case: string;
  records: number;
  medianMs: number;
  note?: string;
}
const rows: Row[] = [];
const record = (name: string, ms: number, note?: string): void => {
  rows.push({
    case: name,
    records: outcomes.outcomes.length,
    medianMs: ms,
    ...(note === undefined ? {} : { note }),
  });
  console.log(`${name.padEnd(42)} ${ms.toFixed(1).padStart(9)} ms${note === undefined ? '' : `  ${note}`}`);
};

// Reading.
record('read JSON (parse + validate)', time(() => parseOutcomes(JSON.parse(jsonText), dataset)).ms);
record(
  'read spreadsheet (CSV + validate)',
  time(() => {
    const sheet = outcomesFromCsv(csvBytes);
    if (!sheet.success) throw new Error('the spreadsheet did not read');
    return safeParseOutcomes(sheet.value.input, dataset);
  }).ms,
);

// The analysis the issue names: retention by every grouping, employers' measured retention, the
// follow-up worklist.
const GROUPINGS: readonly RetentionBy[] = RETENTION_GROUPINGS;
// Each case on a fresh outcomes object: what a placement's records come to (its survival
// observation, its end) is worked out once per object and kept, so a case timed on the same object
// again would not pay for it.
const fresh = (): Outcomes => ({ outcomes: outcomes.outcomes });
for (const by of GROUPINGS) {
  const r = time(() => retention(fresh(), dataset, { by }));
  record(`retention by ${by}`, r.ms, `${r.value.rows.length} groups`);
}
const emp = time(() => employerRetention(fresh(), dataset, { threshold: 0.6 }));
record('employerRetention', emp.ms, `${emp.value.filter((e) => e.flagged).length} flagged`);
const fu = time(() => followUps(fresh(), dataset));
record('followUps', fu.ms, `${fu.value.items.length} due`);
const all = time(() => {
  const o = fresh();
  for (const by of GROUPINGS) retention(o, dataset, { by });
  employerRetention(o, dataset, { threshold: 0.6 });
  return followUps(o, dataset);
});
record('analysis: all of the above, one object', all.ms, `target ${TARGET_MS} ms`);
record('applyOutcomes (for planning again)', time(() => applyOutcomes(dataset, fresh())).ms);

// Kaplan–Meier alone, against a naive one and SciPy.
const months = [1, 3, 6, 12];
const observations = outcomes.outcomes.map(observationOf);
const ours = time(() => kaplanMeier(observations));

const naive = time(() => naiveKaplanMeier(observations));
record('kaplanMeier (programme)', ours.ms);
record('naive Kaplan–Meier (scan per event time)', naive.ms, `${(naive.ms / ours.ms).toFixed(1)}× ours`);
const want = months.map((m) => survivalAt(ours.value, m).survival);
for (const [m, s] of naive.value) {
  const i = months.indexOf(m);
  if (i >= 0 && Math.abs(s - want[i]!) > 1e-12) throw new Error(`naive Kaplan–Meier differs at ${m} months`);
}
const peer = scipy(observations, months);
if (peer === undefined) console.log('scipy.stats.ecdf: Python with SciPy not found, peer skipped');
else {
  const same = peer.survival.every((s, i) => Math.abs(s - want[i]!) <= 1e-12);
  record(
    'scipy.stats.ecdf (peer, in Python)',
    peer.ms,
    `${(peer.ms / ours.ms).toFixed(1)}× ours; survival at ${months.join(', ')} months ${same ? 'equal' : `DIFFERS: ${peer.survival.join(', ')} vs ${want.join(', ')}`}`,
  );
  if (!same) process.exitCode = 1;
}

/** Kaplan–Meier the slow way: for each month asked, the product over event times up to it, each risk set counted by a scan. */
function naiveKaplanMeier(obs: readonly { time: number; event: boolean }[]): Map<number, number> {
  const times = [...new Set(obs.filter((o) => o.event).map((o) => o.time))].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let s = 1;
  let k = 0;
  for (const m of months) {
    for (; k < times.length && times[k]! <= m; k++) {
      const t = times[k]!;
      let atRisk = 0;
      let died = 0;
      for (const o of obs) {
        if (o.time >= t) atRisk++;
        if (o.time === t && o.event) died++;
      }
      s *= 1 - died / atRisk;
    }
    out.set(m, s);
  }
  return out;
}

/** SciPy's Kaplan–Meier (`ecdf` of censored data) on the same observations, timed inside Python. */
function scipy(
  obs: readonly { time: number; event: boolean }[],
  at: readonly number[],
): { ms: number; survival: number[] } | undefined {
  const script = `
import json, sys, time
import numpy as np
from scipy.stats import ecdf, CensoredData
d = json.load(sys.stdin)
t = np.array(d['t']); e = np.array(d['e'], dtype=bool)
def run():
    return ecdf(CensoredData(uncensored=t[e], right=t[~e]))
run()
times = []
for _ in range(${RUNS}):
    s = time.perf_counter(); r = run(); times.append((time.perf_counter() - s) * 1000)
times.sort()
print(json.dumps({'ms': times[len(times)//2], 'survival': [float(r.sf.evaluate(m)) for m in d['at']]}))
`;
  const r = spawnSync('python3', ['-c', script], {
    input: JSON.stringify({ t: obs.map((o) => o.time), e: obs.map((o) => o.event), at }),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0 || r.error !== undefined) return undefined;
  return JSON.parse(r.stdout.trim()) as { ms: number; survival: number[] };
}

if (!quick) saveResults('outcomes', { rows });
