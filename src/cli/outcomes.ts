/**
 * `bangfu outcomes validate <dataset.json> <outcomes>`: checks outcome records (JSON, or a
 * spreadsheet one row per event) against their dataset; prints what they hold, or every problem
 * and exits 2.
 *
 * @module
 */
import type { Command } from 'commander';
import { FOR_CAUSE, placementEnd } from '../outcomes.js';
import type { Locale } from '../render.js';
import {
  CliError,
  EXIT,
  dateOption,
  issueLine,
  json,
  loadDataset,
  localeOption,
  readOutcomes,
  type CliIO,
} from './io.js';

interface OutcomesCliOptions {
  readonly asOf?: string;
  readonly json?: boolean;
  readonly lang: Locale;
}

/** Adds the `outcomes` command and its `validate` subcommand. */
export function registerOutcomes(program: Command, io: CliIO): void {
  const outcomes = program
    .command('outcomes')
    .description('outcome records after placement: validate them against their dataset');
  outcomes
    .command('validate')
    .description(
      'check outcome records; print what they hold, or every problem (path or row first) and exit 2',
    )
    .argument('<dataset>', 'the dataset JSON file')
    .argument('<outcomes>', 'the outcome records: a JSON file, or a spreadsheet (.csv) one row per event')
    .option('--as-of <date>', 'the as-of date when the dataset file has none (default: today)', dateOption)
    .option('--json', 'print the result as JSON: what the records hold, or every problem')
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .action((datasetPath: string, outcomesPath: string, options: OutcomesCliOptions) => {
      const zh = options.lang === 'zh-CN';
      const dataset = loadDataset(datasetPath, options);
      const r = readOutcomes(outcomesPath, dataset, options.lang);
      if (!r.success) {
        if (options.json === true) io.stdout(json({ valid: false, issues: r.issues }));
        throw new CliError(
          options.json === true ? [] : r.issues.map((i) => issueLine(i, options.lang)),
          EXIT.usage,
        );
      }
      const records = r.value.outcomes;
      const events = records.reduce((n, o) => n + o.events.length, 0);
      const ends = records.map(placementEnd);
      const left = ends.filter((e) => e !== undefined);
      const forCause = left.filter((e) => e.reason !== undefined && FOR_CAUSE.includes(e.reason)).length;
      const facts = {
        placements: records.length,
        events,
        inWork: records.length - left.length,
        left: left.length,
        leftForCause: forCause,
      };
      if (options.json === true) {
        io.stdout(json({ valid: true, asOf: dataset.asOf, ...facts }));
        return;
      }
      io.stdout(
        zh
          ? `有效：${facts.placements} 条安置记录，${facts.events} 个事件；在岗 ${facts.inWork} 人，离岗 ${facts.left} 人（因故 ${facts.leftForCause} 人），基准日 ${dataset.asOf}\n`
          : `valid: ${facts.placements} placement records, ${facts.events} events; ${facts.inWork} in work, ${facts.left} left (${facts.leftForCause} for cause), as of ${dataset.asOf}\n`,
      );
    });
  // Subcommands of a subcommand inherit output and exit handling only if set on each.
  for (const command of outcomes.commands)
    command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();
}
