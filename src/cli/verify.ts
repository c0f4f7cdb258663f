/**
 * `bangfu verify <dataset.json> <plan.json>`: re-checks a saved plan against its dataset. Exit 0 if it
 * holds, 1 with the violations listed if not, 2 for unreadable input.
 *
 * @module
 */
import type { Command } from 'commander';
import { BangfuValidationError } from '../errors.js';
import { verifyReplan } from '../replan.js';
import { parsePlan } from '../plan-file.js';
import { verifyPlan } from '../verify-plan.js';
import type { Locale } from '../render.js';
import {
  CliError,
  EXIT,
  dateOption,
  issueLine,
  json,
  loadDataset,
  loadOutcomes,
  localeOption,
  readJsonFile,
  type CliIO,
} from './io.js';

/** Adds the `verify` command. */
export function registerVerify(program: Command, io: CliIO): void {
  program
    .command('verify')
    .description('check a saved plan against its dataset (exit 0 if it holds, 1 if not)')
    .argument('<dataset>', 'the dataset JSON file')
    .argument('<plan>', 'the plan JSON file (from bangfu assign --out)')
    .option('--as-of <date>', 'the as-of date when the dataset file has none (default: today)', dateOption)
    .option('--json', 'print the verdict as JSON: whether the plan holds, and every violation')
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option(
      '--exhaustive',
      'find the candidate pairs by the rules and the score of every labourer × post pair, not by the index the planner uses too (slower: minutes at a city’s size)',
    )
    .option(
      '--outcomes <file>',
      'the outcome records a plan made again was made from (bangfu assign --outcomes): checked with them',
    )
    .action(
      (
        datasetPath: string,
        planPath: string,
        options: {
          readonly asOf?: string;
          readonly json?: boolean;
          readonly lang: Locale;
          readonly outcomes?: string;
          readonly exhaustive?: boolean;
        },
      ) => {
        const zh = options.lang === 'zh-CN';
        const dataset = loadDataset(datasetPath, options);
        let plan;
        try {
          plan = parsePlan(readJsonFile(planPath, options.lang));
        } catch (e) {
          if (e instanceof BangfuValidationError)
            throw new CliError(
              e.issues.map((i) => `${planPath}${zh ? '：' : ': '}${issueLine(i, options.lang)}`),
            );
          throw e;
        }
        const how = { exhaustive: options.exhaustive === true };
        const verdict =
          options.outcomes === undefined
            ? verifyPlan(plan, dataset, how)
            : verifyReplan(plan, dataset, loadOutcomes(options.outcomes, dataset, options.lang), how);
        const kept = plan.kept?.placements.length ?? 0;
        if (options.json === true) {
          io.stdout(
            json({
              holds: verdict.ok,
              mode: plan.mode,
              labourers: plan.entries.length + kept,
              placed: plan.summary.placed,
              kept,
              violations: verdict.violations,
            }),
          );
          if (!verdict.ok) throw new CliError([], EXIT.failure);
          return;
        }
        if (verdict.ok) {
          io.stdout(
            zh
              ? `方案成立：${plan.entries.length + kept} 名劳动力，安置 ${plan.summary.placed} 名${kept === 0 ? '' : `，保留在岗 ${kept} 名`}（${plan.mode}）\n`
              : `plan holds: ${plan.entries.length + kept} labourers, ${plan.summary.placed} placed${kept === 0 ? '' : `, ${kept} kept in work`} (${plan.mode})\n`,
          );
          return;
        }
        for (const v of verdict.violations)
          io.stdout(zh ? `${v.code}：${v.messageZh}\n` : `${v.code}: ${v.message}\n`);
        throw new CliError(
          [
            zh
              ? `verify：方案不成立，有 ${verdict.violations.length} 处违规`
              : `verify: ${verdict.violations.length} violation(s)`,
          ],
          EXIT.failure,
        );
      },
    );
}
