/**
 * `bangfu import`: reads the spreadsheets of a dataset (labourers, employers, posts, and optionally
 * the groups of labourers who travel together) saved as CSV, validates them, and writes the dataset JSON the other commands read. Every problem is one line
 * on standard error pointing at its file, row and column (`labourers.csv:row 7:出生日期: …`), exit 2.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import {
  importCsv,
  locateCsvIssues,
  type CsvFiles,
  type CsvInputEncoding,
  type CsvTable,
} from '../io/index.js';
import { safeParseDataset } from '../parse.js';
import { CliError, dateOption, issueLine, json, type CliIO } from './io.js';
import { createProgress } from './progress.js';

/** Parses `auto`, `utf-8`, `gbk` or `gb18030` for `--encoding`. */
export function encodingOption(value: string): CsvInputEncoding {
  const v = value.toLowerCase() === 'utf8' ? 'utf-8' : value.toLowerCase();
  if (v === 'auto' || v === 'utf-8' || v === 'gbk' || v === 'gb18030') return v;
  throw new InvalidArgumentError('expected auto, utf-8, gbk or gb18030.');
}

interface ImportCliOptions {
  readonly labourers?: string;
  readonly employers?: string;
  readonly posts?: string;
  readonly groups?: string;
  readonly encoding: CsvInputEncoding;
  readonly asOf?: string;
  readonly out?: string;
  readonly quiet?: boolean;
}

const TABLES: readonly CsvTable[] = ['labourers', 'employers', 'posts', 'groups'];

/** Adds the `import` command. */
export function registerImport(program: Command, io: CliIO): void {
  program
    .command('import')
    .description('read labourers, employers, posts and groups from CSV spreadsheets into a dataset JSON file')
    .option('--labourers <file>', 'the labourers spreadsheet (CSV)')
    .option('--employers <file>', 'the employers spreadsheet (CSV)')
    .option('--posts <file>', 'the posts spreadsheet (CSV)')
    .option(
      '--groups <file>',
      'the groups spreadsheet (CSV): labourers who travel together, one row per member',
    )
    .option(
      '--encoding <encoding>',
      'auto, utf-8, gbk or gb18030',
      encodingOption,
      'auto' as CsvInputEncoding,
    )
    .option('--as-of <date>', 'the as-of date written into the dataset (default: today)', dateOption)
    .option('--out <file>', 'write the dataset JSON to a file instead of standard output')
    .option('--quiet', 'no progress bar and no confirmation')
    .action((options: ImportCliOptions) => {
      const given = TABLES.filter((t) => options[t] !== undefined);
      if (given.length === 0)
        throw new CliError(['import: give at least one of --labourers, --employers, --posts, --groups']);
      const progress = createProgress(io, {
        label: 'import',
        ...(options.quiet === true ? { quiet: true } : {}),
      });
      const steps = given.length + 2;
      const files: { -readonly [K in keyof CsvFiles]: CsvFiles[K] } = {};
      const fileNames: Partial<Record<CsvTable, string>> = {};
      given.forEach((table, i) => {
        const path = options[table]!;
        progress.update(i, steps, `reading ${path}`);
        try {
          files[table] = new Uint8Array(readFileSync(path));
        } catch (e) {
          progress.done();
          throw new CliError([
            `${path}: cannot read the file: ${e instanceof Error ? e.message : String(e)}`,
          ]);
        }
        fileNames[table] = path;
      });
      progress.update(given.length, steps, 'importing');
      const imported = importCsv(files, {
        encoding: options.encoding,
        fileNames,
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      });
      progress.update(given.length + 1, steps, 'validating');
      const parsed = safeParseDataset(
        imported.input,
        options.asOf === undefined ? {} : { asOf: options.asOf },
      );
      progress.done();
      const issues = [
        ...imported.issues,
        ...(parsed.success ? [] : locateCsvIssues(parsed.issues, imported)),
      ];
      if (issues.length > 0 || !parsed.success) throw new CliError(issues.map(issueLine));
      // The as-of date the dataset was checked on goes into the file, so later commands read it alike.
      const output = json({ ...imported.input, asOf: parsed.value.asOf });
      if (options.out === undefined) {
        io.stdout(output);
        return;
      }
      try {
        writeFileSync(options.out, output);
      } catch (e) {
        throw new CliError([
          `${options.out}: cannot write the file: ${e instanceof Error ? e.message : String(e)}`,
        ]);
      }
      if (options.quiet !== true) {
        const d = parsed.value;
        const encodings = given
          .map((t) => `${fileNames[t]}: ${imported.files[t]?.encoding ?? '?'}`)
          .join(', ');
        io.stdout(
          `imported ${d.labourers.length} labourers, ${d.employers.length} employers, ${d.posts.length} posts, ${d.groups.length} group${d.groups.length === 1 ? '' : 's'} as of ${d.asOf} (${encodings}) to ${options.out}\n`,
        );
      }
    });
}
