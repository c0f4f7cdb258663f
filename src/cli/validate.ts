/**
 * `bangfu validate <dataset.json>`: check a dataset and say what it holds, or list every problem.
 *
 * @module
 */
import type { Command } from 'commander';
import { BangfuValidationError } from '../errors.js';
import { readDataset } from '../node.js';
import type { Locale } from '../render.js';
import { datasetWarnings } from '../warnings.js';
import { CliError, dateOption, EXIT, issueLine, json, loadDataset, localeOption, type CliIO } from './io.js';

/** Adds the `validate` command. */
export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check a dataset file; print a summary, or every problem (path first) and exit 2')
    .argument('<dataset>', 'the dataset JSON file')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .option('--json', 'print the result as JSON: what the dataset holds, or every problem')
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .action((path: string, options: { asOf?: string; json?: boolean; lang: Locale }) => {
      const zh = options.lang === 'zh-CN';
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
              warnings: datasetWarnings(d),
            }),
          );
          return;
        } catch (e) {
          if (!(e instanceof BangfuValidationError)) {
            if (!(e instanceof Error && 'code' in e)) throw e;
            io.stdout(
              json({
                valid: false,
                issues: [
                  {
                    path: '',
                    code: 'unreadable-file',
                    message: `${path}: ${e.message}`,
                    messageZh: `${path}：无法读取文件：${e.message}`,
                  },
                ],
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
      // Implausible but lawful data: told, and the dataset stays valid.
      for (const w of datasetWarnings(dataset))
        io.stderr(`${zh ? '提醒：' : 'warning: '}${issueLine(w, options.lang)}\n`);
      io.stdout(
        zh
          ? `有效：${dataset.labourers.length} 名劳动力，${dataset.employers.length} 家用人单位，` +
              `${dataset.posts.length} 个岗位，${groups} 个组，基准日 ${dataset.asOf}\n`
          : `valid: ${dataset.labourers.length} labourers, ${dataset.employers.length} employers, ` +
              `${dataset.posts.length} posts, ${groups} group${groups === 1 ? '' : 's'}, as of ${dataset.asOf}\n`,
      );
    });
}
