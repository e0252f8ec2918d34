// Runs the benchmarks: `npm run bench [-- NAME...]` (after `npm run build`; they import dist/).
// Every bench/*.js module that exports `run()` is imported and run in this process; one without it
// (a standalone script such as formats.js) is run as a child process with its output passed on.
// `run()` returns either rows of [name, ops/s] or { title, rows | tables, checks?, notes?,
// missing?, charts?, machine? }. Results are printed as JSON lines, then as Markdown tables; a
// failed check makes the exit code 1. At the end the reports are saved to
// bench/results/<date>.json and the generated blocks of docs/performance.md (with their SVG
// charts in docs/perf/) are rewritten from them (bench/lib/report.js). Comparators a bench could
// not find (`missing`) are listed at the end: bench/setup.sh installs them.
// Environment: BENCH_RESULTS_DIR, BENCH_DOCS (another results folder or docs file, e.g. for the
// smoke test), BENCH_SMOKE=1 (every side-by-side suite once at a tiny size; nothing is judged,
// and nothing is saved unless BENCH_RESULTS_DIR says where).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine } from './lib/measure.js';
import { markdownTable, saveResults, tablesOf } from './lib/report.js';

const dir = fileURLToPath(new URL('.', import.meta.url));

/** Prints one bench's result; returns false when one of its checks failed. */
export function printReport(bench, result) {
  const report = Array.isArray(result)
    ? {
        title: bench,
        rows: result.map(([name, opsPerSec]) => ({ name, opsPerSec: Math.round(opsPerSec) })),
      }
    : result;
  for (const row of report.rows ?? []) console.log(JSON.stringify({ bench, ...row }));
  for (const check of report.checks ?? [])
    console.log(JSON.stringify({ bench, check: check.name, ok: check.ok, detail: check.detail }));
  console.log(`\n### ${report.title}\n`);
  for (const t of tablesOf(report))
    console.log(`${t.caption ? `${t.caption}\n\n` : ''}${markdownTable(t.rows)}\n`);
  for (const check of report.checks ?? [])
    console.log(`- ${check.ok ? 'ok' : 'FAILED'}: ${check.name} (${check.detail})`);
  for (const note of report.notes ?? []) console.log(`- ${note}`);
  console.log('');
  return (report.checks ?? []).every((c) => c.ok);
}

async function main() {
  const wanted = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'run.js')
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.js$/, '')))
    .sort();
  const host = machine();
  console.log(
    `node ${process.version}, ${host.platform}, ${host.cores} cores (${host.cpuModel}), ` +
      `load average ${host.loadAvg.join(' ')}\n`,
  );
  let ok = true;
  const reports = {};
  for (const file of files) {
    const name = file.replace(/\.js$/, '');
    if (/export (async )?function run\b/.test(readFileSync(`${dir}/${file}`, 'utf8'))) {
      const mod = await import(pathToFileURL(`${dir}/${file}`).href);
      let result;
      try {
        result = await mod.run();
      } catch (error) {
        // One bench that breaks is reported and fails the run; the others still run.
        console.log(`\n### ${name}\n\nFAILED: ${error instanceof Error ? error.stack : error}\n`);
        ok = false;
        continue;
      }
      ok = printReport(name, result) && ok;
      if (!Array.isArray(result)) reports[name] = result;
    } else {
      console.log(`### ${name}\n`);
      ok = spawnSync(process.execPath, [`${dir}/${file}`], { stdio: 'inherit' }).status === 0 && ok;
    }
  }
  // Tiny smoke-size figures never replace the recorded ones: a smoke run saves only where told.
  const smoke = process.env.BENCH_SMOKE === '1';
  const resultsDir = process.env.BENCH_RESULTS_DIR ?? (smoke ? undefined : join(dir, 'results'));
  if (resultsDir === undefined) {
    console.log('smoke run: results not saved (set BENCH_RESULTS_DIR and BENCH_DOCS to keep them)');
  } else {
    const saved = await saveResults(reports, {
      resultsDir,
      docsPath:
        process.env.BENCH_DOCS ?? (smoke ? undefined : join(dir, '..', 'docs', 'performance.md')),
      machine: host,
    });
    console.log(`results: ${saved.file}`);
    if (saved.regenerated.length) console.log(`docs regenerated: ${saved.regenerated.join(', ')}`);
  }
  const missing = Object.entries(reports).flatMap(([name, r]) =>
    (r.missing ?? []).map((m) => `${name}: ${m}`),
  );
  if (missing.length)
    console.log(`\ncomparators missing (run bench/setup.sh as root):\n  ${missing.join('\n  ')}`);
  process.exitCode = ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
