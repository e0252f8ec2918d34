// Local pool benchmark: `npm run build && node bench/run.js local-pool` (or `node bench/local-pool.js`).
// Spawns the built CLI (`node bin/augc.js run ... --jobs N`) on generated inputs in a temp folder:
//  1. worker threads vs child processes: start-up (import of the engine), RSS per worker, and the
//     time of a CPU-bound task set on all cores (why the pool uses processes: docs/runtimes/local.md);
//  2. parallel efficiency of the pool, time(jobs=1) / (N x time(jobs=N)), target >= 0.9;
//  3. rows/s per method (text and tabular) on one core, by wall time and by CPU time;
//  4. peak RSS for 250k and 1M input rows (target < 300 MB per process, flat as the input grows).
// "Pool time" is a run's wall time minus that of an immediate re-run that does no task (compile,
// input hash, resume check and merge), i.e. the time the pool itself took.
// Environment: BENCH_ROWS (rows for sections 2-3, default 20000), BENCH_BIG=0 skips section 4,
// BENCH_AUGC_ROOT runs another build (a folder holding bin/ and dist/) than this checkout's,
// BENCH_SECTIONS=tvp,efficiency,methods,rss picks sections (default all).
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = process.env.BENCH_AUGC_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'augc.js');
const CORES = availableParallelism();
const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'tvp,efficiency,methods,rss').split(',');
const WORDS = (
  'the a patient reported feeling tired and sad most days since last winter with poor ' +
  'sleep appetite changes low energy trouble concentrating restless slowed friends family work ' +
  'school morning evening going really does not cannot would like walked house garden'
).split(' ');

function table(rows) {
  const cols = Object.keys(rows[0]);
  const cell = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
  return [
    `| ${cols.join(' | ')} |`,
    `|${cols.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cols.map((c) => cell(r[c])).join(' | ')} |`),
  ].join('\n');
}

/** A deterministic CSV of `rows` 14-word sentences. */
function writeInput(dir, rows) {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) >>> 0) % WORDS.length;
  const lines = ['id,text'];
  for (let i = 0; i < rows; i++)
    lines.push(`${i},${Array.from({ length: 14 }, () => WORDS[next()]).join(' ')}`);
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
}

/** A deterministic CSV of `rows` rows with 8 numeric features and one of 3 labels. */
function writeTabularInput(dir, rows) {
  let x = 54321;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0) % 100_000) / 1000;
  const features = Array.from({ length: 8 }, (_, j) => `f${j}`);
  const lines = [`id,${features.join(',')},label`];
  for (let i = 0; i < rows; i++)
    lines.push(`${i},${features.map(() => next().toFixed(3)).join(',')},c${i % 3}`);
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
}

const TEXT_INPUT = 'id = "id"  text = ["text"]';
const TABULAR_INPUT = `id = "id"  features = [${Array.from({ length: 8 }, (_, j) => `"f${j}"`).join(', ')}]  label = "label"`;

function writePipeline(dir, methods, chunk, input = TEXT_INPUT) {
  const decl = methods.map((m, i) => `  method m${i} = ${m}`).join('\n');
  writeFileSync(
    join(dir, 'p.aug'),
    `pipeline "bench" {
  input "data.csv" { ${input} }
${decl}
  chunk { ${chunk} }
  quality { min = 0  max = 1 }
  output "out" { format = csv }
}
`,
  );
}

/** RSS (bytes) and CPU ticks (user + system) of `pid` and each of its descendants, from /proc. */
function treeUsage(pid) {
  const parent = new Map();
  const rss = new Map();
  const ticks = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1]));
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      /* the process ended */
    }
  }
  const inTree = (p) => {
    for (let q = p; q; q = parent.get(q)) if (q === pid) return true;
    return false;
  };
  const tree = [...rss.keys()].filter(inTree);
  return {
    driver: rss.get(pid) ?? 0,
    workers: tree.filter((p) => p !== pid).map((p) => rss.get(p)),
    ticks: tree.map((p) => [p, ticks.get(p) ?? 0]),
  };
}

