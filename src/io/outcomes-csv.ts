/**
 * Outcome records from a spreadsheet: one row per event, Chinese headers (English accepted), read
 * into the JSON form `parseOutcomes` takes, every problem pointed at its file, row and column.
 *
 * @module
 */
import Papa from 'papaparse';
import type { SafeResult, ValidationIssue } from '../errors.js';
import { dongguanPolicy } from '../policy/dongguan.js';
import { normaliseHeader, readCell } from './columns.js';
import { decodeCsvBytes, type CsvInputEncoding } from './encoding.js';
import { writeCsv, type WriteCsvOptions } from './export.js';
import { atCell, cellIssue, unguarded } from './import.js';

/** The columns of an outcomes spreadsheet: field, Chinese header, other accepted headers, required. */
export const OUTCOME_COLUMNS = [
  { key: 'labourer', header: '劳动力编号', aliases: ['labourer', 'worker', '人员编号'], required: true },
  { key: 'post', header: '岗位编号', aliases: ['post'], required: true },
  { key: 'kind', header: '事件', aliases: ['event', 'kind'], required: true },
  { key: 'on', header: '日期', aliases: ['date', 'on'], required: true },
  { key: 'status', header: '回访结果', aliases: ['status'], required: false },
  { key: 'reason', header: '离岗原因', aliases: ['reason'], required: false },
  { key: 'note', header: '备注', aliases: ['note'], required: false },
] as const;

type Key = (typeof OUTCOME_COLUMNS)[number]['key'];

const KINDS: Readonly<Record<string, string>> = { 上岗: 'started', 回访: 'contacted', 离岗: 'left' };
const STATUSES: Readonly<Record<string, string>> = {
  在岗: 'in-work',
  已离岗: 'left',
  联系不上: 'unreachable',
};
const REASONS: Readonly<Record<string, string>> = {
  工资: 'pay',
  工作条件: 'conditions',
  技能不符: 'skills-mismatch',
  家庭: 'family',
  健康: 'health',
  合同到期: 'contract-ended',
  辞退: 'dismissed',
  欠薪: 'wages-unpaid',
  其他: 'other',
};

/** A label in Chinese, or the code itself. */
function code(table: Readonly<Record<string, string>>, cell: string): string | undefined {
  const v = cell.trim();
  if (v in table) return table[v];
  return Object.values(table).includes(v) ? v : undefined;
}

const list = (table: Readonly<Record<string, string>>): string =>
  Object.entries(table)
    .map(([zh, c]) => `${zh} (${c})`)
    .join(', ');

/** An outcomes spreadsheet read into the JSON form, with where each record's rows are. */
export interface OutcomesCsv {
  /** `{ outcomes: [ { labourer, post, events } ] }`, records in the order of their first rows. */
  readonly input: { readonly outcomes: readonly Record<string, unknown>[] };
  /**
   * Points a `parseOutcomes` issue at the spreadsheet: `outcomes[2].events[1].on` becomes
   * `outcomes.csv:row 7:日期`, the JSON path kept at the end of the message.
   */
  locate(issues: readonly ValidationIssue[]): ValidationIssue[];
}

/**
 * Reads an outcomes spreadsheet (UTF-8 with or without BOM, GBK/GB18030): one row per event, with
 * the columns 劳动力编号, 岗位编号, 事件 (上岗, 回访, 离岗), 日期, 回访结果 (在岗, 已离岗, 联系不上; for
 * 回访), 离岗原因 (工资, 工作条件, 技能不符, 家庭, 健康, 合同到期, 辞退, 欠薪, 其他; for 离岗), 备注.
 * English headers and codes are accepted too. Rows of one labourer at one post form one record, in
 * row order. Every problem of the file comes back at once, pointed at its row and column, in English
 * and Chinese; the records are then checked against the dataset by `parseOutcomes`.
 *
 * @param source - The file's bytes or text.
 * @param options - The file's name (for the problems) and encoding.
 * @returns The records, or every problem.
 * @example
 * outcomesFromCsv('劳动力编号,岗位编号,事件,日期\nw1,p1,上岗,2026-01-05').success //=> true
 */
