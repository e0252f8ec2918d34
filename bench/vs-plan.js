// Planning, side by side: `augc plan` vs `snakemake --dry-run --quiet` on an equivalent
// Snakefile (one wildcard rule, the same number of tasks), run alternately in the same process
// (A B A B ...). augc's tasks are the chunks of a one-method pipeline, one row per chunk, so the
// input has as many rows as the plan has tasks (augc reads its input to plan; Snakemake reads
// nothing). 100k tasks is augc alone: Snakemake's figure there (~390 s, 1.39 GiB) is quoted from
// ../shared/research/peer-baselines.md (E1), measured on this machine.
// Environment: BENCH_PAIRS (default 5), BENCH_PLAN_SIZES (default 1000,10000), BENCH_PLAN_AUGC_ONLY
// (default 100000), BENCH_SMOKE=1 (10 and 100 tasks, one pair).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextCsv, writeTextPipeline } from './lib/corpus.js';
import {
  alternate,
  AUGC,
  available,
  growthExponent,
  machine,
  median,
  ratios,
  round,
  showSpread,
  SMOKE,
  spread,
  tempDir,
  timed,
} from './lib/measure.js';
import { lineChart } from './lib/svg.js';

const list = (v, d) => (v ?? d).split(',').filter(Boolean).map(Number);
const SIZES = SMOKE ? [10, 100] : list(process.env.BENCH_PLAN_SIZES, '1000,10000');
const AUGC_ONLY = SMOKE ? [] : list(process.env.BENCH_PLAN_AUGC_ONLY, '100000');
const PAIRS = SMOKE ? 1 : Number(process.env.BENCH_PAIRS ?? 5);
/** Snakemake 7.21 `--cores 2 --dry-run --quiet`, peer-baselines.md E1 (N = 100,000). */
const SNAKEMAKE_100K = { wallS: 390, rssMB: 1390 };
const GOAL_100K_S = 0.35;

const SNAKEFILE = `N = int(config["n"])

rule all:
    input: expand("out/{i}.txt", i=range(N))

rule task:
    output: "out/{i}.txt"
    shell: "echo {wildcards.i} > {output}"
`;

function workspace(root, n) {
  const dir = join(root, String(n));
  mkdirSync(dir, { recursive: true });
  writeTextCsv(dir, n);
  writeTextPipeline(dir, 'keyboard_typo()', { chunk: 'rows = 1' });
  writeFileSync(join(dir, 'Snakefile'), SNAKEFILE);
  return dir;
}

const augcPlan = (dir) => () => timed([process.execPath, AUGC, 'plan', 'p.aug'], { cwd: dir });
const snakemakeDryRun = (dir, n) => () =>
  timed(['snakemake', '--cores', '2', '--dry-run', '--quiet', '--nolock', '--config', `n=${n}`], {
    cwd: dir,
  });

function rowOf(tool, tasks, runs, extra = {}) {
  const wall = spread(runs.map((r) => r.wallMs / 1000));
  return {
    tool,
    tasks,
    'wall s, median (min–max)': showSpread(wall),
    'CPU s': round(median(runs.map((r) => r.cpuMs / 1000))),
    'peak RSS MB': round(median(runs.map((r) => r.rssMB))),
    ...extra,
    _wall: wall.median,
  };
}

function measureSizes(snakemake) {
  const rows = [];
  const root = tempDir('plan');
  try {
    for (const n of [...SIZES, ...AUGC_ONLY]) rows.push(...measureSize(root, n, snakemake));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

function measureSize(root, n, snakemake) {
  const dir = workspace(root, n);
  const both = snakemake && SIZES.includes(n);
  const { a, b } = both
    ? alternate(PAIRS, augcPlan(dir), snakemakeDryRun(dir, n), 1)
    : alternate(PAIRS, augcPlan(dir), () => undefined, 1);
  const ratio = both ? showSpread(ratios(a, b, (r) => r.wallMs)) : '';
  const rows = [rowOf('augc plan', n, a, { 'Snakemake / augc (wall, paired)': ratio })];
  if (both)
    rows.push(
      rowOf('snakemake --dry-run --quiet', n, b, { 'Snakemake / augc (wall, paired)': '' }),
    );
  return rows;
}

export function run() {
  const version = available(['snakemake', '--version']);
  const rows = measureSizes(version !== undefined);
  const augc = rows.filter((r) => r.tool === 'augc plan');
  const snake = rows.filter((r) => r.tool !== 'augc plan');
  const augcExp = growthExponent(augc.map((r) => [r.tasks, r._wall]));
  const snakeExp = growthExponent(snake.map((r) => [r.tasks, r._wall]));
  const largest = augc.at(-1);
  const notes = [
    `growth exponent b in wall ∝ tasks^b: augc ${round(augcExp)}` +
      (snake.length > 1 ? `, Snakemake ${round(snakeExp)} (measured sizes)` : ''),
    `Snakemake at 100,000 tasks (not rerun): ~${SNAKEMAKE_100K.wallS} s and ${SNAKEMAKE_100K.rssMB} MB, ` +
      'from ../shared/research/peer-baselines.md (E1)',
  ];
  const missing = version === undefined ? ['snakemake (install with bench/setup.sh)'] : [];
  if (missing.length) notes.push(`comparator missing: ${missing[0]}; augc measured alone`);
  const checks = SMOKE
    ? []
    : [
        {
          name: `augc plan of ${largest.tasks.toLocaleString('en-US')} tasks <= ${GOAL_100K_S} s (median wall)`,
          ok: largest._wall <= GOAL_100K_S,
          detail: `${round(largest._wall)} s`,
        },
        {
          name: 'augc plan time flat in the task count (growth exponent <= 0.1)',
          ok: augcExp <= 0.1,
          detail: `b = ${round(augcExp)}`,
        },
      ];
  const series = [{ name: 'augc plan', points: augc.map((r) => [r.tasks, r._wall]) }];
  if (snake.length)
    series.push({
      name: 'snakemake --dry-run (measured)',
      points: snake.map((r) => [r.tasks, r._wall]),
    });
  if (!SMOKE)
    series.push({
      name: 'snakemake at 100k (quoted)',
      points: [...snake.slice(-1).map((r) => [r.tasks, r._wall]), [100_000, SNAKEMAKE_100K.wallS]],
      dashed: true,
    });
  return {
    title: `Planning: augc plan vs Snakemake ${version ?? '(missing)'} dry-run, ${PAIRS} pairs`,
    rows: rows.map(({ _wall, ...r }) => r),
    checks,
    notes,
    missing,
    machine: machine(),
    charts: [
      {
        file: 'plan-time.svg',
        alt: 'plan time against task count, augc and Snakemake, log axes',
        svg: lineChart({
          title: 'Planning time vs tasks (log-log)',
          xLabel: 'tasks',
          yLabel: 'wall seconds',
          series,
        }),
      },
    ],
  };
}
