/**
 * `bangfu sample`: write a synthetic dataset (the demo's generator) as JSON to stdout, and with
 * `--outcomes` the simulated outcome records of its optimal plan to a file.
 *
 * @module
 */
import type { Command } from 'commander';
import { assign } from '../assign.js';
import { outcomesToCsv } from '../io/outcomes-csv.js';
import { parseDataset } from '../parse.js';
import { simulateOutcomes } from '../sample-outcomes.js';
import { generateSample } from '../sample.js';
import {
  dateOption,
  integerOption,
  numberOption,
  printJson,
  writeJsonFile,
  writeOutputFile,
  type CliIO,
} from './io.js';

interface SampleCliOptions {
  readonly labourers: number;
  readonly posts: number;
  readonly seed: number;
  readonly asOf: string;
  readonly groupShare: number;
  readonly outcomes?: string;
  readonly outcomeMonths: number;
}

/** Adds the `sample` command. */
export function registerSample(program: Command, io: CliIO): void {
  program
    .command('sample')
    .description('write a synthetic dataset on real places as JSON (deterministic from the seed)')
    .option('--labourers <n>', 'how many labourers', integerOption(0), 300)
    .option('--posts <m>', 'how many posts (about one employer per five)', integerOption(0), 200)
    .option('--seed <s>', 'the seed', integerOption(Number.MIN_SAFE_INTEGER), 2025)
    .option('--as-of <date>', 'the as-of date', dateOption, '2026-03-01')
    .option(
      '--group-share <share>',
      'about what share of the labourers travel in groups (families, fellow villagers), 0 to 1',
      numberOption(0, 1),
      0.05,
    )
    .option(
      '--outcomes <file>',
      'also write simulated outcome records of the optimal plan (.csv: a spreadsheet, else JSON), as if placed over the months before the as-of date',
    )
    .option(
      '--outcome-months <n>',
      'the placements started over this many months before the as-of date',
      integerOption(1, 120),
      18,
    )
    .action((options: SampleCliOptions) => {
      const input = generateSample(options);
      // Piece by piece: a province's dataset is longer than the longest string JavaScript makes.
      printJson(io, input);
      if (options.outcomes === undefined) return;
      const dataset = parseDataset(input);
      const outcomes = simulateOutcomes(dataset, assign(dataset), {
        seed: options.seed,
        months: options.outcomeMonths,
      });
      if (options.outcomes.toLowerCase().endsWith('.csv'))
        writeOutputFile(options.outcomes, outcomesToCsv(outcomes));
      else writeJsonFile(options.outcomes, outcomes);
    });
}
