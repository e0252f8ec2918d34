// Data-format benchmarks: `npm run build && node bench/formats.js [--rows 200000]`.
// 1. rows/s reading and writing CSV, JSONL and Parquet for a generated clinical-sentence-shaped
//    table (id, sentence with commas/quotes/newlines now and then, label, score);
// 2. peak RSS of a child process that only reads 250k and then 1M rows, per format: flat means the
//    readers stream (target < 300 MB); then 1M rows again with the JS heap capped at 32 MB, which
//    would crash if memory grew with the input (V8 otherwise lets garbage pile up while it can).
// Run by `npm run bench` (bench/run.js calls `run()`), or alone: `node bench/formats.js [--rows N]`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readRows } from '../dist/engine/formats/read-rows.js';
import { createRowWriter } from '../dist/engine/formats/row-writer.js';

const WORDS = (
  'i have not slept properly in weeks and feel exhausted worthless empty every day ' +
  'lately my appetite disappeared she says cannot concentrate at work anymore forgets what was ' +
  'doing he reports feeling guilty about everything even small things clearly his fault'
).split(' ');
const COLUMNS = ['id', 'sentence', 'symptom', 'label', 'score'];

/** Deterministic row i: ~90-character sentence; every 50th has quotes, every 97th a newline. */
function rowAt(i) {
  let x = (i * 2654435761) >>> 0;
  const words = [];
  for (let w = 0; w < 16; w++) {
    x = (x * 1103515245 + 12345) >>> 0;
    words.push(WORDS[x % WORDS.length]);
  }
  let sentence = words.join(' ');
  if (i % 50 === 0) sentence = `she said "${sentence}", twice`;
  if (i % 97 === 0) sentence = `${sentence}\nsecond line`;
  return {
    id: `s${i}`,
    sentence,
    symptom: `DSM5_${x % 9}`,
    label: x % 2,
    score: (x % 1000) / 1000,
  };
}

async function writeFile(path, format, rows) {
  const writer = await createRowWriter(path, format, COLUMNS);
  for (let i = 1; i <= rows; i++) await writer.write(rowAt(i));
  await writer.commit();
}

/** Wall and CPU seconds: on a shared machine CPU time is the steadier measure. */
async function timed(fn) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const n = await fn();
  const used = process.cpuUsage(cpu);
  return { n, seconds: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

async function countRows(path, format) {
  const iterator = readRows(path, format)[Symbol.asyncIterator]();
  let n = 0;
  while (!(await iterator.next()).done) n++;
  return n;
}

async function throughput(dir, rows, format) {
  const path = join(dir, `t.${format}`);
  const write = await timed(async () => (await writeFile(path, format, rows), rows));
  const read = await timed(() => countRows(path, format));
  if (read.n !== rows) throw new Error(`${format}: read ${read.n} rows, wrote ${rows}`);
  return {
    format,
    rows,
    fileMB: Number((statSync(path).size / 1e6).toFixed(1)),
    writeRowsPerCpuS: Math.round(rows / write.cpu),
    writeRowsPerS: Math.round(rows / write.seconds),
    readRowsPerCpuS: Math.round(rows / read.cpu),
    readRowsPerS: Math.round(rows / read.seconds),
  };
}

/** Peak RSS (MB) of a fresh process that reads `path` to the end. */
function childPeakRss(path, format, heapMb) {
  const self = fileURLToPath(import.meta.url);
  const heap = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  const out = spawnSync(process.execPath, [...heap, self, '--child', path, format], {
    encoding: 'utf8',
  });
  if (out.status !== 0) return Number.NaN;
  return Math.round(Number(out.stdout.trim()));
}

/** Peak RSS for 250k and 1M rows, then 1M with the JS heap capped at 32 MB (a leak would crash). */
async function memory(dir, format) {
  const out = {};
  for (const rows of [250_000, 1_000_000]) {
    const path = join(dir, `m${rows}.${format}`);
    await writeFile(path, format, rows);
    out[rows === 250_000 ? 'rss250kMB' : 'rss1MMB'] = childPeakRss(path, format);
    if (rows === 1_000_000) out.rss1MHeap32MB = childPeakRss(path, format, 32);
    rmSync(path);
  }
  return out;
}

export async function run(rows = 200_000) {
  const dir = mkdtempSync(join(tmpdir(), 'augc-bench-formats-'));
  try {
    const table = [];
    for (const format of ['csv', 'jsonl', 'parquet']) {
      table.push({ ...(await throughput(dir, rows, format)), ...(await memory(dir, format)) });
    }
    const checks = table.flatMap((r) => [
      {
        name: `${r.format}: peak RSS reading 1M rows < 300 MB`,
        ok: r.rss1MMB < 300,
        detail: `${r.rss1MMB} MB`,
      },
      {
        name: `${r.format}: 1M rows read with the JS heap capped at 32 MB`,
        ok: Number.isFinite(r.rss1MHeap32MB),
        detail: `${r.rss1MHeap32MB} MB`,
      },
    ]);
    return {
      title: `Formats (${rows.toLocaleString('en-US')} rows; RSS in MB)`,
      rows: table,
      checks,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const n = await countRows(process.argv[3], process.argv[4]);
  if (n <= 0) process.exit(1);
  console.log(process.resourceUsage().maxRSS / 1024);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = process.argv.indexOf('--rows');
  const result = await run(flag === -1 ? 200_000 : Number(process.argv[flag + 1]));
  console.log(JSON.stringify(result, null, 2));
  if (!result.checks.every((c) => c.ok)) process.exitCode = 1;
}
