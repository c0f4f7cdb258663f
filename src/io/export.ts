/**
 * Writing CSV files that Excel and WPS open correctly, and a dataset's input as the spreadsheets
 * (labourers, employers, posts, groups) that {@link importCsv} reads back.
 *
 * @module
 */
import Papa from 'papaparse';
import type { DatasetInput } from '../parse.js';
import { dongguanPolicy } from '../policy/dongguan.js';
import type { Policy } from '../policy/types.js';
import {
  CSV_COLUMNS,
  writeCell,
  type CellContext,
  type CsvColumn,
  type CsvLanguage,
  type CsvTable,
} from './columns.js';
import { encodeCsvText, type CsvOutputEncoding } from './encoding.js';

/** Options of {@link writeCsv}. */
export interface WriteCsvOptions {
  /**
   * UTF-8 preceded by a BOM (Excel, WPS and LibreOffice detect it), or GB18030 for older tools
   * that assume the Chinese Windows code page (GBK is its two-byte subset).
   * @defaultValue `'utf-8-bom'`
   */
  readonly encoding?: CsvOutputEncoding;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

/**
 * Writes rows as a CSV file: a header row, then one line per row, CRLF line ends, a cell quoted
 * only when it holds a comma, a quote, a line break, a tab or outer spaces.
 *
 * Cells: a string as is, a number or boolean by `String`, `undefined`/`null` as empty, anything
 * else as JSON. A cell a spreadsheet would run as a formula (beginning with = + - @, a tab or a
 * carriage return, and not a plain number) is written with a leading `'`, which spreadsheets show
 * as text; `importCsv` strips it again. Every CSV the library writes is guarded the same way.
 *
 * Complexity: O(total cell length).
 *
 * @param rows - The rows; each column's `key` is looked up directly in the row (no dotted paths).
 * @param columns - The columns in order, with the header to write.
 * @param options - The encoding.
 * @returns The file's bytes.
 * @example
 * new TextDecoder().decode(writeCsv([{ a: 1, b: 'x,y' }], [{ key: 'a', header: 'A' }, { key: 'b', header: 'B' }]))
 * //=> 'A,B\r\n1,"x,y"\r\n' (after a BOM, which TextDecoder drops)
 */
export function writeCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly { readonly key: string; readonly header: string }[],
  options: WriteCsvOptions = {},
): Uint8Array {
  return encodeCsvText(
    csvText(
      rows.map((row) => columns.map((c) => cellText(row[c.key]))),
      columns.map((c) => c.header),
    ),
    options.encoding,
  );
}

/**
 * Cells a spreadsheet would read as a formula (or a DDE command): beginning with = + - @, a tab or a
 * carriage return, unless the whole cell is a plain number (−5 is data, not a formula); and cells
 * that only look guarded already (`'=…`), so that importing strips exactly the quote it added.
 */
export const FORMULA_CELL = /^(?![-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?$)'*[=+\-@\t\r]/i;

function csvText(data: readonly (readonly string[])[], headers: readonly string[]): string {
  if (headers.length === 0) return '';
  // Such cells get a leading ' (and quotes), which spreadsheets show as text; importCsv strips it.
  const text = Papa.unparse(
    { fields: [...headers], data: data.map((r) => [...r]) },
    {
      newline: '\r\n',
      // A tab inside a cell is quoted too: a reader guessing the delimiter must not take it for one.
      quotes: (value: unknown) => typeof value === 'string' && value.includes('\t'),
      header: true,
      escapeFormulae: FORMULA_CELL,
    },
  );
  return `${text}\r\n`;
}

/** Options of {@link exportDatasetCsv}. */
export interface ExportDatasetCsvOptions extends WriteCsvOptions {
  /**
   * Chinese headers and labels (是/否, 脱贫户, skill names…) for people, or English field names
   * and codes (true/false, registered, skill ids…) for machines. Both import back the same.
   * @defaultValue `'zh'`
   */
  readonly headers?: CsvLanguage;
  /**
   * The policy whose skill, certificate and park names are written in Chinese mode.
   * @defaultValue {@link dongguanPolicy}
   */
  readonly policy?: Policy;
}

function getPath(record: unknown, key: string): unknown {
  let v = record;
  for (const k of key.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function tableText(records: readonly unknown[], columns: readonly CsvColumn[], ctx: CellContext): string {
  const data = records.map((record) =>
    columns.map((c) => {
      const value = getPath(record, c.key);
      if (value === undefined || (Array.isArray(value) && value.length === 0)) return '';
      return writeCell(c.type, value, ctx);
    }),
  );
  return csvText(
    data,
    columns.map((c) => (ctx.language === 'zh' ? c.header : c.key)),
  );
}

/** One row of the groups sheet per member, in group order, then member order. */
function memberRows(groups: DatasetInput['groups']): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const g of groups ?? []) {
    // A memberless group has no row to live in; refusing it beats dropping it unseen.
    if (g.members.length === 0)
      throw new RangeError(
        `exportDatasetCsv: group "${g.id}" has no members; the groups sheet holds one row per member`,
      );
    for (const member of g.members) rows.push({ id: g.id, member, rule: g.rule, kind: g.kind });
  }
  return rows;
}

/**
 * Writes a dataset's input as four CSV files (labourers, employers, posts, groups), every column of
 * {@link LABOURER_COLUMNS}, {@link EMPLOYER_COLUMNS}, {@link POST_COLUMNS} and
 * {@link GROUP_COLUMNS} in order; the groups file has one row per member. The inverse of
 * {@link importCsv}: importing the files gives the same input, except that empty lists come back
 * absent (which parseDataset reads the same; no groups, no `groups`) and text loses outer spaces.
 * With empty lists it writes the four blank templates.
 *
 * Complexity: O(total cell length).
 *
 * @param input - The dataset's input (JSON shape); its `asOf` and `policy` are not written.
 * @param options - Header language, encoding, policy for names.
 * @returns The bytes of each file.
 * @throws RangeError if a list item (a skill, a course…) holds a list separator and so could not
 *   be read back, a group has no members, or (GB18030) a character cannot be encoded.
 * @example
 * const files = exportDatasetCsv(input, { headers: 'zh' })
 * importCsv(files).input.labourers //=> input.labourers
 * new TextDecoder().decode(exportDatasetCsv({ labourers: [], employers: [], posts: [], groups: [{ id: 'g1', members: ['w1', 'w2'], rule: 'same-site', kind: 'family' }] }).groups)
 * //=> '组编号,成员编号,安置要求,组类型\r\ng1,w1,同一工作地,家庭\r\ng1,w2,同一工作地,家庭\r\n'
 */
export function exportDatasetCsv(
  input: DatasetInput,
  options: ExportDatasetCsvOptions = {},
): {
  readonly labourers: Uint8Array;
  readonly employers: Uint8Array;
  readonly posts: Uint8Array;
  readonly groups: Uint8Array;
} {
  const ctx: CellContext = { policy: options.policy ?? dongguanPolicy, language: options.headers ?? 'zh' };
  const source = input as unknown as Partial<Record<CsvTable, readonly unknown[]>>;
  const file = (table: CsvTable, records: readonly unknown[] = source[table] ?? []) =>
    encodeCsvText(tableText(records, CSV_COLUMNS[table], ctx), options.encoding);
  return {
    labourers: file('labourers'),
    employers: file('employers'),
    posts: file('posts'),
    groups: file('groups', memberRows(input.groups)),
  };
}
