/**
 * `bangfu report <dataset.json> <plan.json>`: the programme report of a saved plan, as a
 * self-contained HTML page, Markdown, JSON or CSV; optionally the plan itself as CSV.
 *
 * @module
 */
import { extname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { BangfuValidationError } from '../errors.js';
import type { Locale } from '../render.js';
import { planToCsv, reportToCsv } from '../report-csv.js';
import { reportToHtml } from '../report-html.js';
import { reportToMarkdown } from '../report-markdown.js';
import { buildReport, type ProgrammeReport } from '../report.js';
import { applyOutcomes, verifyReplan } from '../replan.js';
import { parsePlan } from '../plan-file.js';
import { verifyPlan } from '../verify-plan.js';
import {
  CliError,
  dateOption,
  EXIT,
  integerOption,
  issueLine,
  json,
  loadDataset,
  loadOutcomes,
  localeOption,
  type CliIO,
  readJsonFile,
  writeOutputFile,
} from './io.js';
import { createProgress } from './progress.js';

/** The formats `bangfu report` writes. */
export type ReportFormat = 'html' | 'md' | 'json' | 'csv';

const FORMATS: readonly ReportFormat[] = ['html', 'md', 'json', 'csv'];

const EXTENSIONS: Readonly<Record<string, ReportFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.json': 'json',
  '.csv': 'csv',
};

/** Parses `html`, `md`, `json` or `csv` for `--format`. */
export function formatOption(value: string): ReportFormat {
  const v = value === 'markdown' ? 'md' : value;
  if ((FORMATS as readonly string[]).includes(v)) return v as ReportFormat;
  throw new InvalidArgumentError('expected html, md, json or csv.');
}

interface ReportCliOptions {
  readonly format?: ReportFormat;
  readonly out?: string;
  readonly planCsv?: string;
  readonly lang: Locale;
  readonly minGroup: number;
  readonly outcomes?: string;
  readonly asOf?: string;
  readonly quiet?: boolean;
}

function render(report: ProgrammeReport, format: ReportFormat, locale: Locale): string | Uint8Array {
  switch (format) {
    case 'html':
      return reportToHtml(report, locale);
    case 'md':
      return reportToMarkdown(report, locale);
    case 'json':
      return json(report);
    case 'csv':
      return reportToCsv(report, { locale });
  }
}

/** Adds the `report` command. */
export function registerReport(program: Command, io: CliIO): void {
  program
    .command('report')
    .description('programme report of a saved plan: HTML page with charts, Markdown, JSON or CSV')
    .argument('<dataset>', 'the dataset JSON file')
    .argument('<plan>', 'the plan JSON file (from bangfu assign --out)')
    .option('--format <format>', 'html, md, json or csv (default: from --out, else md)', formatOption)
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--plan-csv <file>', 'also write the plan as CSV, one row per labourer (UTF-8 with BOM)')
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--min-group <n>', 'least group size in the disparity figures', integerOption(1), 5)
    .option(
      '--outcomes <file>',
      'the outcome records of the placements: adds stable employment (retention at 3 and 6 months)',
    )
    .option('--as-of <date>', 'the as-of date when the dataset file has none (default: today)', dateOption)
    .option('--quiet', 'no progress bar and no confirmation')
    .action((datasetPath: string, planPath: string, options: ReportCliOptions) => {
      const progress = createProgress(io, {
        label: 'report',
        ...(options.quiet === true ? { quiet: true } : {}),
      });
      const format =
        options.format ??
        (options.out === undefined ? undefined : EXTENSIONS[extname(options.out).toLowerCase()]) ??
        'md';
      progress.update(0, 1, 'reading');
      const dataset = loadDataset(datasetPath, options);
      let plan;
      try {
        plan = parsePlan(readJsonFile(planPath, options.lang));
      } catch (e) {
        progress.done();
        if (e instanceof BangfuValidationError)
          throw new CliError(e.issues.map((i) => `${planPath}: ${issueLine(i, options.lang)}`));
        throw e;
      }
      // A report is only as good as its plan: one that does not hold against this dataset (made from
      // another dataset, edited by hand) is refused, as `bangfu verify` would.
      progress.update(0, 1, 'verifying');
      const outcomes =
        options.outcomes === undefined ? undefined : loadOutcomes(options.outcomes, dataset, options.lang);
      // A plan made again from outcome records (`assign --outcomes`) holds against the dataset as
      // those records leave it: verified with them, reported on what it planned.
      const replanned = plan.kept !== undefined && outcomes !== undefined;
      const verdict = replanned ? verifyReplan(plan, dataset, outcomes) : verifyPlan(plan, dataset);
      const planned = replanned ? applyOutcomes(dataset, outcomes, plan.kept!.options).dataset : dataset;
      if (!verdict.ok) {
        progress.done();
        const zh = options.lang === 'zh-CN';
        const shown = verdict.violations
          .slice(0, 20)
          .map((v) =>
            zh ? `${planPath}：${v.code}：${v.messageZh}` : `${planPath}: ${v.code}: ${v.message}`,
          );
        const more = verdict.violations.length - shown.length;
        const n = verdict.violations.length;
        throw new CliError(
          [
            ...shown,
            ...(more > 0 ? [zh ? `${planPath}：… 另有 ${more} 处` : `${planPath}: … and ${more} more`] : []),
            zh
              ? `report：方案与 ${datasetPath} 不符（${n} 处违规），未生成报告`
              : `report: the plan does not hold against ${datasetPath} (${n} violation(s)); nothing rendered`,
          ],
          EXIT.failure,
        );
      }
      let report: ProgrammeReport;
      try {
        report = buildReport(plan, planned, {
          minGroupSize: options.minGroup,
          ...(outcomes === undefined ? {} : { outcomes, outcomesDataset: dataset }),
          onProgress: (done, total) => progress.update(done, total, 'report'),
        });
      } catch (e) {
        progress.done();
        // A plan made from another dataset names labourers or posts this one does not hold.
        if (e instanceof RangeError)
          throw new CliError([`${planPath}: ${e.message.replace(/^buildReport: /, '')}`]);
        throw e;
      }
      const output = render(report, format, options.lang);
      const planCsv =
        options.planCsv === undefined ? undefined : planToCsv(plan, planned, { locale: options.lang });
      progress.done();
      if (options.planCsv !== undefined && planCsv !== undefined)
        writeOutputFile(options.planCsv, planCsv, options.lang);
      if (options.out === undefined) {
        // CSV keeps its byte-order mark so that a redirected file opens right in a spreadsheet.
        io.stdout(
          typeof output === 'string' ? output : new TextDecoder('utf-8', { ignoreBOM: true }).decode(output),
        );
        return;
      }
      writeOutputFile(options.out, output, options.lang);
      if (options.quiet !== true) {
        const t = report.totals;
        io.stdout(
          options.lang === 'zh-CN'
            ? `报告已写入 ${options.out}（${format}）：${t.labourers} 人中安置 ${t.placed} 人` +
                (options.planCsv === undefined ? '' : `；方案已写入 ${options.planCsv}`) +
                '\n'
            : `report written to ${options.out} (${format}): ${t.placed} of ${t.labourers} placed` +
                (options.planCsv === undefined ? '' : `; plan written to ${options.planCsv}`) +
                '\n',
        );
      }
    });
}
