// Plan build benchmark: `npm run build && node bench/plan-build.js` (or `node bench/run.js plan-build`).
// Builds plans of 1k/10k/100k tasks from IRs that vary methods, combo size and chunks, and times:
// - lowerToIr from a typed AST (defaults, combo expansion, IR schema validation);
// - buildPlan (resource classes, array groups at a limit of 1000, hashes, schema validation);
// - tasksOf: computing every task from (group, index), which is what workers do one at a time.
// Median of several runs after warm-up. buildPlan does not list tasks, so its time per task must
// fall as the task count grows; tasksOf must stay flat per task (linear).
import { pathToFileURL } from 'node:url';
import { lowerToIr } from '../dist/compiler/ir/lower-to-ir.js';
import { buildPlan } from '../dist/compiler/plan/build-plan.js';
import { tasksOf } from '../dist/compiler/plan/task-at.js';

const GiB = 1024 ** 3;
const CASES = [
  { name: '1k', methods: 5, k: 2, chunks: 100 },
  { name: '10k', methods: 6, k: 3, chunks: 500 },
  { name: '100k', methods: 5, k: 2, chunks: 10_000 },
  { name: '100k-300-combos', methods: 25, k: 2, chunks: 334 },
];
const RUNS = 9;
const WARMUP = 3;
const ARRAY_LIMIT = 1000;

/** Every 5th method is a GPU command, so plans have a CPU and a GPU class. */
function methodAt(i) {
  const gpu = i % 5 === 4;
  const resources = gpu
    ? { cpus: 4, memoryBytes: 16 * GiB, gpus: 1, walltimeSeconds: 7200 }
    : { cpus: 1, memoryBytes: 2 * GiB, gpus: 0, walltimeSeconds: 3600 };
  return gpu
    ? {
        id: `m${i}`,
        kind: 'command',
        params: {},
        argv: ['python', 'mlm.py'],
        env: {},
        passEnv: [],
        resources,
        labelSafe: false,
        gpu,
      }
    : {
        id: `m${i}`,
        kind: 'stdlib',
        method: 'spelling',
        params: { aug_p: 0.1 },
        resources,
        labelSafe: true,
        gpu,
      };
}

const span = { file: 'bench.aug', start: 0, end: 1 };
const loc = (value) => ({ value, span });
const SPELLING = {
  spec: {
    name: 'spelling',
    domain: 'text',
    summary: '',
    doc: '',
    params: [{ name: 'aug_p', type: 'number', default: 0.3, doc: '' }],
    countRule: 'nlpaug',
    labelSafe: true,
    gpu: false,
  },
  aliasParams: {},
};

/** The typed AST of the same pipeline, for timing lowering (the catalogue is stubbed). */
function astFor({ methods: n, k, chunks }) {
  const methods = Array.from({ length: n }, (_, i) => {
    const m = methodAt(i);
    if (!m.gpu) {
      const params = [
        { name: loc('aug_p'), value: { value: { type: 'number', value: 0.1 }, span } },
      ];
      return { kind: 'stdlib', name: loc(m.id), method: loc('spelling'), params, span };
    }
    const resources = {
      gpus: loc(1),
      cpus: loc(4),
      memoryBytes: loc(16 * GiB),
      walltimeSeconds: loc(7200),
      span,
    };
    return {
      kind: 'command',
      name: loc(m.id),
      argv: loc(m.argv),
      env: [],
      passEnv: [],
      resources,
      span,
    };
  });
  const input = {
    uri: loc('data/in.csv'),
    text: [loc('text')],
    keep: [],
    protect: [],
    protectKeywords: [],
    span,
  };
  return {
    file: 'bench.aug',
    name: loc('bench'),
    maxTasks: loc(1_000_000),
    input,
    methods,
    combos: { selection: { kind: 'size', k: loc(k) }, exclude: [], order: [], span },
    chunk: { kind: 'count', count: loc(chunks), span },
    output: { uri: loc('out'), span },
    targets: [],
    profiles: [],
    sources: [],
    span,
  };
}

function* subsets(n, k, from = 0, prefix = []) {
  if (prefix.length === k) return yield prefix;
  for (let i = from; i <= n - (k - prefix.length); i++) yield* subsets(n, k, i + 1, [...prefix, i]);
}

