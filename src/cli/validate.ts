/**
 * `bangfu validate <dataset.json>`: check a dataset and say what it holds, or list every problem.
 *
 * @module
 */
import type { Command } from 'commander';
import { BangfuValidationError } from '../errors.js';
import { readDataset } from '../node.js';
import { CliError, dateOption, EXIT, json, loadDataset, type CliIO } from './io.js';

/** Adds the `validate` command. */
export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check a dataset file; print a summary, or every problem (path first) and exit 2')
    .argument('<dataset>', 'the dataset JSON file')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .option('--json', 'print the result as JSON: what the dataset holds, or every problem')
    .action((path: string, options: { asOf?: string; json?: boolean }) => {
      if (options.json === true) {
        try {
          const d = readDataset(path, options.asOf === undefined ? {} : { asOf: options.asOf });
          io.stdout(
            json({
              valid: true,
              asOf: d.asOf,
              labourers: d.labourers.length,
              employers: d.employers.length,
              posts: d.posts.length,
              groups: d.groups.length,
            }),
          );
          return;
        } catch (e) {
          if (!(e instanceof BangfuValidationError)) {
            if (!(e instanceof Error && 'code' in e)) throw e;
            io.stdout(
              json({
                valid: false,
                issues: [{ path: '', code: 'unreadable-file', message: `${path}: ${e.message}` }],
              }),
            );
            throw new CliError([], EXIT.usage);
          }
          // Every problem, a long offending value cut short (a file may hold megabytes in one cell).
          const issues = e.issues.map((i) => ({
            ...i,
            ...(typeof i.value === 'string' && i.value.length > 200
              ? { value: `${i.value.slice(0, 200)}…`, valueLength: i.value.length }
              : {}),
          }));
          io.stdout(json({ valid: false, issues }));
          throw new CliError([], EXIT.usage);
        }
      }
      const dataset = loadDataset(path, options);
      const groups = dataset.groups.length;
      io.stdout(
        `valid: ${dataset.labourers.length} labourers, ${dataset.employers.length} employers, ` +
          `${dataset.posts.length} posts, ${groups} group${groups === 1 ? '' : 's'}, as of ${dataset.asOf}\n`,
      );
    });
}
