/**
 * One child process of the pool. It runs one task at a time; when it dies (SIGKILL, a crash) the
 * pool starts a new one, and only the task it held is lost. A task over its walltime is stopped
 * (SIGTERM, then SIGKILL after a grace period) and reported as a `timeout`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIR_MODE, FILE_MODE } from '../../engine/storage/local-file.js';
import type { AttemptFailure } from '../retry-policy.js';
import type { ChildMessage, RunMessage } from './messages.js';

const CHILD_ENTRY = fileURLToPath(new URL('./child-worker.js', import.meta.url));

/** How long a stopped child may take to abort its task cleanly before it is killed. */
export const STOP_GRACE_MS = 10_000;

export type TaskOutcome =
  | { kind: 'ok'; rowsIn: number; rowsOut: number }
  | { kind: 'failed'; failure: AttemptFailure & { message: string }; crashed: boolean; pid: number }
  | { kind: 'aborted'; pid: number };

export interface RunningCall {
  message: RunMessage;
  walltimeMs: number;
  onProgress: (rowsDone: number, rowsTotal?: number) => void;
}

export class WorkerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private timedOut = false;
  /** SIGKILL pending for a child that was told to abort a task over its walltime. */
  private killTimer: NodeJS.Timeout | undefined;
  private stopRequested = false;

  constructor(
    readonly name: string,
    readonly logFile: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  get alive(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Appends a line of the pool's own to this worker's log. */
  note(text: string): void {
    appendFileSync(this.logFile, `[${new Date().toISOString()}] augc: ${text}\n`);
  }

  private start(): ChildProcess {
    this.stopRequested = false;
    mkdirSync(dirname(this.logFile), { recursive: true, mode: DIR_MODE });
    const fd = openSync(this.logFile, 'a', FILE_MODE);
    try {
      const child = fork(CHILD_ENTRY, [], {
        stdio: ['ignore', fd, fd, 'ipc'],
        env: { ...this.env, AUGC_WORKER_NAME: this.name },
      });
      this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
      this.child = child;
      return child;
    } finally {
      closeSync(fd);
    }
  }

  /** Runs one task in the child (starting one if needed) and resolves with how it ended. */
  run(call: RunningCall): Promise<TaskOutcome> {
    const child = this.alive && this.child ? this.child : this.start();
    this.timedOut = false;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const startClock = (): void => {
        timer ??= setTimeout(() => this.timeOut(call.walltimeMs), call.walltimeMs);
      };
      const finish = (outcome: TaskOutcome): void => {
        clearTimeout(timer);
        clearTimeout(this.killTimer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (m: ChildMessage): void => {
        if (m.type === 'started') return startClock();
        if (m.type === 'progress') return call.onProgress(m.rowsDone, m.rowsTotal);
        finish(this.outcomeOf(m, child.pid ?? 0));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
        finish(this.crashOutcome(code, signal, child.pid ?? 0));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(call.message);
    });
  }

  private outcomeOf(m: Extract<ChildMessage, { type: 'done' }>, pid: number): TaskOutcome {
    if (m.ok) return { kind: 'ok', rowsIn: m.rowsIn, rowsOut: m.rowsOut };
    if (this.timedOut) return { kind: 'failed', failure: timeoutFailure(), crashed: false, pid };
    if (m.aborted) return { kind: 'aborted', pid };
    return { kind: 'failed', failure: m.failure, crashed: false, pid };
  }

  private crashOutcome(
    code: number | null,
    signal: NodeJS.Signals | null,
    pid: number,
  ): TaskOutcome {
    if (this.timedOut) return { kind: 'failed', failure: timeoutFailure(), crashed: true, pid };
    if (this.stopRequested) return { kind: 'aborted', pid };
    const failure: AttemptFailure & { message: string } =
      signal !== null
        ? { errorClass: 'signal', signal, message: `the worker process was killed by ${signal}` }
        : {
            errorClass: `exit(${code ?? 0})`,
            exitCode: code ?? 0,
            message: `the worker process exited with code ${code ?? 0} before finishing the task`,
          };
    this.note(failure.message);
    return { kind: 'failed', failure, crashed: true, pid };
  }

  /** Asks the child to abort its task as a timeout; kills it when it does not within the grace. */
  private timeOut(walltimeMs: number): void {
    const child = this.child;
    if (!child || !this.alive) return;
    this.timedOut = true;
    this.note(`walltime of ${Math.round(walltimeMs / 1000)}s exceeded: stopping the task`);
    child.send({ type: 'abort', reason: 'timeout' });
    this.killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  }

  /** Asks the child to abort its task and exit; kills it after the grace period. */
  async stop(graceMs = STOP_GRACE_MS): Promise<'clean' | 'killed'> {
    const child = this.child;
    if (!child || !this.alive) return 'clean';
    this.stopRequested = !this.timedOut;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<'killed'>((resolve) => {
      timer = setTimeout(() => resolve('killed'), graceMs);
    });
    const how = await Promise.race([this.exited.then(() => 'clean' as const), killed]);
    clearTimeout(timer);
    if (how === 'killed') {
      child.kill('SIGKILL');
      await this.exited;
    }
    return how;
  }

  /** Ends an idle child (the pool is done with it). */
  async close(): Promise<void> {
    if (!this.child || !this.alive) return;
    this.child.disconnect();
    await this.exited;
  }
}

function timeoutFailure(): AttemptFailure & { message: string } {
  return { errorClass: 'timeout', message: 'the task exceeded its walltime and was stopped' };
}
