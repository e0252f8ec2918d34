// Start-up: what every augc process pays before its work, each command in a fresh process,
// alternating with `node -e 0` (Node's own floor) in the same rounds: `augc --version`,
// `augc check` and `augc plan` on the text example, and the import of what a local pool worker
// loads (the bundle's child-worker.js; it returns at once without a parent). With
// BENCH_BASE_ROOT=<folder holding bin/ and dist/ of another build> the same commands of that
// build run in the same rounds, for a before/after comparison.
// Environment: BENCH_STARTUP_PAIRS (default 11), BENCH_BASE_ROOT, BENCH_SMOKE=1 (one round).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  machine,
  median,
  ratios,
  ROOT,
  round,
  showSpread,
  SMOKE,
  spread,
  timed,
} from './lib/measure.js';

const PAIRS = SMOKE ? 1 : Number(process.env.BENCH_STARTUP_PAIRS ?? 11);
const BASE = process.env.BENCH_BASE_ROOT;
const GOAL_CHECK_S = 0.25;

function commands(root) {
  const bin = join(root, 'bin', 'augc.js');
  const example = join(ROOT, 'examples', 'clinical-sentences.aug');
  const bundled = join(root, 'dist', 'bundle', 'child-worker.js');
  const worker = existsSync(bundled)
    ? bundled
    : join(root, 'dist', 'runtimes', 'local', 'child-worker.js');
  return [
    { name: 'augc --version', argv: [bin, '--version'] },
    { name: 'augc check clinical-sentences.aug', argv: [bin, 'check', example] },
    { name: 'augc plan clinical-sentences.aug', argv: [bin, 'plan', example] },
    { name: 'worker import (pool child)', argv: [worker] },
  ];
}

export function run() {
  const builds = [
    { label: 'this build', root: ROOT },
    ...(BASE ? [{ label: 'base', root: BASE }] : []),
  ];
  const cases = builds.flatMap((b) => commands(b.root).map((c) => ({ ...c, build: b.label })));
  const floor = [];
  const times = cases.map(() => []);
  const once = (argv) => timed([process.execPath, ...argv], { cwd: join(ROOT, 'examples') });
  once(['-e', '0']);
  cases.forEach((c) => once(c.argv));
  for (let i = 0; i < PAIRS; i++) {
    cases.forEach((c, k) => {
      times[k].push(once(c.argv));
      floor.push(once(['-e', '0']));
    });
  }
  const rows = cases.map((c, k) => {
    const own = times[k];
    const paired = floor.filter((_, j) => j % cases.length === k);
    const wall = spread(own.map((r) => r.wallMs / 1000));
    return {
      what: c.name,
      ...(BASE ? { build: c.build } : {}),
      'wall s, median (min–max)': showSpread(wall),
      'CPU s': round(median(own.map((r) => r.cpuMs / 1000))),
      'node -e 0 wall s': round(median(paired.map((r) => r.wallMs / 1000))),
      'x node -e 0 (wall, paired)': showSpread(ratios(paired, own, (r) => r.wallMs)),
      'peak RSS MB': round(median(own.map((r) => r.rssMB))),
      _wall: wall.median,
    };
  });
  const check = rows.find(
    (r) => r.what.startsWith('augc check') && (!BASE || r.build === 'this build'),
  );
  return {
    title: `Start-up, fresh processes, ${PAIRS} rounds alternating with node -e 0`,
    rows: rows.map(({ _wall, ...r }) => r),
    checks: SMOKE
      ? []
      : [
          {
            name: `augc check examples/clinical-sentences.aug <= ${GOAL_CHECK_S} s (median wall)`,
            ok: check._wall <= GOAL_CHECK_S,
            detail: `${round(check._wall)} s`,
          },
        ],
    notes: ['"x node -e 0": wall time over that of `node -e 0` run right after it, pair by pair'],
    missing: [],
    machine: machine(),
  };
}
