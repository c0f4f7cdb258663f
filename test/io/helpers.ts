import type { CsvImport } from '../../src/io/import.js';
import type { DatasetInput } from '../../src/parse.js';
/**
 * The form an input takes after a CSV round trip: empty lists are written as empty cells and come
 * back absent, except `vetting.criteria`, which the input requires and which comes back as `[]` (and the three tables themselves).
 */
const KEPT = new Set(['criteria', 'labourers', 'employers', 'posts']);

export function withoutEmptyLists<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmptyLists) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k, v]) => KEPT.has(k) || !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, withoutEmptyLists(v)]),
  ) as T;
}

/** The input of an import that must have read every row (else the test fails, naming the first problems). */
export function inputOf(r: CsvImport): DatasetInput {
  if (!r.success) throw new Error(`the import failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.input;
}
