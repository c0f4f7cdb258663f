/**
 * `bangfu retention <dataset.json> <outcomes.json>`: how many placements stay in work at 1, 3, 6
 * and 12 months, for the programme or by group, from the outcome records (Kaplan–Meier with
 * Greenwood intervals), as text or JSON.
 *
 * @module
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Locale } from '../render.js';
import { renderEmployerRetention, renderRetention } from '../render-retention.js';
import { employerRetention, retention, type RetentionBy } from '../retention.js';
import { dateOption, json, loadDataset, loadOutcomes, localeOption, numberOption, type CliIO } from './io.js';

const GROUPINGS: readonly RetentionBy[] = [
  'programme',
  'employer',
  'post',
  'origin-county',
  'tier',
  'pay',
  'distance',
  'trained',
];

function byOption(value: string): RetentionBy {
  if ((GROUPINGS as readonly string[]).includes(value)) return value as RetentionBy;
  throw new InvalidArgumentError(`expected one of ${GROUPINGS.join(', ')}.`);
}

/** Parses whole months ≥ 0, comma-separated, for `--months`. */
function monthsOption(value: string): number[] {
  const months = value.split(',').map((s) => Number(s.trim()));
  if (months.length === 0 || months.some((m) => !Number.isInteger(m) || m < 0 || m > 1200))
    throw new InvalidArgumentError('expected whole months from 0 to 1200, comma-separated (1,3,6,12).');
  return months;
}

interface RetentionCliOptions {
  readonly by: RetentionBy;
  readonly months?: number[];
  readonly threshold?: number;
  readonly lang: Locale;
  readonly json?: boolean;
  readonly asOf?: string;
}

/** Adds the `retention` command. */
export function registerRetention(program: Command, io: CliIO): void {
  program
    .command('retention')
    .description('how many placements stay in work at 1, 3, 6 and 12 months, from the outcome records')
    .argument('<dataset>', 'the dataset JSON file')
    .argument('<outcomes>', 'the outcomes JSON file: { "outcomes": [ { worker, post, events } ] }')
    .option('--by <grouping>', GROUPINGS.join(', '), byOption, 'programme' as RetentionBy)
    .option('--months <list>', 'months at which to read retention (default 1,3,6,12)', monthsOption)
    .option(
      '--threshold <share>',
      "also list each employer's 6-month retention, shrunk towards the programme's, those below the share (0–1) flagged for re-vetting",
      numberOption(0, 1),
    )
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--json', 'print the retention report as JSON')
    .option('--as-of <date>', 'the as-of date when the dataset file has none (default: today)', dateOption)
    .action((datasetPath: string, outcomesPath: string, options: RetentionCliOptions) => {
      const dataset = loadDataset(datasetPath, options);
      const outcomes = loadOutcomes(outcomesPath, dataset, options.lang);
      const report = retention(outcomes, dataset, {
        by: options.by,
        ...(options.months === undefined ? {} : { months: options.months }),
      });
      const employers =
        options.threshold === undefined
          ? undefined
          : employerRetention(outcomes, dataset, { threshold: options.threshold });
      if (options.json === true) {
        io.stdout(json(employers === undefined ? report : { ...report, employers }));
        return;
      }
      io.stdout(`${renderRetention(report, options.lang, dataset)}\n`);
      if (employers !== undefined)
        io.stdout(`\n${renderEmployerRetention(employers, 6, options.lang, dataset)}\n`);
    });
}
