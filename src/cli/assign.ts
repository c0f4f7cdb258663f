/**
 * `bangfu assign <dataset.json>`: a cohort placement plan, as text or JSON, optionally saved.
 *
 * @module
 */
import { InvalidArgumentError, type Command } from 'commander';
import { assign, type AssignOptions, type AssignStep } from '../assign.js';
import { replan } from '../replan.js';
import type { AssignmentMode } from '../graph/types.js';
import { createPricingPool, writePlanJson } from '../node.js';
import { renderPlan, renderPlanSummary } from '../render-plan.js';
import type { Locale } from '../render.js';
import {
  CliError,
  EXIT,
  dateOption,
  integerOption,
  loadDataset,
  loadOutcomes,
  localeOption,
  numberOption,
  printJson,
  unwritable,
  type CliIO,
} from './io.js';
import { createProgress } from './progress.js';

const STEP_LABELS: Readonly<Record<AssignStep, string>> = {
  compile: 'assign: compiling',
  propose: 'assign: proposals',
  solve: 'assign: solving',
  price: 'assign: pricing',
  plan: 'assign: plan',
};

interface AssignCliOptions {
  readonly mode: AssignmentMode;
  readonly json?: boolean;
  readonly out?: string;
  readonly lang: Locale;
  readonly minScore: number;
  readonly candidates?: number;
  readonly asOf?: string;
  readonly quiet?: boolean;
  readonly outcomes?: string;
  readonly filled: 'add-kept' | 'includes-kept';
  readonly measuredRetention: boolean;
  readonly threads?: number;
}

/** Parses `add-kept` or `includes-kept` for `--filled`. */
function filledOption(value: string): 'add-kept' | 'includes-kept' {
  if (value === 'add-kept' || value === 'includes-kept') return value;
  throw new InvalidArgumentError('expected add-kept or includes-kept.');
}

/** Parses `optimal`, `stable` or `greedy` for `--mode`. */
export function modeOption(value: string): AssignmentMode {
  if (value === 'optimal' || value === 'stable' || value === 'greedy') return value;
  throw new InvalidArgumentError('expected optimal, stable or greedy.');
}

/** Adds the `assign` command. */
export function registerAssign(program: Command, io: CliIO): void {
  program
    .command('assign')
    .description('make a placement plan for every labourer of a dataset')
    .argument('<dataset>', 'the dataset JSON file')
    .option('--mode <mode>', 'optimal, stable or greedy', modeOption, 'optimal' as AssignmentMode)
    .option('--min-score <x>', 'the least score of a placement, 0 to 1', numberOption(0, 1), 0)
    .option('--candidates <n>', "only each labourer's best n posts are candidates", integerOption(1))
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--json', 'print the plan as JSON')
    .option('--out <file>', 'write the plan as JSON to a file (for bangfu verify) and print only a summary')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .option('--quiet', 'no progress bar on standard error')
    .option(
      '--threads <n>',
      "threads that price an optimal plan of 50,000 labourers or more (default: the machine's cores; the plan is the same)",
      integerOption(1),
    )
    .option(
      '--outcomes <file>',
      'plan again after placement from outcome records (.json or .csv): those in work keep their posts, pairs ended for cause are barred, employers scored on measured retention',
    )
    .option(
      '--filled <how>',
      "with --outcomes: add-kept (those in work are added to the posts' filled counts) or includes-kept (the counts include them already)",
      filledOption,
      'add-kept' as const,
    )
    .option('--no-measured-retention', "with --outcomes: score employers on the dataset's typed track record")
    .action((path: string, options: AssignCliOptions) => {
      if (options.outcomes === undefined && (options.filled !== 'add-kept' || !options.measuredRetention))
        throw new CliError(
          [
            options.lang === 'zh-CN'
              ? '--filled 和 --no-measured-retention 需与 --outcomes 一起使用'
              : '--filled and --no-measured-retention apply with --outcomes only',
          ],
          EXIT.usage,
        );
      const progress = createProgress(io, {
        ...(options.quiet === undefined ? {} : { quiet: options.quiet }),
        label: 'assign',
      });
      const dataset = loadDataset(path, options);
      // Pricing, most of an optimal plan's time, is shared among threads (the plan is the same; the
      // pool prices on this thread alone for one thread or a small cohort).
      const pool =
        options.mode === 'optimal'
          ? createPricingPool(options.threads === undefined ? {} : { threads: options.threads })
          : undefined;
      const assignOptions: AssignOptions = {
        ...(pool === undefined ? {} : { pricer: pool }),
        mode: options.mode,
        minScore: options.minScore,
        ...(options.candidates === undefined ? {} : { candidatesPerLabourer: options.candidates }),
        onProgress: (step: AssignStep, done: number, total: number) =>
          progress.update(done, total, STEP_LABELS[step]),
      };
      const outcomes =
        options.outcomes === undefined ? undefined : loadOutcomes(options.outcomes, dataset, options.lang);
      let plan;
      try {
        plan =
          outcomes === undefined
            ? assign(dataset, assignOptions)
            : replan(dataset, outcomes, {
                ...assignOptions,
                outcomes: { filled: options.filled, measureRetention: options.measuredRetention },
              });
      } finally {
        // A refusal (outcomes that do not fit the openings) is told on a clean line.
        progress.done();
        void pool?.close();
      }
      const kept = plan.kept?.placements.length;
      const keptLine =
        kept === undefined
          ? ''
          : options.lang === 'zh-CN'
            ? `保留在岗 ${kept} 人（依据跟踪记录，不再安排）\n`
            : `${kept} kept in work by the outcome records (not planned again)\n`;
      if (options.out !== undefined) {
        try {
          writePlanJson(options.out, plan);
        } catch (e) {
          throw unwritable(options.out, e, options.lang);
        }
      }
      if (options.json === true) printJson(io, plan);
      else if (options.out !== undefined) {
        // The plan is in the file: a short summary here, not a line per labourer.
        const zh = options.lang === 'zh-CN';
        io.stdout(
          `${keptLine}${renderPlanSummary(plan.summary, options.lang)}\n${zh ? `方案已写入 ${options.out}` : `plan written to ${options.out}`}\n`,
        );
      } else io.stdout(`${keptLine}${renderPlan(plan, options.lang, dataset)}\n`);
    });
}
