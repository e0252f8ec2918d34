// Measuring whole processes for the side-by-side benches: wall time, CPU seconds of the process
// and every descendant it waited for, and the peak RSS of the largest of them (GNU time's %M, from
// wait4's rusage). Everything runs synchronously, one process tree at a time, so two measured
// commands never compete with each other.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = process.env.BENCH_AUGC_ROOT ?? fileURLToPath(new URL('../..', import.meta.url));
export const AUGC = join(ROOT, 'bin', 'augc.js');
/** Tiny sizes and one pair per comparison: what the smoke test runs so the benches cannot rot. */
export const SMOKE = process.env.BENCH_SMOKE === '1';
const GNU_TIME = ['/usr/bin/time'].find((p) => existsSync(p));
export const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));

/** The machine and its load, recorded with every result (the load matters as much as the cores). */
export function machine() {
  const model = cpus()[0]?.model ?? 'unknown';
  return {
    cores: availableParallelism(),
    cpuModel: model.trim(),
    memGiB: Math.round(totalmem() / 2 ** 30),
    loadAvg: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
  };
}

/** CPU seconds of this process's reaped children (cutime + cstime from /proc/self/stat). */
function childrenCpuS() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs `argv` to its end: { wallMs, cpuMs, rssMB, status, stdout, stderr }. CPU and RSS come from
 * GNU time when it is installed (else CPU from /proc and no RSS). A non-zero exit throws unless
 * `allowFail`: a bench that measured a failure would report nonsense.
 */
export function timed(argv, { cwd, env, allowFail = false, input } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'augc-bench-time-'));
  const out = join(dir, 'time.txt');
  const full = GNU_TIME ? [GNU_TIME, '-f', '%U %S %M', '-o', out, ...argv] : argv;
  const cpu0 = childrenCpuS();
  const start = performance.now();
  const run = spawnSync(full[0], full.slice(1), {
    cwd,
    env: env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(input !== undefined ? { input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  const wallMs = performance.now() - start;
  let cpuMs = (childrenCpuS() - cpu0) * 1000;
  let rssMB = Number.NaN;
  if (GNU_TIME && existsSync(out)) {
    const last = readFileSync(out, 'utf8').trim().split('\n').at(-1) ?? '';
    const [user, sys, maxKb] = last.split(' ').map(Number);
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000;
    if (Number.isFinite(maxKb)) rssMB = maxKb / 1024;
  }
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0 && !allowFail) {
    const what = argv.join(' ');
    throw new Error(
      `\`${what}\` exited ${run.status ?? run.signal}: ${String(run.stderr).slice(-2000)}`,
    );
  }
  return { wallMs, cpuMs, rssMB, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Whether `cmd` runs here (e.g. `['snakemake', '--version']`). */
export function available(argv, env) {
  try {
    const run = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env: env ?? process.env });
    return run.status === 0 ? (run.stdout || run.stderr).trim().split('\n')[0] : undefined;
  } catch {
    return undefined;
  }
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { median, min, max } of finite values. */
export function spread(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : Number.NaN,
    max: finite.length ? Math.max(...finite) : Number.NaN,
  };
}

/**
 * Runs `a()` and `b()` alternately, A B A B ..., `pairs` times after `warmup` unmeasured pairs,
 * so that drift in the machine's speed falls on both alike; returns the measurements of each.
 */
export function alternate(pairs, a, b, warmup = 0) {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const as = [];
  const bs = [];
  for (let i = 0; i < pairs; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: as, b: bs };
}

/** Pair-by-pair ratios key(b[i]) / key(a[i]): how many times A is cheaper than B. */
export function ratios(a, b, key) {
  return spread(a.map((x, i) => key(b[i]) / key(x)));
}

/** Least-squares slope of log(y) over log(x): y grows as x^slope. */
export function growthExponent(points) {
  const pts = points.filter(([x, y]) => x > 0 && y > 0).map(([x, y]) => [Math.log(x), Math.log(y)]);
  if (pts.length < 2) return Number.NaN;
  const mx = pts.reduce((s, [x]) => s + x, 0) / pts.length;
  const my = pts.reduce((s, [, y]) => s + y, 0) / pts.length;
  const num = pts.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = pts.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return num / den;
}

/** Rounds for display: 3 significant digits below 100, integers above. */
export function round(value, digits = 3) {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(digits));
}

/** "1.23 (1.10–1.40)": a median with its range. */
export function showSpread(s, digits = 3) {
  return `${round(s.median, digits)} (${round(s.min, digits)}–${round(s.max, digits)})`;
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `augc-bench-${prefix}-`));
}
