/**
 * `bangfu/report`: the programme report — placements, pay, counties, fill, outcomes and stable
 * employment, county by county — and its pages in Markdown, HTML (one offline page) and CSV, with
 * the retention page. Apart from the core (`bangfu`) so that a service that only plans does not
 * carry the report's words and pages.
 *
 * @example
 * ```ts
 * import { assign } from 'bangfu';
 * import { demoDataset } from 'bangfu/sample';
 * import { buildReport, reportToMarkdown } from 'bangfu/report';
 *
 * const dataset = demoDataset();
 * const report = buildReport(assign(dataset), dataset);
 * console.log(reportToMarkdown(report, 'en'));
 * ```
 *
 * @module
 */
export {
  REPORT_REASON_CODES,
  buildReport,
  STABLE_EMPLOYMENT_MONTHS,
  type CountySlice,
  type Disparity,
  type FillSlice,
  type OutcomeSlice,
  type PayFigures,
  type PlacementBreakdown,
  type PlacementSetting,
  type PlacementSlice,
  type ProgrammeReport,
  type ProvinceMove,
  type ReportOptions,
  type RetentionFigures,
  type Spread,
  type StableEmployment,
  type TravelSubsidyReport,
  type TravelSubsidyRow,
} from '../report.js';
export { reportToMarkdown } from '../report-markdown.js';
export { reportToHtml } from '../report-html.js';
export { reportToCsv, type ReportCsvOptions } from '../report-csv.js';
export { RETENTION_CHART_CURVES, retentionToHtml, retentionToMarkdown } from '../report-retention.js';
