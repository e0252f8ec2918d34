/**
 * Runs every side-by-side bench suite once at a tiny size (BENCH_SMOKE=1), so that the benches
 * cannot rot: each must run to its end, record its results with the machine, rewrite its block of
 * a copy of docs/performance.md and draw its charts. Nothing here is timed or judged: speed is for
 * `npm run bench` on a quiet machine. Missing comparators (Snakemake, GNU parallel, nlpaug) are
 * reported by the suites, which then measure augc alone.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SUITES = ['vs-plan', 'vs-methods', 'vs-local', 'vs-merge', 'memory', 'split', 'startup'];
const CHARTS = ['plan-time.svg', 'methods-vs-nlpaug.svg', 'local-efficiency.svg'];

interface Results {
  machine: { cores: number; cpuModel: string; loadAvg: number[] };
  benches: Record<string, { title: string; rows?: object[]; tables?: { rows: object[] }[] }>;
}

const dir = mkdtempSync(join(tmpdir(), 'augc-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench, smoke size', () => {
  it('runs every side-by-side suite, records results and regenerates the docs', () => {
    const docs = join(dir, 'performance.md');
    copyFileSync('docs/performance.md', docs);
    const run = spawnSync(process.execPath, ['bench/run.js', ...SUITES], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_SMOKE: '1', BENCH_RESULTS_DIR: dir, BENCH_DOCS: docs },
      maxBuffer: 1 << 26,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const [file] = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f));
    expect(file).toBeDefined();
    const results = JSON.parse(readFileSync(join(dir, file!), 'utf8')) as Results;
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.cpuModel).not.toBe('');
    for (const suite of SUITES) {
      const report = results.benches[suite];
      expect(report, suite).toBeDefined();
      const rows = report!.tables?.flatMap((t) => t.rows) ?? report!.rows ?? [];
      expect(rows.length, suite).toBeGreaterThan(0);
    }

    const text = readFileSync(docs, 'utf8');
    for (const suite of SUITES) {
      const block = new RegExp(`<!-- bench:${suite} -->\\n([\\s\\S]*?)<!-- /bench:${suite} -->`);
      const body = block.exec(text)?.[1] ?? '';
      expect(body, suite).toMatch(/^\| .* \|$/m);
      expect(body, suite).toContain('cores');
    }
    for (const chart of CHARTS) {
      const path = join(dir, 'perf', chart);
      expect(existsSync(path), chart).toBe(true);
      expect(readFileSync(path, 'utf8')).toMatch(
        /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
      );
    }
    expect(run.stdout).toContain('docs regenerated:');
  }, 900_000);
});
