/**
 * The fake's compute nodes: they run each task's command line as a local process, as a Batch node
 * agent would (argv from the command line, no shell of its own, the AZ_BATCH_* variables and the
 * task's environment settings, stdout.txt and stderr.txt in the task folder), enforce
 * maxWallClockTime and maxTaskRetryCount, requeue a task whose low-priority node is preempted
 * (which does not count as a retry), upload output files with the pool's managed identity, and
 * start a task only once its dependencies are satisfied.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { ContainerClient } from '@azure/storage-blob';
import type { FakeJob, FakePool, FakeTask } from './state.js';
import { shellWords } from './shell-words.js';
import { durationSeconds } from './validate.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const pairs = (v: unknown): [string, string][] =>
  Array.isArray(v) ? v.map((p) => [String(obj(p)['name']), String(obj(p)['value'])]) : [];

export interface AgentOptions {
  root: string;
  accountUrl: () => string;
  /** The node's own environment (PATH with `augc`, the managed-identity endpoint, CA certs). */
  nodeEnv: Record<string, string>;
}

/** Task ids a task depends on (ranges expanded). */
export function dependenciesOf(task: FakeTask): string[] {
  const d = obj(task.spec['dependsOn']);
  const ids = Array.isArray(d['taskIds']) ? d['taskIds'].map(String) : [];
  const ranges = Array.isArray(d['taskIdRanges']) ? d['taskIdRanges'].map(obj) : [];
  for (const r of ranges)
    for (let i = Number(r['start']); i <= Number(r['end']); i++) ids.push(String(i));
  return ids;
}

/** `satisfy` or `block` for a finished task: success satisfies; otherwise its exit conditions say. */
function dependencyAction(task: FakeTask, uploadFailed: boolean): string {
  const info = task.executionInfo;
  if (info.result === 'success') return 'satisfy';
  const ec = obj(task.spec['exitConditions']);
  const key = uploadFailed ? 'fileUploadError' : 'default';
  const exitCodes = Array.isArray(ec['exitCodes']) ? ec['exitCodes'].map(obj) : [];
  const match = exitCodes.find((m) => m['code'] === info.exitCode);
  const option = obj(match ? match['exitOptions'] : ec[key]);
  return String(option['dependencyAction'] ?? 'block');
}

export class NodeAgent {
  constructor(private readonly o: AgentOptions) {}

  /** Starts what can start: free slots, dependencies satisfied, in the order tasks were added. */
  pump(job: FakeJob, pool: FakePool): void {
    if (job.state !== 'active') return;
    let running = [...job.tasks.values()].filter((t) => t.state === 'running').length;
    for (const task of job.tasks.values()) {
      if (running >= pool.nodes) break;
      if (task.state !== 'active' || !this.ready(job, task)) continue;
      running++;
      this.start(job, pool, task);
    }
  }

  private ready(job: FakeJob, task: FakeTask): boolean {
    return dependenciesOf(task).every((id) => {
      const dep = job.tasks.get(id);
      return dep?.state === 'completed' && dep.satisfies === true;
    });
  }

  private env(job: FakeJob, pool: FakePool, task: FakeTask, dir: string): Record<string, string> {
    return {
      ...this.o.nodeEnv,
      AZ_BATCH_ACCOUNT_NAME: 'augcfake',
      AZ_BATCH_ACCOUNT_URL: this.o.accountUrl(),
      AZ_BATCH_POOL_ID: pool.id,
      AZ_BATCH_NODE_ID: `tvm-${task.id}`,
      AZ_BATCH_NODE_IS_DEDICATED: String(!pool.lowPriority),
      AZ_BATCH_NODE_ROOT_DIR: this.o.root,
      AZ_BATCH_NODE_SHARED_DIR: join(this.o.root, 'shared'),
      AZ_BATCH_JOB_ID: job.id,
      AZ_BATCH_TASK_ID: task.id,
      AZ_BATCH_TASK_DIR: dir,
      AZ_BATCH_TASK_WORKING_DIR: join(dir, 'wd'),
      ...Object.fromEntries(pairs(job.spec['commonEnvironmentSettings'])),
      ...Object.fromEntries(pairs(task.spec['environmentSettings'])),
    };
  }

