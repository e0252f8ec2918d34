// How augc's format libraries were chosen (docs/formats.md). The candidates are not augc
// dependencies, so install them in a scratch folder and pass its node_modules:
//   mkdir /tmp/cand && cd /tmp/cand && npm init -y && \
//     npm install csv-parse@6 @dsnp/parquetjs@1 parquet-wasm@0 apache-arrow@21
//   npm run build && node bench/formats-candidates.js /tmp/cand/node_modules
// Each measurement runs in its own child process so peak RSS is per candidate; speed is rows per
// CPU-second of that process, steadier than wall time on a shared machine.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readRows } from '../dist/engine/formats/read-rows.js';
import { createRowWriter } from '../dist/engine/formats/row-writer.js';

const ROWS = 200_000;

async function count(iterable) {
  const iterator = iterable[Symbol.asyncIterator]();
  let n = 0;
  while (!(await iterator.next()).done) n++;
  return n;
}
const COLUMNS = ['id', 'sentence', 'label', 'score'];
const rowAt = (i) => ({
  id: `s${i}`,
  sentence:
    i % 50 === 0
      ? `she said "no, ${i}"\nthen left`
      : `sentence number ${i} about sleep, appetite and mood`,
  label: i % 2,
  score: (i % 1000) / 1000,
});

async function load(modules, name) {
  const require = createRequire(join(modules, 'noop.js'));
  return import(pathToFileURL(require.resolve(name)).href);
}

const CASES = {
  async 'csv augc (hand-written)'(dir) {
    return count(readRows(join(dir, 'in.csv'), 'csv'));
  },
  async 'csv csv-parse'(dir, modules) {
    const { parse } = await load(modules, 'csv-parse');
    return count(createReadStream(join(dir, 'in.csv')).pipe(parse({ columns: true, bom: true })));
  },
  async 'parquet read hyparquet (augc)'(dir) {
    return count(readRows(join(dir, 'in.parquet'), 'parquet'));
  },
  async 'parquet read @dsnp/parquetjs'(dir, modules) {
    const { ParquetReader } =
      (await load(modules, '@dsnp/parquetjs')).default ?? (await load(modules, '@dsnp/parquetjs'));
    const reader = await ParquetReader.openFile(join(dir, 'in.parquet'));
    const cursor = reader.getCursor();
    let n = 0;
    while (await cursor.next()) n++;
    await reader.close();
    return n;
  },
  async 'parquet read parquet-wasm (whole file)'(dir, modules) {
    const pw = await load(modules, 'parquet-wasm/node');
    const arrow = await load(modules, 'apache-arrow');
    const table = arrow.tableFromIPC(
      pw.readParquet(readFileSync(join(dir, 'in.parquet'))).intoIPCStream(),
    );
    return [...table].length;
  },
  async 'parquet write hyparquet-writer (augc)'(dir) {
    const writer = await createRowWriter(join(dir, 'out.parquet'), 'parquet', COLUMNS);
    for (let i = 1; i <= ROWS; i++) await writer.write(rowAt(i));
    await writer.commit();
    return ROWS;
  },
  async 'parquet write @dsnp/parquetjs'(dir, modules) {
    const pq =
      (await load(modules, '@dsnp/parquetjs')).default ?? (await load(modules, '@dsnp/parquetjs'));
    const schema = new pq.ParquetSchema({
      id: { type: 'UTF8' },
      sentence: { type: 'UTF8' },
      label: { type: 'DOUBLE' },
      score: { type: 'DOUBLE' },
    });
    const writer = await pq.ParquetWriter.openFile(schema, join(dir, 'out2.parquet'));
    for (let i = 1; i <= ROWS; i++) await writer.appendRow(rowAt(i));
    await writer.close();
    return ROWS;
  },
};

async function prepare(dir) {
  for (const format of ['csv', 'parquet']) {
    const writer = await createRowWriter(join(dir, `in.${format}`), format, COLUMNS);
    for (let i = 1; i <= ROWS; i++) await writer.write(rowAt(i));
    await writer.commit();
  }
}

if (process.argv[2] === '--child') {
  const [, , , name, dir, modules] = process.argv;
  const cpu = process.cpuUsage();
  const n = await CASES[name](dir, modules);
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  console.log(JSON.stringify({ n, rate: n / seconds, rss: process.resourceUsage().maxRSS / 1024 }));
} else {
  const modules = process.argv[2];
  if (!modules) {
    // `npm run bench` runs every script; this one needs the candidates, so it only says how.
    console.log(
      'skipped: run `node bench/formats-candidates.js <node_modules with the candidates>`',
    );
    process.exit(0);
  }
  const dir = mkdtempSync(join(tmpdir(), 'augc-bench-cand-'));
  try {
    await prepare(dir);
    console.log(`node ${process.version}, ${ROWS.toLocaleString('en-US')} rows\n`);
    console.log('| candidate | rows per CPU-second | peak RSS |\n|---|---|---|');
    for (const name of Object.keys(CASES)) {
      const self = fileURLToPath(import.meta.url);
      const out = spawnSync(process.execPath, [self, '--child', name, dir, modules], {
        encoding: 'utf8',
      });
      if (out.status !== 0) {
        console.log(`| ${name} | failed: ${out.stderr.split('\n')[0]} | |`);
        continue;
      }
      const { n, rate, rss } = JSON.parse(out.stdout);
      if (n !== ROWS) throw new Error(`${name}: ${n} rows`);
      console.log(
        `| ${name} | ${Math.round(rate).toLocaleString('en-US')} | ${rss.toFixed(0)} MB |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
