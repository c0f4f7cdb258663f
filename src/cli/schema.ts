/**
 * `bangfu schema`: print the JSON Schema of the dataset input (the build saves it as
 * `dist/dataset.schema.json`).
 *
 * @module
 */
import type { Command } from 'commander';
import { outcomesJsonSchema } from '../outcomes.js';
import { datasetJsonSchema } from '../parse.js';
import { json, type CliIO } from './io.js';

/** Adds the `schema` command. */
export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('print the JSON Schema of a dataset file (or, with --outcomes, of an outcomes file)')
    .option('--outcomes', 'the schema of an outcomes file (bangfu retention)')
    .action((options: { readonly outcomes?: boolean }) => {
      io.stdout(json(options.outcomes === true ? outcomesJsonSchema() : datasetJsonSchema()));
    });
}
