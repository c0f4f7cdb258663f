import Papa from 'papaparse';
import { inputOf } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { assign } from '../../src/assign.js';
import { exportDatasetCsv, writeCsv } from '../../src/io/export.js';
import { importCsv } from '../../src/io/import.js';
import { parseDataset } from '../../src/parse.js';
import { planToCsv, reportToCsv } from '../../src/report-csv.js';
import { buildReport } from '../../src/report.js';
import { generateSample } from '../../src/sample.js';

/** The cells of a CSV file the library wrote (UTF-8 with a BOM). */
const cells = (bytes: Uint8Array): string[] =>
  (Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data as string[][]).flat();

/** A cell a spreadsheet would run: = + - @ TAB CR first, and not a plain number. */
const dangerous = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell);

const ATTACKS = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\tx', '\r=1'];

describe('CSV written by the library never holds a formula a spreadsheet would run', () => {
  it('writeCsv guards each dangerous cell with a quote, and leaves numbers and text alone', () => {
    const rows = [...ATTACKS, '-5', '+3.5', 'plain', "'=already"].map((v) => ({ v }));
    const out = cells(writeCsv(rows, [{ key: 'v', header: 'v' }])).slice(1);
    expect(out).toEqual([...ATTACKS.map((a) => `'${a}`), '-5', '+3.5', 'plain', "''=already"]);
    expect(out.filter(dangerous)).toEqual([]);
  });

  it('exportDatasetCsv guards names, titles and ids, and importCsv reads back exactly what was exported', () => {
    const sample = generateSample({ seed: 3, labourers: ATTACKS.length, posts: 4 });
    const labourers = sample.labourers.map((l, i) => ({ ...l, name: ATTACKS[i]! }));
    const posts = sample.posts.map((p, i) => ({ ...p, title: ATTACKS[i]! }));
    const tables = { labourers, employers: sample.employers, posts };
    const files = exportDatasetCsv(tables);
    for (const bytes of Object.values(files)) expect(cells(bytes).filter(dangerous)).toEqual([]);
    const back = importCsv(files);
    expect(back.issues).toEqual([]);
    expect(inputOf(back).labourers.map((l) => l.name)).toEqual(ATTACKS);
    expect(inputOf(back).posts.map((p) => p.title)).toEqual(ATTACKS.slice(0, 4));
  });

  it('planToCsv and reportToCsv guard what comes from the data (ids, names)', () => {
    const raw = generateSample({ seed: 3, labourers: 30, posts: 10 });
    const hostile = JSON.parse(
      JSON.stringify(raw).split('"w0001"').join('"=cmd|w1"').split('"e0001"').join('"@e1"'),
    ) as unknown;
    const ds = parseDataset(hostile);
    const plan = assign(ds);
    const planCells = cells(planToCsv(plan, ds, { locale: 'en' }));
    expect(planCells).toContain("'=cmd|w1");
    expect(planCells.filter(dangerous)).toEqual([]);
    const report = cells(reportToCsv(buildReport(plan, ds), { locale: 'en' }));
    expect(report.filter(dangerous)).toEqual([]);
  });
});
