/**
 * The Azure Batch requests augc sends, built as plain data from the plan and the target's options
 * (pure functions: `augc plan --target azure-batch` prints exactly these). One job per round, on
 * the named pool or an auto pool; one task per array index, with an integer id so that the
 * round's merge task can depend on the ranges of them; the merge task (the finalizer) runs
 * whatever their outcome, since each task's exit conditions satisfy its dependents.
 */
import { shellQuote } from '../grid/shell-quote.js';

/** The api-version of @azure/batch 10.2.0's BatchServiceClient (checked by a test). */
export const API_VERSION = '2022-10-01.16.0';

/** Most tasks in one addtaskcollection call, and the body limit (the service's). */
export const MAX_TASKS_PER_CALL = 100;
export const MAX_BODY_BYTES = 1024 * 1024;

type NameValue = { name: string; value: string };

export interface OutputFile {
  filePattern: string;
  destination: {
    container: { containerUrl: string; path: string; identityReference: { resourceId: string } };
  };
  uploadOptions: { uploadCondition: 'tasksuccess' | 'taskfailure' | 'taskcompletion' };
}

export interface TaskAdd {
  id: string;
  displayName: string;
  commandLine: string;
  containerSettings?: { imageName: string; workingDirectory: 'taskWorkingDirectory' };
  environmentSettings?: NameValue[];
  constraints: { maxWallClockTime?: string; maxTaskRetryCount: number };
  dependsOn?: { taskIdRanges: { start: number; end: number }[] };
  exitConditions?: {
    default: { jobAction: 'none'; dependencyAction: 'satisfy' };
    preProcessingError: { jobAction: 'none'; dependencyAction: 'satisfy' };
    fileUploadError: { jobAction: 'none'; dependencyAction: 'satisfy' };
  };
  outputFiles?: OutputFile[];
}

export interface AutoPool {
  autoPoolIdPrefix: string;
  poolLifetimeOption: 'job';
  keepAlive: false;
  pool: {
    vmSize: string;
    taskSlotsPerNode: 1;
    targetDedicatedNodes: number;
    targetLowPriorityNodes: number;
    virtualMachineConfiguration: {
      imageReference: { publisher: string; offer: string; sku: string; version: 'latest' };
      nodeAgentSKUId: string;
      containerConfiguration?: { type: 'dockerCompatible'; containerImageNames: string[] };
    };
  };
}

export interface JobAdd {
  id: string;
  displayName: string;
  priority?: number;
  poolInfo: { poolId: string } | { autoPoolSpecification: AutoPool };
  usesTaskDependencies: true;
  onAllTasksComplete: 'noaction';
  constraints: { maxTaskRetryCount: number };
  commonEnvironmentSettings: NameValue[];
  metadata: NameValue[];
}

export interface OsImage {
  publisher: string;
  offer: string;
  sku: string;
}

/** What the submission decided, recorded in the run (`_augc/batch/state.json`). */
export interface AzureConfig {
  accountUrl: string;
  /** Job ids are `<jobPrefix>-r<round>`: unique per submission. */
  jobPrefix: string;
  pool?: string;
  autoPool?: {
    nodes: number;
    lowPriority: boolean;
    osImage: OsImage;
    nodeAgentSku: string;
    /** From the option, else chosen per round from the tasks' needs. */
    vmSize?: string;
  };
  image?: string;
  priority?: number;
  /** Where tasks upload their logs (the run's own container, through the pool's identity). */
  logs?: { containerUrl: string; prefix: string; identity: string };
  /** Variables every task gets (the worker launch's, the blob endpoint setting). */
  env: Record<string, string>;
  planUri: string;
  runUri: string;
}

export function jobRequest(
  cfg: AzureConfig,
  meta: { pipeline: string; planHash: string },
  round: number,
  vmSize: string | undefined,
): JobAdd {
  return {
    id: `${cfg.jobPrefix}-r${round}`,
    displayName: `augc ${meta.pipeline}: round ${round}`.slice(0, 1024),
    ...(cfg.priority !== undefined ? { priority: cfg.priority } : {}),
    poolInfo:
      cfg.pool !== undefined
        ? { poolId: cfg.pool }
        : { autoPoolSpecification: autoPoolOf(cfg, vmSize) },
    usesTaskDependencies: true,
    // Set to `terminatejob` once every task is added: a job with no tasks yet counts as complete.
    onAllTasksComplete: 'noaction',
    // augc's finalizer applies the retry rule (conditions, escalation, backoff) in new rounds.
    constraints: { maxTaskRetryCount: 0 },
    commonEnvironmentSettings: Object.entries(cfg.env).map(([name, value]) => ({ name, value })),
    metadata: [
      { name: 'augc-pipeline', value: meta.pipeline },
      { name: 'augc-plan-hash', value: meta.planHash },
      { name: 'augc-run', value: cfg.runUri },
    ],
  };
}