function irFor({ methods: n, k, chunks }) {
  const methods = Array.from({ length: n }, (_, i) => methodAt(i));
  const combos = [...subsets(n, k)].map((idx) => {
    const ms = idx.map((i) => methods[i]);
    const max = (key) => Math.max(...ms.map((m) => m.resources[key]));
    return {
      id: `combo_${k}_${ms.map((m) => m.id).join('+')}`,
      methods: ms.map((m) => m.id),
      k,
      resources: {
        cpus: max('cpus'),
        memoryBytes: max('memoryBytes'),
        gpus: max('gpus'),
        walltimeSeconds: max('walltimeSeconds'),
      },
      gpu: ms.some((m) => m.gpu),
    };
  });
  return {
    irVersion: 1,
    pipeline: 'bench',
    seed: 42,
    variants: 1,
    maxTasks: 1_000_000,
    input: {
      uri: 'data/in.csv',
      format: 'csv',
      text: ['text'],
      keep: [],
      protect: [],
      protectKeywords: [],
      onBadRow: 'fail',
    },
    output: { uri: 'out', format: 'parquet' },
    methods,
    combos,
    quality: { measure: 'chrf', min: 0, max: 1 },
    chunk: { mode: 'count', count: chunks },
    resources: { cpus: 1, memoryBytes: 2 * GiB, gpus: 0, walltimeSeconds: 3600 },
    retry: { attempts: 1, backoff: { kind: 'fixed', delaySeconds: 1 }, on: [], escalate: [] },
    targets: [],
  };
}

const OPTS = {
  sources: [{ file: 'bench.aug', text: 'pipeline "bench" {}' }],
  sourceFile: 'bench.aug',
  compilerVersion: 'bench',
  arrayLimit: ARRAY_LIMIT,
};

function median(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

function measureCase(c) {
  const ir = irFor(c);
  const ast = astFor(c);
  const lowerMs = median(() => {
    const r = lowerToIr(ast, { findMethod: () => SPELLING });
    if (!r.value || r.value.combos.length !== ir.combos.length)
      throw new Error(JSON.stringify(r.diagnostics));
  });
  let plan;
  const buildMs = median(() => {
    const r = buildPlan(ir, OPTS);
    if (!r.value) throw new Error(JSON.stringify(r.diagnostics));
    plan = r.value;
  });
  let seen = 0;
  const tasksMs = median(() => {
    seen = 0;
    for (const task of tasksOf(plan)) seen += task.index >= 0 ? 1 : 0;
  });
  if (seen !== plan.taskCount)
    throw new Error(`tasksOf gave ${seen} tasks, plan has ${plan.taskCount}`);
  return {
    case: c.name,
    methods: c.methods,
    k: c.k,
    combos: plan.combos.length,
    chunks: plan.chunks.count,
    tasks: plan.taskCount,
    groups: plan.groups.length,
    planBytes: JSON.stringify(plan).length,
    lowerMs: round(lowerMs),
    buildMs: round(buildMs),
    buildNsPerTask: round((buildMs * 1e6) / plan.taskCount),
    tasksOfMs: round(tasksMs),
    tasksOfNsPerTask: round((tasksMs * 1e6) / plan.taskCount),
  };
}

const round = (x) => Math.round(x * 100) / 100;

/** Runs every case; `checks` state the targets (100k < 1 s, linear). */
export function run() {
  const rows = CASES.map(measureCase);
  const byName = Object.fromEntries(rows.map((r) => [r.case, r]));
  const k10 = byName['10k'];
  const k100 = byName['100k'];
  const checks = [
    {
      name: 'buildPlan 100k tasks < 1000 ms',
      ok: k100.buildMs < 1000,
      detail: `${k100.buildMs} ms`,
    },
    {
      name: 'buildPlan at most linear (ns/task 100k <= 10k)',
      ok: k100.buildNsPerTask <= k10.buildNsPerTask,
      detail: `${k100.buildNsPerTask} vs ${k10.buildNsPerTask} ns/task`,
    },
    {
      name: 'tasksOf linear (ns/task 100k within 2x of 10k)',
      ok: k100.tasksOfNsPerTask <= 2 * k10.tasksOfNsPerTask,
      detail: `${k100.tasksOfNsPerTask} vs ${k10.tasksOfNsPerTask} ns/task`,
    },
  ];
  return { title: 'Plan build', rows, checks };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printReport } = await import('./run.js');
  process.exitCode = printReport('plan-build', run()) ? 0 : 1;
}
