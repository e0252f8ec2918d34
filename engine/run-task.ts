/**
 * Runs one task: reads its chunk, applies the combo's methods to every (row, variant), filters,
 * writes the dataset part atomically, then the manifest row, then the context record. The record
 * is written last because it is the completion marker: a task is complete only when its record
 * exists and its part matches the record's sha256 (see task-state.ts). An attempt that fails or
 * is interrupted leaves no temp file, no record, and an attempt record saying why.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextPathOf, manifestRowPathOf, partPathOf } from '../compiler/plan/task-at.js';
import type { Plan, PlanTask } from '../compiler/plan/types.js';
import { cacheKeyOf } from './cache-key.js';
import { recordedColumnTypes, type ColumnTypes } from './column-types.js';
import { comboStepsOf, type TextStep } from './combo-stages.js';
import { csvText } from './csv-text.js';
import { outputColumnsOf, openPartWriter, type PartWriter } from './part-writer.js';
import { recordedPlanDir } from './plan-dir.js';
import { createQualityFilter, emptyQualityCounts, type QualityCounts } from './quality/index.js';
import type { Storage } from './storage/storage.js';
import { synthesizeChunk } from './tabular-stage.js';
import { recordFailure } from './task-failure.js';
import { TaskProgress } from './task-progress.js';
import { markUsage, usageSince, type UsageMark } from './task-usage.js';
import {
  readChunkItems,
  augmentedColumns,
  type ChunkReading,
  type ItemBatches,
} from './task-items.js';
import {
  MANIFEST_COLUMNS,
  TASK_RECORD_VERSION,
  droppedTotal,
  taskIdentityOf,
  type TaskRecord,
} from './task-record.js';
import { crashAfterPartHook, enospcArmed } from './test-hooks.js';
import { textStage } from './text-stage.js';
import { writeItems } from './write-items.js';

export interface RunTaskOptions {
  plan: Plan;
  task: PlanTask;
  storage: Storage;
  /** Storage-relative path of the task's chunk file (JSONL written by `splitInput`). */
  chunkPath: string;
  attempt: number;
  /** Shown in records and logs, e.g. `local-3` or a Slurm job id. */
  worker: string;
  signal?: AbortSignal;
  /** Rows of the chunk done so far and in all (0 when the chunk's size is not known). */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** The chunk's row count when the caller knows it (from `splitInput`), for progress. */
  rowsTotal?: number;
  /** Receives `command` programs' stdout and stderr (for the worker's log). */
  log?: (text: string) => void;
  /** Where this attempt's output can be read (a service's log stream), kept in its records. */
  logLocation?: string;
  /**
   * The directory the plan's relative paths (a `command` program's) are relative to. Default:
   * the one the split recorded (engine/plan-dir.ts), else this process's working directory.
   */
  planDir?: string;
}

interface TaskRun {
  opts: RunTaskOptions;
  reading: ChunkReading;
  chunkHash: ReturnType<typeof createHash>;
  writer: PartWriter | undefined;
  workDir: string | undefined;
  /** Where `command` programs run: `opts.planDir`, else the one the split recorded. */
  planDir?: string | undefined;
  progress: TaskProgress;
}

interface Produced {
  counts: QualityCounts;
  /** Text combos: variants by similarity bin. */
  histogram?: number[];
  rowsOut: number;
  part: { sha256: string; bytes: number };
}

/**
 * The input's declared column types a Parquet part keeps. A tabular combo computes its features
 * (SMOTE interpolates, noise adds), so an integer feature column becomes DOUBLE there.
 */
async function inputTypesFor(run: TaskRun, tabular: boolean): Promise<ColumnTypes> {
  const { plan, storage, chunkPath } = run.opts;
  if (plan.output.format !== 'parquet') return {};
  const types = { ...(await recordedColumnTypes(storage, chunkPath)) };
  if (tabular) {
    for (const f of plan.input.features ?? [])
      if (types[f] === 'integer' || types[f] === 'int32') types[f] = 'number';
  }
  return types;
}

