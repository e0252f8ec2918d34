// Local pool benchmark: `npm run build && node bench/run.js local-pool` (or `node bench/local-pool.js`).
// Spawns the built CLI (`node bin/augc.js run ... --jobs N`) on generated inputs in a temp folder:
//  1. worker threads vs child processes: start-up (import of the engine), RSS per worker, and the
//     time of a CPU-bound task set on all cores (why the pool uses processes: docs/runtimes/local.md);
//  2. parallel efficiency of the pool, time(jobs=1 on one core) / (N x time(jobs=N on N cores)),
//     target >= 0.9; 2b. the same ratio for independent Node processes, as a reference;
//  3. rows/s per method (text and tabular) on one core, by wall time and by CPU time;
//  4. peak RSS for 250k and 1M input rows (target < 300 MB per process, flat as the input grows).
// "Pool time" (sections 2 and 3) is a run's wall time minus that of an immediate re-run that does
// no task (compile, input hash, resume check and merge); section 2 also takes the span of the
// tasks from their records.
// Environment: BENCH_ROWS (rows for section 3, default 20000), BENCH_EFF_ROWS and BENCH_EFF_PAIRS
// (rows and interleaved jobs=1/jobs=N pairs for section 2, default 240000 and 5; BENCH_EFF_PIN=0
// runs the jobs=1 baseline with every core free instead of pinned to one), BENCH_BIG=0 skips section 4,
// BENCH_AUGC_ROOT runs another build (a folder holding bin/ and dist/) than this checkout's,
// BENCH_SECTIONS=tvp,efficiency,reference,methods,rss picks sections (default all).
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = process.env.BENCH_AUGC_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'augc.js');
const CORES = availableParallelism();
const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const EFF_ROWS = Number(process.env.BENCH_EFF_ROWS ?? 240_000);
const EFF_PAIRS = Number(process.env.BENCH_EFF_PAIRS ?? 5);
/** `taskset` pins the one-core baseline; BENCH_EFF_PIN=0 runs it with every core free instead. */
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
const PIN = process.env.BENCH_EFF_PIN !== '0' && TASKSET !== undefined;
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'tvp,efficiency,reference,methods,rss').split(',');
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

/** RSS (bytes) of `pid` and of each of its descendants, from /proc. */
function treeUsage(pid) {
  const parent = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parent.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1]));
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
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
  };
}

/** CPU seconds used by this process's ended children and their waited-for descendants. */
function childrenCpuS() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, 100 ticks a second
}

/**
 * Runs `augc run` in `dir`: wall ms, CPU seconds of the whole process tree (exact: the kernel's
 * count for reaped children), and, when `sample` is set, the peak RSS of the driver and of the
 * largest worker from /proc every 50 ms. Sampling costs CPU of its own, so timed runs go without.
 */