  private start(job: FakeJob, pool: FakePool, task: FakeTask): void {
    const dir = join(this.o.root, job.id, task.id);
    mkdirSync(join(dir, 'wd'), { recursive: true });
    const out = openSync(join(dir, 'stdout.txt'), 'w');
    const err = openSync(join(dir, 'stderr.txt'), 'w');
    const argv = shellWords(String(task.spec['commandLine']));
    task.state = 'running';
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: join(dir, 'wd'),
      env: this.env(job, pool, task, dir),
      stdio: ['ignore', out, err],
    });
    closeSync(out);
    closeSync(err);
    task.child = child;
    let why: 'preempted' | 'timeout' | 'terminated' | undefined;
    task.kill = (reason) => {
      why = reason;
      child.kill('SIGKILL');
    };
    const limit = obj(task.spec['constraints'])['maxWallClockTime'];
    const timer =
      typeof limit === 'string'
        ? setTimeout(() => task.kill?.('timeout'), durationSeconds(limit) * 1000)
        : undefined;
    if (task.preemptOnStart) {
      task.preemptOnStart = false;
      task.kill('preempted');
    }
    child.on('error', () => undefined);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      delete task.child;
      delete task.kill;
      void this.finished(job, pool, task, dir, code ?? (signal ? 137 : 1), why);
    });
  }

  private async finished(
    job: FakeJob,
    pool: FakePool,
    task: FakeTask,
    dir: string,
    exitCode: number,
    why: 'preempted' | 'timeout' | 'terminated' | undefined,
  ): Promise<void> {
    const info = task.executionInfo;
    if (why === 'preempted') {
      // A low-priority node was taken back: the service requeues the task, not a retry.
      info.requeueCount++;
      task.state = 'active';
      return this.pump(job, pool);
    }
    info.exitCode = exitCode;
    const maxRetries = Number(
      obj(task.spec['constraints'])['maxTaskRetryCount'] ??
        obj(job.spec['constraints'])['maxTaskRetryCount'] ??
        0,
    );
    if (
      exitCode !== 0 &&
      why !== 'terminated' &&
      (maxRetries === -1 || info.retryCount < maxRetries)
    ) {
      info.retryCount++;
      task.state = 'active';
      return this.pump(job, pool);
    }
    info.result = exitCode === 0 ? 'success' : 'failure';
    if (why === 'timeout')
      info.failureInfo = {
        category: 'UserError',
        code: 'TaskEnded',
        message: 'The task exceeded its maximum wall clock time',
      };
    else if (exitCode !== 0)
      info.failureInfo = {
        category: 'UserError',
        code: 'FailureExitCode',
        message: 'The task exited with an exit code representing a failure',
      };
    const uploadFailed = !(await this.upload(pool, task, dir));
    if (uploadFailed) {
      info.result = 'failure';
      info.failureInfo = {
        category: 'UserError',
        code: 'FileUploadFailed',
        message: 'an output file could not be uploaded',
      };
    }
    task.satisfies = dependencyAction(task, uploadFailed) === 'satisfy';
    task.state = 'completed';
    if (
      job.spec['onAllTasksComplete'] === 'terminatejob' &&
      [...job.tasks.values()].every((t) => t.state === 'completed')
    )
      job.state = 'completed';
    this.pump(job, pool);
  }

  /** Output files, uploaded with the pool's identity as the agent would; false on any failure. */
  private async upload(pool: FakePool, task: FakeTask, dir: string): Promise<boolean> {
    const files = Array.isArray(task.spec['outputFiles']) ? task.spec['outputFiles'].map(obj) : [];
    const success = task.executionInfo.result === 'success';
    for (const f of files) {
      const condition = String(obj(f['uploadOptions'])['uploadCondition']);
      if ((condition === 'tasksuccess' && !success) || (condition === 'taskfailure' && success))
        continue;
      const dest = obj(obj(f['destination'])['container']);
      const identity = String(obj(dest['identityReference'])['resourceId'] ?? '');
      const pattern = String(f['filePattern']);
      if (/[*?[]/.test(pattern)) return false; // wildcard naming is not modelled by this fake
      const file = isAbsolute(pattern) ? pattern : resolve(dir, 'wd', pattern);
      if (!pool.identity || identity !== pool.identity) return false;
      try {
        const container = new ContainerClient(
          String(dest['containerUrl']),
          new DefaultAzureCredential(),
        );
        await container.getBlockBlobClient(String(dest['path'])).uploadFile(file);
      } catch {
        return false;
      }
    }
    return true;
  }
}
