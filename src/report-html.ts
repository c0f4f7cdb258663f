/**
 * A programme report as one self-contained HTML page with inline SVG charts (no script, font or
 * address outside the file, so it opens offline and prints).
 *
 * @module
 */
import type { LocalizedName } from './policy/types.js';
import type { Locale } from './render.js';
import type { FillSlice, OutcomeSlice, ProgrammeReport } from './report.js';
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

/** Kaplan–Meier curves as steps: the programme and each tier, months across, share in work up. */
function survivalChart(report: ProgrammeReport, locale: Locale): string {
  const st = report.stableEmployment!;
  const w = STABLE[locale];
  const names = [
    w.all,
    ...st.byTier.map((f) =>
      nameOf(report.byTier.find((x) => String(x.tier) === f.key)?.name ?? { zh: f.key, en: f.key }, locale),
    ),
  ];
  return survivalFigure(
    w.chart,
    w.months,
    st.curves.map((c, i) => ({ ...c, name: names[i] ?? c.key })),
  );
}

/** A curve to draw: its name, how far it is known, and its steps (months, share still in work). */
interface NamedCurve {
  readonly name: string;
  readonly followUp: number;
  readonly steps: readonly { readonly months: number; readonly survival: number }[];
}

/** Step curves of survival on one chart, the first drawn heavier (the whole programme). */
export function survivalFigure(title: string, monthsWord: string, curves: readonly NamedCurve[]): string {
  const width = CHART_WIDTH;
  const height = 260;
  const left = 48;
  const right = 16;
  const top = 40;
  const bottom = 36;
  const maxMonths = Math.max(12, Math.ceil(Math.max(0, ...curves.map((c) => c.followUp))));
  const sx = (m: number): number => left + (Math.min(m, maxMonths) / maxMonths) * (width - left - right);
  const sy = (v: number): number => top + (1 - v) * (height - top - bottom);
  const colours = ['var(--placed)', 'var(--fill)', 'var(--reason)', 'var(--home)', 'var(--min)'];
  const parts: string[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1])
    parts.push(
      `<line class="grid" x1="${left}" y1="${sy(v).toFixed(1)}" x2="${width - right}" y2="${sy(v).toFixed(1)}"/>` +
        `<text class="tick" x="${left - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end">${Math.round(v * 100)}%</text>`,
    );
  for (let m = 0; m <= maxMonths; m += maxMonths > 24 ? 6 : 3)
    parts.push(
      `<text class="tick" x="${sx(m).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${m}</text>`,
    );
  parts.push(
    `<text class="tick" x="${width - right}" y="${height - 6}" text-anchor="end">${esc(monthsWord)}</text>`,
  );
  curves.forEach((c, i) => {
    // A step curve: flat at each survival until the next event, drawn to the end of follow-up.
    let y = 1;
    const pts = [`${sx(0).toFixed(1)},${sy(1).toFixed(1)}`];
    for (const step of c.steps) {
      pts.push(`${sx(step.months).toFixed(1)},${sy(y).toFixed(1)}`);
      y = step.survival;
      pts.push(`${sx(step.months).toFixed(1)},${sy(y).toFixed(1)}`);
    }
    pts.push(`${sx(c.followUp).toFixed(1)},${sy(y).toFixed(1)}`);
    const colour = colours[i % colours.length]!;
    parts.push(
      `<polyline class="survival" fill="none" stroke="${colour}" stroke-width="${i === 0 ? 2.5 : 1.5}" points="${pts.join(' ')}"><title>${esc(c.name)}</title></polyline>`,
      `<rect x="${left + i * 170}" y="12" width="12" height="4" fill="${colour}"/><text class="note small" x="${left + i * 170 + 16}" y="18">${esc(fit(c.name, 9))}</text>`,
    );
  });
  return figure(title, height, parts.join(''));
}

function stableHtml(report: ProgrammeReport, locale: Locale): string {
  const st = report.stableEmployment;
  if (st === undefined) return '';
  const w = STABLE[locale];
  return section(
    'stable-employment',
    w.title,
    `<p>${esc(w.intro(st.programme.placements, st.programme.left))}</p>` +
      survivalChart(report, locale) +
      table(w.head(st.months), stableRows(report, locale)),
  );
}

