/**
 * The HTML report opened in a real browser: Debian's headless Chromium takes a screenshot of the demo
 * report and of an empty page, taken the same way, and the report's must hold far more drawing.
 * Nothing is fetched: the page is a local file and the browser's background networking is off.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign } from '../src/assign.js';
import { reportToHtml } from '../src/report-html.js';
import { buildReport } from '../src/report.js';
import { demoDataset } from '../src/sample.js';

/**
 * Debian's `chromium` package (`npm test` installs it with apt-get when it can, see
 * scripts/ensure-browser.mjs); another path can be given in BANGFU_CHROMIUM.
 */
const CHROMIUM = process.env['BANGFU_CHROMIUM'] ?? '/usr/bin/chromium';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Generous: the browser's start-up time is not what is tested. */
const BROWSER_TIMEOUT = 120_000;

let dir = '';

function screenshot(html: string, name: string): string {
  const page = join(dir, `${name}.html`);
  const shot = join(dir, `${name}.png`);
  writeFileSync(page, html, 'utf8');
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${mkdtempSync(join(dir, `profile-${name}-`))}`,
      `--screenshot=${shot}`,
      '--window-size=1280,2000',
      pathToFileURL(page).href,
    ],
    { stdio: 'ignore', timeout: BROWSER_TIMEOUT },
  );
  return shot;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const dataset = demoDataset();
const report = buildReport(assign(dataset), dataset);
const html = reportToHtml(report, 'zh-CN');
let reportShot = '';
let blankShot = '';

/** Whether the browser is here (`npm test` installs it when it can; CI requires it). */
const browser = existsSync(CHROMIUM);
if (!browser && process.env['BANGFU_REQUIRE_BROWSER'] === '1')
  throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium)`);

describe('the HTML report', () => {
  it('holds its charts, language and title, and refers to nothing outside itself', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect((html.match(/<svg role="img"/g) ?? []).length).toBeGreaterThanOrEqual(7);
    expect(html).toContain('<rect class="s-placed"');
    expect(html).toContain('各市（州）安置人数与安置率');
    expect(html).toContain('未安置人员按首要原因');
    expect(html).toContain('各用人单位招满率');
    expect(html).toContain(`数据日期 ${dataset.asOf}`);
    expect(html).not.toContain('http://');
    expect(html).not.toContain('https://');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\b(src|href)=/i);
  });
});

// Without a browser (one `npm test` could not install) this is reported as skipped, not passed.
describe.skipIf(!browser)('the HTML report in headless Chromium', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bangfu-report-html-'));
    reportShot = screenshot(html, 'report');
    blankShot = screenshot(
      '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>empty</title></head><body></body></html>\n',
      'blank',
    );
  }, 2 * BROWSER_TIMEOUT);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('renders to a screenshot far richer than an empty page', () => {
    const bytes = new Uint8Array(readFileSync(reportShot));
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(bytes)).toEqual({ width: 1280, height: 2000 });
    const blank = statSync(blankShot).size;
    const drawn = statSync(reportShot).size;
    // An empty page compresses to a few kilobytes; text, tables and charts do not.
    expect(blank).toBeGreaterThan(0);
    expect(drawn).toBeGreaterThan(10 * blank);
    expect(drawn).toBeGreaterThan(50_000);
  });
});
