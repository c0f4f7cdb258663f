/**
 * `bangfu sample`: write a synthetic dataset (the demo's generator) as JSON to stdout.
 *
 * @module
 */
import type { Command } from 'commander';
import { generateSample } from '../sample.js';
import { dateOption, integerOption, json, numberOption, type CliIO } from './io.js';

interface SampleCliOptions {
  readonly workers: number;
  readonly posts: number;
  readonly seed: number;
  readonly asOf: string;
  readonly groupShare: number;
}

/** Adds the `sample` command. */
export function registerSample(program: Command, io: CliIO): void {
  program
    .command('sample')
    .description('write a synthetic dataset on real places as JSON (deterministic from the seed)')
    .option('--workers <n>', 'how many labourers', integerOption(0), 300)
    .option('--posts <m>', 'how many posts (about one employer per five)', integerOption(0), 200)
    .option('--seed <s>', 'the seed', integerOption(Number.MIN_SAFE_INTEGER), 2025)
    .option('--as-of <date>', 'the as-of date', dateOption, '2026-03-01')
    .option(
      '--group-share <share>',
      'about what share of the labourers travel in groups (families, fellow villagers), 0 to 1',
      numberOption(0, 1),
      0.05,
    )
    .action((options: SampleCliOptions) => {
      io.stdout(json(generateSample(options)));
    });
}