// ---------------------------------------------------------------------------------------------
// HTML and SVG

/** Escapes text for HTML content and attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Width of text in units of the font size: wide (CJK) characters 1, others about 0.56. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
  return width;
}

/** Text cut to fit a width (in font sizes), with an ellipsis. */
function fit(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const cw = (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
    if (width + cw > max - 1) break;
    out += ch;
    width += cw;
  }
  return `${out}…`;
}

/** Round tick values from 0 to at least `max`, about five of them. */
function ticks(max: number, whole = false): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  // Counts of people get whole-number ticks.
  const step = whole ? Math.max(1, nice) : nice;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1e9) / 1e9);
  return out;
}

interface Series {
  readonly name: string;
  /** A CSS class giving the fill colour. */
  readonly cls: string;
}

interface BarRow {
  readonly label: string;
  /** One value per series, stacked left to right. */
  readonly values: readonly number[];
  /** Text at the right of the bar. */
  readonly note: string;
}

const FONT = 13;
const CHART_WIDTH = 1000;

function legend(series: readonly Series[], x0: number, y: number): string {
  let x = x0;
  const parts: string[] = [];
  for (const s of series) {
    parts.push(
      `<rect class="${s.cls}" x="${x}" y="${y - 10}" width="12" height="12" rx="2"/>` +
        `<text x="${x + 17}" y="${y}" class="legend">${esc(s.name)}</text>`,
    );
    x += 17 + Math.ceil(textWidth(s.name) * 12) + 22;
  }
  return parts.join('');
}

/**
 * A horizontal bar chart: one row per label, the series stacked, a note at the right of each bar,
 * gridlines with values on top. Percent axes when `percent` is set (values in [0, 1]).
 */
