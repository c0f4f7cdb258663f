/**
 * `bangfu/csv`: spreadsheets in and out — a bureau's labourer, employer, post and group sheets
 * imported into a dataset (UTF-8 or GBK/GB18030, Chinese or English headers, every problem located
 * by file, row and column), a dataset, outcomes or a plan written as sheets (formula-like cells
 * neutralised). Apart from the core (`bangfu`) so that a service reading JSON does not carry the
 * CSV parser and the column tables.
 *
 * @example
 * ```ts
 * import { parseDataset } from 'bangfu';
 * import { importCsv } from 'bangfu/csv';
 *
 * const result = importCsv({ labourers, employers, posts }); // each file's bytes or text
 * if (result.success) console.log(parseDataset(result.input).labourers.length);
 * else for (const issue of result.issues) console.log(issue.path, issue.message);
 * ```
 *
 * @module
 */
export * from '../io/index.js';
export { planToCsv } from '../report-csv.js';