function openWriterFor(run: TaskRun, tabular: boolean): () => Promise<PartWriter> {
  const { plan, task, storage } = run.opts;
  return async () => {
    const columns = {
      names: outputColumnsOf(plan.input, run.reading.columns),
      text: augmentedColumns(plan.input),
      input: await inputTypesFor(run, tabular),
    };
    const path = partPathOf(plan, task.combo.id, task.chunk);
    const enospc = enospcArmed(task.id, run.opts.attempt);
    run.writer = await openPartWriter(storage, plan, path, columns, enospc);
    return run.writer;
  };
}

function chunkItems(run: TaskRun): ItemBatches {
  const { plan, storage, chunkPath } = run.opts;
  return readChunkItems(plan, storage, chunkPath, run.reading, (bytes) =>
    run.chunkHash.update(bytes),
  );
}

async function chainTextSteps(run: TaskRun, steps: TextStep[]): Promise<ItemBatches> {
  const { plan, task, signal, attempt, log } = run.opts;
  const commands = steps.filter((s) => s.kind !== 'text').length;
  let batches = chunkItems(run);
  for (const step of steps) {
    if (step.kind === 'text') {
      batches = textStage(batches, {
        plan,
        task,
        method: step.method,
        impl: step.impl,
        ...(signal ? { signal } : {}),
      });
      continue;
    }
    // Loaded here: a task without `command` methods never loads execa.
    const { commandStage } = await import('./command-stage.js');
    run.workDir ??= await mkdtemp(join(tmpdir(), 'augc-task-'));
    run.planDir ??=
      run.opts.planDir ?? (await recordedPlanDir(run.opts.storage, run.opts.chunkPath));
    const planDir = run.planDir;
    batches = commandStage(batches, {
      plan,
      task,
      method: step.method,
      attempt,
      workDir: run.workDir,
      ...(signal ? { signal } : {}),
      ...(log ? { log } : {}),
      ...(planDir !== undefined ? { planDir } : {}),
      onProgress: run.progress.commandStage(commands),
    });
  }
  return batches;
}

async function produce(run: TaskRun): Promise<Produced> {
  const { plan, task, signal } = run.opts;
  const combo = comboStepsOf(plan, task);
  const open = openWriterFor(run, combo.mode === 'tabular');
  if (combo.mode === 'tabular') {
    const { rows } = await synthesizeChunk(chunkItems(run), {
      plan,
      task,
      steps: combo.steps,
      ...(signal ? { signal } : {}),
    });
    const writer = await open();
    for (const row of rows)
      await writer.write({ ...row, augc_combo: task.combo.id, augc_similarity: null });
    const counts = emptyQualityCounts();
    counts.generated = counts.kept = rows.length;
    run.progress.rows(run.reading.rowsIn);
    return { counts, rowsOut: rows.length, part: await commitPart(run, open) };
  }
  const filter = createQualityFilter(plan.quality);
  const rowsOut = await writeItems(await chainTextSteps(run, combo.steps), {
    plan,
    task,
    filter,
    open,
    ...(signal ? { signal } : {}),
    onRow: () => run.progress.row(),
  });
  const part = await commitPart(run, open);
  return { counts: filter.counts(), histogram: filter.histogram(), rowsOut, part };
}

/** Publishes the part unless the task was aborted meanwhile (then the catch drops it). */
async function commitPart(
  run: TaskRun,
  open: () => Promise<PartWriter>,
): Promise<Produced['part']> {
  const writer = run.writer ?? (await open());
  run.opts.signal?.throwIfAborted();
  const part = await writer.commit();
  run.writer = undefined;
  return part;
}