function barChart(
  title: string,
  series: readonly Series[],
  rows: readonly BarRow[],
  options: {
    readonly percent?: boolean;
    readonly max?: number;
    readonly showLegend?: boolean;
    readonly width?: number;
  } = {},
): string {
  const chartWidth = options.width ?? CHART_WIDTH;
  const rowH = 24;
  const barH = 15;
  const labelW = Math.min(300, Math.max(60, ...rows.map((r) => textWidth(r.label) * FONT + 12)));
  const noteW = Math.max(60, ...rows.map((r) => textWidth(r.note) * (FONT - 1) + 14));
  const showLegend = options.showLegend ?? series.length > 1;
  const top = showLegend ? 50 : 28;
  const x0 = labelW;
  const plotW = chartWidth - labelW - noteW;
  const totals = rows.map((r) => r.values.reduce((a, b) => a + b, 0));
  const dataMax = Math.max(0, ...totals);
  const tickValues = options.percent === true ? [0, 0.25, 0.5, 0.75, 1] : ticks(options.max ?? dataMax, true);
  const max = Math.max(tickValues[tickValues.length - 1] ?? 1, options.max ?? 0, dataMax, 1e-9);
  const sx = (v: number): number => (v / max) * plotW;
  const height = top + rows.length * rowH + 8;
  const parts: string[] = [];
  if (showLegend) parts.push(legend(series, x0, 16));
  for (const v of tickValues) {
    const x = x0 + sx(v);
    parts.push(
      `<line class="grid" x1="${x.toFixed(1)}" y1="${top - 6}" x2="${x.toFixed(1)}" y2="${height - 6}"/>` +
        `<text class="tick" x="${x.toFixed(1)}" y="${top - 10}" text-anchor="middle">${esc(
          options.percent === true ? `${Math.round(v * 100)}%` : String(v),
        )}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const cy = y + rowH / 2;
    const label = fit(row.label, (labelW - 12) / FONT);
    parts.push(
      `<text class="label" x="${x0 - 8}" y="${(cy + 4.5).toFixed(1)}" text-anchor="end">${esc(label)}<title>${esc(row.label)}</title></text>`,
    );
    let x = x0;
    row.values.forEach((v, k) => {
      const width = sx(v);
      if (width <= 0) return;
      const cls = series[k]?.cls ?? 's0';
      parts.push(
        `<rect class="${cls}" x="${x.toFixed(1)}" y="${(cy - barH / 2).toFixed(1)}" width="${width.toFixed(1)}" height="${barH}"><title>${esc(
          `${row.label} · ${series[k]?.name ?? ''}: ${options.percent === true ? pct(v) : v}`,
        )}</title></rect>`,
      );
      x += width;
    });
    parts.push(
      `<text class="note" x="${(x + 6).toFixed(1)}" y="${(cy + 4.5).toFixed(1)}">${esc(row.note)}</text>`,
    );
  });
  return figure(title, height, parts.join(''), chartWidth);
}

interface GroupRow {
  readonly label: string;
  /** One value per series, or undefined where there is none. */
  readonly values: readonly (number | undefined)[];
}

/** Grouped horizontal bars: per label, one thin bar per series, with its value. */
function groupedChart(
  title: string,
  series: readonly Series[],
  rows: readonly GroupRow[],
  format: (v: number) => string,
): string {
  const barH = 11;
  const gap = 2;
  const groupH = series.length * (barH + gap) + 12;
  const labelW = Math.min(300, Math.max(60, ...rows.map((r) => textWidth(r.label) * FONT + 12)));
  const noteW = 90;
  const top = 50;
  const x0 = labelW;
  const plotW = CHART_WIDTH - labelW - noteW;
  const dataMax = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const tickValues = ticks(dataMax);
  const max = Math.max(tickValues[tickValues.length - 1] ?? 1, 1e-9);
  const sx = (v: number): number => (v / max) * plotW;
  const height = top + rows.length * groupH + 4;
  const parts: string[] = [legend(series, x0, 16)];
  for (const v of tickValues) {
    const x = x0 + sx(v);
    parts.push(
      `<line class="grid" x1="${x.toFixed(1)}" y1="${top - 6}" x2="${x.toFixed(1)}" y2="${height - 6}"/>` +
        `<text class="tick" x="${x.toFixed(1)}" y="${top - 10}" text-anchor="middle">${esc(format(v))}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = top + i * groupH + 4;
    const label = fit(row.label, (labelW - 12) / FONT);
    const mid = y + (series.length * (barH + gap)) / 2;
    parts.push(
      `<text class="label" x="${x0 - 8}" y="${(mid + 4.5).toFixed(1)}" text-anchor="end">${esc(label)}<title>${esc(row.label)}</title></text>`,
    );
    series.forEach((s, k) => {
      const v = row.values[k];
      const by = y + k * (barH + gap);
      if (v === undefined) {
        parts.push(`<text class="note faint" x="${x0 + 4}" y="${by + barH - 2}">${esc(s.name)}: —</text>`);
        return;
      }
      const width = sx(v);
      parts.push(
        `<rect class="${s.cls}" x="${x0}" y="${by}" width="${width.toFixed(1)}" height="${barH}"><title>${esc(
          `${row.label} · ${s.name}: ${format(v)}`,
        )}</title></rect>` +
          `<text class="note small" x="${(x0 + width + 5).toFixed(1)}" y="${by + barH - 2}">${esc(format(v))}</text>`,
      );
    });
  });
  return figure(title, height, parts.join(''));
}

