/**
 * Entry point of a pool child (forked by `worker-process.ts`). It runs the tasks it is sent one at
 * a time through `runWorkerTask`, the code `augc worker` runs, and reports progress and results
 * over IPC. Ctrl-C in a terminal reaches the whole process group: a child then aborts its task
 * (the engine drops its temp files, records nothing) and exits.
 */
import { hostname } from 'node:os';
import { runWorkerTask } from '../worker-task.js';
import {
  KILL_AFTER_ROWS,
  KILL_TASK,
  type ChildMessage,
  type ParentMessage,
  type RunMessage,
} from './messages.js';

const workerName = process.env['AUGC_WORKER_NAME'] ?? `local-${process.pid}`;
let current: AbortController | undefined;
let stopping = false;
/** Progress goes to the parent at most this often (the engine reports every row). */
const PROGRESS_EVERY_MS = 100;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

/** The test hook of messages.ts: a SIGKILL after N rows of a first attempt (one task or all). */
function killHookFor(taskId: string, attempt: number): ((rows: number) => void) | undefined {
  const raw = process.env[KILL_AFTER_ROWS];
  if (attempt > 1) return undefined;
  const only = process.env[KILL_TASK];
  if (raw === undefined || raw === '' || !Number.isFinite(Number(raw))) return undefined;
  if (only !== undefined && only !== '' && only !== taskId) return undefined;
  return (rows) => {
    if (rows >= Number(raw)) process.kill(process.pid, 'SIGKILL');
  };
}

function log(text: string): void {
  process.stdout.write(`[${new Date().toISOString()}] ${text}\n`);
}

async function runOne(message: RunMessage): Promise<void> {
  current = new AbortController();
  let hook: ((rows: number) => void) | undefined;
  let lastSent = 0;
  const { planUri, group, index, attempt, rowsTotal } = message;
  const result = await runWorkerTask({
    planUri,
    group,
    index,
    attempt,
    ...(rowsTotal !== undefined ? { rowsTotal } : {}),
    worker: workerName,
    signal: current.signal,
    log: (text) => process.stdout.write(text),
    onStart: (task) => {
      hook = killHookFor(task.id, attempt);
      void send({ type: 'started' });
      log(
        `start ${task.id} (${task.group}[${task.index}]) attempt ${message.attempt} on ${hostname()} pid ${process.pid}`,
      );
    },
    onProgress: (rowsDone, total) => {
      hook?.(rowsDone);
      const now = Date.now();
      if (now - lastSent < PROGRESS_EVERY_MS) return;
      lastSent = now;
      void send({ type: 'progress', rowsDone, ...(total ? { rowsTotal: total } : {}) });
    },
  });
  current = undefined;
  if (result.ok) {
    const { rows_in: rowsIn, rows_out: rowsOut } = result.record;
    log(`done ${result.task.id}: ${rowsIn} rows in, ${rowsOut} out`);
    await send({ type: 'done', ok: true, rowsIn, rowsOut });
  } else {
    const what = result.task?.id ?? `${message.group}[${message.index}]`;
    log(`${result.aborted ? 'aborted' : 'failed'} ${what}: ${result.failure.message}`);
    await send({ type: 'done', ok: false, aborted: result.aborted, failure: result.failure });
  }
  if (stopping) process.exit(0);
}

function stop(): void {
  stopping = true;
  if (current) current.abort();
  else process.exit(0);
}

/** Over its walltime the task is aborted as a timeout; the process stays for the next task. */
function timeOut(): void {
  current?.abort(new DOMException('the task exceeded its walltime', 'TimeoutError'));
}

process.on('message', (raw: ParentMessage) => {
  if (raw.type === 'abort') return raw.reason === 'timeout' ? timeOut() : stop();
  void runOne(raw);
});
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('disconnect', stop);
