/**
 * `bangfu rank <dataset.json> --labourer ID | --post ID`: the posts for a labourer, or the labourers
 * for a post, best first, as a table with reasons or as JSON.
 *
 * @module
 */
import type { Command } from 'commander';
import { rankPosts, rankLabourers } from '../rank.js';
import { renderRanking, type Locale } from '../render.js';
import {
  CliError,
  dateOption,
  integerOption,
  json,
  loadDataset,
  localeOption,
  numberOption,
  type CliIO,
} from './io.js';

interface RankCliOptions {
  readonly labourer?: string;
  readonly post?: string;
  readonly top: number;
  readonly minScore: number;
  readonly lang: Locale;
  readonly json?: boolean;
  readonly excluded?: boolean;
  readonly asOf?: string;
}

/** Adds the `rank` command. */
export function registerRank(program: Command, io: CliIO): void {
  program
    .command('rank')
    .description('rank the posts for a labourer (--labourer) or the labourers for a post (--post)')
    .argument('<dataset>', 'the dataset JSON file')
    .option('--labourer <id>', 'the labourer whose posts to rank')
    .option('--post <id>', 'the post whose labourers to rank')
    .option('--top <k>', 'how many to rank', integerOption(1), 10)
    .option('--min-score <x>', 'the least score to rank, 0 to 1', numberOption(0, 1), 0)
    .option('--lang <lang>', 'zh or en', localeOption, 'zh-CN' as Locale)
    .option('--excluded', 'also list each excluded entry with its reasons')
    .option('--json', 'print the ranking as JSON')
    .option('--as-of <date>', 'the as-of date when the file has none (default: today)', dateOption)
    .action((path: string, options: RankCliOptions) => {
      if ((options.labourer === undefined) === (options.post === undefined)) {
        throw new CliError(['rank: give exactly one of --labourer <id> or --post <id>']);
      }
      const dataset = loadDataset(path, options);
      const rankOptions = {
        top: options.top,
        minScore: options.minScore,
        includeExcluded: options.excluded === true,
      };
      const ranking =
        options.labourer !== undefined
          ? rankPosts(dataset, options.labourer, rankOptions)
          : rankLabourers(dataset, options.post!, rankOptions);
      io.stdout(options.json === true ? json(ranking) : `${renderRanking(ranking, options.lang, dataset)}\n`);
    });
}
