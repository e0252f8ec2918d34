/**
 * Submits one round: one array job per (group, index window) holding the round's tasks, then a
 * finalizer job that waits for all of them (afterany) and merges or resubmits. One scheduler call
 * per array, never one per task.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Plan, PlanResources } from '../../compiler/plan/types.js';
import { DIR_MODE } from '../../engine/storage/local-file.js';
import type { Storage } from '../../engine/storage/storage.js';
import { capsOf, escalatedResources } from '../retry-policy.js';
import type { GridDialect } from './dialect.js';
import {
  finalizerPath,
  roundPath,
  writeJson,
  type GridArray,
  type GridRound,
  type GridState,
} from './grid-state.js';
import { formatIndices, isSingleRange } from './index-spec.js';
import { finalizerScript, taskScript } from './job-script.js';
import { JOBS_DIR, SCHEDULER_LOGS_DIR } from './layout.js';
import { displayArgv, type SchedulerClient } from './scheduler-client.js';
import { jobNameOf, pathSafe } from './shell-quote.js';

export interface GridContext {
  storage: Storage;
  plan: Plan;
  state: GridState;
  dialect: GridDialect;
  client: SchedulerClient;
  /** Set for `--dry-run`: the scripts and commands are written here instead of submitted. */
  print?: (text: string) => void;
}

export interface RoundTask {
  group: string;
  index: number;
}

export interface PlannedArray {
  group: string;
  groupDir: string;
  offset: number;
  indices: string;
}

/** Tasks by group, then by window of `window` indices (re-based so each array counts from 0). */
export function planArrays(
  plan: Plan,
  tasks: readonly RoundTask[],
  window: number,
): PlannedArray[] {
  const byKey = new Map<string, { group: string; offset: number; rel: number[] }>();
  for (const t of tasks) {
    const offset = Math.floor(t.index / window) * window;
    const key = `${t.group}\u0000${offset}`;
    const entry = byKey.get(key) ?? { group: t.group, offset, rel: [] };
    entry.rel.push(t.index - offset);
    byKey.set(key, entry);
  }
  const order = new Map(plan.groups.map((g, i) => [g.id, i]));
  return [...byKey.values()]
    .sort((a, b) => (order.get(a.group) ?? 0) - (order.get(b.group) ?? 0) || a.offset - b.offset)
    .map((e) => ({
      group: e.group,
      groupDir: pathSafe(e.group, `group-${order.get(e.group) ?? 0}`),
      offset: e.offset,
      indices: formatIndices(e.rel),
    }));
}

/**
 * A dialect whose arrays are one range (PBS Pro `-J`) runs a list's whole span, or a single index
 * as two: the script then skips the indices that are not the list's. A plain range needs no filter.
 */
function needsFilter(dialect: GridDialect, indices: string): boolean {
  return !dialect.indexLists && !(isSingleRange(indices) && indices.includes('-'));
}

const FINALIZER_RESOURCES: PlanResources = {
  cpus: 1,
  memoryBytes: 2 * 1024 ** 3,
  gpus: 0,
  walltimeSeconds: 3600,
};

async function writeScript(ctx: GridContext, path: string, text: string): Promise<string> {
  const abs = join(ctx.state.root, path);
  if (ctx.print) {
    ctx.print(`# ---- ${abs}\n${text}`);
    return abs;
  }
  await mkdir(dirname(abs), { recursive: true, mode: DIR_MODE });
  await writeFile(abs, text, { mode: 0o755 });
  await chmod(abs, 0o755);
  return abs;
}

type Submitted = { ok: true; jobId: string; argv: string[] } | { ok: false; message: string };

async function submit(
  ctx: GridContext,
  argv: string[],
  script: string,
  n: number,
): Promise<Submitted> {
  if (ctx.print) {
    ctx.print(`$ ${displayArgv(argv)}\n\n`);
    return { ok: true, jobId: `<job-${n}>`, argv };
  }
  const r = await ctx.client.run(argv);
  const jobId = r.exitCode === 0 ? ctx.dialect.parseJobId(r.stdout) : undefined;
  if (jobId !== undefined) return { ok: true, jobId, argv };
  const why = (r.stderr.trim() || r.stdout.trim() || `exit code ${r.exitCode}`)
    .split('\n')
    .slice(-3)
    .join('; ');
  return { ok: false, message: `\`${displayArgv(argv)}\` failed: ${why}` };
}

