/**
 * The example's run report in a real browser (Debian's headless Chromium): the DOM it renders
 * matches the run's records and manifest, nothing logs an error, nothing is fetched but the file
 * itself, and the tables read the same with JavaScript off.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../compiler/plan/types.js';
import { browserState, openReport, reportFacts } from './report-page.js';
import { augc } from './spawn-augc.js';

const browser = browserState();
const LONG = 120_000;

describe.runIf(browser.run)('the example run report in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'augc-report-browser-'));
  const out = join(dir, 'out');
  const report = join(out, '_augc/report.html');
  let plan: Plan;
  let manifest: Map<string, { kept: number; rows: number }>;

  beforeAll(async () => {
    cpSync('examples', join(dir, 'examples'), { recursive: true });
    const run = await augc(['run', join(dir, 'examples/clinical-sentences.aug'), '--output', out]);
    expect(run.code, run.stderr).toBe(0);
    plan = JSON.parse(readFileSync(join(out, '_augc/plan.json'), 'utf8')) as Plan;
    const lines = readFileSync(join(out, 'manifest_final.csv'), 'utf8').trim().split('\r\n');
    manifest = new Map(
      lines.slice(1).map((l) => {
        const [combo, , , rows, , kept] = l.split(',');
        return [combo!, { kept: Number(kept), rows: Number(rows) }];
      }),
    );
  }, LONG);

  it(
    'renders every section from the records, with no console error and no request',
    async () => {
      const opened = await openReport(report);
      try {
        const facts = await reportFacts(opened.page);
        expect(opened.consoleErrors).toEqual([]);
        expect(opened.pageErrors).toEqual([]);
        expect(opened.requests).toEqual([pathToFileURL(report).href]);
        expect(facts.title).toBe('augc run report: clinical-sentences');
        expect(facts.summary).toMatchObject({ pipeline: 'clinical-sentences', target: 'local' });
        expect(facts.summary['tasks']).toBe(String(plan.taskCount));
        expect(facts.states['complete']).toBe(String(plan.taskCount));
        // Every combo's kept count is the manifest's.
        expect(facts.combos.map((c) => c.id)).toEqual(plan.combos.map((c) => c.id));
        for (const c of facts.combos)
          expect(Number(c.kept.replaceAll(',', '')), c.id).toBe(manifest.get(c.id)?.kept);
        expect(facts.outcomeBars).toBe(plan.combos.length);
        expect(facts.histograms).toBe(plan.combos.length + plan.methods.length);
        // Three rows per combo, their originals taken from the input, changes highlighted.
        const input = readFileSync(join(dir, 'examples/data/clinical-sentences.csv'), 'utf8');
        expect(facts.sampleTables.map((s) => [s.combo, s.rows])).toEqual(
          plan.combos.map((c) => [c.id, 3]),
        );
        for (const s of facts.sampleTables)
          for (const original of s.originals) expect(input).toContain(original);
        expect(facts.highlights).toBeGreaterThan(plan.combos.length);
        // One drawn bar per task (no attempt failed), on the lanes of the pool's workers.
        expect(facts.attemptBars).toHaveLength(plan.taskCount);
        expect(facts.attemptBars.every((b) => b.outcome === 'ok' && b.width > 0)).toBe(true);
        expect(facts.timelineText).toContain('one lane per worker');
        expect(facts.usageRows).toBe(plan.groups.length);
        expect(facts.usageDots).toBe(3 * plan.taskCount);
        expect(facts.noFailures).toBe(true);
      } finally {
        await opened.close();
      }
    },
    LONG,
  );

  it(
    'shows the same tables with JavaScript turned off',
    async () => {
      const on = await openReport(report);
      const off = await openReport(report, { javaScript: false });
      try {
        const [a, b] = [await reportFacts(on.page), await reportFacts(off.page)];
        expect(b.combos).toEqual(a.combos);
        expect(b.summary).toEqual(a.summary);
        expect(b.sampleTables).toEqual(a.sampleTables);
      } finally {
        await on.close();
        await off.close();
      }
    },
    LONG,
  );
});

if (!browser.run) {
  describe('the run report in Chromium', () => {
    it.skip(`is skipped: ${browser.why}`, () => undefined);
  });
}