function recordOf(run: TaskRun, produced: Produced, start: Date, usage: UsageMark): TaskRecord {
  const { plan, task, chunkPath, attempt, worker } = run.opts;
  const chunkSha256 = run.chunkHash.digest('hex');
  const cacheKey = cacheKeyOf({ plan, task, chunkSha256 });
  const methods = task.combo.methods.flatMap((id) => plan.methods.filter((m) => m.id === id));
  return {
    record_version: TASK_RECORD_VERSION,
    ...taskIdentityOf(task),
    combo_index: task.comboIndex,
    methods: task.combo.methods,
    k: task.combo.k,
    attempt,
    host: hostname(),
    pid: process.pid,
    worker,
    start: start.toISOString(),
    end: new Date().toISOString(),
    ...usageSince(usage),
    rows_in: run.reading.rowsIn,
    generated: produced.counts.generated,
    rows_out: produced.rowsOut,
    kept: produced.counts.kept,
    dropped: { ...produced.counts.dropped },
    ...(produced.histogram ? { similarity_histogram: produced.histogram } : {}),
    quality: { ...plan.quality },
    params: methods.map((m) => ({
      id: m.id,
      kind: m.kind,
      ...(m.method !== undefined ? { method: m.method } : {}),
      params: m.params,
      ...(m.argv !== undefined ? { argv: m.argv } : {}),
      ...(m.image !== undefined ? { image: m.image } : {}),
    })),
    seed: { plan: plan.seed, task: task.seed },
    variants: plan.variants,
    input: { path: chunkPath, sha256: chunkSha256 },
    part: {
      path: partPathOf(plan, task.combo.id, task.chunk),
      format: plan.output.format,
      ...produced.part,
    },
    augc_version: plan.compilerVersion,
    plan_hash: plan.planHash,
    cache_key: cacheKey,
    ...(run.opts.logLocation !== undefined ? { log: run.opts.logLocation } : {}),
  };
}

async function publish(storage: Storage, plan: Plan, record: TaskRecord): Promise<void> {
  const row = {
    combo_id: record.combo,
    methods: record.methods.join('+'),
    k: record.k,
    rows: record.rows_out,
    variants: record.variants,
    kept: record.kept,
    dropped: droppedTotal(record.dropped),
    path: record.part.path,
    sha256: record.part.sha256,
  };
  await storage.writeAtomic(
    manifestRowPathOf(plan, record.combo, record.chunk),
    csvText(MANIFEST_COLUMNS, [row]),
  );
  await storage.writeAtomic(
    contextPathOf(plan, record.combo, record.chunk),
    `${JSON.stringify(record, null, 2)}\n`,
  );
}

/** Runs the task; resolves with its record, or rejects with a `TaskFailure` after recording it. */
export async function runTask(opts: RunTaskOptions): Promise<TaskRecord> {
  const { plan, task, storage } = opts;
  const start = new Date();
  const usage = markUsage();
  const run: TaskRun = {
    opts,
    reading: { columns: undefined, rowsIn: 0 },
    chunkHash: createHash('sha256'),
    writer: undefined,
    workDir: undefined,
    progress: new TaskProgress(
      opts.onProgress,
      opts.rowsTotal ?? plan.chunks.rowsPerChunk ?? 0,
      plan.variants,
    ),
  };
  try {
    opts.signal?.throwIfAborted();
    // A record left by an earlier run would vouch for a part this attempt is about to replace.
    await storage.remove(contextPathOf(plan, task.combo.id, task.chunk));
    await storage.remove(manifestRowPathOf(plan, task.combo.id, task.chunk));
    const produced = await produce(run);
    crashAfterPartHook(task.id, opts.attempt);
    opts.signal?.throwIfAborted();
    const record = recordOf(run, produced, start, usage);
    await publish(storage, plan, record);
    return record;
  } catch (error) {
    await run.writer?.abort();
    throw await recordFailure({
      storage,
      plan,
      task,
      attempt: opts.attempt,
      worker: opts.worker,
      start,
      error,
      ...(opts.logLocation !== undefined ? { log: opts.logLocation } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } finally {
    if (run.workDir !== undefined) await rm(run.workDir, { recursive: true, force: true });
  }
}
