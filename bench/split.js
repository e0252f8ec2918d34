// The split, side by side: before any task of `augc run` starts, the input is read once and cut
// into chunk files (engine/split.ts: parse, check columns and cells, sha256 of the input, JSONL
// chunks). Compared with the floor it cannot beat, the same CSV reader streaming the same file and
// counting its rows, as whole processes, alternately, BENCH_PAIRS times, at 1M rows (15-word
// sentences, ~100 MB). Goal (issue 13): the split within 1.5x of that plain streaming parse.
// Environment: BENCH_PAIRS (default 5), BENCH_SPLIT_ROWS (default 1000000), BENCH_SMOKE=1.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextCsv } from './lib/corpus.js';
import {
  alternate,
  machine,
  median,
  ratios,
  ROOT,
  round,
  showSpread,
  SMOKE,
  tempDir,
  timed,
} from './lib/measure.js';

const PAIRS = SMOKE ? 1 : Number(process.env.BENCH_PAIRS ?? 5);
const ROWS = SMOKE ? 2_000 : Number(process.env.BENCH_SPLIT_ROWS ?? 1_000_000);
const GOAL_RATIO = 1.5;
const CHILD = join(ROOT, 'bench', 'lib', 'split-child.js');

export function run() {
  const dir = tempDir('split');
  try {
    const csv = writeTextCsv(dir, ROWS);
    const out = join(dir, 'run');
    const env = { ...process.env, SPLIT_ROWS: String(ROWS) };
    const { a, b } = alternate(
      PAIRS,
      () => {
        rmSync(out, { recursive: true, force: true });
        return timed([process.execPath, CHILD, 'split', csv, out], { env });
      },
      () => timed([process.execPath, CHILD, 'parse', csv]),
      1,
    );
    for (const r of [...a, ...b]) {
      if (Number(r.stdout.trim()) !== ROWS) throw new Error(`expected ${ROWS} rows: ${r.stdout}`);
    }
    const ratio = ratios(b, a, (r) => r.cpuMs);
    const row = (what, runs) => ({
      what,
      rows: ROWS,
      'wall s': round(median(runs.map((r) => r.wallMs / 1000))),
      'CPU s': round(median(runs.map((r) => r.cpuMs / 1000))),
      'peak RSS MB': round(median(runs.map((r) => r.rssMB))),
    });
    return {
      title: `Split: augc's split of a CSV vs a plain streaming parse of it, ${PAIRS} pairs`,
      rows: [
        {
          ...row('augc split (parse, check, sha256, write chunks)', a),
          'x parse (CPU, paired)': showSpread(ratio),
        },
        {
          ...row('plain streaming parse (same reader, count rows)', b),
          'x parse (CPU, paired)': '1',
        },
      ],
      checks: SMOKE
        ? []
        : [
            {
              name: `split of ${ROWS.toLocaleString('en-US')} CSV rows within ${GOAL_RATIO}x a plain streaming parse (CPU)`,
              ok: ratio.median <= GOAL_RATIO,
              detail: `${round(ratio.median)}x`,
            },
          ],
      notes: [
        'each figure is a whole node process (start-up included); the split writes 100,000-row JSONL chunks to a local folder',
      ],
      missing: [],
      machine: machine(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
