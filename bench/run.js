// Runs the benchmarks: `npm run bench [-- NAME...]` (after `npm run build`; they import dist/).
// Every bench/*.js module that exports `run()` is imported and run in this process; one without it
// (a standalone script such as formats.js) is run as a child process with its output passed on.
// `run()` returns either rows of [name, ops/s] or { title, rows: object[], checks? }. Results are
// printed as JSON lines, then as Markdown tables; a failed check makes the exit code 1.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));

function table(columns, rows) {
  const cell = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`),
  ].join('\n');
}

/** Prints one bench's result; returns false when one of its checks failed. */
export function printReport(bench, result) {
  const report = Array.isArray(result)
    ? {
        title: bench,
        rows: result.map(([name, opsPerSec]) => ({ name, opsPerSec: Math.round(opsPerSec) })),
      }
    : result;
  for (const row of report.rows) console.log(JSON.stringify({ bench, ...row }));
  for (const check of report.checks ?? [])
    console.log(JSON.stringify({ bench, check: check.name, ok: check.ok, detail: check.detail }));
  console.log(
    `\n### ${report.title}\n\n${table(Object.keys(report.rows[0] ?? {}), report.rows)}\n`,
  );
  for (const check of report.checks ?? [])
    console.log(`- ${check.ok ? 'ok' : 'FAILED'}: ${check.name} (${check.detail})`);
  console.log('');
  return (report.checks ?? []).every((c) => c.ok);
}

async function main() {
  const wanted = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'run.js')
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.js$/, '')))
    .sort();
  console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
  let ok = true;
  for (const file of files) {
    const name = file.replace(/\.js$/, '');
    if (/export (async )?function run\b/.test(readFileSync(`${dir}/${file}`, 'utf8'))) {
      const mod = await import(pathToFileURL(`${dir}/${file}`).href);
      ok = printReport(name, await mod.run()) && ok;
    } else {
      console.log(`### ${name}\n`);
      ok = spawnSync(process.execPath, [`${dir}/${file}`], { stdio: 'inherit' }).status === 0 && ok;
    }
  }
  process.exitCode = ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