export function outcomesFromCsv(
  source: string | Uint8Array,
  options: { readonly fileName?: string; readonly encoding?: CsvInputEncoding } = {},
): SafeResult<OutcomesCsv> {
  const file = options.fileName ?? 'outcomes.csv';
  const issues: ValidationIssue[] = [];
  const issue = (
    row: number | undefined,
    header: string | undefined,
    c: string,
    en: string,
    zh: string,
    value?: unknown,
  ) => issues.push(cellIssue(file, row, header, c, { en, zh }, value));

  const text =
    typeof source === 'string'
      ? source.replace(/^\ufeff/, '')
      : decodeCsvBytes(source, options.encoding ?? 'auto').text;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) {
    issue(undefined, undefined, 'empty-file', 'the file holds no header row', '文件中没有表头行');
    return { success: false, issues };
  }
  const headers = records[headerIndex]!.map((h) => h.trim());
  const at = new Map<Key, number>();
  headers.forEach((h, i) => {
    if (h === '') return;
    const col = OUTCOME_COLUMNS.find((c) =>
      [c.header, ...c.aliases].some((a) => normaliseHeader(a) === normaliseHeader(h)),
    );
    if (col === undefined)
      issue(
        headerIndex + 1,
        h,
        'unknown-header',
        `"${h}" is not a column of an outcomes file`,
        `“${h}”不是回访记录表的列`,
        h,
      );
    else if (!at.has(col.key)) at.set(col.key, i);
  });
  for (const c of OUTCOME_COLUMNS)
    if (c.required && !at.has(c.key))
      issue(
        headerIndex + 1,
        c.header,
        'missing-header',
        `the required column ${c.header} (${c.key}) is missing`,
        `缺少必需的列 ${c.header}（${c.key}）`,
      );
  if (issues.length > 0) return { success: false, issues };

  const headerOf = (k: Key): string => headers[at.get(k)!]!;
  const byPair = new Map<
    string,
    { record: { labourer: string; post: string; events: Record<string, unknown>[] }; rows: number[] }
  >();
  const ctx = { policy: dongguanPolicy, language: 'zh' as const };
  for (let r = headerIndex + 1; r < records.length; r++) {
    const cells = records[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const row = r + 1;
    const cell = (k: Key): string => (at.has(k) ? unguarded((cells[at.get(k)!] ?? '').trim()) : '');
    const before = issues.length;
    for (const k of ['labourer', 'post', 'kind', 'on'] as const)
      if (cell(k) === '')
        issue(row, headerOf(k), 'missing-value', `${headerOf(k)} is required`, `${headerOf(k)}为必填项`);
    const kind = cell('kind') === '' ? undefined : code(KINDS, cell('kind'));
    if (cell('kind') !== '' && kind === undefined)
      issue(
        row,
        headerOf('kind'),
        'bad-value',
        `expected an event: ${list(KINDS)}`,
        `应为事件：${list(KINDS)}`,
        cell('kind'),
      );
    const date = cell('on') === '' ? undefined : readCell('date', cell('on'), ctx);
    if (date !== undefined && !date.ok)
      issue(row, headerOf('on'), 'bad-value', date.message.en, date.message.zh, cell('on'));
    const event: Record<string, unknown> = { kind, on: date?.ok === true ? date.value : undefined };
    if (kind === 'contacted') {
      const status = code(STATUSES, cell('status'));
      if (status === undefined)
        issue(
          row,
          at.has('status') ? headerOf('status') : '回访结果',
          'bad-value',
          `a contact needs its result: ${list(STATUSES)}`,
          `回访须填写回访结果：${list(STATUSES)}`,
          cell('status'),
        );
      event['status'] = status;
    }
    if (kind === 'left') {
      const reason = code(REASONS, cell('reason'));
      if (reason === undefined)
        issue(
          row,
          at.has('reason') ? headerOf('reason') : '离岗原因',
          'bad-value',
          `leaving needs its reason: ${list(REASONS)}`,
          `离岗须填写离岗原因：${list(REASONS)}`,
          cell('reason'),
        );
      event['reason'] = reason;
      if (cell('note') !== '') event['note'] = cell('note');
    }
    if (issues.length > before) continue;
    const key = `${cell('labourer')}\u0000${cell('post')}`;
    let entry = byPair.get(key);
    if (entry === undefined)
      byPair.set(
        key,
        (entry = { record: { labourer: cell('labourer'), post: cell('post'), events: [] }, rows: [] }),
      );
    entry.record.events.push(event);
    entry.rows.push(row);
  }
  if (issues.length > 0) return { success: false, issues };
  const entries = [...byPair.values()];
  const locate = (list: readonly ValidationIssue[]): ValidationIssue[] =>
    list.map((i) => {
      const m = /^outcomes\[(\d+)\](?:\.events\[(\d+)\])?(?:\.(\w+))?/.exec(i.path);
      const e = m === null ? undefined : entries[Number(m[1])];
      if (m === null || e === undefined) return i;
      const row = m[2] === undefined ? e.rows[0]! : (e.rows[Number(m[2])] ?? e.rows[0]!);
      const key = OUTCOME_COLUMNS.find((c) => c.key === m[3])?.key;
      return atCell(i, file, row, key === undefined || !at.has(key) ? undefined : headerOf(key));
    });
  return { success: true, value: { input: { outcomes: entries.map((e) => e.record) }, locate } };
}

