// Local execution, side by side: the same tasks through `augc run --jobs 2` and through the
// launchers people use instead, all on this machine's cores, in rounds that run every launcher
// once (alternately), so that drift in the machine's speed falls on all of them alike.
//  1. BENCH_LOCAL_TASKS (default 1000) trivial tasks. augc: a `command` method (`cat`, rows on
//     stdin and stdout) over one-row chunks, one process per task like the others; the others:
//     task i runs `sh -c 'echo i > out/i.txt'`. Overhead per task = wall time / tasks, against
//     xargs -P2 (the yardstick) in the same round.
//  2. BENCH_CPU_TASKS (default 100) CPU-bound tasks of ~50 ms each (an awk loop, the same script
//     for every launcher; augc runs it as a `command` method). Parallel efficiency =
//     time of the tasks one after another / (cores x launcher time), round by round.
// Snakemake runs with `--scheduler greedy`, its fastest setting (its default ILP scheduler
// costs ~60 ms a task here: ../shared/research/peer-baselines.md E2).
// Environment: BENCH_PAIRS (rounds, default 5), BENCH_SMOKE=1 (10 tasks, one round).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  AUGC,
  available,
  machine,
  median,
  round,
  showSpread,
  SMOKE,
  spread,
  tempDir,
  timed,
} from './lib/measure.js';
import { barChart } from './lib/svg.js';

const PAIRS = SMOKE ? 1 : Number(process.env.BENCH_PAIRS ?? 5);
const TRIVIAL = SMOKE ? 10 : Number(process.env.BENCH_LOCAL_TASKS ?? 1000);
const CPU_TASKS = SMOKE ? 4 : Number(process.env.BENCH_CPU_TASKS ?? 100);
const CORES = availableParallelism();

/** ~50 ms of CPU in awk, then the task's own output (stdin passed through for augc). */
const BURN = `#!/bin/sh
awk 'BEGIN { s = 0; for (i = 0; i < 1200000; i++) s += i % 7; print s > "/dev/null" }'
if [ -n "$1" ]; then echo "$1" > "out/$1.txt"; else cat; fi
`;

function setUp(dir, tasks, program) {
  mkdirSync(join(dir, 'out'), { recursive: true });
  writeFileSync(join(dir, 'burn.sh'), BURN);
  const rows = Array.from({ length: tasks }, (_, i) => `${i},task ${i}`);
  writeFileSync(join(dir, 'data.csv'), `id,text\n${rows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'p.aug'),
    `pipeline "local" {
  input "data.csv" { id = "id"  text = ["text"] }
  method t = command("${program}") { io = stdio }
  chunk { rows = 1 }
  quality { min = 0  max = 1 }
  output "out" { format = csv }
}
`,
  );
  writeFileSync(
    join(dir, 'Snakefile'),
    `N = int(config["n"])
CMD = config["cmd"]

rule all:
    input: expand("out/{i}.txt", i=range(N))

rule task:
    output: "out/{i}.txt"
    shell: CMD
`,
  );
  const shard = (k) =>
    `( i=${k}; while [ $i -lt ${tasks} ]; do TASK; i=$((i + 7)); done ) &`.replace(
      'TASK',
      program === 'cat' ? `sh -c "echo $i > out/$i.txt"` : 'sh burn.sh $i',
    );
  writeFileSync(
    join(dir, 'shards7.sh'),
    `#!/bin/bash\n${Array.from({ length: 7 }, (_, k) => shard(k)).join('\n')}\nwait\n`,
  );
}

/** The launchers: argv for N tasks whose command (for task {}) is `task`. */
function launchers(tasks, task, snakeCmd, have) {
  const seq = `seq 0 ${tasks - 1}`;
  const list = [
    {
      name: 'augc run --jobs 2',
      argv: [process.execPath, AUGC, 'run', 'p.aug', '--output', 'run', '--jobs', String(CORES)],
      fresh: ['run'],
    },
    { name: 'xargs -P2', argv: ['sh', '-c', `${seq} | xargs -P${CORES} -I{} ${task}`] },
    { name: '7 background shards (bash)', argv: ['bash', 'shards7.sh'] },
  ];
  if (have.parallel)
    list.push({
      name: 'GNU parallel -j2',
      argv: ['sh', '-c', `${seq} | parallel -j${CORES} ${task}`],
    });
  if (have.snakemake)
    list.push({
      name: 'snakemake --cores 2',
      argv: [
        'snakemake',
        '--cores',
        String(CORES),
        '--quiet',
        '--nolock',
        '--scheduler',
        'greedy',
        '--config',
        `n=${tasks}`,
        `cmd=${snakeCmd}`,
      ],
      fresh: ['.snakemake'],
    });
  return list;
}

