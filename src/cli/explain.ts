/**
 * `bangfu explain <dataset.json> --labourer ID --post ID`: why a pair is eligible and how it scores,
 * or every rule it breaks.
 *
 * @module
 */
import type { Command } from 'commander';
import { explainPair } from '../explain.js';
import { renderAssessment, type Locale } from '../render.js';
import { dateOption, json, loadDataset, localeOption, type CliIO } from './io.js';

interface ExplainCliOptions {
  readonly labourer: string;
  readonly post: string;
  readonly lang: Locale;
  readonly json?: boolean;
  readonly asOf?: string;
}

/** Adds the `explain` command. */
export function registerExplain(program: Command, io: CliIO): void {
  program
    .command('explain')
    .description('explain one labourer–post pair: eligibility and the score breakdown')
    .argument('<dataset>', 'the dataset JSON file')
    .requiredOption('--labourer <id>', 'the labourer')
    .requiredOption('--post <id>', 'the post')
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--json', 'print the assessment as JSON')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .action((path: string, options: ExplainCliOptions) => {
      const dataset = loadDataset(path, options);
      const assessment = explainPair(dataset, options.labourer, options.post);
      io.stdout(
        options.json === true ? json(assessment) : `${renderAssessment(assessment, options.lang, dataset)}\n`,
      );
    });
}
