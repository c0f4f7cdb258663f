/**
 * `bangfu assign <dataset.json>`: a cohort placement plan, as text or JSON, optionally saved.
 *
 * @module
 */
import { InvalidArgumentError, type Command } from 'commander';
import { assign, type AssignStep } from '../assign.js';
import type { AssignmentMode } from '../graph/types.js';
import { writePlanJson } from '../node.js';
import { renderPlan, renderPlanSummary } from '../render-plan.js';
import type { Locale } from '../render.js';
import {
  CliError,
  dateOption,
  integerOption,
  json,
  loadDataset,
  localeOption,
  numberOption,
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
    .action((path: string, options: AssignCliOptions) => {
      const progress = createProgress(io, {
        ...(options.quiet === undefined ? {} : { quiet: options.quiet }),
        label: 'assign',
      });
      const dataset = loadDataset(path, options);
      const plan = assign(dataset, {
        mode: options.mode,
        minScore: options.minScore,
        ...(options.candidates === undefined ? {} : { candidatesPerWorker: options.candidates }),
        onProgress: (step, done, total) => progress.update(done, total, STEP_LABELS[step]),
      });
      progress.done();
      if (options.out !== undefined) {
        try {
          writePlanJson(options.out, plan);
        } catch (e) {
          throw new CliError([
            `${options.out}: cannot write the file: ${e instanceof Error ? e.message : String(e)}`,
          ]);
        }
      }
      if (options.json === true) io.stdout(json(plan));
      else if (options.out !== undefined) {
        // The plan is in the file: a short summary here, not a line per labourer.
        const zh = options.lang === 'zh-CN';
        io.stdout(
          `${renderPlanSummary(plan.summary, options.lang)}\n${zh ? `方案已写入 ${options.out}` : `plan written to ${options.out}`}\n`,
        );
      } else io.stdout(`${renderPlan(plan, options.lang, dataset)}\n`);
    });
}
