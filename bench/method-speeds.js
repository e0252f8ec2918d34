// Method speeds for `augc plan --estimate`: `npm run bench -- method-speeds` (after a build).
// Runs every stdlib method as the only method of a one-task plan, in this process through the
// engine's runTask (read the chunk, apply, filter, write the part, write the records), on chunks
// of SMALL and LARGE rows x 2 variants of the examples' data (clinical sentences for text
// methods, the cell-line table for tabular ones), REPS times each, and takes CPU time (steadier
// than wall time on a shared machine; a task is single-threaded). The slope between the two
// sizes is the method's seconds per variant-row (the quality filter's own cost, measured apart,
// taken out for text methods); the intercept is a task's fixed cost. A method's load (its
// dictionaries, read once per process) is the first task's CPU time less the second's, measured in
// a fresh process per method (`node bench/method-speeds.js --cold NAME`). Also measures the start
// of `augc worker` (wall time), which every batch array task pays once.
// Writes the table `augc plan --estimate` falls back on: engine/estimate/method-speeds.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { formatted } from './lib/report.js';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileFile } from '../dist/compiler/compile.js';
import { tasksOf } from '../dist/compiler/plan/task-at.js';
import { probeInput } from '../dist/engine/probe-input.js';
import { createQualityFilter } from '../dist/engine/quality/quality-filter.js';
import { runTask } from '../dist/engine/run-task.js';
import { chunkPath, splitInput } from '../dist/engine/split.js';
import { createFileStorage } from '../dist/engine/storage/file-storage.js';
import { listMethods } from '../dist/stdlib/catalog/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TABLE = join(ROOT, 'engine/estimate/method-speeds.json');
const SMALL = Number(process.env.BENCH_SPEED_SMALL ?? 200);
const LARGE = Number(process.env.BENCH_SPEED_LARGE ?? 4000);
const REPS = Number(process.env.BENCH_SPEED_REPS ?? 5);
const VARIANTS = 2;

const csvLines = (file) => readFileSync(join(ROOT, file), 'utf8').trim().split('\n');
const SENTENCES = csvLines('examples/data/clinical-sentences.csv').slice(1);
const CELLS = csvLines('examples/data/cell-lines.csv');
// The sentence is the second column, quoted; the last two columns follow it.
const QUOTED = SENTENCES.map((l) => l.slice(l.indexOf(',') + 1).replace(/,[^,]*,[^,]*$/, ''));
const TEXTS = QUOTED.map((q) => q.replace(/^"|"$/g, '').replaceAll('""', '"'));

/** `rows` data rows cycling through the example's, each with its own id. */
function writeData(dir, domain, rows) {
  const lines = [];
  if (domain === 'text') {
    lines.push('id,text');
    for (let i = 0; i < rows; i++) lines.push(`${i},${QUOTED[i % QUOTED.length]}`);
  } else {
    lines.push(CELLS[0]);
    const body = CELLS.slice(1);
    for (let i = 0; i < rows; i++) lines.push(body[i % body.length].replace(/^[^,]*/, `c${i}`));
  }
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
}

function pipeline(dir, method, rows) {
  const input =
    method.domain === 'text'
      ? `input "${join(dir, 'data.csv')}" { id = "id"  text = ["text"] }`
      : `input "${join(dir, 'data.csv')}" { id = "sample_id"  features = ["BRCA1", "TP53", "EGFR", "MYC"]  label = "response" }`;
  return `pipeline "speed" {
  ${input}
  method m = ${method.name}()
  combos { list = [m] }
  variants = ${VARIANTS}
  quality { measure = chrf  min = 0  max = 1 }
  chunk { rows = ${rows} }
  output "${join(dir, 'out')}" { format = jsonl }
}
`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A one-task plan of `method` over `rows` rows, split and ready to run. */
async function prepare(method, rows) {
  const dir = mkdtempSync(join(tmpdir(), 'augc-speed-'));
  writeData(dir, method.domain, rows);
  writeFileSync(join(dir, 'p.aug'), pipeline(dir, method, rows));
  const { plan, diagnostics } = await compileFile(join(dir, 'p.aug'), { probeInput });
  if (!plan) throw new Error(diagnostics.map((d) => d.message).join('; '));
  const storage = createFileStorage(join(dir, 'out'));
  await splitInput({ input: plan.input, chunks: plan.chunks, storage, dir: '_augc/chunks' });
  const [task] = tasksOf(plan);
  return async () => {
    const start = process.cpuUsage();
    const opts = { plan, task, storage, chunkPath: chunkPath('_augc/chunks', 0), attempt: 1 };
    await runTask({ ...opts, worker: 'bench' });
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  };
}

/** CPU seconds of one task of `rows` rows, the median of REPS runs after one that loads. */
async function taskSeconds(method, rows) {
  const run = await prepare(method, rows);
  await run();
  const times = [];
  for (let i = 0; i < REPS; i++) times.push(await run());
  return median(times);
}

/** In a fresh process: the first task's CPU seconds less the next one's (dictionaries, caches). */
function loadSeconds(method) {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [script, '--cold', method.name], { encoding: 'utf8' });
  const { first, second } = JSON.parse(out);
  return Math.max(0, first - second);
}

