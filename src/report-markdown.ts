/**
 * A programme report as Markdown.
 *
 * @module
 */
import type { Locale } from './render.js';
import type { FillSlice, ProgrammeReport } from './report.js';
import {
  areaLabel,
  disparityLines,
  modeName,
  moneyFormat,
  nameOf,
  outcomeRows,
  pct,
  share,
  STABLE,
  stableRows,
  WORDS,
} from './report-words.js';

// ---------------------------------------------------------------------------------------------
// Markdown

function mdCell(text: string | number): string {
  return String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function mdTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const head = `| ${headers.map(mdCell).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

function fillRows(slices: readonly FillSlice[], locale: Locale): (string | number)[][] {
  return slices.map((s) => [nameOf(s.name, locale), s.posts, s.openings, s.placed, pct(s.fillRate)]);
}

/**
 * A programme report as Markdown: headline figures, then one table per split, in the same order as
 * the HTML page.
 *
 * @param report - The report (from `buildReport`).
 * @param locale - The locale. @defaultValue 'zh-CN'
 * @returns Markdown text ending in a newline.
 * @example
 * reportToMarkdown(buildReport(plan, ds), 'en').split('\n')[0] //=> '# Programme report: Dongguan labour cooperation'
 *
 * Complexity: O(size of the report).
 */
export function reportToMarkdown(report: ProgrammeReport, locale: Locale = 'zh-CN'): string {
  const w = WORDS[locale];
  const money = moneyFormat(locale);
  const t = report.totals;
  const priority = report.byTier.find((s) => s.tier === 0);
  const outcomeHead = [w.name, w.count, w.placed, w.unplaced, w.placementRate, w.meanNet];
  const fillHead = [w.name, w.posts, w.openings, w.placed, w.fillRate];
  const out: string[] = [
    `# ${w.title(nameOf(report.policy.name, locale))}`,
    '',
    w.subtitle(report.asOf, modeName(report.plan.mode, w), report.plan.asOf),
    '',
    `## ${w.sections.headline}`,
    '',
    `- ${w.labourers}: ${t.labourers}`,
    `- ${w.placed}: ${t.placed} (${pct(t.placementRate)})`,
    `- ${w.unplaced}: ${t.unplaced}`,
    ...(priority === undefined
      ? []
      : [`- ${w.priorityRate}: ${pct(priority.placementRate)} (${priority.placed}/${priority.labourers})`]),
    `- ${w.meanNet}: ${t.placed === 0 ? w.none : money(t.pay.meanNet)} (${w.headlineNote.pay(money(t.pay.meanTarget))})`,
    `- ${w.fillRate}: ${pct(t.fillRate)} (${w.headlineNote.fill(t.placed, t.openings)})`,
    '',
    `## ${w.sections.origin}`,
    '',
    ...(
      [
        [w.charts.byProvince, report.byProvince],
        [w.charts.byPrefecture, report.byPrefecture],
        [w.charts.byCounty, report.byCounty],
      ] as const
    ).flatMap(([title, slices]) => [
      `### ${title}`,
      '',
      mdTable(
        outcomeHead,
        outcomeRows(slices, (s) => areaLabel(s, locale), money, w),
      ),
      '',
    ]),
    `## ${w.sections.tier}`,
    '',
    mdTable(
      outcomeHead,
      outcomeRows(report.byTier, (s) => nameOf(s.name, locale), money, w),
    ),
    '',
    `## ${w.sections.reasons}`,
    '',
    mdTable(
      [w.name, w.count, w.share],
      report.unplacedByReason.map((r) => [w.reasons[r.code], r.count, pct(share(r.count, t.unplaced))]),
    ),
    '',
    `## ${w.sections.destination}`,
    '',
    mdTable(
      [w.name, w.placed, w.share, w.meanNet],
      [...report.provinceMove.rows, ...report.setting.rows].map((r) => [
        nameOf(r.name, locale),
        r.placed,
        pct(share(r.placed, t.placed)),
        r.placed === 0 ? w.none : money(r.pay.meanNet),
      ]),
    ),
    '',
    `## ${w.sections.pay}`,
    '',
    ...w.payNotes(t.pay, money).map((l) => `- ${l}`),
    '',
    mdTable(
      [w.name, w.placed, w.meanNet, w.meanTarget, w.meanMin, w.homeMinimum, w.aboveHome],
      report.byPrefecture
        .filter((s) => s.placed > 0)
        .map((s) => [
          areaLabel(s, locale),
          s.placed,
          money(s.pay.meanNet),
          money(s.pay.meanTarget),
          money(s.pay.meanMin),
          s.pay.withHomeMinimum === 0 ? w.none : money(s.pay.meanHomeMinimum),
          s.pay.withHomeMinimum === 0 ? w.none : `${s.pay.aboveHomeMinimum}/${s.pay.withHomeMinimum}`,
        ]),
    ),
    '',
    `## ${w.sections.fill}`,
    '',
    `### ${w.charts.byEmployer}`,
    '',
    mdTable(fillHead, fillRows(report.byEmployer, locale)),
    '',
    `### ${w.charts.bySite}`,
    '',
    mdTable(fillHead, fillRows(report.bySite, locale)),
    '',
    `## ${w.sections.disparity}`,
    '',
    mdTable(
      outcomeHead,
      outcomeRows(report.byGender, (s) => nameOf(s.name, locale), money, w),
    ),
    '',
    ...disparityLines(report, locale, money).map((l) => `- ${l}`),
    '',
    `## ${w.sections.subsidy}`,
    '',
    ...subsidyMarkdown(report, locale, money),
    '',
    ...stableMarkdown(report, locale),
    `## ${w.sections.notes}`,
    '',
    ...w.notes.map((l) => `- ${l}`),
    '',
  ];
  return out.join('\n');
}

function subsidyMarkdown(report: ProgrammeReport, locale: Locale, money: (x: number) => string): string[] {
  const w = WORDS[locale];
  const s = report.travelSubsidy;
  if (!s.defined) return [w.subsidy.undefined];
  return [
    w.subsidy.eligible(s.eligible),
    ...(s.withAmount > 0 ? ['', w.subsidy.amount(s.withAmount, money(s.totalAmount))] : []),
    '',
    mdTable(
      [w.subsidy.area, w.subsidy.scope, w.subsidy.from, w.subsidy.to, w.subsidy.amountCol, w.count],
      s.rows.map((r) => [
        areaLabel({ key: r.originArea, name: r.name }, locale),
        r.crossProvinceOnly ? w.subsidy.crossOnly : w.subsidy.anyMove,
        r.from,
        r.to ?? w.none,
        r.amount === undefined ? w.none : money(r.amount),
        r.eligible,
      ]),
    ),
  ];
}

function stableMarkdown(report: ProgrammeReport, locale: Locale): string[] {
  const st = report.stableEmployment;
  if (st === undefined) return [];
  const w = STABLE[locale];
  return [
    `## ${w.title}`,
    '',
    w.intro(st.programme.placements, st.programme.left),
    '',
    mdTable(w.head(st.months), stableRows(report, locale)),
    '',
  ];
}
