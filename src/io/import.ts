/**
 * Reading the spreadsheets of a dataset (labourers, employers, posts, and the optional groups)
 * exported as CSV into the JSON input shape that {@link parseDataset} validates.
 *
 * @module
 */
import { editDistance, suggestionLimit } from '../internal/edit-distance.js';
import Papa from 'papaparse';
import { BangfuValidationError, type Bilingual, type ValidationIssue } from '../errors.js';
import type { DatasetInput } from '../parse.js';
import { dongguanPolicy } from '../policy/dongguan.js';
import type { Policy } from '../policy/types.js';
import {
  CSV_COLUMNS,
  normaliseHeader,
  ID_NUMBER,
  readCell,
  type CellContext,
  type CsvColumn,
  type CsvLanguage,
  type CsvTable,
} from './columns.js';
import { decodeCsvBytes, type CsvInputEncoding, type DetectedEncoding } from './encoding.js';

/** The files to import: each as its bytes (any supported encoding) or as already-decoded text. */
export interface CsvFiles {
  readonly labourers?: Uint8Array | string;
  readonly employers?: Uint8Array | string;
  readonly posts?: Uint8Array | string;
  /** Labourers who travel together: one row per member (see {@link GROUP_COLUMNS}). */
  readonly groups?: Uint8Array | string;
}

/** Options of {@link importCsv}. */
export interface ImportCsvOptions {
  /**
   * The files' encoding, or `auto` to detect it per file (UTF-8 BOM, UTF-16 BOM, valid UTF-8,
   * else GB18030).
   * @defaultValue `'auto'`
   */
  readonly encoding?: CsvInputEncoding;
  /**
   * The policy whose skill, certificate and park names cells may use.
   * @defaultValue {@link dongguanPolicy}
   */
  readonly policy?: Policy;
  /**
   * The file names that issue paths show.
   * @defaultValue `labourers.csv`, `employers.csv`, `posts.csv`, `groups.csv`
   */
  readonly fileNames?: Partial<Record<CsvTable, string>>;
  /** The dataset's as-of date, copied into the input (else parseDataset's own default applies). */
  readonly asOf?: string;
  /**
   * Import the rows that have no problem even when others have: the result then holds the input
   * and, in `issues`, every problem, each naming the row (or file) left out. Without it, any
   * problem and nothing is imported, so that no labourer can be dropped unseen.
   * @defaultValue false
   */
  readonly partial?: boolean;
  /**
   * Skip columns that are not part of the table (a remarks column, 备注) instead of refusing the
   * file; each file's report lists them in `ignored`.
   * @defaultValue false
   */
  readonly ignoreColumns?: boolean;
}

/** What was read from one file. */
export interface CsvFileReport {
  /** The name issue paths use. */
  readonly file: string;
  /** The encoding the file was decoded with (`utf-8` for text given as a string). */
  readonly encoding: DetectedEncoding;
  /** Whether the headers are Chinese (`zh`) or English field names (`en`), by majority. */
  readonly language: CsvLanguage;
  /** The header of each column as written in the file, by column key, for the columns recognised. */
  readonly headers: Readonly<Record<string, string>>;
  /** Data rows read (rows with any non-empty cell). */
  readonly read: number;
  /** Rows imported into the input (for the groups file, member rows). */
  readonly imported: number;
  /** The spreadsheet row (header = 1) of each imported record, in input order (a group's first row). */
  readonly rows: readonly number[];
  /** The groups file only: the spreadsheet row of each member of each imported group, in order. */
  readonly memberRows?: readonly (readonly number[])[];
  /** Headers of columns skipped with `ignoreColumns`, in file order (absent when none). */
  readonly ignored?: readonly string[];
}