function header(ctx: GridContext, what: string): string {
  return `augc ${ctx.state.runtime} job for pipeline ${JSON.stringify(ctx.plan.pipeline)}: ${what}`.replace(
    /[\r\n]/g,
    ' ',
  );
}

async function submitArray(
  ctx: GridContext,
  a: PlannedArray,
  round: number,
  attempt: number,
  begin: number,
  n: number,
) {
  const { state, plan, dialect } = ctx;
  const group = plan.groups.find((g) => g.id === a.group);
  if (!group) return { ok: false as const, message: `the plan has no group \`${a.group}\`` };
  const { resources } = escalatedResources(
    plan.retry,
    group.resources,
    attempt,
    capsOf(plan, state.runtime),
  );
  const stem = `r${round}-${a.groupDir}-${a.offset}`;
  const text = taskScript({
    augc: state.augc,
    root: state.root,
    planUri: state.planUri,
    group: a.group,
    groupDir: a.groupDir,
    offset: a.offset,
    attempt,
    indexExpression: dialect.indexExpression,
    ...(needsFilter(dialect, a.indices) ? { only: a.indices } : {}),
    header: header(ctx, `group ${a.group}, indices ${a.indices} + ${a.offset}, attempt ${attempt}`),
  });
  const script = await writeScript(ctx, `${JOBS_DIR}/${stem}.sh`, text);
  const argv = dialect.arraySubmitArgv({
    name: jobNameOf('augc', plan.pipeline, a.group),
    script,
    workdir: state.root,
    resources,
    target: state.target,
    schedulerLog: join(state.root, SCHEDULER_LOGS_DIR, `${stem}${dialect.arrayLogSuffix}.out`),
    indices: a.indices,
    ...(begin > 0 ? { beginAfterSeconds: begin } : {}),
  });
  const done = await submit(ctx, argv, script, n);
  if (!done.ok) return done;
  const record: GridArray = { jobId: done.jobId, ...a, script, argv };
  return { ok: true as const, record };
}

export type RoundResult =
  | { ok: true; round: GridRound; finalizer: string }
  | { ok: false; message: string; submitted: string[] };

export async function submitRound(
  ctx: GridContext,
  round: number,
  attempt: number,
  tasks: readonly RoundTask[],
  beginAfterSeconds = 0,
): Promise<RoundResult> {
  if (!ctx.print)
    await mkdir(join(ctx.state.root, SCHEDULER_LOGS_DIR), { recursive: true, mode: DIR_MODE });
  const arrays: GridArray[] = [];
  const planned = planArrays(ctx.plan, tasks, ctx.state.window);
  for (const [n, a] of planned.entries()) {
    const done = await submitArray(ctx, a, round, attempt, beginAfterSeconds, n + 1);
    if (!done.ok)
      return { ok: false, message: done.message, submitted: arrays.map((x) => x.jobId) };
    arrays.push(done.record);
  }
  const record: GridRound = { round, attempt, arrays, submitted: new Date().toISOString() };
  // The round is on record before its finalizer can possibly start and read it.
  if (!ctx.print) await writeJson(ctx.storage, roundPath(round), record);
  const fin = await submitFinalizer(
    ctx,
    round,
    arrays.map((a) => a.jobId),
    planned.length + 1,
  );
  if (!fin.ok) return { ok: false, message: fin.message, submitted: arrays.map((x) => x.jobId) };
  if (!ctx.print) await ctx.storage.writeAtomic(finalizerPath(round), `${fin.jobId}\n`);
  return { ok: true, round: record, finalizer: fin.jobId };
}

async function submitFinalizer(
  ctx: GridContext,
  round: number,
  after: string[],
  n: number,
): Promise<Submitted> {
  const { state, plan, dialect } = ctx;
  const stem = `r${round}-finalize`;
  const text = finalizerScript({
    augc: state.augc,
    root: state.root,
    round,
    header: header(ctx, `finalizer of round ${round}`),
  });
  const script = await writeScript(ctx, `${JOBS_DIR}/${stem}.sh`, text);
  const argv = dialect.singleSubmitArgv({
    name: jobNameOf('augc', plan.pipeline, 'finalize'),
    script,
    workdir: state.root,
    resources: FINALIZER_RESOURCES,
    target: state.target,
    schedulerLog: join(state.root, SCHEDULER_LOGS_DIR, `${stem}.out`),
    afterAny: after,
  });
  return submit(ctx, argv, script, n);
}