/** Runs `augc run` in `dir`: wall ms, CPU seconds, peak RSS of the driver and of the largest worker. */
function augcRun(dir, args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, 'run', 'p.aug', '--output', 'out', ...args], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const peak = { driver: 0, worker: 0 };
    const cpu = new Map();
    const timer = setInterval(() => {
      const r = treeUsage(child.pid);
      peak.driver = Math.max(peak.driver, r.driver);
      peak.worker = Math.max(peak.worker, ...r.workers, 0);
      for (const [p, t] of r.ticks) cpu.set(p, Math.max(cpu.get(p) ?? 0, t));
    }, 50);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0)
        reject(new Error(`augc run ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
      // CPU seconds of the process tree as last sampled (Linux: 100 ticks a second).
      else
        resolve({
          ms: performance.now() - start,
          ...peak,
          cpuS: [...cpu.values()].reduce((a, b) => a + b, 0) / 100,
        });
    });
  });
}

/** Pool time of a fresh run: its wall time minus a no-op re-run's. */
async function poolMs(dir, jobs) {
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  const full = await augcRun(dir, ['--jobs', String(jobs)]);
  const noop = await augcRun(dir, ['--jobs', String(jobs)]);
  return {
    ...full,
    poolMs: Math.max(1, full.ms - noop.ms),
    poolCpuS: Math.max(0.01, full.cpuS - noop.cpuS),
  };
}

const mb = (bytes) => Math.round(bytes / 2 ** 20);

// 1. Threads vs processes, on the real engine import and a CPU-bound loop.
const CHILD_SRC = `
  const t0 = performance.now();
  await import(${JSON.stringify(join(ROOT, 'dist/runtimes/worker-task.js'))});
  const ready = performance.now() - t0;
  const { parentPort } = await import('node:worker_threads');
  const { createHash } = await import('node:crypto');
  const work = (n) => { let h = 'x'; for (let i = 0; i < n; i++) h = createHash('sha256').update(h).digest('hex'); return h; };
  const reply = (m) => (parentPort ? parentPort.postMessage(m) : process.send(m));
  reply({ type: 'ready', ready, rss: process.memoryUsage().rss });
  const onTask = (n) => { work(n); reply({ type: 'done' }); };
  if (parentPort) parentPort.on('message', onTask); else process.on('message', onTask);
`;

async function poolOf(kind, n, tasks, work) {
  const file = join(mkdtempSync(join(tmpdir(), 'augc-tvp-')), 'child.mjs');
  writeFileSync(file, CHILD_SRC);
  const t0 = performance.now();
  const workers = Array.from({ length: n }, () =>
    kind === 'thread' ? new Worker(file) : fork(file, [], { stdio: 'ignore' }),
  );
  const on = (w, f) => (kind === 'thread' ? w.on('message', f) : w.on('message', f));
  const ready = await Promise.all(
    workers.map((w) => new Promise((r) => on(w, (m) => m.type === 'ready' && r(m)))),
  );
  const startMs = performance.now() - t0;
  const t1 = performance.now();
  let left = tasks;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          const next = () =>
            left-- > 0 ? (w.postMessage ? w.postMessage(work) : w.send(work)) : resolve();
          on(w, (m) => m.type === 'done' && next());
          next();
        }),
    ),
  );
  const runMs = performance.now() - t1;
  const totalRss =
    kind === 'thread' ? process.memoryUsage().rss : ready.reduce((a, m) => a + m.rss, 0);
  await Promise.all(workers.map((w) => (kind === 'thread' ? w.terminate() : w.kill())));
  return {
    kind,
    workers: n,
    startMs: Math.round(startMs),
    taskSetMs: Math.round(runMs),
    rssMB: mb(totalRss),
  };
}

async function threadsVsProcesses() {
  const rows = [];
  for (const kind of ['thread', 'process']) rows.push(await poolOf(kind, CORES, CORES * 8, 20_000));
  return rows;
}

// 2. Parallel efficiency on all cores: CPU-bound character-level methods, 4 chunks per core.
async function efficiency(dir) {
  writeInput(dir, ROWS);
  writePipeline(
    dir,
    ['keyboard_typo(aug_char_p = 0.1)', 'ocr()', 'random_char()'],
    `count = ${CORES * 4}`,
  );
  // Interleaved and repeated, the best of each kept: a shared VM's load changes minute to minute.
  const best = (a, b) => (b && b.poolMs < a.poolMs ? b : a);
  let one;
  let all;
  for (let rep = 0; rep < 2; rep++) {
    one = best(await poolMs(dir, 1), one);
    all = best(await poolMs(dir, CORES), all);
  }
  const eff = one.poolMs / (CORES * all.poolMs);
  return {
    rows: [
      {
        rows: ROWS,
        tasks: 3 * CORES * 4,
        cores: CORES,
        jobs1PoolS: +(one.poolMs / 1000).toFixed(2),
        jobsNPoolS: +(all.poolMs / 1000).toFixed(2),
        efficiency: +eff.toFixed(3),
        endToEnd: +(one.ms / (CORES * all.ms)).toFixed(3),
        // Same work either way means no pool overhead; busy cores < N means other load took the rest.
        cpuJobs1S: +one.cpuS.toFixed(1),
        cpuJobsNS: +all.cpuS.toFixed(1),
        busyCoresJobsN: +(all.cpuS / (all.ms / 1000)).toFixed(2),
        // 1.0 = the pool adds no CPU work; unlike `efficiency`, other load does not move it.
        cpuEfficiency: +(one.cpuS / all.cpuS).toFixed(3),
      },
    ],
    check: { name: 'parallel efficiency >= 0.9', ok: eff >= 0.9, detail: eff.toFixed(3) },
  };
}

// 3. Rows per second per method, one core (jobs 1; includes loading dictionaries). Text methods
// run on one chunk; tabular ones on chunks of 2,000 rows, since a tabular task holds its chunk.
const TEXT_METHODS = [
  'keyboard_typo()',
  'ocr()',
  'random_char()',
  'spelling()',
  'wordnet_synonym()',
  'wordnet_antonym()',
  'eda_synonym_replacement()',
  'eda_random_insertion()',
  'eda_random_swap()',
  'eda_random_deletion()',
  'random_word()',
  'word_split()',
  'contraction()',
];
const TABULAR_METHODS = ['gaussian_noise()', 'smote()', 'mixup()', 'feature_mask()', 'bootstrap()'];

async function methodRow(dir, method) {
  const r = await poolMs(dir, 1);
  return {
    method: method.replace('()', ''),
    rows: ROWS,
    poolS: +(r.poolMs / 1000).toFixed(2),
    rowsPerS: Math.round(ROWS / (r.poolMs / 1000)),
    // CPU time of the process tree: the steadier number on a shared machine.
    rowsPerCpuS: Math.round(ROWS / r.poolCpuS),
  };
}

async function perMethod(dir) {
  const rows = [];
  writeInput(dir, ROWS);
  for (const method of TEXT_METHODS) {
    writePipeline(dir, [method], 'count = 1');
    rows.push(await methodRow(dir, method));
  }
  writeTabularInput(dir, ROWS);
  for (const method of TABULAR_METHODS) {
    writePipeline(dir, [method], 'rows = 2_000', TABULAR_INPUT);
    rows.push(await methodRow(dir, method));
  }
  return rows;
}

// 4. Peak RSS as the input grows (50k-row chunks, all cores).
async function peakRss(dir) {
  const rows = [];
  for (const n of [250_000, 1_000_000]) {
    writeInput(dir, n);
    writePipeline(dir, ['keyboard_typo(aug_char_p = 0.1)'], 'rows = 50_000');
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    const r = await augcRun(dir, ['--jobs', String(CORES)]);
    rows.push({
      inputRows: n,
      wallS: +(r.ms / 1000).toFixed(1),
      driverPeakMB: mb(r.driver),
      workerPeakMB: mb(r.worker),
    });
  }
  const [small, big] = rows;
  const peak = Math.max(big.driverPeakMB, big.workerPeakMB);
  const flat =
    Math.max(big.driverPeakMB, big.workerPeakMB) <=
    1.25 * Math.max(small.driverPeakMB, small.workerPeakMB);
  return {
    rows,
    checks: [
      { name: 'peak RSS per process < 300 MB at 1M rows', ok: peak < 300, detail: `${peak} MB` },
      {
        name: 'peak RSS flat from 250k to 1M rows (within 25%)',
        ok: flat,
        detail: `${rows.map((r) => Math.max(r.driverPeakMB, r.workerPeakMB)).join(' -> ')} MB`,
      },
    ],
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'augc-bench-pool-'));
  const checks = [];
  console.log(`### Local pool (node ${process.version}, ${CORES} cores, ${ROWS} rows)\n`);
  if (SECTIONS.includes('tvp')) {
    const tvp = await threadsVsProcesses();
    console.log(
      `Worker threads vs child processes (${CORES} workers, ${CORES * 8} CPU-bound tasks)\n\n${table(tvp)}\n`,
    );
  }
  if (SECTIONS.includes('efficiency')) {
    const eff = await efficiency(dir);
    checks.push(eff.check);
    console.log(`Parallel efficiency\n\n${table(eff.rows)}\n`);
  }
  if (SECTIONS.includes('methods'))
    console.log(`Rows/s per method, one core\n\n${table(await perMethod(dir))}\n`);
  if (SECTIONS.includes('rss') && process.env.BENCH_BIG !== '0') {
    const rss = await peakRss(dir);
    checks.push(...rss.checks);
    console.log(`Peak RSS\n\n${table(rss.rows)}\n`);
  }
  for (const c of checks) console.log(`- ${c.ok ? 'ok' : 'FAILED'}: ${c.name} (${c.detail})`);
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}

await main();
