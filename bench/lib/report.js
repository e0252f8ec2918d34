// What `npm run bench` leaves behind: bench/results/<date>.json (every report of the run, with the
// machine and its load) and docs/performance.md, whose generated blocks
//   <!-- bench:NAME --> ... <!-- /bench:NAME -->
// are replaced by the Markdown of bench NAME's report; its SVG charts go to docs/perf/. A bench
// whose block is absent from the docs is only recorded in the results file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Formats a file's text as the repository's Prettier would (so `npm run verify` stays clean). */
export async function formatted(path, text) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(path)) ?? {};
    return await prettier.format(text, { ...options, filepath: path });
  } catch {
    return text;
  }
}

const cell = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? ''));

export function markdownTable(rows) {
  if (rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c]).replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');
}

/** The tables of a report: `tables` ([{ caption, rows }]) or its single `rows`. */
export function tablesOf(report) {
  return report.tables ?? [{ rows: report.rows ?? [] }];
}

/** The generated Markdown of one report (tables, checks, notes, charts). */
export function reportMarkdown(report, chartDir = 'perf') {
  const parts = [];
  for (const t of tablesOf(report)) {
    if (t.caption) parts.push(t.caption);
    parts.push(markdownTable(t.rows));
  }
  const checks = (report.checks ?? []).map(
    (c) => `- ${c.ok ? 'met' : 'NOT met'}: ${c.name} (${c.detail})`,
  );
  if (checks.length) parts.push(checks.join('\n'));
  if (report.notes?.length) parts.push(report.notes.map((n) => `- ${n}`).join('\n'));
  for (const chart of report.charts ?? []) parts.push(`![${chart.alt}](${chartDir}/${chart.file})`);
  if (report.machine) {
    const m = report.machine;
    parts.push(
      `<sub>${m.cores} cores, ${m.cpuModel}, load average ${m.loadAvg.join(' / ')} at the start, ` +
        `Node ${m.node}${report.date ? `, ${report.date}` : ''}.</sub>`,
    );
  }
  return parts.filter((p) => p !== '').join('\n\n');
}

/** Replaces the blocks of `docs` that `reports` have; returns the new text and the names done. */
export function replaceBlocks(docs, reports, chartDir = 'perf') {
  const done = [];
  const text = docs.replace(
    /<!-- bench:([\w-]+) -->\n[\s\S]*?<!-- \/bench:\1 -->/g,
    (whole, name) => {
      const report = reports[name];
      if (!report) return whole;
      done.push(name);
      return `<!-- bench:${name} -->\n${reportMarkdown(report, chartDir)}\n<!-- /bench:${name} -->`;
    },
  );
  return { text, done };
}

/**
 * Writes the results file (merged into today's, so running one bench keeps the others' results)
 * and regenerates the docs' blocks and charts. Paths: BENCH_RESULTS_DIR, BENCH_DOCS.
 */
export async function saveResults(reports, { resultsDir, docsPath, machine }) {
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${date}.json`);
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { benches: {} };
  const stamped = Object.fromEntries(
    Object.entries(reports).map(([name, r]) => [
      name,
      { ...r, date: new Date().toISOString(), machine: r.machine ?? machine },
    ]),
  );
  const benches = { ...previous.benches, ...stamped };
  const forFile = Object.fromEntries(
    Object.entries(benches).map(([name, r]) => [
      name,
      { ...r, charts: r.charts?.map((c) => ({ file: c.file, alt: c.alt })) },
    ]),
  );
  writeFileSync(file, await formatted(file, JSON.stringify({ date, machine, benches: forFile })));
  let regenerated = [];
  if (docsPath && existsSync(docsPath)) {
    const chartDir = join(dirname(docsPath), 'perf');
    for (const r of Object.values(stamped))
      for (const chart of r.charts ?? []) {
        mkdirSync(chartDir, { recursive: true });
        writeFileSync(join(chartDir, chart.file), chart.svg);
      }
    const { text, done } = replaceBlocks(readFileSync(docsPath, 'utf8'), stamped);
    writeFileSync(docsPath, await formatted(docsPath, text));
    regenerated = done;
  }
  return { file, regenerated };
}
