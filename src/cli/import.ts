/**
 * `bangfu import`: reads the spreadsheets of a dataset (labourers, employers, posts, and optionally
 * the groups of labourers who travel together) saved as CSV, validates them, and writes the dataset JSON the other commands read. Every problem is one line
 * on standard error pointing at its file, row and column (`labourers.csv:row 7:出生日期: …`), exit 2.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import {
  importCsv,
  locateCsvIssues,
  type CsvFiles,
  type CsvInputEncoding,
  type CsvTable,
} from '../io/index.js';
import { safeParseDataset } from '../parse.js';
import { datasetWarnings } from '../warnings.js';
import type { Locale } from '../render.js';
import {
  CliError,
  dateOption,
  EXIT,
  issueLine,
  json,
  localeOption,
  printJson,
  writeJsonFile,
  type CliIO,
} from './io.js';
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
  readonly skipBadRows?: boolean;
  readonly ignoreColumns?: boolean;
  readonly json?: boolean;
  readonly lang: Locale;
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
    .option(
      '--ignore-columns',
      'skip columns that are not part of a table (a remarks column) instead of refusing the file',
    )
    .option(
      '--skip-bad-rows',
      'write the rows that can be read even when others cannot; each row left out is listed, and the exit code is 3',
    )
    .option(
      '--json',
      'print the outcome as JSON (what was imported, rows left out, every problem in both languages); needs --out',
    )
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .action((options: ImportCliOptions) => {
      const zh = options.lang === 'zh-CN';
      const line = (issue: Parameters<typeof issueLine>[0]): string => issueLine(issue, options.lang);
      const given = TABLES.filter((t) => options[t] !== undefined);
      if (given.length === 0)
        throw new CliError([
          zh
            ? 'import：请至少给出 --labourers、--employers、--posts、--groups 之一'
            : 'import: give at least one of --labourers, --employers, --posts, --groups',
        ]);
      if (options.json === true && options.out === undefined)
        throw new CliError([
          zh
            ? 'import：--json 须与 --out 同用（数据集写入文件，结果以 JSON 输出）'
            : 'import: --json needs --out (the dataset goes to the file, the outcome to standard output)',
        ]);
      const quiet = options.quiet === true || options.json === true;
      const progress = createProgress(io, {
        label: 'import',
        ...(quiet ? { quiet: true } : {}),
      });
      const steps = given.length + 2;
      const files: { -readonly [K in keyof CsvFiles]: CsvFiles[K] } = {};
      const fileNames: Partial<Record<CsvTable, string>> = {};
      given.forEach((table, i) => {
        const path = options[table]!;
        progress.update(i, steps, zh ? `读取 ${path}` : `reading ${path}`);
        try {
          files[table] = new Uint8Array(readFileSync(path));
        } catch (e) {
          progress.done();
          const why = e instanceof Error ? e.message : String(e);
          throw new CliError([
            zh ? `${path}：无法读取文件：${why}` : `${path}: cannot read the file: ${why}`,
          ]);
        }
        fileNames[table] = path;
      });
      progress.update(given.length, steps, zh ? '导入' : 'importing');
      const importOptions = {
        encoding: options.encoding,
        fileNames,
        ignoreColumns: options.ignoreColumns === true,
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      };
      // The rows that can be read are checked too, so that every problem is told at once; but
      // without --skip-bad-rows any unreadable row stops the import: nobody is dropped unseen.
      const imported = importCsv(files, { ...importOptions, partial: true });
      progress.update(given.length + 1, steps, zh ? '校验' : 'validating');
      const parsed = safeParseDataset(
        imported.input,
        options.asOf === undefined ? {} : { asOf: options.asOf },
      );
      progress.done();
      const semantic = parsed.success ? [] : locateCsvIssues(parsed.issues, imported);
      if (!parsed.success || (imported.issues.length > 0 && options.skipBadRows !== true)) {
        const issues = [...imported.issues, ...semantic];
        if (options.json === true) {
          io.stdout(json({ imported: false, issues }));
          throw new CliError([], EXIT.usage);
        }
        throw new CliError(issues.map(line));
      }
      // Without --as-of the dataset is dated today: said, since every later answer depends on it.
      if (options.asOf === undefined && options.json !== true)
        io.stderr(
          zh
            ? `import：未给出 --as-of，数据集的基准日为 ${parsed.value.asOf}（今天）；要得到可重现的文件，请给出 --as-of\n`
            : `import: no --as-of given: the dataset is dated ${parsed.value.asOf} (today); give --as-of for a reproducible file\n`,
        );
      // Implausible but lawful data (a minor holding a special-operation certificate): told.
      if (options.json !== true)
        for (const w of datasetWarnings(parsed.value))
          io.stderr(`${zh ? '提醒：' : 'warning: '}${line(w)}\n`);
      // The as-of date the dataset was checked on goes into the file, so later commands read it alike.
      const output = { ...imported.input, asOf: parsed.value.asOf };
      if (options.out === undefined) {
        printJson(io, output);
        return;
      }
      writeJsonFile(options.out, output, options.lang);
      const skipped = imported.skipped;
      const rows = Object.values(skipped).reduce((a, b) => a + b, 0);
      if (options.json === true) {
        const d = parsed.value;
        io.stdout(
          json({
            imported: true,
            out: options.out,
            asOf: d.asOf,
            asOfGiven: options.asOf !== undefined,
            labourers: d.labourers.length,
            employers: d.employers.length,
            posts: d.posts.length,
            groups: d.groups.length,
            encodings: Object.fromEntries(given.map((t) => [t, imported.files[t]?.encoding ?? null])),
            rowsLeftOut: rows,
            skipped,
            issues: imported.issues,
            warnings: datasetWarnings(d),
          }),
        );
        if (imported.issues.length > 0) throw new CliError([], EXIT.partial);
        return;
      }
      if (options.quiet !== true) {
        const d = parsed.value;
        const encodings = given
          .map((t) => `${fileNames[t]}: ${imported.files[t]?.encoding ?? '?'}`)
          .join(', ');
        io.stdout(
          zh
            ? `已导入 ${d.labourers.length} 名劳动力、${d.employers.length} 家用人单位、${d.posts.length} 个岗位、${d.groups.length} 个组，基准日 ${d.asOf}（${encodings}），写入 ${options.out}\n`
            : `imported ${d.labourers.length} labourers, ${d.employers.length} employers, ${d.posts.length} posts, ${d.groups.length} group${d.groups.length === 1 ? '' : 's'} as of ${d.asOf} (${encodings}) to ${options.out}\n`,
        );
      }
      // Rows left out (--skip-bad-rows): each listed, and an exit code that says the import is partial.
      if (imported.issues.length > 0) {
        const counts = Object.entries(skipped).map(([t, n]) => `${t} ${n}`);
        throw new CliError(
          [
            ...imported.issues.map(line),
            zh
              ? `import：有 ${rows} 行未导入（${counts.join('，')}）；其余各行已写入数据集`
              : `import: ${rows} row${rows === 1 ? '' : 's'} left out (${counts.join(', ')}); the dataset holds the others`,
          ],
          EXIT.partial,
        );
      }
    });
}
