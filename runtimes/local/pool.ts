/**
 * The local worker pool: `jobs` child processes, each running one task at a time (see
 * docs/runtimes/local.md for why processes rather than threads). Tasks are taken in plan order;
 * a failed attempt is retried as the plan's retry rule says, after its backoff; Ctrl-C stops every
 * child cleanly and the run can be resumed.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RESOURCES } from '../../compiler/ir/defaults.js';
import type { PlanTask } from '../../compiler/plan/types.js';
import { workerLogPathOf } from '../../engine/run-layout.js';
import { localWorkDir, publishLocalFile, type WorkDir } from '../../engine/storage/work-dir.js';
import { backoffSeconds, capsOf, escalatedResources, shouldRetry } from '../retry-policy.js';
import type { RunContext, RunningTask, SubmitResult, TaskFailure } from '../runtime.js';
import { ProgressDisplay, type PoolProgress, type WorkerSlot } from './progress.js';
import { startStateWriter } from './run-state.js';
import { fileSize, logTail, recordCrash, recordInterrupted } from './task-outcome.js';
import { sweepTempFiles } from './temp-sweep.js';
import { WorkerProcess, type TaskOutcome } from './worker-process.js';

const HEAP_OOM = /JavaScript heap out of memory/;

interface Queued {
  task: PlanTask;
  attempt: number;
  readyAt: number;
}

class Pool {
  private readonly queue: Queued[];
  private readonly failed: TaskFailure[] = [];
  private readonly progress: PoolProgress;
  private readonly display: ProgressDisplay;
  private readonly workers: WorkerProcess[];
  private readonly stops: Promise<unknown>[] = [];
  private inFlight = 0;
  private interrupted = false;
  private wake: () => void = () => undefined;
  private changed: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: RunContext,
    private readonly work: WorkDir,
    jobs: number,
  ) {
    const root = work.path;
    this.queue = ctx.tasks.map((task) => ({ task, attempt: 1, readyAt: 0 }));
    this.workers = Array.from(
      { length: jobs },
      (_, i) => new WorkerProcess(`worker-${i + 1}`, join(root, workerLogPathOf(i + 1)), ctx.env),
    );
    const slots: WorkerSlot[] = this.workers.map((w) => ({ name: w.name, rowsDone: 0 }));
    this.progress = {
      total: ctx.tasks.length,
      completed: 0,
      failed: 0,
      rowsOut: 0,
      durationsMs: [],
      startedMs: Date.now(),
      workers: slots,
    };
    this.display = new ProgressDisplay(ctx.output, this.progress);
    this.resetChanged();
  }

  private resetChanged(): void {
    this.changed = new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    this.wake();
    this.resetChanged();
  }

  async run(): Promise<SubmitResult> {
    const onAbort = (): void => this.interrupt();
    this.ctx.signal.addEventListener('abort', onAbort);
    if (this.ctx.signal.aborted) this.interrupt();
    const { plan } = this.ctx;
    this.display.start(
      `augc: pipeline "${plan.pipeline}": ${this.ctx.tasks.length} task(s) on local, ${this.workers.length} worker(s)`,
    );
    const state = startStateWriter(this.ctx.storage, () => this.snapshot());
    try {
      await Promise.all(this.workers.map((w, i) => this.slotLoop(w, i)));
      await Promise.all(this.stops);
    } finally {
      this.ctx.signal.removeEventListener('abort', onAbort);
      await Promise.all(this.workers.map((w) => w.close()));
      this.display.stop();
      await state.stop();
      await this.publishLogs();
    }
    const completed = this.progress.completed;
    if (this.interrupted) return { state: 'interrupted', completed };
    if (this.failed.length > 0) return { state: 'failed', completed, failed: this.failed };
    return { state: 'completed', completed };
  }

  /** Temp files a killed worker left in the run's folder (an object store keeps no partial object). */
  private async sweep(pid: number): Promise<void> {
    if (this.work.inRun) await sweepTempFiles(this.work.path, pid);
  }

  /** Worker logs kept outside the run (object-store outputs) are copied into it at the end. */
  private async publishLogs(): Promise<void> {
    if (this.work.inRun) return;
    await Promise.all(
      this.workers.map((w, i) =>
        publishLocalFile(this.ctx.storage, w.logFile, workerLogPathOf(i + 1)),
      ),
    );
  }

  private interrupt(): void {
    if (this.interrupted) return;
    this.interrupted = true;
    for (const w of this.workers) {
      const pid = w.pid;
      this.stops.push(
        w.stop().then(async (how) => {
          if (how === 'killed' && pid !== undefined) await this.sweep(pid);
        }),
      );
    }
    this.notify();
  }

  /** The next task that is ready, waiting for backoffs and for running tasks that may retry. */
  private async take(): Promise<Queued | undefined> {
    for (;;) {
      if (this.interrupted) return undefined;
      const now = Date.now();
      const i = this.queue.findIndex((q) => q.readyAt <= now);
      if (i >= 0) return this.queue.splice(i, 1)[0];
      if (this.queue.length === 0 && this.inFlight === 0) return undefined;
      const next = Math.min(...this.queue.map((q) => q.readyAt));
      const sleep = Number.isFinite(next) ? Math.max(1, next - now) : undefined;
      await this.waitChange(sleep);
    }
  }

  private async waitChange(ms: number | undefined): Promise<void> {
    if (ms === undefined) return this.changed;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.changed, new Promise((r) => (timer = setTimeout(r, ms)))]);
    clearTimeout(timer);
  }

  private async slotLoop(worker: WorkerProcess, slot: number): Promise<void> {
    for (let item = await this.take(); item; item = await this.take()) {
      this.inFlight++;
      try {
        await this.runOne(worker, slot, item);
      } finally {
        this.inFlight--;
        this.notify();
      }
    }
  }

  private async runOne(worker: WorkerProcess, slot: number, item: Queued): Promise<void> {
    const { task, attempt } = item;
    const view = this.progress.workers[slot];
    if (!view) throw new Error(`pool invariant: no progress slot ${slot}`);
    const rowsTotal = this.ctx.chunkRows?.[task.chunk];
    const startMs = Date.now();
    Object.assign(view, { task: task.id, attempt, startedMs: startMs, rowsDone: 0, rowsTotal });
    const logFrom = await fileSize(worker.logFile);
    const outcome = await worker.run({
      message: {
        type: 'run',
        planUri: this.ctx.planUri,
        group: task.group,
        index: task.index,
        attempt,
        ...(rowsTotal !== undefined ? { rowsTotal } : {}),
      },
      walltimeMs: this.walltimeMs(task, attempt),
      onProgress: (rowsDone, total) => {
        view.rowsDone = rowsDone;
        if (total !== undefined) view.rowsTotal = total;
      },
    });
    Object.assign(view, { task: undefined, attempt: undefined, rowsDone: 0, rowsTotal: undefined });
    await this.settle(worker, item, outcome, { startMs, logFrom, slot });
  }

  private walltimeMs(task: PlanTask, attempt: number): number {
    const group = this.ctx.plan.groups.find((g) => g.id === task.group);
    const base = group?.resources ?? DEFAULT_RESOURCES;
    const caps = capsOf(this.ctx.plan, 'local');
    return (
      escalatedResources(this.ctx.plan.retry, base, attempt, caps).resources.walltimeSeconds * 1000
    );
  }

  private async settle(
    worker: WorkerProcess,
    item: Queued,
    outcome: TaskOutcome,
    at: { startMs: number; logFrom: number; slot: number },
  ): Promise<void> {
    if (outcome.kind === 'aborted') {
      const tail = await logTail(worker.logFile, at.logFrom);
      const { task, attempt } = item;
      const info = { task, attempt, worker: worker.name, pid: outcome.pid, startMs: at.startMs };
      await recordInterrupted(this.ctx.storage, { ...info, logTail: tail });
      return;
    }
    if (outcome.kind === 'ok') {
      this.progress.completed++;
      this.progress.rowsOut += outcome.rowsOut;
      this.progress.durationsMs.push(Date.now() - at.startMs);
      this.display.taskEnded();
      return;
    }
    const { task, attempt } = item;
    const tail = await logTail(worker.logFile, at.logFrom);
    // V8 aborts a process whose heap is exhausted (SIGABRT) after saying so on stderr.
    const failure =
      outcome.crashed && HEAP_OOM.test(tail)
        ? { ...outcome.failure, errorClass: 'oom' }
        : outcome.failure;
    if (outcome.crashed) {
      await this.sweep(outcome.pid);
      const crash = { task, attempt, worker: worker.name, pid: outcome.pid, failure };
      await recordCrash(this.ctx.storage, { ...crash, startMs: at.startMs, logTail: tail });
    }
    if (this.interrupted) return;
    if (shouldRetry(this.ctx.plan.retry, attempt, failure)) {
      const delay = backoffSeconds(this.ctx.plan.retry, attempt + 1);
      this.display.message(
        `augc: ${task.id} attempt ${attempt} failed (${failure.errorClass}): retrying in ${delay}s`,
      );
      this.queue.push({ task, attempt: attempt + 1, readyAt: Date.now() + delay * 1000 });
      return;
    }
    this.progress.failed++;
    this.failed.push({
      task: task.id,
      group: task.group,
      index: task.index,
      attempts: attempt,
      errorClass: failure.errorClass,
      message: failure.message,
      logPath: workerLogPathOf(at.slot + 1),
      logTail: tail,
    });
    this.display.message(`augc: ${task.id} failed (${failure.errorClass}): ${failure.message}`);
  }

  private snapshot() {
    const running: RunningTask[] = [];
    this.progress.workers.forEach((w) => {
      if (w.task === undefined) return;
      const [group, index] = this.locate(w.task);
      running.push({
        task: w.task,
        group,
        index,
        attempt: w.attempt ?? 1,
        worker: w.name,
        start: new Date(w.startedMs ?? Date.now()).toISOString(),
        rowsDone: w.rowsDone,
        ...(w.rowsTotal !== undefined ? { rowsTotal: w.rowsTotal } : {}),
      });
    });
    const start = new Date(this.progress.startedMs).toISOString();
    const jobs = this.workers.length;
    return {
      pid: process.pid,
      host: hostname(),
      start,
      updated: new Date().toISOString(),
      jobs,
      running,
    };
  }

  private locate(taskId: string): [string, number] {
    const t = this.ctx.tasks.find((x) => x.id === taskId);
    return [t?.group ?? '', t?.index ?? -1];
  }
}

/** Runs `ctx.tasks` on `jobs` child processes (never more than there are tasks). */
export async function runPool(ctx: RunContext, jobs: number): Promise<SubmitResult> {
  if (ctx.tasks.length === 0) return { state: 'completed', completed: 0 };
  const work = await localWorkDir(
    ctx.outputUri,
    `${ctx.plan.pipeline}-${ctx.plan.planHash.slice(0, 12)}`,
  );
  return new Pool(ctx, work, Math.max(1, Math.min(jobs, ctx.tasks.length))).run();
}
