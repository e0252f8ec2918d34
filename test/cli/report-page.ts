/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Opens a run report in Debian's headless Chromium (playwright-core drives it; no browser is
 * downloaded) and says what the browser made of it: facts read off the rendered DOM, console
 * errors, uncaught page errors and every request the page made. `.ci/run` installs chromium; a
 * missing one skips the browser tests locally and fails them under CI=true, as the Slurm tests do.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium off the network and away from any profile but a fresh one. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function browserState(): { run: boolean; why: string } {
  if (existsSync(CHROMIUM)) return { run: true, why: '' };
  if (process.env['CI'] === 'true') return { run: true, why: `${CHROMIUM} is missing` };
  return { run: false, why: `${CHROMIUM} is not installed (apt-get install -y chromium)` };
}

export interface Opened {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  close(): Promise<void>;
}

/** A fresh profile each time (`--user-data-dir`), so nothing carries over between tests. */
export async function openReport(
  file: string,
  opts: { javaScript?: boolean; width?: number } = {},
): Promise<Opened> {
  const profile = mkdtempSync(join(tmpdir(), 'augc-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    javaScriptEnabled: opts.javaScript ?? true,
    viewport: { width: opts.width ?? 1200, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const opened: Opened = {
    page,
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    close: () => context.close(),
  };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => opened.pageErrors.push(e.message));
  page.on('request', (r) => opened.requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

/** What the rendered report shows, read from the DOM. */
export interface ReportFacts {
  title: string;
  summary: Record<string, string>;
  states: Record<string, string>;
  combos: { id: string; kept: string; generated: string }[];
  outcomeBars: number;
  histograms: number;
  sampleTables: { combo: string; rows: number; originals: string[] }[];
  highlights: number;
  attemptBars: { task: string; outcome: string; width: number }[];
  timelineText: string;
  usageRows: number;
  usageDots: number;
  failures: number;
  noFailures: boolean;
}

export async function reportFacts(page: Page): Promise<ReportFacts> {
  return page.evaluate(() => {
    const text = (el: Element | null): string => el?.textContent?.trim() ?? '';
    const rows = (id: string): HTMLTableRowElement[] => [
      ...document.querySelectorAll<HTMLTableRowElement>(`#${id} tbody tr`),
    ];
    const pairs = (id: string): Record<string, string> =>
      Object.fromEntries(
        rows(id).map((tr) => [text(tr.cells[0] ?? null), text(tr.cells[1] ?? null)]),
      );
    const combos = rows('combos-table').map((tr) => ({
      id: text(tr.cells[0] ?? null),
      generated: text(tr.cells[4] ?? null),
      kept: text(tr.cells[5] ?? null),
    }));
    return {
      title: document.title,
      summary: pairs('summary-table'),
      states: pairs('states-table'),
      combos,
      outcomeBars: document.querySelectorAll('#combos-bars rect[data-outcome="kept"]').length,
      histograms: document.querySelectorAll('.hists figure svg').length,
      sampleTables: [...document.querySelectorAll('table.samples')].map((t) => ({
        combo: t.getAttribute('data-combo') ?? '',
        rows: t.querySelectorAll('tbody tr').length,
        originals: [...t.querySelectorAll('tbody tr')].map((tr) => text(tr.children[1] ?? null)),
      })),
      highlights: document.querySelectorAll('table.samples ins, table.samples del').length,
      attemptBars: [...document.querySelectorAll('#timeline-chart rect[data-task]')].map((r) => ({
        task: r.getAttribute('data-task') ?? '',
        outcome: r.getAttribute('data-outcome') ?? '',
        width: r.getBoundingClientRect().width,
      })),
      timelineText: text(document.querySelector('#timeline + p')),
      usageRows: rows('usage-table').length,
      usageDots: document.querySelectorAll('svg[id^="usage-"] circle').length,
      failures: document.querySelectorAll('section.failure').length,
      noFailures: document.querySelector('#no-failures') !== null,
    };
  });
}
