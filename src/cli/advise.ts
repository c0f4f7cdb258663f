/**
 * `bangfu advise <dataset.json> --labourer ID [--post ID…]`: what it would take for a labourer to reach
 * posts now out of reach, as text or JSON.
 *
 * @module
 */
import type { Command } from 'commander';
import { advise } from '../advise.js';
import { assign } from '../assign.js';
import { renderAdvice } from '../render-advice.js';
import type { Locale } from '../render.js';
import { dateOption, integerOption, json, loadDataset, localeOption, type CliIO } from './io.js';

interface AdviseCliOptions {
  readonly labourer: string;
  readonly post?: readonly string[];
  readonly maxChanges: number;
  readonly top: number;
  readonly plan?: boolean;
  readonly lang: Locale;
  readonly json?: boolean;
  readonly asOf?: string;
}

function collect(value: string, previous: readonly string[] | undefined): readonly string[] {
  return [...(previous ?? []), value];
}

/** Adds the `advise` command. */
export function registerAdvise(program: Command, io: CliIO): void {
  program
    .command('advise')
    .description('what a labourer could change (a course, pay, mobility, start date…) to reach more posts')
    .argument('<dataset>', 'the dataset JSON file')
    .requiredOption('--labourer <id>', 'the labourer')
    .option('--post <id>', 'a post to advise on (repeatable; default: every post out of reach)', collect)
    .option('--max-changes <n>', 'the most changes in one suggestion (1 to 4)', integerOption(1, 4), 2)
    .option('--top <n>', 'how many suggestions to show', integerOption(1), 10)
    .option('--plan', "judge openings against an optimal placement plan instead of each post's ranking")
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--json', 'print the advice as JSON')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .action((path: string, options: AdviseCliOptions) => {
      const dataset = loadDataset(path, options);
      const advice = advise(dataset, options.labourer, {
        maxChanges: options.maxChanges,
        top: options.top,
        ...(options.post === undefined ? {} : { posts: options.post }),
        ...(options.plan === true ? { plan: assign(dataset, { mode: 'optimal' }) } : {}),
      });
      io.stdout(options.json === true ? json(advice) : `${renderAdvice(advice, options.lang, dataset)}\n`);
    });
}