function augcRun(dir, args, { sample = false, cpu } = {}) {
  return new Promise((resolve, reject) => {
    const cpu0 = childrenCpuS();
    const start = performance.now();
    const argv = [process.execPath, BIN, 'run', 'p.aug', '--output', 'out', ...args];
    // With `cpu`, the run and every process it starts may use that CPU only.
    if (cpu !== undefined) argv.unshift(TASKSET, '-c', String(cpu));
    const child = spawn(argv[0], argv.slice(1), { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const peak = { driver: 0, worker: 0 };
    const timer = sample
      ? setInterval(() => {
          const r = treeUsage(child.pid);
          peak.driver = Math.max(peak.driver, r.driver);
          peak.worker = Math.max(peak.worker, ...r.workers, 0);
        }, 50)
      : undefined;
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0)
        reject(new Error(`augc run ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ ms: performance.now() - start, ...peak, cpuS: childrenCpuS() - cpu0 });
    });
  });
}

/**
 * The span of the tasks of the run in `dir`: first task start to last task end, from the tasks'
 * own records (`_augc/tasks/*.json`). It leaves out what happens before the pool has work (compile,
 * input hash, split, the workers' Node start-up) and after (merge).
 */
function taskSpanMs(dir) {
  const folder = join(dir, 'out', '_augc', 'tasks');
  let first = Infinity;
  let last = -Infinity;
  for (const name of readdirSync(folder)) {
    const record = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    first = Math.min(first, Date.parse(record.start));
    last = Math.max(last, Date.parse(record.end));
  }
  return last - first;
}

/**
 * A fresh run: `poolMs` is its wall time minus a no-op re-run's (which compiles, hashes the input,
 * finds every task done and merges), `spanMs` the span of its tasks.
 */
async function poolMs(dir, jobs, opts = {}) {
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  const full = await augcRun(dir, ['--jobs', String(jobs)], opts);
  const spanMs = taskSpanMs(dir);
  const noop = await augcRun(dir, ['--jobs', String(jobs)], opts);
  return {
    ...full,
    spanMs,
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
// Speed-up from one core to N, over N: the baseline is `--jobs 1` pinned to one CPU (taskset),
// since one worker with N cores free borrows the idle ones for V8's garbage-collector and
// compiler threads, which N workers on N cores cannot (docs/performance.md measures both).
// Two measures. `pool`: the span of the tasks, from their records: what the worker pool itself
// does with N workers. `run`: the run's wall time minus a no-op re-run's, which also counts the
// split of the input (one process, before any task) and the workers' start-up; Amdahl's law
// keeps it lower, the more so the shorter the run. The target applies to the pool.
// A shared VM's speed drifts from minute to minute by more than the effect measured, so the bench
// takes EFF_PAIRS pairs of runs, each pair a jobs=1 and a jobs=N run back to back (their order
// alternating), computes each pair's ratios and checks the median.
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function efficiency(dir) {
  writeInput(dir, EFF_ROWS);
  writePipeline(
    dir,
    ['keyboard_typo(aug_char_p = 0.1)', 'ocr()', 'random_char()'],
    `count = ${CORES * 4}`,
  );
  const pairs = [];
  for (let i = 0; i < EFF_PAIRS; i++) {
    const first = i % 2 === 0 ? 1 : CORES;
    const run = (jobs) => poolMs(dir, jobs, jobs === 1 && PIN ? { cpu: 0 } : {});
    const a = await run(first);
    const b = await run(first === 1 ? CORES : 1);
    const [one, all] = first === 1 ? [a, b] : [b, a];
    pairs.push({
      pair: i + 1,
      jobs1TasksS: +(one.spanMs / 1000).toFixed(2),
      jobsNTasksS: +(all.spanMs / 1000).toFixed(2),
      poolEfficiency: +(one.spanMs / (CORES * all.spanMs)).toFixed(3),
      jobs1RunS: +(one.poolMs / 1000).toFixed(2),
      jobsNRunS: +(all.poolMs / 1000).toFixed(2),
      runEfficiency: +(one.poolMs / (CORES * all.poolMs)).toFixed(3),
      // CPU seconds of the whole process tree: equal means the pool adds no work of its own.
      cpuJobs1S: +one.poolCpuS.toFixed(1),
      cpuJobsNS: +all.poolCpuS.toFixed(1),
      cpuEfficiency: +(one.poolCpuS / all.poolCpuS).toFixed(3),
    });
  }
  const mid = Object.fromEntries(
    Object.keys(pairs[0]).map((k) => [
      k,
      k === 'pair' ? 'median' : +median(pairs.map((p) => p[k])).toFixed(3),
    ]),
  );
  const range = (k) =>
    `${Math.min(...pairs.map((p) => p[k]))}-${Math.max(...pairs.map((p) => p[k]))}`;
  const eff = mid.poolEfficiency;
  return {
    rows: [...pairs, mid],
    check: {
      name: 'parallel efficiency of the pool >= 0.9 (median of pairs)',
      ok: eff >= 0.9,
      detail:
        `${eff.toFixed(3)}, pairs ${range('poolEfficiency')}; whole run ${mid.runEfficiency} ` +
        `(${range('runEfficiency')}); ${EFF_ROWS} rows, ${3 * CORES * 4} tasks, ${CORES} cores, ` +
        `baseline ${PIN ? 'pinned to one core' : 'with every core free'}`,
    },
  };
}

// 2b. The same ratio without augc: N independent Node processes, nothing shared, each doing the
// work one process does alone on one core. A pure-CPU loop (sha256) shows the cores themselves; an
// allocation-heavy one (objects, sort, join) adds the garbage collector and the memory system,
// which N processes share. It tells what the machine gives at the moment of the measurement.
const REFERENCE_SRC = `
  const kind = process.argv[2];
  if (kind === 'cpu') {
    const { createHash } = await import('node:crypto');
    let h = 'x';
    for (let i = 0; i < 2_000_000; i++) h = createHash('sha256').update(h).digest('hex');
  } else {
    let total = 0;
    for (let r = 0; r < 40; r++) {
      const a = [];
      for (let i = 0; i < 200_000; i++) a.push({ s: 'w' + ((i * 7919) % 1000), n: i });
      a.sort((x, y) => (x.s < y.s ? -1 : x.s > y.s ? 1 : 0));
      total += a.map((o) => o.s).join(' ').length;
    }
    if (total === 0) process.exit(1);
  }
`;

function timeProcesses(file, kind, n, cpu) {
  const argv = [process.execPath, file, kind];
  if (cpu !== undefined) argv.unshift(TASKSET, '-c', String(cpu));
  const start = performance.now();
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) =>
          spawn(argv[0], argv.slice(1), { stdio: 'ignore' }).on('close', (code) =>
            code === 0 ? resolve() : reject(new Error(`reference ${kind} exited ${code}`)),
          ),
        ),
    ),
  ).then(() => performance.now() - start);
}

async function reference(dir) {
  const file = join(dir, 'reference.mjs');
  writeFileSync(file, REFERENCE_SRC);
  const rows = [];
  for (const kind of ['cpu', 'alloc']) {
    const ratios = [];
    for (let rep = 0; rep < 3; rep++) {
      const one = await timeProcesses(file, kind, 1, PIN ? 0 : undefined);
      const all = await timeProcesses(file, kind, CORES);
      ratios.push(one / all);
    }
    rows.push({
      work: kind === 'cpu' ? 'sha256 loop' : 'objects, sort, join',
      processes: CORES,
      efficiency: +median(ratios).toFixed(3),
      runs: ratios.map((r) => r.toFixed(3)).join(' '),
    });
  }
  return rows;
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
    const r = await augcRun(dir, ['--jobs', String(CORES)], { sample: true });
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
  console.log(`### Local pool (node ${process.version}, ${CORES} cores)\n`);
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
  if (SECTIONS.includes('reference'))
    console.log(
      `The same ratio for independent processes (no augc)\n\n${table(await reference(dir))}\n`,
    );
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