function figure(title: string, height: number, body: string, width = CHART_WIDTH): string {
  return (
    `<figure class="chart"><figcaption>${esc(title)}</figcaption>` +
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${Math.ceil(height)}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title>${esc(title)}</title>${body}</svg></figure>`
  );
}

export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return (
    `<table><thead><tr>${headers.map((h, i) => `<th${i === 0 ? '' : ' class="num"'}>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows
      .map(
        (r) => `<tr>${r.map((c, i) => `<td${i === 0 ? '' : ' class="num"'}>${esc(c)}</td>`).join('')}</tr>`,
      )
      .join('')}</tbody></table>`
  );
}

const CSS = `
:root{--ink:#1d2733;--muted:#5b6b7b;--line:#dfe5eb;--bg:#f5f7fa;--card:#fff;--placed:#2f7ebc;--unplaced:#cfd8e1;--reason:#d9822b;--fill:#3c9a6a;--target:#9cc8e8;--min:#f0b45a;--home:#8a8f98;--accent:#b8322a}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
header{background:#17324d;color:#fff;padding:28px 0 24px}
header .wrap{display:flex;flex-direction:column;gap:4px}
header h1{margin:0;font-size:26px;font-weight:650;letter-spacing:.02em}
header p{margin:0;color:#c9d6e3;font-size:14px}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
main .wrap{padding-top:20px;padding-bottom:32px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:0 0 8px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.kpi .v{font-size:28px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.kpi .k{color:var(--muted);font-size:13px}
.kpi .n{color:var(--muted);font-size:12px}
.kpi.good .v{color:var(--placed)}
.kpi.warn .v{color:var(--accent)}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:16px 0}
h2{font-size:19px;margin:0 0 10px;padding-left:10px;border-left:4px solid var(--placed)}
h3{font-size:15px;margin:14px 0 6px;color:var(--muted)}
figure.chart{margin:10px 0 16px}
figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
svg{display:block;max-width:100%;height:auto}
svg text{fill:var(--ink);font-size:${FONT}px}
svg .tick{fill:var(--muted);font-size:11px}
svg .note{fill:var(--muted);font-size:${FONT - 1}px;font-variant-numeric:tabular-nums}
svg .note.small{font-size:10.5px}
svg .faint{fill:#a4afba}
svg .legend{font-size:12px}
svg .grid{stroke:var(--line);stroke-width:1}
.s-placed{fill:var(--placed)}.s-unplaced{fill:var(--unplaced)}.s-reason{fill:var(--reason)}.s-fill{fill:var(--fill)}
.s-target{fill:var(--target)}.s-min{fill:var(--min)}.s-home{fill:var(--home)}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0 10px;font-variant-numeric:tabular-nums}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left}
th{color:var(--muted);font-weight:600;background:#fafbfc}
.num{text-align:right}
ul.facts{margin:6px 0 10px;padding-left:20px}
ul.facts li{margin:3px 0}
.two{display:grid;grid-template-columns:1fr 1fr;gap:18px}
@media (max-width:800px){.two{grid-template-columns:1fr}}
.callout{background:#fff8e6;border:1px solid #f1d9a0;border-radius:8px;padding:10px 14px;margin:8px 0}
footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 28px}
@media print{body{background:#fff}header{background:#fff;color:var(--ink);padding:8px 0}header p{color:var(--muted)}section,.kpi{break-inside:avoid;border-color:#ccc}}
`;

function kpi(label: string, value: string, note: string, tone = ''): string {
  return `<div class="kpi${tone === '' ? '' : ` ${tone}`}"><div class="k">${esc(label)}</div><div class="v">${esc(value)}</div><div class="n">${esc(note)}</div></div>`;
}

function facts(lines: readonly string[]): string {
  return `<ul class="facts">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

/**
 * A programme report as one self-contained HTML page: headline figures, then bar charts (inline SVG)
 * of placement by origin prefecture and county, unplaced reasons, where the placed work, pay against
 * expectations and home minimum wage, openings filled by employer and town, and tables for the rest.
 * It loads nothing: no script, stylesheet, font, image or address outside the file, so it opens
 * offline and prints as it shows.
 *
 * @param report - The report (from `buildReport`).
 * @param locale - The page's language (`lang` attribute and every label). @defaultValue 'zh-CN'
 * @returns The HTML document.
 * @example
 * reportToHtml(buildReport(plan, ds)).startsWith('<!doctype html>\n<html lang="zh-CN">') //=> true
 *
 * Complexity: O(size of the report).
 */
export function reportToHtml(report: ProgrammeReport, locale: Locale = 'zh-CN'): string {
  const w = WORDS[locale];
  const money = moneyFormat(locale);
  const t = report.totals;
  const title = w.title(nameOf(report.policy.name, locale));
  const priority = report.byTier.find((s) => s.tier === 0);
  const outcomeSeries: Series[] = [
    { name: w.placed, cls: 's-placed' },
    { name: w.unplaced, cls: 's-unplaced' },
  ];
  const outcomeChart = (chartTitle: string, slices: readonly OutcomeSlice[]): string =>
    barChart(
      chartTitle,
      outcomeSeries,
      slices.map((s) => ({
        label: areaLabel(s, locale),
        values: [s.placed, s.unplaced],
        note: `${s.placed}/${s.labourers} · ${pct(s.placementRate)}`,
      })),
    );
  const outcomeHead = [w.name, w.count, w.placed, w.unplaced, w.placementRate, w.meanNet];
  const fillChart = (chartTitle: string, slices: readonly FillSlice[]): string =>
    barChart(
      chartTitle,
      [{ name: w.fillRate, cls: 's-fill' }],
      slices
        .filter((s) => s.openings > 0)
        .sort((a, b) => b.fillRate - a.fillRate || b.openings - a.openings)
        .map((s) => ({
          label: nameOf(s.name, locale),
          values: [s.fillRate],
          note: `${s.placed}/${s.openings} · ${pct(s.fillRate)}`,
        })),
      { percent: true, showLegend: false },
    );
  const shareChart = (chartTitle: string, rows: readonly { name: LocalizedName; placed: number }[]): string =>
    barChart(
      chartTitle,
      [{ name: w.placed, cls: 's-placed' }],
      rows.map((r) => ({
        label: nameOf(r.name, locale),
        values: [r.placed],
        note: `${r.placed} · ${pct(share(r.placed, t.placed))}`,
      })),
      { showLegend: false, width: 540 },
    );
  const payRows = report.byPrefecture.filter((s) => s.placed > 0);
  const anyHome = payRows.some((s) => s.pay.withHomeMinimum > 0);
  const paySeries: Series[] = [
    { name: w.meanNet, cls: 's-placed' },
    { name: w.meanTarget, cls: 's-target' },
    { name: w.meanMin, cls: 's-min' },
    ...(anyHome ? [{ name: w.homeMinimum, cls: 's-home' }] : []),
  ];
  const unknownHome = t.pay.placed - t.pay.withHomeMinimum;
  const genderRows = report.byGender.filter((g) => g.labourers > 0);
  const sub = report.travelSubsidy;

  const body = [
    `<div class="kpis">`,
    kpi(w.labourers, String(t.labourers), ''),
    kpi(w.placed, String(t.placed), `${w.placementRate} ${pct(t.placementRate)}`, 'good'),
    kpi(w.unplaced, String(t.unplaced), pct(share(t.unplaced, t.labourers)), t.unplaced > 0 ? 'warn' : ''),
    ...(priority === undefined
      ? []
      : [
          kpi(
            w.priorityRate,
            pct(priority.placementRate),
            w.headlineNote.placed(priority.placed, priority.labourers),
          ),
        ]),
    kpi(
      w.meanNet,
      t.placed === 0 ? w.none : money(t.pay.meanNet),
      t.placed === 0 ? '' : w.headlineNote.pay(money(t.pay.meanTarget)),
    ),
    kpi(w.fillRate, pct(t.fillRate), w.headlineNote.fill(t.placed, t.openings)),
    `</div>`,
    section(
      'origin',
      w.sections.origin,
      outcomeChart(w.charts.byPrefecture, report.byPrefecture) +
        `<h3>${esc(w.charts.byProvince)}</h3>` +
        table(
          outcomeHead,
          outcomeRows(report.byProvince, (s) => areaLabel(s, locale), money, w),
        ) +
        outcomeChart(w.charts.byCounty, report.byCounty),
    ),
    section(
      'tier',
      w.sections.tier,
      table(
        outcomeHead,
        outcomeRows(report.byTier, (s) => nameOf(s.name, locale), money, w),
      ),
    ),
    section(
      'reasons',
      w.sections.reasons,
      t.unplaced === 0
        ? facts([w.none])
        : barChart(
            w.charts.reasons,
            [{ name: w.unplaced, cls: 's-reason' }],
            report.unplacedByReason.map((r) => ({
              label: w.reasons[r.code],
              values: [r.count],
              note: `${r.count} · ${pct(share(r.count, t.unplaced))}`,
            })),
            { showLegend: false },
          ),
    ),
    section(
      'destination',
      w.sections.destination,
      `<div class="two"><div>${shareChart(w.charts.move, report.provinceMove.rows)}</div><div>${shareChart(
        w.charts.setting,
        report.setting.rows,
      )}</div></div>` +
        table(
          [w.name, w.placed, w.share, w.meanNet],
          [...report.provinceMove.rows, ...report.setting.rows].map((r) => [
            nameOf(r.name, locale),
            r.placed,
            pct(share(r.placed, t.placed)),
            r.placed === 0 ? w.none : money(r.pay.meanNet),
          ]),
        ),
    ),
    section(
      'pay',
      w.sections.pay,
      facts(w.payNotes(t.pay, money)) +
        (payRows.length === 0
          ? ''
          : groupedChart(
              w.charts.pay,
              paySeries,
              payRows.map((s) => ({
                label: areaLabel(s, locale),
                values: [
                  s.pay.meanNet,
                  s.pay.meanTarget,
                  s.pay.meanMin,
                  ...(anyHome ? [s.pay.withHomeMinimum === 0 ? undefined : s.pay.meanHomeMinimum] : []),
                ],
              })),
              (v) => money(v),
            )) +
        (unknownHome > 0 ? `<p class="callout">${esc(w.homeMinimumUnknown(unknownHome))}</p>` : ''),
    ),
    section(
      'fill',
      w.sections.fill,
      fillChart(w.charts.bySite, report.bySite) + fillChart(w.charts.byEmployer, report.byEmployer),
    ),
    section(
      'disparity',
      w.sections.disparity,
      (genderRows.length === 0
        ? ''
        : barChart(
            w.charts.gender,
            [{ name: w.placementRate, cls: 's-placed' }],
            genderRows.map((g) => ({
              label: nameOf(g.name, locale),
              values: [g.placementRate],
              note: `${pct(g.placementRate)} · ${g.placed === 0 ? w.none : money(g.pay.meanNet)}`,
            })),
            { percent: true, showLegend: false },
          )) +
        table(
          outcomeHead,
          outcomeRows(report.byGender, (s) => nameOf(s.name, locale), money, w),
        ) +
        facts(disparityLines(report, locale, money)),
    ),
    section(
      'subsidy',
      w.sections.subsidy,
      !sub.defined
        ? `<p class="callout">${esc(w.subsidy.undefined)}</p>`
        : facts([
            w.subsidy.eligible(sub.eligible),
            ...(sub.withAmount > 0 ? [w.subsidy.amount(sub.withAmount, money(sub.totalAmount))] : []),
          ]) +
            table(
              [w.subsidy.area, w.subsidy.scope, w.subsidy.from, w.subsidy.to, w.subsidy.amountCol, w.count],
              sub.rows.map((r) => [
                areaLabel({ key: r.originArea, name: r.name }, locale),
                r.crossProvinceOnly ? w.subsidy.crossOnly : w.subsidy.anyMove,
                r.from,
                r.to ?? w.none,
                r.amount === undefined ? w.none : money(r.amount),
                r.eligible,
              ]),
            ),
    ),
    stableHtml(report, locale),
    section('notes', w.sections.notes, facts(w.notes)),
  ].join('\n');

  return page({
    locale,
    title: `${title} · ${report.asOf}`,
    header: `<h1>${esc(title)}</h1><p>${esc(w.subtitle(report.asOf, modeName(report.plan.mode, w), report.plan.asOf))}</p>`,
    main: body,
    footer: `${w.footer} · ${report.asOf}`,
  });
}

/**
 * One self-contained page: the document's head with the stylesheet inline, a header, the main
 * content and a footer. `header` and `main` are HTML; `title` and `footer` are text.
 */
export function page(parts: {
  readonly locale: Locale;
  readonly title: string;
  readonly header: string;
  readonly main: string;
  readonly footer: string;
}): string {
  return [
    '<!doctype html>',
    `<html lang="${parts.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(parts.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><div class="wrap">${parts.header}</div></header>`,
    `<main><div class="wrap">`,
    parts.main,
    `</div></main>`,
    `<footer>${esc(parts.footer)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
