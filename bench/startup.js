// Start-up benchmark: `npm run build && node bench/run.js startup`.
// What every augc process pays before its work: a short command end to end (`augc check` on the
// text example, `augc --version`), and the import of what a pool worker or a Slurm array task loads
// (runtimes/worker-task.js). Each is a fresh `node` process; median of RUNS after one warm-up.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 9;

const CASES = [
  { name: 'augc --version', argv: ['bin/augc.js', '--version'] },
  {
    name: 'augc check examples/clinical-sentences.aug',
    argv: ['bin/augc.js', 'check', 'examples/clinical-sentences.aug'],
  },
  {
    name: 'import runtimes/worker-task.js',
    argv: [
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(`${ROOT}dist/runtimes/worker-task.js`).href)})`,
    ],
  },
];

function timeOnce(argv) {
  const start = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${r.status}`);
  return performance.now() - start;
}

export function run() {
  const rows = CASES.map(({ name, argv }) => {
    timeOnce(argv);
    const times = Array.from({ length: RUNS }, () => timeOnce(argv)).sort((a, b) => a - b);
    return {
      name,
      medianMs: Math.round(times[(RUNS - 1) / 2]),
      bestMs: Math.round(times[0]),
    };
  });
  return { title: `Start-up (fresh process, median of ${RUNS})`, rows };
}
