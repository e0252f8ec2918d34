/**
 * `augc report` and the report `augc run` and `augc merge` write (`_augc/report.html`): built
 * from the run's records, for complete and failed runs and for records of an older augc. What a
 * browser makes of it is in report-browser.test.ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { augc } from './spawn-augc.js';
import { copyTree, TINY, tinyWorkspace } from './tiny-run.js';

const dir = tinyWorkspace();
const done = join(dir, 'done');
const REPORT = '_augc/report.html';
const reportOf = (run: string): string => readFileSync(join(run, REPORT), 'utf8');

beforeAll(async () => {
  const run = await augc(['run', join(dir, 'tiny.aug'), '--output', done]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain(`augc: report: ${done}/${REPORT}`);
}, 120_000);

describe('the run report', () => {
  it('is written by augc run, and augc report writes the same bytes again, or to a file', async () => {
    const first = reportOf(done);
    expect(first).toContain('<h1>augc run report: tiny</h1>');
    const again = await runCli(['report', done]);
    expect(again.code, again.stderr).toBe(0);
    expect(reportOf(done)).toBe(first);
    const file = join(dir, 'elsewhere', 'r.html');
    expect((await runCli(['report', done, '-o', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(first);
    const stdout = await runCli(['report', done, '-o', '-']);
    expect(stdout.stdout).toBe(first);
  });

  it('reads records written before augc kept usage and histograms', async () => {
    const old = join(dir, 'old');
    copyTree(done, old);
    for (const name of readdirSync(join(old, '_augc/tasks'))) {
      const path = join(old, '_augc/tasks', name);
      const record = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      delete record['cpu_seconds'];
      delete record['peak_rss_bytes'];
      delete record['similarity_histogram'];
      writeFileSync(path, JSON.stringify(record));
    }
    const res = await runCli(['report', old]);
    expect(res.code, res.stderr).toBe(0);
    expect(reportOf(old)).toContain('Some records hold no CPU time or peak RSS');
    expect(reportOf(old)).toContain('No similarity histogram');
  });

  it('is written for a failed run, with the failure and the tail of its log', async () => {
    const failing = 'method boom = command(["sh", "-c", "echo it broke here >&2; exit 3"])';
    const ws = tinyWorkspace(TINY.replace(/method typo = .*/, failing));
    const out = join(ws, 'out');
    const run = await augc(['run', join(ws, 'tiny.aug'), '--output', out]);
    expect(run.code).toBe(1);
    const html = reportOf(out);
    expect(html).toContain('2 task(s) did not complete');
    expect(html).toContain('it broke here');
    expect(html).toMatch(/<code>exit\(3\)<\/code><\/td><td class="num">2<\/td>/);
  });

  it('cannot be written: a warning after a merge, an error from augc report', async () => {
    const blocked = join(dir, 'blocked');
    copyTree(done, blocked);
    // A folder where the report goes: no rename can replace it.
    rmSync(join(blocked, REPORT));
    mkdirSync(join(blocked, REPORT, 'x'), { recursive: true });
    const merge = await runCli(['merge', blocked]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stderr).toContain('warning[AUG5135]: the run report could not be written to');
    const report = await runCli(['report', blocked]);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('error[AUG5135]');
  });

  it('samples a tabular run (Parquet parts) by rows its variants were made from', async () => {
    const ws = join(dir, 'tabular');
    copyTree('examples', join(ws, 'examples'));
    const out = join(ws, 'out');
    const run = await augc(['run', join(ws, 'examples/cell-lines-tabular.aug'), '--output', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = reportOf(out);
    const smote = /<table class="samples" data-combo="combo_1_smote">([\s\S]*?)<\/table>/.exec(
      html,
    );
    expect(smote?.[1]).toBeDefined();
    expect(smote![1]).not.toContain('no variant kept');
    expect(smote![1]!.match(/<tr><td>/g)).toHaveLength(3);
    // A value is marked exactly when it differs as a number (`6.510` in the CSV is `6.51`).
    let marked = 0;
    for (const [, original, variants] of html.matchAll(
      /<tr><td>[^]*?<\/td><td class="text">([^]*?)<\/td><td class="text">([^]*?)<\/td><\/tr>/g,
    )) {
      const before = new Map(
        [...original!.matchAll(/muted">(\w+):<\/span> ([^<]*)</g)].map((m) => [m[1], m[2]]),
      );
      for (const m of variants!.matchAll(/muted">(\w+):<\/span> (<mark>)?([^<]*)</g)) {
        const changed = Number(m[3]) !== Number(before.get(m[1]));
        expect(m[2] !== undefined, `${m[1]} ${m[3]} vs ${before.get(m[1])}`).toBe(changed);
        if (changed) marked++;
      }
    }
    expect(marked).toBeGreaterThan(0);
  });

  it('needs a run', async () => {
    const res = await runCli(['report', join(dir, 'nothing-here')]);
    expect(res.code).toBe(66);
    expect(res.stderr).toContain('AUG5112');
  });
});
