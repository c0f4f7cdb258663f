/**
 * Retention on its own, as Markdown or one HTML page (`bangfu retention --format md|html`).
 *
 * @module
 */
import { retentionGroupLabel, retentionHeading, survivalShare } from './render-retention.js';
import type { RetentionReport } from './retention.js';
import type { Locale } from './render.js';
import type { Dataset } from './types.js';
import { esc, page, survivalFigure, table } from './report-html.js';
import { mdTable } from './report-markdown.js';

// ---------------------------------------------------------------------------------------------
// Retention on its own (bangfu retention --format md|html)

/** The retention page's words. */
const RETENTION_WORDS = {
  'zh-CN': {
    head: (months: readonly number[]) => [
      '组别',
      '安置',
      '离岗（因故）',
      ...months.map((m) => `${m} 个月在岗`),
    ],
    chart: (shown: number, of: number) =>
      shown < of ? `上岗后在岗比例（安置最多的 ${shown} 组，共 ${of} 组）` : '上岗后在岗比例',
    months: '个月',
    none: '没有安置记录。',
    footer: 'bangfu 留岗分析',
  },
  en: {
    head: (months: readonly number[]) => [
      'group',
      'placed',
      'left (for cause)',
      ...months.map((m) => `in work at ${m} months`),
    ],
    chart: (shown: number, of: number) =>
      shown < of
        ? `Share in work by months since starting (the ${shown} largest of ${of} groups)`
        : 'Share in work by months since starting',
    months: 'months',
    none: 'No placements recorded.',
    footer: 'bangfu retention',
  },
} as const;

/** How many groups' curves a retention page draws (the largest; the table lists every group). */
export const RETENTION_CHART_CURVES = 5;

function retentionRows(report: RetentionReport, locale: Locale, dataset?: Dataset): (string | number)[][] {
  const brackets: [string, string] = locale === 'zh-CN' ? ['（', '）'] : [' (', ')'];
  return report.rows.map((r) => [
    retentionGroupLabel(report, r.key, locale, dataset),
    r.placements,
    `${r.left} (${r.leftForCause})`,
    ...r.at.map((a) => survivalShare(a, brackets)),
  ]);
}

/**
 * A retention report as Markdown: the heading, then one table row per group (placed, left and for
 * cause, the share in work at each month with its interval, “—” where follow-up is too short).
 *
 * @param report - From `retention`.
 * @param locale - The language. @defaultValue 'zh-CN'
 * @param dataset - For employer names (optional).
 * @returns The Markdown text.
 * @example
 * retentionToMarkdown(retention(outcomes, ds), 'en').startsWith('# Retention') //=> true
 */
export function retentionToMarkdown(
  report: RetentionReport,
  locale: Locale = 'zh-CN',
  dataset?: Dataset,
): string {
  const w = RETENTION_WORDS[locale];
  return [
    `# ${retentionHeading(report, locale)}`,
    '',
    report.rows.length === 0
      ? w.none
      : mdTable(w.head(report.months), retentionRows(report, locale, dataset)),
    '',
  ].join('\n');
}

/**
 * A retention report as one self-contained HTML page (the programme report's style): the
 * Kaplan–Meier curves of the largest groups ({@link RETENTION_CHART_CURVES}) as inline SVG, and
 * the table of every group. It loads nothing from outside the file.
 *
 * @param report - From `retention`.
 * @param locale - The language. @defaultValue 'zh-CN'
 * @param dataset - For employer names (optional).
 * @returns The HTML document.
 * @example
 * retentionToHtml(retention(outcomes, ds)).startsWith('<!doctype html>') //=> true
 */
export function retentionToHtml(
  report: RetentionReport,
  locale: Locale = 'zh-CN',
  dataset?: Dataset,
): string {
  const w = RETENTION_WORDS[locale];
  const title = retentionHeading(report, locale);
  const largest = [...report.rows]
    .sort((a, b) => b.placements - a.placements || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, RETENTION_CHART_CURVES);
  const body =
    report.rows.length === 0
      ? `<p>${esc(w.none)}</p>`
      : survivalFigure(
          w.chart(largest.length, report.rows.length),
          w.months,
          largest.map((r) => ({
            name: retentionGroupLabel(report, r.key, locale, dataset),
            followUp: r.curve.followUp,
            steps: r.curve.steps.map((s) => ({ months: s.time, survival: s.survival })),
          })),
        ) + table(w.head(report.months), retentionRows(report, locale, dataset));
  return page({
    locale,
    title,
    header: `<h1>${esc(title)}</h1>`,
    main: `<section id="retention">${body}</section>`,
    footer: `${w.footer} · ${report.asOf}`,
  });
}
