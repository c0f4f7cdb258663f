/**
 * Spreadsheet input and output: the CSV files human-resources bureaus keep their data in.
 *
 * Pure and platform-free like the rest of the core: functions take and return `Uint8Array` and
 * strings; reading and writing files is the caller's (see `bangfu/node` and the CLI).
 *
 * @module
 */
export {
  CSV_COLUMNS,
  EMPLOYER_COLUMNS,
  GROUP_COLUMNS,
  LABOURER_COLUMNS,
  POST_COLUMNS,
  type CsvCellType,
  type CsvColumn,
  type CsvLanguage,
  type CsvTable,
} from './columns.js';
export {
  decodeCsvBytes,
  encodeCsvText,
  encodeGb18030,
  type CsvInputEncoding,
  type CsvOutputEncoding,
  type DecodedText,
  type DetectedEncoding,
} from './encoding.js';
export { exportDatasetCsv, writeCsv, type ExportDatasetCsvOptions, type WriteCsvOptions } from './export.js';
export {
  importCsv,
  importCsvOrThrow,
  locateCsvIssues,
  type CsvFileReport,
  type CsvFiles,
  type CsvImport,
  type ImportCsvOptions,
} from './import.js';
export { OUTCOME_COLUMNS, outcomesFromCsv, outcomesToCsv, type OutcomesCsv } from './outcomes-csv.js';
