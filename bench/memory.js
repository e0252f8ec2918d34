// Memory: peak RSS of `augc run` (the largest process: the driver or a worker, from GNU time)
// for inputs of 100k, 1M and 10M rows of 15-word sentences, `keyboard_typo`, chunks of 250,000
// rows, --jobs = cores. Each input is generated just before its run and deleted with its output
// right after (10M rows is ~1.1 GB of CSV, and as much again in chunks and output).
// Goal: < 300 MB at every size, and flat (the largest within 1.25x of the smallest).
// Environment: BENCH_MEMORY_SIZES (default 100000,1000000,10000000), BENCH_SMOKE=1 (2,000 rows).
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sentences, writeTextCsv, writeTextPipeline } from './lib/corpus.js';
import { AUGC, machine, round, SMOKE, tempDir, timed } from './lib/measure.js';

const SIZES = SMOKE
  ? [2000]
  : (process.env.BENCH_MEMORY_SIZES ?? '100000,1000000,10000000').split(',').map(Number);
const CHUNK_ROWS = SMOKE ? 500 : 250_000;
const GOAL_MB = 300;

function measure(rows) {
  const dir = tempDir('memory');
  try {
    writeTextCsv(dir, rows, 'data.csv', sentences(5000));
    writeTextPipeline(dir, 'keyboard_typo()', { chunk: `rows = ${CHUNK_ROWS}` });
    const argv = [process.execPath, AUGC, 'run', 'p.aug', '--output', 'out'];
    const r = timed([...argv, '--jobs', String(availableParallelism())], { cwd: dir });
    return {
      'input rows': rows,
      tasks: Math.ceil(rows / CHUNK_ROWS),
      'wall s': round(r.wallMs / 1000),
      'CPU s': round(r.cpuMs / 1000),
      'peak RSS MB (largest process)': round(r.rssMB),
    };
  } finally {
    rmSync(join(dir), { recursive: true, force: true });
  }
}

export function run() {
  const rows = SIZES.map(measure);
  const peaks = rows.map((r) => r['peak RSS MB (largest process)']);
  const most = Math.max(...peaks);
  const least = Math.min(...peaks);
  return {
    title: 'Memory: peak RSS of augc run as the input grows',
    rows,
    checks: SMOKE
      ? []
      : [
          {
            name: `peak RSS < ${GOAL_MB} MB at every size`,
            ok: most < GOAL_MB,
            detail: `${most} MB`,
          },
          {
            name: 'peak RSS flat as the input grows (largest within 1.25x of smallest)',
            ok: most <= 1.25 * least,
            detail: `${least} -> ${most} MB`,
          },
        ],
    notes: [`keyboard_typo, chunks of ${CHUNK_ROWS.toLocaleString('en-US')} rows, one variant`],
    missing: [],
    machine: machine(),
  };
}
