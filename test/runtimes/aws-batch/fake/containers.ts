/**
 * The fake's container runtime: runs a job's command as a local process, the way the augc worker
 * image would run it (its `augc` entry point is `node <worktree>/bin/augc.js`), with the
 * `AWS_BATCH_*` variables, the ECS metadata endpoint that names its log stream, the environment
 * a task role would give (the test's S3 endpoint and credentials), and its output kept as its
 * CloudWatch log stream. A test can make an attempt lose its Spot host or be killed for memory.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AttemptEnd } from './retry.js';
import type { FakeJob, JobTable } from './jobs.js';

export type Fault = 'spot' | 'oom';
/** Decides, as an attempt starts, whether the test makes it fail (and how). */
export type Injector = (job: FakeJob, attempt: number, memoryMiB: number) => Fault | undefined;

export const SPOT_REASON = 'Host EC2 (instance i-0a1b2c3d4e5f67890) terminated.';
export const OOM_REASON = 'OutOfMemoryError: Container killed due to memory usage';

const AUGC = resolve('bin/augc.js');

export interface ContainerHost {
  table: JobTable;
  /** Base URL of the fake (for the ECS metadata endpoint). */
  url(): string;
  /** What every container gets from its "task role" and host. */
  env: Record<string, string>;
  logs: Map<string, string[]>;
  metadata: Map<string, { group: string; stream: string }>;
  inject?: Injector | undefined;
  queueName(job: FakeJob): string;
}

function memoryOf(job: FakeJob): number {
  const reqs = job.input.containerOverrides?.resourceRequirements ?? [];
  return Number(reqs.find((r) => r.type === 'MEMORY')?.value ?? 2048);
}

function envOf(host: ContainerHost, job: FakeJob, taskId: string): Record<string, string> {
  const size = job.input.arrayProperties?.size;
  const own = job.input.containerOverrides?.environment ?? [];
  return {
    ...host.env,
    ...Object.fromEntries(own.map((e) => [e.name ?? '', e.value ?? ''])),
    AWS_BATCH_JOB_ID: job.jobId,
    AWS_BATCH_JOB_ATTEMPT: String(job.attempts.length + 1),
    AWS_BATCH_JQ_NAME: host.queueName(job),
    AWS_BATCH_CE_NAME: 'fake-compute-environment',
    ...(job.index !== undefined
      ? { AWS_BATCH_JOB_ARRAY_INDEX: String(job.index), AWS_BATCH_JOB_ARRAY_SIZE: String(size) }
      : {}),
    ECS_CONTAINER_METADATA_URI_V4: `${host.url()}/ecs-metadata/${taskId}`,
  };
}

export function startContainer(host: ContainerHost, job: FakeJob): void {
  const taskId = randomBytes(16).toString('hex');
  const stream = `${job.definition.split(':')[0]}/default/${taskId}`;
  const lines: string[] = [];
  host.logs.set(stream, lines);
  host.metadata.set(taskId, { group: job.logGroup, stream });
  const taskArn = `arn:aws:ecs:us-east-1:123456789012:task/fake/${taskId}`;
  let stop: (end: AttemptEnd) => void = (end) => host.table.finish(job, end);
  job.current = { stream, taskArn, startedAt: Date.now(), stop: (end) => stop(end) };
  job.status = 'RUNNING';
  const fault = host.inject?.(job, job.attempts.length + 1, memoryOf(job));
  if (fault === 'spot') return host.table.finish(job, { statusReason: SPOT_REASON });
  if (fault === 'oom')
    return host.table.finish(job, {
      exitCode: 137,
      reason: OOM_REASON,
      statusReason: 'Essential container in task exited',
    });
  const [entry, ...args] = job.input.containerOverrides?.command ?? [];
  if (entry !== 'augc')
    return host.table.finish(job, {
      statusReason: `CannotStartContainerError: the fake image has no \`${entry}\``,
    });
  const cwd = mkdtempSync(join(tmpdir(), 'fake-batch-container-'));
  const child = spawn(process.execPath, [AUGC, ...args], {
    cwd,
    env: envOf(host, job, taskId),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer): void =>
    void lines.push(
      ...d
        .toString()
        .split('\n')
        .filter((l) => l !== ''),
    );
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let forced: AttemptEnd | undefined;
  const seconds = job.input.timeout?.attemptDurationSeconds;
  const timer = seconds
    ? setTimeout(() => {
        forced = { statusReason: 'Job attempt duration exceeded timeout', final: true };
        child.kill('SIGKILL');
      }, seconds * 1000)
    : undefined;
  stop = (end) => {
    forced = end;
    child.kill('SIGTERM');
  };
  child.on('close', (code, signal) => {
    if (timer) clearTimeout(timer);
    rmSync(cwd, { recursive: true, force: true });
    const exitCode = code ?? (signal === 'SIGKILL' ? 137 : 143);
    host.table.finish(job, forced ? { exitCode, ...forced } : { exitCode });
  });
}
