#!/usr/bin/env node
/**
 * Run before `npm test` (the `pretest` script): makes sure the HTML report test has its browser.
 *
 * The test renders the report in Debian's headless Chromium, with a CJK font so that Chinese text
 * draws as characters, not boxes. When either is missing and this machine can install Debian
 * packages (apt-get, as root or through password-less sudo), it installs `chromium` and
 * `fonts-wqy-microhei`. When it cannot, it says what to install and the browser test is skipped
 * (the report's other checks still run); with BANGFU_REQUIRE_BROWSER=1 (CI) it fails instead.
 * BANGFU_CHROMIUM names another browser binary; BANGFU_SKIP_BROWSER_INSTALL=1 never installs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const chromium = process.env.BANGFU_CHROMIUM ?? '/usr/bin/chromium';
const FONT_DIR = '/usr/share/fonts/truetype/wqy';
const required = process.env.BANGFU_REQUIRE_BROWSER === '1';
const say = (line) => process.stderr.write(`ensure-browser: ${line}\n`);

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync(FONT_DIR)) missing.push('fonts-wqy-microhei');
if (missing.length === 0) process.exit(0);

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = !root && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
// A browser named by BANGFU_CHROMIUM is the caller's to provide; Debian's package goes to /usr/bin.
const packages = missing.filter((m) => m !== 'chromium' || process.env.BANGFU_CHROMIUM === undefined);
const canInstall =
  packages.length > 0 &&
  process.env.BANGFU_SKIP_BROWSER_INSTALL !== '1' &&
  process.platform === 'linux' &&
  has('apt-get') &&
  (root || sudo);

if (canInstall) {
  say(`installing ${packages.join(' and ')} with apt-get (for the HTML report test; once per machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) =>
    execFileSync(sudo ? 'sudo' : args[0], sudo ? ['-n', ...args] : args.slice(1), {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
  try {
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
  } catch (e) {
    say(`apt-get failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (existsSync(chromium) && existsSync(FONT_DIR)) process.exit(0);
}

const advice =
  `the HTML report test needs ${missing.join(' and ')}: ` +
  `apt-get install chromium fonts-wqy-microhei (Debian/Ubuntu), or set BANGFU_CHROMIUM to a Chromium binary`;
if (required) {
  say(`${advice} (required: BANGFU_REQUIRE_BROWSER=1)`);
  process.exit(1);
}
say(`${advice}; the browser test is skipped, the report's other checks run`);
