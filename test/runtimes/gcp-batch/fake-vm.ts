/**
 * The fake's compute side: it plays the VMs a Cloud Batch job gets. Each task's container
 * runnable runs as a local process (the test maps the image's entry point to this worktree's
 * `augc`), with the variables Batch sets (`BATCH_TASK_INDEX`, `BATCH_TASK_COUNT`,
 * `BATCH_TASK_RETRY_ATTEMPT`), its runnable's environment and what every VM of the test has
 * (the storage endpoint). It enforces `maxRunDuration` (exit 50005), reports a process killed by
 * signal N as 128+N as a container does, can preempt a task (exit 50001), and retries tasks as
 * `maxRetryCount` and the lifecycle policies say.
 */
import { spawn, type ChildProcess } from 'node:child_process';

type Msg = Record<string, unknown>;

export interface StatusEvent {
  type: string;
  description: string;
  eventTime: { seconds: string; nanos: number };
  taskExecution?: { exitCode: number };
  taskState: string;
}

export interface FakeTask {
  index: number;
  state: 'PENDING' | 'ASSIGNED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'UNEXECUTED';
  events: StatusEvent[];
  retries: number;
  log: string;
  child?: ChildProcess;
}

export interface VmOptions {
  /** The argv that starts `entrypoint` in `image` on this machine. */
  entrypoint(image: string, entrypoint: string): string[];
  /** Variables every VM of the test provides (e.g. `STORAGE_EMULATOR_HOST`, `PATH`). */
  env: Record<string, string>;
  /** Tasks this machine runs at once, whatever the job's parallelism. */
  slots: number;
  /** Preempt this run of the task (exit 50001) instead of letting it finish. */
  preempt?(jobId: string, index: number, retry: number): boolean;
  /** Plays gcsfuse for a GCS volume: the bucket's objects as files at `mountPath`, and back. */
  gcsVolume?: {
    before(remotePath: string, mountPath: string): Promise<void>;
    after(remotePath: string, mountPath: string): Promise<void>;
  };
}

function gcsVolumes(spec: Msg): { remotePath: string; mountPath: string }[] {
  return list(spec['volumes']).flatMap((v) => {
    const remotePath = msg(v['gcs'])['remotePath'];
    return typeof remotePath === 'string'
      ? [{ remotePath, mountPath: String(v['mountPath']) }]
      : [];
  });
}

const msg = (v: unknown): Msg => (typeof v === 'object' && v !== null ? (v as Msg) : {});
const list = (v: unknown): Msg[] => (Array.isArray(v) ? (v as Msg[]) : []);
const SIGNALS: Record<string, number> = {
  SIGKILL: 9,
  SIGTERM: 15,
  SIGINT: 2,
  SIGSEGV: 11,
  SIGABRT: 6,
};

function now(): StatusEvent['eventTime'] {
  const ms = Date.now();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
}

export function pushEvent(task: FakeTask, state: FakeTask['state'], exitCode?: number): void {
  const from = task.state;
  task.state = state;
  task.events.push({
    type: 'STATUS_CHANGED',
    description: `Task state is updated from ${from} to ${state}${exitCode !== undefined ? ` with exit code ${exitCode}` : ''}`,
    eventTime: now(),
    ...(exitCode !== undefined ? { taskExecution: { exitCode } } : {}),
    taskState: state,
  });
}

/** Whether the lifecycle policies and the retry count let this exit code run again. */
function retries(spec: Msg, task: FakeTask, code: number): boolean {
  if (task.retries >= Number(spec['maxRetryCount'] ?? 0)) return false;
  for (const p of list(spec['lifecyclePolicies'])) {
    const codes = list(msg(p['actionCondition'])['exitCodes']).map(Number);
    if (p['action'] === 'RETRY_TASK') return codes.includes(code);
    if (p['action'] === 'FAIL_TASK' && codes.includes(code)) return false;
  }
  return true;
}

export interface RunnableJob {
  id: string;
  spec: Msg;
  count: number;
  tasks: FakeTask[];
  stopped: () => boolean;
}

function runOnce(vm: VmOptions, job: RunnableJob, task: FakeTask): Promise<number> {
  const runnable = list(job.spec['runnables'])[0] ?? {};
  const container = msg(runnable['container']);
  const argv = [
    ...vm.entrypoint(String(container['imageUri']), String(container['entrypoint'] ?? '')),
    ...list(container['commands']).map(String),
  ];
  const env = {
    ...vm.env,
    ...(msg(msg(job.spec['environment'])['variables']) as Record<string, string>),
    ...(msg(msg(runnable['environment'])['variables']) as Record<string, string>),
    BATCH_TASK_INDEX: String(task.index),
    BATCH_TASK_COUNT: String(job.count),
    BATCH_TASK_RETRY_ATTEMPT: String(task.retries),
  };
  const [program, ...args] = argv;
  const child = spawn(program!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  task.child = child;
  const append = (d: Buffer): void => void (task.log += d.toString());
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let forced: number | undefined;
  const seconds = Number(msg(job.spec['maxRunDuration'])['seconds'] ?? 0);
  const timer =
    seconds > 0
      ? setTimeout(() => {
          forced = 50005;
          child.kill('SIGKILL');
        }, seconds * 1000)
      : undefined;
  if (vm.preempt?.(job.id, task.index, task.retries)) {
    forced = 50001;
    child.kill('SIGKILL');
  }
  return new Promise((resolve) => {
    child.on('error', () => undefined);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      delete task.child;
      resolve(forced ?? code ?? 128 + (SIGNALS[signal ?? ''] ?? 1));
    });
  });
}

async function runTask(vm: VmOptions, job: RunnableJob, task: FakeTask): Promise<void> {
  for (;;) {
    if (job.stopped()) return;
    pushEvent(task, 'ASSIGNED');
    const volumes = vm.gcsVolume ? gcsVolumes(job.spec) : [];
    for (const v of volumes) await vm.gcsVolume?.before(v.remotePath, v.mountPath);
    pushEvent(task, 'RUNNING');
    const code = await runOnce(vm, job, task);
    for (const v of volumes) await vm.gcsVolume?.after(v.remotePath, v.mountPath);
    if (job.stopped()) return;
    if (code === 0) return pushEvent(task, 'SUCCEEDED', 0);
    pushEvent(task, 'FAILED', code);
    if (!retries(job.spec, task, code)) return;
    task.retries += 1;
    pushEvent(task, 'PENDING');
  }
}

/** Runs every task, at most `min(parallelism, slots)` at a time. */
export async function runJob(vm: VmOptions, job: RunnableJob, parallelism: number): Promise<void> {
  const queue = [...job.tasks];
  const lanes = Math.max(1, Math.min(vm.slots, parallelism > 0 ? parallelism : job.count));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) await runTask(vm, job, t);
    }),
  );
}
