// Runs the clinical-sentences example and photographs its run report in Debian's headless
// Chromium for the README and docs/report.md: `npm run docs:report-screenshot` (after a build).
// Writes docs/images/report-summary.png (the top of the report), report-samples.png and
// report-timeline.png.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const dir = mkdtempSync(join(tmpdir(), 'augc-report-shot-'));
cpSync('examples', join(dir, 'examples'), { recursive: true });
const out = join(dir, 'out');
const run = spawnSync(
  process.execPath,
  [
    'bin/augc.js',
    'run',
    join(dir, 'examples/clinical-sentences.aug'),
    '--output',
    out,
    '--jobs',
    '2',
  ],
  { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'augc-chr-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1100, height: 900 },
  colorScheme: 'light',
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(pathToFileURL(join(out, '_augc/report.html')).href);
const top = async (selector) =>
  page.evaluate(
    (s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY,
    selector,
  );
const shoot = async (path, from, to) =>
  page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: from, width: 1100, height: to - from },
  });
await shoot('docs/images/report-summary.png', 0, await top('#combos ~ h3'));
await shoot('docs/images/report-timeline.png', await top('#timeline'), await top('#failures'));
const third = await page.evaluate(() => {
  const h = document.querySelectorAll('#samples ~ h3')[2];
  return h.getBoundingClientRect().top + window.scrollY;
});
await shoot('docs/images/report-samples.png', await top('#samples'), third);
await context.close();
console.log('wrote docs/images/report-{summary,samples,timeline}.png');