async function cold(name) {
  const method = listMethods().find((m) => m.name === name);
  const run = await prepare(method, SMALL);
  const first = await run();
  const second = await run();
  console.log(JSON.stringify({ first, second }));
}

/** Seconds the quality filter spends on one variant (row scope included), per measure. */
function qualitySeconds() {
  const texts = TEXTS;
  const out = {};
  for (const measure of ['chrf', 'levenshtein', 'jaccard']) {
    const filter = createQualityFilter({ measure, min: 0, max: 1 });
    const n = 20_000;
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const t = texts[i % texts.length];
      filter.row(t).decide(`${t.slice(0, -4)}x${t.slice(-3)}`);
    }
    const used = process.cpuUsage(start);
    out[measure] = round((used.user + used.system) / 1e6 / n);
  }
  return out;
}

function workerStartSeconds() {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'bin/augc.js'), 'worker', '--help'], {
      stdio: 'ignore',
    });
    times.push((performance.now() - start) / 1000);
  }
  return round(median(times));
}

const round = (x) => Number(x.toPrecision(3));

export async function run() {
  const quality = qualitySeconds();
  const methods = {};
  const overheads = [];
  const rows = [];
  for (const method of listMethods()) {
    const small = await taskSeconds(method, SMALL);
    const large = await taskSeconds(method, LARGE);
    const slope = Math.max(0, (large - small) / ((LARGE - SMALL) * VARIANTS));
    overheads.push(Math.max(0, small - slope * SMALL * VARIANTS));
    const own = method.domain === 'text' ? Math.max(0, slope - quality.chrf) : slope;
    const load = round(loadSeconds(method));
    methods[method.name] = {
      domain: method.domain,
      seconds_per_variant: round(own),
      load_seconds: load,
    };
    rows.push({
      method: method.name,
      domain: method.domain,
      'µs per variant-row': round(own * 1e6),
      'load ms': round(load * 1000),
    });
  }
  const table = {
    about:
      "Written by bench/method-speeds.js (npm run bench -- method-speeds). CPU seconds per variant-row of each stdlib method alone, without the quality filter, and of loading it once per process; the filter per variant and measure; a task's fixed cost; the start of `augc worker` (wall). augc plan --estimate uses it where --history has no measure.",
    measured: {
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      text: 'examples/data/clinical-sentences.csv sentences',
      tabular: 'examples/data/cell-lines.csv (4 features)',
      rows: [SMALL, LARGE],
      variants: VARIANTS,
    },
    task_overhead_seconds: round(median(overheads)),
    worker_start_seconds: workerStartSeconds(),
    quality_seconds_per_variant: quality,
    methods,
  };
  writeFileSync(TABLE, await formatted(TABLE, `${JSON.stringify(table, null, 2)}\n`));
  const missing = listMethods().filter((m) => !(m.name in methods));
  return {
    title: `Method speeds for --estimate (CPU, ${SMALL} and ${LARGE} rows x ${VARIANTS} variants; written to engine/estimate/method-speeds.json)`,
    rows,
    checks: [
      {
        name: 'every stdlib method measured',
        ok: missing.length === 0,
        detail: `${Object.keys(methods).length} methods`,
      },
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--cold') await cold(process.argv[3]);
  else console.log(await run());
}
