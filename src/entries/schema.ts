/**
 * `bangfu/schema`: JSON Schemas (draft 2020-12) of what bangfu reads — a dataset, outcome records
 * and a plain bipartite graph — for editors, form builders and other languages. Each is made from
 * the very schema `parseDataset`, `parseOutcomes` and `parseGraph` validate with, so the two cannot
 * disagree. Apart from the core because making them needs zod's JSON Schema generator, which
 * validation does not. The dataset's is also shipped as a file: `bangfu/dataset.schema.json`.
 *
 * @example
 * ```ts
 * import { datasetJsonSchema } from 'bangfu/schema';
 *
 * writeFileSync('dataset.schema.json', JSON.stringify(datasetJsonSchema(), null, 2));
 * ```
 *
 * @module
 */
export { datasetJsonSchema } from '../parse.js';
export { outcomesJsonSchema } from '../outcomes.js';
export { graphJsonSchema } from '../graph/schema.js';
