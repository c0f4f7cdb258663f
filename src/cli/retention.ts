/**
 * `bangfu retention <dataset.json> <outcomes.json>`: how many placements stay in work at 1, 3, 6
 * and 12 months, for the programme or by group, from the outcome records (Kaplan–Meier with
 * Greenwood intervals), as text or JSON.
 *
 * @module
 */
import { InvalidArgumentError, type Command } from 'commander';
import { extname } from 'node:path';
import type { Locale } from '../render.js';
import { renderEmployerRetention, renderRetention } from '../render-retention.js';
import { retentionToHtml, retentionToMarkdown } from '../report-retention.js';
import { RETENTION_GROUPINGS, employerRetention, retention, type RetentionBy } from '../retention.js';
import {
  dateOption,
  json,
  loadDataset,
  loadOutcomes,
  localeOption,
  numberOption,
  writeOutputFile,
  type CliIO,
} from './io.js';

/** The formats `bangfu retention` writes. */
type RetentionFormat = 'text' | 'md' | 'html' | 'json';

const FORMAT_OF: Readonly<Record<string, RetentionFormat>> = {
  text: 'text',
  txt: 'text',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  json: 'json',
};

function formatOption(value: string): RetentionFormat {
  const f = FORMAT_OF[value];
  if (f === undefined) throw new InvalidArgumentError('expected text, md, html or json.');
  return f;
}

const GROUPINGS = RETENTION_GROUPINGS;

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
  readonly format?: RetentionFormat;
  readonly out?: string;
  readonly asOf?: string;
}

/** Adds the `retention` command. */
export function registerRetention(program: Command, io: CliIO): void {
  program
    .command('retention')
    .description('how many placements stay in work at 1, 3, 6 and 12 months, from the outcome records')
    .argument('<dataset>', 'the dataset JSON file')
    .argument('<outcomes>', 'the outcome records: a JSON file, or a spreadsheet (.csv) one row per event')
    .option('--by <grouping>', GROUPINGS.join(', '), byOption, 'programme' as RetentionBy)
    .option('--months <list>', 'months at which to read retention (default 1,3,6,12)', monthsOption)
    .option(
      '--threshold <share>',
      "also list each employer's 6-month retention, shrunk towards the programme's, those below the share (0–1) flagged for re-vetting (text, md and json; default: the policy's revetBelowRetention)",
      numberOption(0, 1),
    )
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--format <format>', 'text, md, html or json (default: from --out, else text)', formatOption)
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--json', 'the same as --format json')
    .option('--as-of <date>', 'the as-of date when the dataset file has none (default: today)', dateOption)
    .action((datasetPath: string, outcomesPath: string, options: RetentionCliOptions) => {
      const dataset = loadDataset(datasetPath, options);
      const outcomes = loadOutcomes(outcomesPath, dataset, options.lang);
      const report = retention(outcomes, dataset, {
        by: options.by,
        ...(options.months === undefined ? {} : { months: options.months }),
      });
      // Employers' measured retention, flagged against --threshold or the policy's re-vetting share.
      const threshold = options.threshold ?? dataset.policy.revetBelowRetention;
      const employers =
        threshold === undefined ? undefined : employerRetention(outcomes, dataset, { threshold });
      const format: RetentionFormat =
        options.format ??
        (options.json === true ? 'json' : undefined) ??
        (options.out === undefined ? undefined : FORMAT_OF[extname(options.out).slice(1).toLowerCase()]) ??
        'text';
      const lang = options.lang;
      const employersText =
        employers === undefined ? '' : `\n${renderEmployerRetention(employers, 6, lang, dataset)}\n`;
      const output =
        format === 'json'
          ? json(employers === undefined ? report : { ...report, employers })
          : format === 'md'
            ? `${retentionToMarkdown(report, lang, dataset)}${employersText === '' ? '' : `\n\`\`\`text${employersText}\`\`\`\n`}`
            : format === 'html'
              ? retentionToHtml(report, lang, dataset)
              : `${renderRetention(report, lang, dataset)}\n${employersText}`;
      if (options.out === undefined) {
        io.stdout(output);
        return;
      }
      writeOutputFile(options.out, output, lang);
      io.stdout(
        lang === 'zh-CN'
          ? `留岗分析已写入 ${options.out}（${format}）\n`
          : `retention written to ${options.out} (${format})\n`,
      );
    });
}