/** The Chinese label of each code of a table (the first label that names it). */
function labels(table: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [zh, c] of Object.entries(table)) if (!out.has(c)) out.set(c, zh);
  return out;
}

const KIND_ZH = labels(KINDS);
const STATUS_ZH = labels(STATUSES);
const REASON_ZH = labels(REASONS);

/**
 * Writes outcome records as a spreadsheet with the columns {@link outcomesFromCsv} reads (Chinese
 * headers, events, results and reasons in Chinese), one row per event, records in the given order.
 * Cells are guarded against formulas like every CSV the library writes; reading the file back with
 * `outcomesFromCsv` gives the same records.
 *
 * @param outcomes - The records (`{ outcomes: [ { labourer, post, events } ] }`).
 * @param options - The encoding. @defaultValue UTF-8 with a BOM
 * @returns The file's bytes.
 * @example
 * outcomesToCsv({ outcomes: [{ labourer: 'w1', post: 'p1', events: [{ kind: 'started', on: '2026-01-05' }] }] })
 * // 劳动力编号,岗位编号,事件,日期,回访结果,离岗原因,备注 / w1,p1,上岗,2026-01-05,,,
 *
 * Complexity: O(E) for E events.
 */
export function outcomesToCsv(
  outcomes: {
    readonly outcomes: readonly {
      readonly labourer: string;
      readonly post: string;
      readonly events: readonly {
        readonly kind: string;
        readonly on: string;
        readonly status?: string;
        readonly reason?: string;
        readonly note?: string;
      }[];
    }[];
  },
  options: WriteCsvOptions = {},
): Uint8Array {
  const rows: Record<string, unknown>[] = [];
  for (const o of outcomes.outcomes)
    for (const e of o.events)
      rows.push({
        labourer: o.labourer,
        post: o.post,
        kind: KIND_ZH.get(e.kind) ?? e.kind,
        on: e.on,
        status: e.status === undefined ? '' : (STATUS_ZH.get(e.status) ?? e.status),
        reason: e.reason === undefined ? '' : (REASON_ZH.get(e.reason) ?? e.reason),
        note: e.note ?? '',
      });
  return writeCsv(rows, OUTCOME_COLUMNS, options);
}