function runOnce(dir, launcher) {
  for (const f of ['out', ...(launcher.fresh ?? [])])
    rmSync(join(dir, f), { recursive: true, force: true });
  mkdirSync(join(dir, 'out'), { recursive: true });
  return timed(launcher.argv, { cwd: dir });
}

function trivialSection(root, have) {
  const dir = join(root, 'trivial');
  setUp(dir, TRIVIAL, 'cat');
  const list = launchers(
    TRIVIAL,
    `sh -c 'echo {} > out/{}.txt'`,
    'echo {wildcards.i} > {output}',
    have,
  );
  const runs = new Map(list.map((l) => [l.name, []]));
  for (let r = 0; r < PAIRS; r++) for (const l of list) runs.get(l.name).push(runOnce(dir, l));
  const xargs = runs.get('xargs -P2');
  return list.map((l) => {
    const rs = runs.get(l.name);
    return {
      launcher: l.name,
      tasks: TRIVIAL,
      'wall s': round(median(rs.map((x) => x.wallMs / 1000))),
      'ms per task (wall)': round(median(rs.map((x) => x.wallMs / TRIVIAL))),
      'CPU ms per task': round(median(rs.map((x) => x.cpuMs / TRIVIAL))),
      'vs xargs (wall, paired)': showSpread(spread(rs.map((x, i) => x.wallMs / xargs[i].wallMs))),
    };
  });
}

function cpuSection(root, have) {
  const dir = join(root, 'cpu');
  setUp(dir, CPU_TASKS, 'sh burn.sh');
  const sequential = {
    name: 'one after another',
    argv: ['sh', '-c', `for i in $(seq 0 ${CPU_TASKS - 1}); do sh burn.sh $i; done`],
  };
  const list = [
    sequential,
    ...launchers(CPU_TASKS, 'sh burn.sh {}', 'sh burn.sh {wildcards.i}', have),
  ];
  const runs = new Map(list.map((l) => [l.name, []]));
  for (let r = 0; r < PAIRS; r++) for (const l of list) runs.get(l.name).push(runOnce(dir, l));
  const seq = runs.get(sequential.name);
  return list.slice(1).map((l) => {
    const rs = runs.get(l.name);
    const eff = spread(rs.map((x, i) => seq[i].wallMs / (CORES * x.wallMs)));
    return {
      launcher: l.name,
      tasks: CPU_TASKS,
      'wall s': round(median(rs.map((x) => x.wallMs / 1000))),
      'sequential s': round(median(seq.map((x) => x.wallMs / 1000))),
      'parallel efficiency (paired)': showSpread(eff),
      'extra CPU ms per task': round(
        median(rs.map((x, i) => (x.cpuMs - seq[i].cpuMs) / CPU_TASKS)),
      ),
      _eff: eff.median,
    };
  });
}

export function run() {
  const have = {
    parallel: available(['parallel', '--version']) !== undefined,
    snakemake: available(['snakemake', '--version']) !== undefined,
  };
  const missing = [
    ...(have.parallel ? [] : ['GNU parallel']),
    ...(have.snakemake ? [] : ['snakemake']),
  ].map((m) => `${m} (install with bench/setup.sh)`);
  const root = tempDir('local');
  let trivial;
  let cpu;
  try {
    trivial = trivialSection(root, have);
    cpu = cpuSection(root, have);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const augcCpu = cpu.find((r) => r.launcher.startsWith('augc'));
  const notes = [`${CORES} cores; every launcher ran ${PAIRS} time(s), alternately`];
  if (missing.length) notes.push(`comparators missing: ${missing.join(', ')}`);
  return {
    title: `Local execution: augc vs xargs, GNU parallel, bash shards, Snakemake (${PAIRS} rounds)`,
    tables: [
      { caption: `**${TRIVIAL} trivial tasks**`, rows: trivial },
      {
        caption: `**${CPU_TASKS} CPU-bound tasks (~50 ms of awk each)**`,
        rows: cpu.map(({ _eff, ...r }) => r),
      },
    ],
    rows: [...trivial, ...cpu.map(({ _eff, ...r }) => r)],
    checks: SMOKE
      ? []
      : [
          {
            name: 'augc parallel efficiency on CPU-bound command tasks >= 0.9',
            ok: augcCpu._eff >= 0.9,
            detail: `${round(augcCpu._eff)}`,
          },
        ],
    notes,
    missing,
    machine: machine(),
    charts: [
      {
        file: 'local-efficiency.svg',
        alt: 'parallel efficiency of each launcher on CPU-bound tasks',
        svg: barChart({
          title: `Parallel efficiency, ${CPU_TASKS} CPU-bound tasks on ${CORES} cores`,
          yLabel: 'efficiency (1 = perfect)',
          categories: cpu.map((r) => r.launcher.split(' ')[0]),
          series: [{ name: 'median of rounds', values: cpu.map((r) => r._eff) }],
          line: { value: 1, label: 'ideal' },
        }),
      },
    ],
  };
}