function autoPoolOf(cfg: AzureConfig, vmSize: string | undefined): AutoPool {
  const a = cfg.autoPool;
  if (!a || vmSize === undefined) throw new Error('azure-batch: an auto pool needs a VM size');
  return {
    autoPoolIdPrefix: 'augc',
    poolLifetimeOption: 'job',
    keepAlive: false,
    pool: {
      vmSize,
      taskSlotsPerNode: 1,
      targetDedicatedNodes: a.lowPriority ? 0 : a.nodes,
      targetLowPriorityNodes: a.lowPriority ? a.nodes : 0,
      virtualMachineConfiguration: {
        imageReference: { ...a.osImage, version: 'latest' },
        nodeAgentSKUId: a.nodeAgentSku,
        ...(cfg.image !== undefined
          ? {
              containerConfiguration: {
                type: 'dockerCompatible',
                containerImageNames: [cfg.image],
              },
            }
          : {}),
      },
    },
  };
}

/** `/bin/sh -c '...'`: the service runs no shell itself; the worker's stderr joins its stdout. */
function shellLine(words: readonly string[]): string {
  return `/bin/sh -c ${shellQuote(`exec ${words.map(shellQuote).join(' ')} 2>&1`)}`;
}

const SATISFY = { jobAction: 'none', dependencyAction: 'satisfy' } as const;

function common(
  cfg: AzureConfig,
  logPath: string,
): Pick<TaskAdd, 'containerSettings' | 'outputFiles'> {
  const logs = cfg.logs;
  return {
    ...(cfg.image !== undefined
      ? { containerSettings: { imageName: cfg.image, workingDirectory: 'taskWorkingDirectory' } }
      : {}),
    ...(logs
      ? {
          outputFiles: [
            {
              filePattern: '../stdout.txt',
              destination: {
                container: {
                  containerUrl: logs.containerUrl,
                  path: `${logs.prefix}${logPath}`,
                  identityReference: { resourceId: logs.identity },
                },
              },
              uploadOptions: { uploadCondition: 'taskcompletion' },
            },
          ],
        }
      : {}),
  };
}

export interface TaskSpec {
  id: number;
  group: string;
  groupDir: string;
  index: number;
  attempt: number;
  walltimeSeconds: number;
  logPath: string;
}

/** The task's display name carries what `exitStatus` needs to find it again. */
export const displayNameOf = (groupDir: string, index: number, attempt: number): string =>
  `${groupDir}/${index}/a${attempt}`;

export function taskRequest(cfg: AzureConfig, t: TaskSpec): TaskAdd {
  return {
    id: String(t.id),
    displayName: displayNameOf(t.groupDir, t.index, t.attempt),
    // Azure gives a task no index: the command line carries it.
    commandLine: shellLine([
      'augc',
      'worker',
      '--plan',
      cfg.planUri,
      '--group',
      t.group,
      '--index',
      String(t.index),
      '--attempt',
      String(t.attempt),
    ]),
    constraints: {
      maxWallClockTime: `PT${Math.max(1, Math.round(t.walltimeSeconds))}S`,
      maxTaskRetryCount: 0,
    },
    // Whatever the outcome, the merge task that depends on this one runs.
    exitConditions: { default: SATISFY, preProcessingError: SATISFY, fileUploadError: SATISFY },
    ...common(cfg, t.logPath),
  };
}

export const FINALIZER_TASK_ID = 'finalize';

export function finalizerRequest(
  cfg: AzureConfig,
  round: number,
  ranges: { start: number; end: number }[],
  logPath: string,
): TaskAdd {
  return {
    id: FINALIZER_TASK_ID,
    displayName: `finalizer of round ${round}`,
    commandLine: shellLine(['augc', 'finalize', cfg.runUri, '--round', String(round)]),
    // Not retried by the service: a second finalizer could submit the next round twice.
    constraints: { maxWallClockTime: 'PT6H', maxTaskRetryCount: 0 },
    dependsOn: { taskIdRanges: ranges },
    ...common(cfg, logPath),
  };
}

/** Tasks in calls of at most 100 and under 1 MB each. */
export function taskCalls(tasks: readonly TaskAdd[]): TaskAdd[][] {
  const calls: TaskAdd[][] = [];
  let batch: TaskAdd[] = [];
  let bytes = 12; // {"value":[]}
  for (const t of tasks) {
    const size = Buffer.byteLength(JSON.stringify(t)) + 1;
    if (
      batch.length > 0 &&
      (batch.length >= MAX_TASKS_PER_CALL || bytes + size >= MAX_BODY_BYTES)
    ) {
      calls.push(batch);
      batch = [];
      bytes = 12;
    }
    batch.push(t);
    bytes += size;
  }
  if (batch.length > 0) calls.push(batch);
  return calls;
}
