/**
 * `bangfu train <dataset.json> --budget N`: which courses for which unplaced labourers place the most
 * of them (or add the most pay) within a budget, as text or JSON.
 *
 * @module
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Locale } from '../render.js';
import { renderTrainingPlan } from '../render-advice.js';
import { planTraining, type TrainingObjective } from '../train.js';
import { dateOption, json, loadDataset, localeOption, numberOption, type CliIO } from './io.js';

interface TrainCliOptions {
  readonly budget: number;
  readonly objective: TrainingObjective;
  readonly mode: 'greedy' | 'exact' | 'auto';
  readonly lang: Locale;
  readonly json?: boolean;
  readonly asOf?: string;
}

function objectiveOption(value: string): TrainingObjective {
  if (value === 'placed' || value === 'pay') return value;
  throw new InvalidArgumentError('expected placed or pay.');
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
    .option('--objective <goal>', 'placed or pay', objectiveOption, 'placed' as TrainingObjective)
    .option('--mode <mode>', 'greedy, exact or auto', trainModeOption, 'auto' as const)
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--json', 'print the training plan as JSON')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .action((path: string, options: TrainCliOptions) => {
      const dataset = loadDataset(path, options);
      const plan = planTraining(dataset, {
        budget: options.budget,
        objective: options.objective,
        mode: options.mode,
      });
      io.stdout(options.json === true ? json(plan) : `${renderTrainingPlan(plan, options.lang, dataset)}\n`);
    });
}