/** The outcome of {@link importCsv}. */
export type CsvImport =
  | {
      /** Every row of every file was read: `input` holds them all, still to be validated by parseDataset. */
      readonly success: true;
      readonly input: DatasetInput;
      readonly issues: readonly [];
      /** One report per file given. */
      readonly files: Readonly<Partial<Record<CsvTable, CsvFileReport>>>;
    }
  | {
      /** Some row or file could not be read: nothing is imported. */
      readonly success: false;
      /** Every problem, each with path `file:row N:header`. */
      readonly issues: readonly ValidationIssue[];
      readonly files: Readonly<Partial<Record<CsvTable, CsvFileReport>>>;
    };

/** The result of {@link importCsv} with `partial: true`: the rows that could be read, and what was left out. */
export interface CsvPartialImport {
  readonly success: true;
  /** The records of every row that had no problem; still to be validated by parseDataset. */
  readonly input: DatasetInput;
  /** Every problem, each with path `file:row N:header`; a row with a problem is not in `input`. */
  readonly issues: readonly ValidationIssue[];
  /** Rows left out, per file (a file whose headers could not be read leaves out all its rows). */
  readonly skipped: Readonly<Partial<Record<CsvTable, number>>>;
  readonly files: Readonly<Partial<Record<CsvTable, CsvFileReport>>>;
}

const TABLES: readonly CsvTable[] = ['labourers', 'employers', 'posts', 'groups'];

interface ColumnIndex {
  readonly byHeader: ReadonlyMap<string, CsvColumn>;
  readonly zhHeaders: ReadonlySet<string>;
}

const indexCache = new WeakMap<readonly CsvColumn[], ColumnIndex>();

/**
 * A cell as written before the CSV writers guarded it against formulas (`'=1` → `=1`).
 *
 * @internal
 */
