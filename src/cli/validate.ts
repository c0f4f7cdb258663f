/**
 * `bangfu validate <dataset.json>`: check a dataset and say what it holds, or list every problem.
 *
 * @module
 */
import type { Command } from 'commander';
import { dateOption, loadDataset, type CliIO } from './io.js';

/** Adds the `validate` command. */
export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check a dataset file; print a summary, or every problem (path first) and exit 2')
    .argument('<dataset>', 'the dataset JSON file')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .action((path: string, options: { asOf?: string }) => {
      const dataset = loadDataset(path, options);
      const groups = dataset.groups.length;
      io.stdout(
        `valid: ${dataset.labourers.length} labourers, ${dataset.employers.length} employers, ` +
          `${dataset.posts.length} posts, ${groups} group${groups === 1 ? '' : 's'}, as of ${dataset.asOf}\n`,
      );
    });
}
