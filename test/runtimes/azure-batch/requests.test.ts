/**
 * The pure parts of the azure-batch backend: task collections within the service's limits, the
 * api-version the SDK speaks, task states (preemption, timeouts), VM sizes for GPU types, and the
 * target's checks before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { BatchServiceClient } from '@azure/batch';
import type { Plan } from '../../../compiler/plan/types.js';
import { preflightAzure } from '../../../runtimes/azure-batch/index.js';
import {
  API_VERSION,
  MAX_BODY_BYTES,
  taskCalls,
  taskRequest,
  type AzureConfig,
  type TaskAdd,
} from '../../../runtimes/azure-batch/requests.js';
import { jobStatusOf } from '../../../runtimes/azure-batch/task-state.js';
import { chooseVmSize, needsOf } from '../../../runtimes/azure-batch/vm-size.js';
import { shellWords } from '../../azure/fake-batch/shell-words.js';
import { combo, makePlan, stdlibMethod } from '../../engine/task-fixture.js';

const GiB = 1024 ** 3;
const cfg: AzureConfig = {
  accountUrl: 'https://a.westeurope.batch.azure.com',
  jobPrefix: 'augc-x',
  pool: 'p',
  env: {},
  planUri: "az://acct1/runs/it's here/_augc/plan.json",
  runUri: 'az://acct1/runs/x',
};

function task(id: number, bytes = 0): TaskAdd {
  const t = taskRequest(cfg, {
    id,
    group: 'g',
    groupDir: 'g',
    index: id,
    attempt: 1,
    walltimeSeconds: 60,
    logPath: 'l',
  });
  return { ...t, environmentSettings: [{ name: 'PAD', value: 'x'.repeat(bytes) }] };
}

describe('task collections', () => {
  it('go in calls of at most 100 tasks', () => {
    const calls = taskCalls(Array.from({ length: 250 }, (_, i) => task(i)));
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
  });

  it('go in calls under 1 MB', () => {
    const calls = taskCalls(Array.from({ length: 10 }, (_, i) => task(i, 300_000)));
    expect(calls.length).toBeGreaterThan(3);
    for (const c of calls)
      expect(Buffer.byteLength(JSON.stringify({ value: c }))).toBeLessThan(MAX_BODY_BYTES);
  });

  it('carry their index and attempt on the command line, quoted for /bin/sh', () => {
    const t = taskRequest(cfg, {
      id: 7,
      group: 'cpu-1c',
      groupDir: 'cpu-1c',
      index: 1007,
      attempt: 2,
      walltimeSeconds: 3600,
      logPath: 'l',
    });
    const argv = shellWords(t.commandLine);
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(shellWords(argv[2]!)).toEqual([
      'exec',
      'augc',
      'worker',
      '--plan',
      cfg.planUri,
      '--group',
      'cpu-1c',
      '--index',
      '1007',
      '--attempt',
      '2',
      '2>&1',
    ]);
    expect(t.constraints).toEqual({ maxWallClockTime: 'PT3600S', maxTaskRetryCount: 0 });
    expect(t.exitConditions?.default.dependencyAction).toBe('satisfy');
  });

  it('use the api-version of the installed SDK', () => {
    const client = new BatchServiceClient({ signRequest: (r) => Promise.resolve(r) }, 'https://x');
    expect(client.apiVersion).toBe(API_VERSION);
  });
});

describe('task states', () => {
  it('reads a requeued (preempted) task as pending, and failures by their cause', () => {
    expect(
      jobStatusOf({ id: '1', state: 'active', executionInfo: { requeueCount: 1 } }, 'j', 1),
    ).toMatchObject({
      state: 'pending',
      reason: expect.stringMatching(/preempted/),
    });
    const failed = (code: string, message: string) =>
      jobStatusOf(
        {
          id: '1',
          state: 'completed',
          executionInfo: { result: 'failure', exitCode: 1, failureInfo: { code, message } },
        },
        'j',
        1,
      ).state;
    expect(failed('TaskEnded', 'The task exceeded its maximum wall clock time')).toBe('timeout');
    expect(failed('TaskPreempted', 'the node was preempted')).toBe('preempted');
    expect(
      failed('FailureExitCode', 'The task exited with an exit code representing a failure'),
    ).toBe('failed');
    expect(
      jobStatusOf(
        { id: '1', state: 'completed', executionInfo: { result: 'success', exitCode: 0 } },
        'j',
        1,
      ).state,
    ).toBe('completed');
  });
});

describe('VM sizes', () => {
  const r = (gpus: number, gpuType?: string, cpus = 4, memoryGiB = 16) => ({
    cpus,
    memoryBytes: memoryGiB * GiB,
    gpus,
    walltimeSeconds: 60,
    ...(gpuType ? { gpuType } : {}),
  });
  const size = (...rs: ReturnType<typeof r>[]) => {
    const needs = needsOf(rs);
    if (typeof needs === 'string') return needs;
    const c = chooseVmSize(needs);
    return c.ok ? c.size.name : c.message;
  };

  it('maps GPU types to NC and ND sizes', () => {
    expect(size(r(1, 'a100'))).toBe('Standard_NC24ads_A100_v4');
    expect(size(r(2, 'a100'))).toBe('Standard_NC48ads_A100_v4');
    expect(size(r(8, 'a100'))).toBe('Standard_ND96asr_v4');
    expect(size(r(1, 'h100'))).toBe('Standard_NC40ads_H100_v5');
    expect(size(r(1, 'v100'))).toBe('Standard_NC6s_v3');
    expect(size(r(1))).toBe('Standard_NC4as_T4_v3');
    expect(size(r(1, 't4', 4, 64))).toBe('Standard_NC16as_T4_v3');
  });

  it('sizes CPU tasks and refuses what no size holds', () => {
    expect(size(r(0, undefined, 1, 1))).toBe('Standard_D2s_v5');
    expect(size(r(0, undefined, 4, 24))).toBe('Standard_E4s_v5');
    expect(size(r(1, 'tpu'))).toMatch(/no Azure VM size for GPU type `tpu`/);
    expect(size(r(16, 'a100'))).toMatch(/no Azure VM size with 16 `a100`/);
    expect(size(r(1, 'a100'), r(1, 't4'))).toMatch(/different GPU types/);
  });
});

describe('preflight', () => {
  const plan = (output: string, gpuType?: string): Plan => {
    const p = makePlan({
      methods: [stdlibMethod('typo', 'keyboard_typo')],
      combos: [combo('typo')],
    });
    const g = p.groups[0]!;
    return {
      ...p,
      output: { ...p.output, uri: output },
      groups: [
        {
          ...g,
          resources: { ...g.resources, gpus: gpuType ? 1 : 0, ...(gpuType ? { gpuType } : {}) },
        },
      ],
    };
  };
  const url = 'https://a.westeurope.batch.azure.com';

  it('refuses what the service or the nodes could not run', () => {
    expect(preflightAzure(plan('az://a1b/c1c/x'), {})?.code).toBe('AUG4025');
    expect(preflightAzure(plan('az://a1b/c1c/x'), { account_url: 'http://x' })?.code).toBe(
      'AUG4027',
    );
    expect(preflightAzure(plan('/tmp/out'), { account_url: url })?.code).toBe('AUG4028');
    expect(preflightAzure(plan('az://a1b/c1c/x', 'tpu'), { account_url: url })?.code).toBe(
      'AUG4026',
    );
    expect(
      preflightAzure(plan('az://a1b/c1c/x', 'tpu'), { account_url: url, vm_size: 'Standard_X' }),
    ).toBeUndefined();
    expect(preflightAzure(plan('az://a1b/c1c/x', 'a100'), { account_url: url })).toBeUndefined();
  });
});
