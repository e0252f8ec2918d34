/**
 * Submits one round: one array per (group, index window) holding the round's tasks, then the
 * round's finalizer after all of them (where the backend has dependencies). One backend call per
 * array, never one per task.
 */
import type { Plan } from '../../compiler/plan/types.js';
import { batchFinalizerPath, batchRoundPath } from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';
import { capsOf, escalatedResources } from '../retry-policy.js';
import type { BatchBackend } from './backend.js';
import { writeJson, type BatchArray, type BatchRound, type BatchState } from './batch-state.js';
import { groupDirOf } from './group-dir.js';
import { formatIndices } from './index-spec.js';

export interface BatchContext {
  storage: Storage;
  plan: Plan;
  state: BatchState;
  backend: BatchBackend;
  /** `--dry-run`: the backend prints its requests, and nothing is recorded. */
  describing?: boolean;
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
      groupDir: groupDirOf(plan, e.group),
      offset: e.offset,
      indices: formatIndices(e.rel),
    }));
}

interface RoundError {
  ok: false;
  message: string;
  submitted: string[];
  unavailable?: boolean;
}

export type RoundResult =
  { ok: true; round: BatchRound; finalizer: string | undefined } | RoundError;

function roundError(
  failed: { message: string; unavailable?: boolean },
  arrays: readonly BatchArray[],
): RoundError {
  return {
    ok: false,
    message: failed.message,
    submitted: arrays.map((x) => x.jobId),
    ...(failed.unavailable === true ? { unavailable: true } : {}),
  };
}

async function submitArrays(
  ctx: BatchContext,
  planned: readonly PlannedArray[],
  round: number,
  attempt: number,
  begin: number,
): Promise<{ ok: true; arrays: BatchArray[] } | RoundError> {
  const arrays: BatchArray[] = [];
  for (const a of planned) {
    const group = ctx.plan.groups.find((g) => g.id === a.group);
    const done = group
      ? await ctx.backend.submitArray({
          round,
          attempt,
          ...a,
          resources: escalatedResources(
            ctx.plan.retry,
            group.resources,
            attempt,
            capsOf(ctx.plan, ctx.state.runtime),
          ).resources,
          ...(begin > 0 ? { beginAfterSeconds: begin } : {}),
          what: `group ${a.group}, indices ${a.indices} + ${a.offset}, attempt ${attempt}`,
        })
      : { ok: false as const, message: `the plan has no group \`${a.group}\`` };
    if (!done.ok) return roundError(done, arrays);
    arrays.push({ jobId: done.jobId, ...a, request: done.request });
  }
  return { ok: true, arrays };
}

export async function submitRound(
  ctx: BatchContext,
  round: number,
  attempt: number,
  tasks: readonly RoundTask[],
  beginAfterSeconds = 0,
): Promise<RoundResult> {
  const planned = planArrays(ctx.plan, tasks, ctx.state.window);
  const sent = await submitArrays(ctx, planned, round, attempt, beginAfterSeconds);
  if (!sent.ok) return sent;
  const { arrays } = sent;
  const record: BatchRound = { round, attempt, arrays, submitted: new Date().toISOString() };
  // The round is on record before its finalizer can possibly start and read it.
  if (!ctx.describing) await writeJson(ctx.storage, batchRoundPath(round), record);
  if (!ctx.backend.submitFinalizer) return { ok: true, round: record, finalizer: undefined };
  const fin = await ctx.backend.submitFinalizer({
    round,
    after: arrays.map((a) => a.jobId),
    what: `finalizer of round ${round}`,
  });
  if (!fin.ok) return roundError(fin, arrays);
  if (!ctx.describing) await ctx.storage.writeAtomic(batchFinalizerPath(round), `${fin.jobId}\n`);
  return { ok: true, round: record, finalizer: fin.jobId };
}
