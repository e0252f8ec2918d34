// Merge, side by side: `augc merge RUN` (a whole process: it reads every task record, checks its
// cache key against the plan, hashes every part and writes meta.json, manifest_final.csv/.parquet
// and _augc/context.json) vs one awk process concatenating the same per-task manifest rows into
// one CSV (which verifies nothing), alternately, BENCH_PAIRS times, for 1,000 and 10,000 tasks.
// The run folder holds a real plan (`augc plan -o`) and records, parts and manifest rows written
// as a task leaves them (tiny CSV parts, so the merge's own work is what is timed).
// Environment: BENCH_PAIRS (default 5), BENCH_MERGE_SIZES (default 1000,10000), BENCH_SMOKE=1.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  contextPathOf,
  manifestRowPathOf,
  partPathOf,
  tasksOf,
} from '../dist/compiler/plan/task-at.js';
import { csvText } from '../dist/engine/csv-text.js';
import { MANIFEST_COLUMNS } from '../dist/engine/task-record.js';
import {
  alternate,
  AUGC,
  machine,
  median,
  ratios,
  round,
  showSpread,
  SMOKE,
  tempDir,
  timed,
} from './lib/measure.js';
import { taskRecordOf } from './lib/task-record.js';

const PAIRS = SMOKE ? 1 : Number(process.env.BENCH_PAIRS ?? 5);
const SIZES = SMOKE ? [20] : (process.env.BENCH_MERGE_SIZES ?? '1000,10000').split(',').map(Number);
const METHODS = 10;
const GOAL_RATIO = 1.5;

/** One concatenation pass: every manifest row file, header once. */
const AWK = `{ f = $0; n = 0
  while ((getline line < f) > 0) { n++; if (n == 1 && seen++) continue; print line }
  close(f) }`;

function put(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function planFor(dir, tasks) {
  const chunks = tasks / METHODS;
  const rows = Array.from({ length: chunks }, (_, i) => `${i},sentence ${i}`);
  writeFileSync(join(dir, 'data.csv'), `id,text\n${rows.join('\n')}\n`);
  const methods = Array.from(
    { length: METHODS },
    (_, i) => `  method m${i} = random_word(action = swap, aug_p = ${(i + 1) / 20})`,
  );
  writeFileSync(
    join(dir, 'p.aug'),
    `pipeline "merge" {
  input "data.csv" { id = "id"  text = ["text"] }
${methods.join('\n')}
  chunk { rows = 1 }
  output "run" { format = csv }
}
`,
  );
  timed([process.execPath, AUGC, 'plan', 'p.aug', '-o', 'run/_augc/plan.json'], { cwd: dir });
  return JSON.parse(
    (
      timed([process.execPath, AUGC, 'plan', 'p.aug', '--json'], { cwd: dir }).stdout ?? '{}'
    ).trim(),
  );
}

function writeRun(run, plan) {
  for (const task of tasksOf(plan)) {
    const path = partPathOf(plan, task.combo.id, task.chunk);
    const text = `id,augc_row,text,augc_variant,augc_combo,augc_similarity\n${task.chunk},1,x,0,${task.combo.id},0.9\n`;
    const sha256 = createHash('sha256').update(text).digest('hex');
    const part = { path, format: 'csv', sha256, bytes: Buffer.byteLength(text) };
    put(run, path, text);
    const record = taskRecordOf(plan, task, part);
    put(
      run,
      contextPathOf(plan, task.combo.id, task.chunk),
      `${JSON.stringify(record, null, 2)}\n`,
    );
    const row = {
      combo_id: task.combo.id,
      methods: task.combo.methods.join('+'),
      k: task.combo.k,
      rows: 1,
      variants: plan.variants,
      kept: 1,
      dropped: 0,
      path,
      sha256,
    };
    put(run, manifestRowPathOf(plan, task.combo.id, task.chunk), csvText(MANIFEST_COLUMNS, [row]));
  }
}

function measureSize(root, tasks) {
  const dir = join(root, String(tasks));
  mkdirSync(dir, { recursive: true });
  const plan = planFor(dir, tasks);
  const run = join(dir, 'run');
  writeRun(run, plan);
  const list = join(dir, 'manifests.txt');
  const names = [...tasksOf(plan)].map((t) =>
    join(run, manifestRowPathOf(plan, t.combo.id, t.chunk)),
  );
  writeFileSync(list, `${names.sort().join('\n')}\n`);
  const { a, b } = alternate(
    PAIRS,
    () => timed([process.execPath, AUGC, 'merge', run]),
    () => timed(['sh', '-c', `awk '${AWK}' "$1" > "$2"`, 'awk', list, join(dir, 'awk.csv')]),
    1,
  );
  const ratio = ratios(b, a, (r) => r.wallMs);
  return {
    tasks,
    'augc merge wall s': round(median(a.map((r) => r.wallMs / 1000))),
    'augc CPU s': round(median(a.map((r) => r.cpuMs / 1000))),
    'awk wall s': round(median(b.map((r) => r.wallMs / 1000))),
    'augc / awk (wall, paired)': showSpread(ratio),
    'augc peak RSS MB': round(median(a.map((r) => r.rssMB))),
    _ratio: ratio.median,
  };
}

export function run() {
  const root = tempDir('merge');
  let rows;
  try {
    rows = SIZES.map((n) => measureSize(root, n));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return {
    title: `Merge: augc merge (verifies every hash) vs a one-pass awk concatenation, ${PAIRS} pairs`,
    rows: rows.map(({ _ratio, ...r }) => r),
    checks: SMOKE
      ? []
      : rows.map((r) => ({
          name: `augc merge of ${r.tasks.toLocaleString('en-US')} records within ${GOAL_RATIO}x awk's concatenation`,
          ok: r._ratio <= GOAL_RATIO,
          detail: `${round(r._ratio)}x`,
        })),
    notes: [
      'awk reads each manifest row file once and writes one CSV; augc merge also reads every ' +
        'record, recomputes its cache key, hashes every part and writes Parquet and context.json',
    ],
    missing: [],
    machine: machine(),
  };
}
