/**
 * The layers of bangfu, lowest first, and the one rule between them: a module imports only from its
 * own layer or the layers below it. `npm run lint` runs dependency-cruiser with this file, so an
 * import that points up fails CI. docs/architecture.md draws the layers and says why each sits where
 * it does.
 *
 * Each layer lists its files exactly (paths under src/); a file in no layer fails too, so a new
 * module has to be given its place.
 */

/** @type {readonly { name: string; files: readonly string[] }[]} */
const LAYERS = [
  {
    name: 'model',
    files: [
      // The shapes of the data, the policy's among them (a dataset holds its policy).
      'types.ts',
      'policy/types.ts',
      'errors.ts',
      'reasons.ts',
      'results.ts',
      'compare.ts',
      'internal/dates.ts',
      'internal/random.ts',
      'internal/edit-distance.ts',
      'internal/freeze.ts',
      'internal/limits.ts',
      'internal/json-bytes.ts',
      'internal/zod-object.ts',
      'stats/kaplan-meier.ts',
    ],
  },
  {
    name: 'geo',
    files: ['divisions.ts', 'data/divisions.ts', 'division-names-en.ts', 'data/pinyin.ts', 'retirement.ts'],
  },
  { name: 'policy', files: ['policy/dongguan.ts', 'policy/resolve.ts'] },
  {
    name: 'input',
    files: [
      'internal/schema.ts',
      'internal/issues.ts',
      'internal/restrictions.ts',
      'internal/policy-overrides.ts',
      'internal/checks.ts',
      'parse.ts',
      'groups.ts',
      'internal/context.ts',
      'warnings.ts',
      'outcomes.ts',
    ],
  },
  {
    // What a pair is worth part by part: net pay, skills credit, origin link, employer. The rules
    // read two of these facts (the net pay against the labourer's minimum, the skills credit of a
    // required skill), so the parts sit below the rules and the combined score above them.
    name: 'score parts',
    files: [
      'score/parts.ts',
      'score/pay.ts',
      'score/skills.ts',
      'score/origin.ts',
      'score/employer.ts',
      'internal/pay-figures.ts',
    ],
  },
  { name: 'rules', files: ['eligibility.ts'] },
  { name: 'score', files: ['score.ts'] },
  {
    name: 'index',
    files: [
      'compile.ts',
      'internal/kernel.ts',
      'internal/walk.ts',
      'internal/index-candidates.ts',
      'internal/id-order.ts',
      'internal/rule-counts.ts',
    ],
  },
  { name: 'rank', files: ['rank.ts', 'rank-all.ts', 'explain.ts'] },
  {
    // Generic: it imports nothing of the domain (only the error type, the issue collector and the
    // index limits of the layers below).
    name: 'graph',
    files: [
      'graph/types.ts',
      'graph/typed.ts',
      'graph/validate.ts',
      'graph/schema.ts',
      'graph/prepare.ts',
      'graph/solve.ts',
      'graph/solve-greedy.ts',
      'graph/solve-optimal.ts',
      'graph/solve-stable.ts',
      'graph/verify.ts',
      'graph/internal/best-edges.ts',
      'graph/internal/compile.ts',
      'graph/internal/dual-records.ts',
      'graph/internal/heap.ts',
      'graph/internal/network-simplex.ts',
      'graph/internal/price-rounds.ts',
    ],
  },
  {
    name: 'plan',
    files: [
      'plan.ts',
      'recommend.ts',
      'internal/candidates.ts',
      'internal/candidate-lists.ts',
      'internal/blocking.ts',
      'internal/greedy-match.ts',
      'internal/keep-together.ts',
      'internal/optimal-core.ts',
      'internal/plan-build.ts',
      'internal/plan-groups.ts',
      'internal/planner.ts',
      'internal/pricing.ts',
      'internal/weightless.ts',
      'assign.ts',
      'summary.ts',
    ],
  },
  { name: 'verify', files: ['verify-plan.ts', 'verify-exhaustive.ts', 'plan-file.ts'] },
  { name: 'advice', files: ['advise.ts', 'train.ts', 'retention.ts', 'follow-up.ts', 'replan.ts'] },
  {
    name: 'text',
    files: ['render.ts', 'render-plan.ts', 'render-advice.ts', 'render-retention.ts', 'render-follow-up.ts'],
  },
  {
    name: 'io',
    files: [
      'io/columns.ts',
      'io/encoding.ts',
      'io/export.ts',
      'io/import.ts',
      'io/index.ts',
      'io/outcomes-csv.ts',
    ],
  },
  {
    name: 'report',
    files: [
      'report.ts',
      'report-words.ts',
      'report-markdown.ts',
      'report-html.ts',
      'report-csv.ts',
      'report-retention.ts',
    ],
  },
  {
    name: 'sample',
    files: [
      'sample/calendar.ts',
      'sample/tables.ts',
      'sample/draws.ts',
      'sample/employers.ts',
      'sample/labourers.ts',
      'sample/groups.ts',
      'sample.ts',
      'sample-outcomes.ts',
    ],
  },
  {
    name: 'entry points',
    files: [
      'index.ts',
      'node.ts',
      'node/threads.ts',
      'node/batch.ts',
      'node/pricing-pool.ts',
      'entries/csv.ts',
      'entries/sample.ts',
      'entries/report.ts',
      'entries/text.ts',
      'entries/advice.ts',
      'entries/outcomes.ts',
      'entries/schema.ts',
    ],
  },
  {
    name: 'cli',
    files: [
      'cli.ts',
      'cli/io.ts',
      'cli/progress.ts',
      'cli/advise.ts',
      'cli/assign.ts',
      'cli/explain.ts',
      'cli/import.ts',
      'cli/rank.ts',
      'cli/report.ts',
      'cli/outcomes.ts',
      'cli/retention.ts',
      'cli/follow-up.ts',
      'cli/sample.ts',
      'cli/schema.ts',
      'cli/solve.ts',
      'cli/train.ts',
      'cli/validate.ts',
      'cli/verify.ts',
    ],
  },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const pathsOf = (layers) =>
  `^src/(${layers
    .flatMap((l) => l.files)
    .map(escape)
    .join('|')})$`;

/* global module */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `upward-from-${layer.name.replace(/\s+/g, '-')}`,
      comment: `the ${layer.name} layer imports only from its own layer and the layers below it`,
      severity: 'error',
      from: { path: pathsOf([layer]) },
      to: { path: pathsOf(LAYERS.slice(i + 1)) },
    })),
    {
      // The exhaustive verifier is the check that shares no code with the planner: it may read the
      // model, the rules and the score, and the plan's own definition (plan.ts: its types and the
      // two numbers a plan lists by), nothing of the index, the graph solvers or the planner.
      name: 'exhaustive-verifier-independent',
      comment: 'src/verify-exhaustive.ts reads the model, the rules, the score and plan.ts only',
      severity: 'error',
      from: { path: '^src/verify-exhaustive\\.ts$' },
      to: {
        path: pathsOf(LAYERS.filter((l) => ['index', 'rank', 'graph', 'plan'].includes(l.name))),
        pathNot: '^src/plan\\.ts$',
      },
    },
    {
      name: 'in-no-layer',
      comment: 'every module of src/ has a layer (.dependency-cruiser.cjs): give a new module its place',
      severity: 'error',
      from: { path: '^src/', pathNot: pathsOf(LAYERS) },
      to: {},
    },
    {
      name: 'imports-a-module-in-no-layer',
      comment: 'every module of src/ has a layer (.dependency-cruiser.cjs): give a new module its place',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: pathsOf(LAYERS) },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
