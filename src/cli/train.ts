/**
 * `bangfu train <dataset.json> --budget N`: which courses (alone, or with one other change of the
 * labourer's) for which unplaced labourers place the most of them, add the most pay or keep the most
 * in work after six months, within a budget, as text or JSON; with `--outcomes`, on the dataset the
 * outcome records leave, leavers for a skills mismatch among the candidates.
 *
 * @module
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Locale } from '../render.js';
import { renderTrainingPlan } from '../render-advice.js';
import { planTraining, type TrainingObjective } from '../train.js';
import { dateOption, json, loadDataset, loadOutcomes, localeOption, numberOption, type CliIO } from './io.js';

interface TrainCliOptions {
  readonly budget: number;
  readonly objective: TrainingObjective;
  readonly mode: 'greedy' | 'exact' | 'auto';
  readonly lang: Locale;
  readonly json?: boolean;
  readonly asOf?: string;
  readonly outcomes?: string;
  readonly combinations: boolean;
}

function objectiveOption(value: string): TrainingObjective {
  if (value === 'placed' || value === 'pay' || value === 'retained') return value;
  throw new InvalidArgumentError('expected placed, pay or retained.');
}

function trainModeOption(value: string): 'greedy' | 'exact' | 'auto' {
  if (value === 'greedy' || value === 'exact' || value === 'auto') return value;
  throw new InvalidArgumentError('expected greedy, exact or auto.');
}

/** Adds the `train` command. */
export function registerTrain(program: Command, io: CliIO): void {
  program
    .command('train')
    .description('plan trainings for unplaced labourers within a budget')
    .argument('<dataset>', 'the dataset JSON file')
    .requiredOption('--budget <cny>', 'the budget in CNY', numberOption(0, Number.MAX_SAFE_INTEGER))
    .option(
      '--objective <goal>',
      'placed, pay or retained (expected still in work after six months)',
      objectiveOption,
      'placed' as TrainingObjective,
    )
    .option('--mode <mode>', 'greedy, exact or auto', trainModeOption, 'auto' as const)
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--json', 'print the training plan as JSON')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .option(
      '--outcomes <file>',
      'outcome records (.json or .csv): plan on what they leave, leavers for a skills mismatch among the candidates',
    )
    .option('--no-combinations', 'offer courses alone, never with another change of the labourer’s')
    .action((path: string, options: TrainCliOptions) => {
      const dataset = loadDataset(path, options);
      const outcomes =
        options.outcomes === undefined ? undefined : loadOutcomes(options.outcomes, dataset, options.lang);
      const plan = planTraining(dataset, {
        budget: options.budget,
        objective: options.objective,
        mode: options.mode,
        combinations: options.combinations,
        ...(outcomes === undefined ? {} : { outcomes }),
      });
      io.stdout(options.json === true ? json(plan) : `${renderTrainingPlan(plan, options.lang, dataset)}\n`);
    });
}
