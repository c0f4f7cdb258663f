/**
 * `bangfu follow-up <dataset.json> <outcomes>` (or `followup`): who to contact in the coming days, most urgent
 * first, as text, CSV or JSON.
 *
 * @module
 */
import type { Command } from 'commander';
import { followUps } from '../follow-up.js';
import { writeCsv } from '../io/export.js';
import type { Locale } from '../render.js';
import type { IsoDate } from '../types.js';
import { followUpRows, renderFollowUps } from '../render-follow-up.js';
import {
  dateOption,
  integerOption,
  json,
  loadDataset,
  loadOutcomes,
  localeOption,
  writeOutputFile,
  type CliIO,
} from './io.js';

interface FollowUpCliOptions {
  readonly days: number;
  readonly lang: Locale;
  readonly json?: boolean;
  readonly csv?: string;
  readonly asOf?: string;
}

/** Adds the `follow-up` command. */
export function registerFollowUp(program: Command, io: CliIO): void {
  program
    .command('follow-up')
    .alias('followup')
    .description('who to contact in the coming days: checks due after starting, the unreachable first')
    .argument('<dataset>', 'the dataset JSON file (its as-of date is today)')
    .argument('<outcomes>', 'the outcome records: a JSON file, or a spreadsheet (.csv) one row per event')
    .option('--days <n>', 'days ahead the list covers', integerOption(0, 366), 7)
    .option('--csv <file>', 'also write the list as a spreadsheet (CSV, UTF-8 with BOM)')
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--json', 'print the list as JSON')
    .option(
      '--as-of <date>',
      "the day of the worklist (default: the dataset's as-of date, or today when the file has none); outcomes up to that day are read",
      dateOption,
    )
    .action((datasetPath: string, outcomesPath: string, options: FollowUpCliOptions) => {
      // The worklist's day may be later than the dataset's snapshot: contacts made since are read too.
      const loaded = loadDataset(datasetPath, options);
      const dataset =
        options.asOf === undefined || options.asOf === loaded.asOf
          ? loaded
          : { ...loaded, asOf: options.asOf as IsoDate };
      const outcomes = loadOutcomes(outcomesPath, dataset, options.lang);
      const list = followUps(outcomes, dataset, { days: options.days });
      if (options.csv !== undefined) {
        const { rows, columns } = followUpRows(list, options.lang);
        writeOutputFile(options.csv, writeCsv(rows, columns), options.lang);
      }
      io.stdout(options.json === true ? json(list) : `${renderFollowUps(list, options.lang, dataset)}\n`);
    });
}