export function unguarded(cell: string): string {
  return cell.startsWith("'") && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Every accepted header of a table, normalised, with the column it names. */
function columnIndex(columns: readonly CsvColumn[]): ColumnIndex {
  let index = indexCache.get(columns);
  if (index === undefined) {
    const byHeader = new Map<string, CsvColumn>();
    const zhHeaders = new Set<string>();
    for (const c of columns) {
      for (const h of [c.key, c.header, ...c.aliases]) byHeader.set(normaliseHeader(h), c);
      for (const h of [c.header, ...c.aliases]) if (/[^\x20-\x7e]/.test(h)) zhHeaders.add(normaliseHeader(h));
    }
    index = { byHeader, zhHeaders };
    indexCache.set(columns, index);
  }
  return index;
}

/**
 * The accepted header nearest to an unknown one (edit distance at most half its length, at least
 * 1 and at most 2), as the column table writes it; none when no header is that near.
 */
function nearestHeader(norm: string, byHeader: ReadonlyMap<string, CsvColumn>): string | undefined {
  const limit = suggestionLimit(norm);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const [h, column] of byHeader) {
    if (Math.abs(h.length - norm.length) > limit) continue;
    const d = editDistance(norm, h);
    if (d < bestDistance) {
      bestDistance = d;
      // Named as a person would write it: the Chinese header for a Chinese guess, else the key.
      best = /[^\x20-\x7e]/.test(norm) ? column.header : column.key;
    }
  }
  return best;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const keys = key.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    o[k] ??= {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}

function isEmptyRecord(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

interface TableResult {
  readonly records: Record<string, unknown>[];
  readonly report: CsvFileReport;
}

/** Reads one file; pushes its issues. */
function importTable(
  table: CsvTable,
  source: Uint8Array | string,
  file: string,
  options: ImportCsvOptions,
  policy: Policy,
  issues: ValidationIssue[],
): TableResult {
  const columns = CSV_COLUMNS[table];
  const { byHeader, zhHeaders } = columnIndex(columns);
  const issue = (
    row: number | undefined,
    header: string | undefined,
    code: string,
    text: Bilingual,
    value?: unknown,
  ) => issues.push(cellIssue(file, row, header, code, text, value));

  // Decode.
  let text: string;
  let encoding: DetectedEncoding = 'utf-8';
  if (typeof source === 'string') {
    text = source.replace(/^\ufeff/, '');
  } else {
    const decoded = decodeCsvBytes(source, options.encoding ?? 'auto');
    text = decoded.text;
    encoding = decoded.encoding;
    if (decoded.malformed) {
      issue(undefined, undefined, 'bad-encoding', {
        en: `bytes that are not valid ${decoded.encoding} were replaced by U+FFFD; check the file's encoding`,
        zh: `有不符合 ${decoded.encoding} 编码的字节，已替换为 U+FFFD；请检查文件编码`,
      });
    }
  }

  // Split into records. Papa's record index is the spreadsheet row minus one: a quoted line break
  // stays inside its cell, as a spreadsheet shows it.
  // The delimiter is read off the header row alone (comma, or tab for a sheet saved as text):
  // guessing from the rows as well could take tabs inside a quoted name for the delimiter.
  const headerLine = /^[^\r\n]*/.exec(text.replace(/^(\s*\r?\n)+/, ''))![0];
  const delimiter = headerLine.split('\t').length > headerLine.split(',').length ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const badRows = new Set<number>();
  for (const e of parsed.errors) {
    if (e.type !== 'Quotes' || e.row === undefined) continue;
    badRows.add(e.row + 1);
    issue(e.row + 1, undefined, 'bad-quoting', {
      en: `a quoted cell is not closed or a quote is misplaced (${e.message})`,
      zh: `有引号未闭合或位置不对的单元格（${e.message}）`,
    });
  }
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isEmptyRecord(r));
  const report = (extra: Omit<CsvFileReport, 'file' | 'encoding'>): CsvFileReport => ({
    file,
    encoding,
    ...extra,
  });
  if (headerIndex < 0) {
    issue(undefined, undefined, 'empty-file', { en: 'the file holds no header row', zh: '文件中没有表头行' });
    return { records: [], report: report({ language: 'zh', headers: {}, read: 0, imported: 0, rows: [] }) };
  }
  const headerRow = headerIndex + 1;
  const headerCells = records[headerIndex]!.map((h) => h.trim());

  // Map headers to columns.
  const dataRecords = records.slice(headerIndex + 1);
  const used: (CsvColumn | undefined)[] = [];
  const headers: Record<string, string> = {};
  let zh = 0;
  let en = 0;
  // Which columns hold any data, in one pass over the cells (not one pass per blank header).
  const hasData = new Uint8Array(headerCells.length);
  for (const r of dataRecords)
    for (let i = 0; i < Math.min(r.length, headerCells.length); i++)
      if (hasData[i] === 0 && r[i]!.trim() !== '') hasData[i] = 1;
  const ignored: string[] = [];
  headerCells.forEach((header, i) => {
    const norm = normaliseHeader(header);
    const column = byHeader.get(norm);
    if (column === undefined) {
      // A blank header over a blank column is a spreadsheet's trailing comma, not a column.
      if (header === '' && hasData[i] === 0) return;
      if (options.ignoreColumns === true) {
        ignored.push(header);
        return;
      }
      const near = nearestHeader(norm, byHeader);
      issue(
        headerRow,
        header,
        'unknown-header',
        {
          en: `"${header}" is not a column of ${table}${near === undefined ? '' : `; did you mean "${near}"?`} (see the column table of the CSV import, or ignore extra columns explicitly)`,
          zh: `“${header}”不是 ${table} 表的列${near === undefined ? '' : `；是否指“${near}”？`}（见 CSV 导入的列表，或明确选择忽略多余的列）`,
        },
        header,
      );
    } else if (headers[column.key] !== undefined) {
      issue(
        headerRow,
        header,
        'duplicate-header',
        {
          en: `"${header}" names the same field (${column.key}) as "${headers[column.key]!}"; only the first is read`,
          zh: `“${header}”与“${headers[column.key]!}”指向同一字段（${column.key}）；只读取前者`,
        },
        header,
      );
    } else {
      headers[column.key] = header;
      used[i] = column;
      if (zhHeaders.has(norm)) zh++;
      else en++;
    }
  });
  const language: CsvLanguage = zh >= en ? 'zh' : 'en';
  const missing = columns.filter((c) => c.required && headers[c.key] === undefined);
  for (const c of missing) {
    issue(headerRow, language === 'zh' ? c.header : c.key, 'missing-header', {
      en: `the required column ${c.header} (${c.key}) is missing`,
      zh: `缺少必需的列 ${c.header}（${c.key}）`,
    });
  }

  // Read rows.
  const ctx: CellContext = { policy, language };
  const out: Record<string, unknown>[] = [];
  const rows: number[] = [];
  let read = 0;
  const issuesBefore = issues.length;
  dataRecords.forEach((record, i) => {
    const row = headerRow + 1 + i;
    if (isEmptyRecord(record)) return;
    read++;
    if (badRows.has(row) || missing.length > 0) return;
    const extra = record.slice(headerCells.length);
    if (record.length < headerCells.length || !isEmptyRecord(extra)) {
      issue(
        row,
        undefined,
        'ragged-row',
        {
          en: `the row has ${record.length} cells but the header has ${headerCells.length}; cells may have shifted`,
          zh: `本行有 ${record.length} 个单元格，表头有 ${headerCells.length} 个；单元格可能错位`,
        },
        record.length,
      );
      return;
    }
    const before = issues.length;
    const target: Record<string, unknown> = {};
    used.forEach((column, j) => {
      if (column === undefined) return;
      const cell = unguarded(record[j]!.trim());
      const header = headers[column.key]!;
      if (cell === '') {
        if (column.required)
          issue(row, header, 'missing-value', { en: `${header} is required`, zh: `${header}为必填项` });
        return;
      }
      const r = readCell(column.type, cell, ctx);
      if (r.ok) setPath(target, column.key, r.value);
      // An ID number is never echoed back, not even in a problem report.
      else
        issue(
          row,
          header,
          'bad-value',
          r.message,
          ID_NUMBER.test(cell.normalize('NFKC')) ? '(ID number, not shown)' : cell,
        );
    });
    finishRecord(table, target, (key, code, message) => {
      const column = columns.find((c) => c.key === key)!;
      issue(row, headers[key] ?? (language === 'zh' ? column.header : column.key), code, message);
    });
    if (issues.length > before) return;
    out.push(target);
    rows.push(row);
  });
  if (table === 'groups') {
    const header = (key: string): string => {
      const column = columns.find((c) => c.key === key)!;
      return headers[key] ?? (language === 'zh' ? column.header : column.key);
    };
    const folded = foldGroups(out, rows, (row, key, message, value) =>
      issue(row, header(key), 'bad-value', message, value),
    );
    // A group is only as good as all its rows: when any row of the file had a problem, the
    // groups are not imported, so that no group comes back short of a member.
    const complete = issues.length === issuesBefore;
    const groups = complete ? folded.groups : [];
    return {
      records: groups,
      report: report({
        language,
        headers,
        read,
        imported: complete ? out.length : 0,
        rows: complete ? folded.rows : [],
        memberRows: complete ? folded.memberRows : [],
        ...(ignored.length === 0 ? {} : { ignored }),
      }),
    };
  }
  return {
    records: out,
    report: report({
      language,
      headers,
      read,
      imported: out.length,
      rows,
      ...(ignored.length === 0 ? {} : { ignored }),
    }),
  };
}

/**
 * Folds the member rows of the groups file into groups: in the order of their first rows, members
 * in row order. A row whose rule or kind differs from what an earlier row of its group gave is
 * reported (at that row and column) and left out.
 */
function foldGroups(
  memberRecords: readonly Record<string, unknown>[],
  rows: readonly number[],
  report: (row: number, key: string, message: Bilingual, value: unknown) => void,
): { groups: Record<string, unknown>[]; rows: number[]; memberRows: number[][] } {
  interface Folded {
    readonly group: { id: string; members: string[]; rule: string; kind?: string };
    readonly first: number;
    readonly memberRows: number[];
    kindRow?: number;
  }
  const byId = new Map<string, Folded>();
  const order: Folded[] = [];
  memberRecords.forEach((r, i) => {
    const row = rows[i]!;
    const id = r['id'] as string;
    const member = r['member'] as string;
    const rule = r['rule'] as string;
    const kind = r['kind'] as string | undefined;
    let f = byId.get(id);
    if (f === undefined) {
      f = { group: { id, members: [], rule }, first: row, memberRows: [] };
      byId.set(id, f);
      order.push(f);
    } else if (f.group.rule !== rule) {
      report(
        row,
        'rule',
        {
          en: `group ${id} has rule ${f.group.rule} (row ${f.first}); a group has one rule`,
          zh: `组 ${id} 的规则是 ${f.group.rule}（第 ${f.first} 行）；一个组只有一种规则`,
        },
        rule,
      );
      return;
    }
    if (kind !== undefined) {
      if (f.group.kind === undefined) {
        f.group.kind = kind;
        f.kindRow = row;
      } else if (f.group.kind !== kind) {
        report(
          row,
          'kind',
          {
            en: `group ${id} is of kind ${f.group.kind} (row ${f.kindRow!}); a group has one kind`,
            zh: `组 ${id} 的组别是 ${f.group.kind}（第 ${f.kindRow!} 行）；一个组只有一种组别`,
          },
          kind,
        );
        return;
      }
    }
    f.group.members.push(member);
    f.memberRows.push(row);
  });
  return {
    groups: order.map((f) => f.group),
    rows: order.map((f) => f.first),
    memberRows: order.map((f) => f.memberRows),
  };
}

/** The checks that span several columns of a row, and their defaults. */
function finishRecord(
  table: CsvTable,
  r: Record<string, unknown>,
  issue: (key: string, code: string, message: Bilingual) => void,
): void {
  const group = (key: string) => r[key] as Record<string, unknown> | undefined;
  if (table === 'employers') {
    const vetting = group('vetting');
    if (vetting !== undefined) vetting['criteria'] ??= [];
    const track = group('trackRecord');
    if (track !== undefined) {
      for (const k of ['placements', 'retainedSixMonths']) {
        if (track[k] === undefined)
          issue(`trackRecord.${k}`, 'missing-value', {
            en: 'placements and six-month retention go together: give both or neither',
            zh: '输送人数与六个月留存人数须同时填写或同时留空',
          });
      }
    }
  }
  if (table === 'posts') {
    const pay = group('pay');
    if (pay !== undefined) {
      const [needed, other] =
        pay['kind'] === 'piece-rate'
          ? ['guaranteedMonthly', 'baseMonthly']
          : ['baseMonthly', 'guaranteedMonthly'];
      if (pay[needed] === undefined)
        issue(`pay.${needed}`, 'missing-value', {
          en: `a ${String(pay['kind'])} post needs pay.${needed}`,
          zh: `${String(pay['kind'])} 计酬的岗位须填写 pay.${needed}`,
        });
      if (pay[other] !== undefined)
        issue(`pay.${other}`, 'bad-value', {
          en: `a ${String(pay['kind'])} post has no pay.${other}; leave it empty`,
          zh: `${String(pay['kind'])} 计酬的岗位没有 pay.${other}；请留空`,
        });
    }
    for (const k of ['dormitory', 'meals']) {
      const provision = group(k);
      if (provision === undefined) continue;
      if (provision['provided'] === undefined)
        issue(`${k}.provided`, 'missing-value', {
          en: `a ${k} cost needs ${k}.provided`,
          zh: `填写了 ${k} 费用时须填写 ${k}.provided`,
        });
      provision['monthlyCost'] ??= 0;
    }
  }
}

/**
 * Reads spreadsheets exported as CSV (UTF-8 with or without BOM, UTF-16, GBK/GB18030) into the
 * JSON input shape, reporting every problem with its file, spreadsheet row (header = row 1) and
 * column header, as path `labourers.csv:row 7:出生日期`.
 *
 * Codes: `unknown-header`, `duplicate-header`, `missing-header` (then no row of the file is
 * imported), `ragged-row`, `bad-quoting`, `missing-value`, `bad-value`, `bad-encoding` (reported,
 * rows still imported), `empty-file`. A row with any row-level problem is left out of `input`;
 * empty rows are skipped and not counted. `files` tells rows read and imported per file, and the
 * spreadsheet row of each record, which {@link locateCsvIssues} uses to point parseDataset's
 * issues back at the spreadsheet. Only the shape of cells is checked here: pass `input` to
 * parseDataset for the semantic checks (known counties, skills, pay above minimum wage…).
 *
 * The groups file ({@link GROUP_COLUMNS}) has one row per member; its rows fold into groups in the
 * order of their first rows, members in row order. A row whose rule or kind contradicts an earlier
 * row of its group is a `bad-value`. Since a group short of a member would be placed without them,
 * any row-level problem in the groups file leaves every group out of `input` (the problems are
 * still all reported). No group row at all, or no groups file, leaves `groups` absent.
 *
 * Complexity: O(cells) after a one-off table build when a GB18030 file is first decoded.
 *
 * @param files - The spreadsheets, as bytes or text; an absent one gives an empty list (no groups).
 * @param options - Encoding, policy for names, file names for issue paths, as-of date.
 * @returns The input, the issues and a report per file.
 * @example
 * const { input, issues } = importCsv({ labourers: '编号,户籍类型,户籍县代码,出生日期,最低期望月薪,期望月薪,流动意愿\nw1,脱贫户,530627,1995/6/15,3000,4500,不限' });
 * input.labourers[0] //=> { id: 'w1', household: 'registered', originCounty: '530627', birthDate: '1995-06-15', pay: { minMonthly: 3000, targetMonthly: 4500 }, mobility: { scope: 'anywhere' } }
 * issues //=> []
 */
export function importCsv(
  files: CsvFiles,
  options: ImportCsvOptions & { readonly partial: true },
): CsvPartialImport;
export function importCsv(files: CsvFiles, options?: ImportCsvOptions): CsvImport;
export function importCsv(files: CsvFiles, options: ImportCsvOptions = {}): CsvImport | CsvPartialImport {
  const policy = options.policy ?? dongguanPolicy;
  const issues: ValidationIssue[] = [];
  const reports: Partial<Record<CsvTable, CsvFileReport>> = {};
  const records: Record<CsvTable, Record<string, unknown>[]> = {
    labourers: [],
    employers: [],
    posts: [],
    groups: [],
  };
  for (const table of TABLES) {
    const source = files[table];
    if (source === undefined) continue;
    const result = importTable(
      table,
      source,
      options.fileNames?.[table] ?? `${table}.csv`,
      options,
      policy,
      issues,
    );
    records[table] = result.records;
    reports[table] = result.report;
  }
  // Groups are optional in a dataset: like any empty list, none comes back absent.
  const { groups, ...tables } = records;
  const input = {
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...tables,
    ...(groups.length === 0 ? {} : { groups }),
  } as unknown as DatasetInput;
  if (options.partial === true) {
    const skipped: Partial<Record<CsvTable, number>> = {};
    for (const table of TABLES) {
      const r = reports[table];
      if (r !== undefined && r.read > r.imported) skipped[table] = r.read - r.imported;
    }
    return { success: true, input, issues, skipped, files: reports };
  }
  if (issues.length > 0) return { success: false, issues, files: reports };
  return { success: true, input, issues: [], files: reports };
}

/**
 * Like {@link importCsv}, but throws if there is any issue.
 *
 * @param files - The spreadsheets, as bytes or text.
 * @param options - As for {@link importCsv}.
 * @returns The input and a report per file.
 * @throws BangfuValidationError with every issue.
 * @example
 * importCsvOrThrow({ labourers: '编号,生日\nw1,1995-06-15' }) // throws: labourers.csv:row 1:生日: "生日" is not a column of labourers…
 */
export function importCsvOrThrow(
  files: CsvFiles,
  options: Omit<ImportCsvOptions, 'partial'> = {},
): { readonly input: DatasetInput; readonly files: CsvImport['files'] } {
  const r = importCsv(files, { ...options, partial: false });
  if (!r.success) throw new BangfuValidationError(r.issues, 'CSV input');
  return { input: r.input, files: r.files };
}

/**
 * Points issues that parseDataset found in an imported input back at the spreadsheets: a path
 * `labourers[3].skills[0].skill` becomes `labourers.csv:row 5:技能`, `groups[1].members[2]` the
 * row of that member in the groups file (`groups.csv:row 7:成员编号`). Issues whose path names no
 * imported record are returned unchanged.
 *
 * @param issues - Issues of parseDataset (or safeParseDataset) on `imported.input`.
 * @param imported - The result of {@link importCsv} that produced the input.
 * @returns The issues with spreadsheet paths; the JSON path is kept at the end of the message.
 * @example
 * locateCsvIssues([{ path: 'labourers[0].originCounty', code: 'unknown-county', message: 'unknown county' }], imported)
 * //=> [{ path: 'labourers.csv:row 2:户籍县代码', code: 'unknown-county', message: 'unknown county (labourers[0].originCounty)' }]
 */
export function locateCsvIssues(
  issues: readonly ValidationIssue[],
  imported: Pick<CsvImport, 'files'>,
): ValidationIssue[] {
  return issues.map((issue) => {
    const m = /^(labourers|employers|posts|groups)\[(\d+)\]\.?(.*)$/.exec(issue.path);
    if (m === null) return issue;
    const table = m[1] as CsvTable;
    const report = imported.files[table];
    const index = Number(m[2]);
    let row = report?.rows[index];
    let field = m[3]!.replace(/\[\d+\]/g, '');
    if (table === 'groups') {
      // A group spans rows: a member's issue points at that member's row, the others at the first.
      const member = /^members\[(\d+)\]/.exec(m[3]!);
      if (member !== null) row = report?.memberRows?.[index]?.[Number(member[1])];
      if (field === 'members') field = 'member';
    }
    if (report === undefined || row === undefined) return issue;
    // The field path without indices, matched to the longest column key it starts with.
    const column = CSV_COLUMNS[table]
      .filter((c) => field === c.key || field.startsWith(`${c.key}.`))
      .sort((a, b) => b.key.length - a.key.length)[0];
    const header =
      column === undefined
        ? undefined
        : (report.headers[column.key] ?? (report.language === 'zh' ? column.header : column.key));
    return atCell(issue, report.file, row, header);
  });
}

/**
 * A problem found in a spreadsheet, at `file:row N:header` (row and header where known), in both
 * languages.
 *
 * @internal
 */
export function cellIssue(
  file: string,
  row: number | undefined,
  header: string | undefined,
  code: string,
  text: Bilingual,
  value?: unknown,
): ValidationIssue {
  const path = cellPath(file, row, header);
  const message = { message: text.en, messageZh: text.zh };
  return value === undefined ? { path, code, ...message } : { path, code, ...message, value };
}

/**
 * A problem found in the records read from a spreadsheet, moved to the cell they came from, its
 * record path kept at the end of the message.
 *
 * @internal
 */
export function atCell(
  issue: ValidationIssue,
  file: string,
  row: number,
  header: string | undefined,
): ValidationIssue {
  return {
    ...issue,
    path: cellPath(file, row, header),
    message: `${issue.message} (${issue.path})`,
    ...(issue.messageZh === undefined ? {} : { messageZh: `${issue.messageZh}（${issue.path}）` }),
  };
}

function cellPath(file: string, row: number | undefined, header: string | undefined): string {
  return [file, row === undefined ? undefined : `row ${row}`, header]
    .filter((p) => p !== undefined)
    .join(':');
}
