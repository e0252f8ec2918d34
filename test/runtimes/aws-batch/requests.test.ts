import { describe, expect, test } from 'vitest';
import type { PlanRetry } from '../../../compiler/plan/types.js';
import {
  codesRetriedBy,
  indexArgs,
  jobNameOf,
  resourceRequirementsOf,
  retryStrategyOf,
  tagsOf,
  timeoutOf,
} from '../../../runtimes/aws-batch/requests.js';
import { awsTargetOf } from '../../../runtimes/aws-batch/target-options.js';
import { jobDefinitionInput } from '../../../runtimes/aws-batch/job-definition.js';

const GIB = 1024 ** 3;

function retry(attempts: number, on: PlanRetry['on']): PlanRetry {
  return { attempts, on, backoff: { kind: 'fixed', delaySeconds: 0 }, escalate: [] };
}

describe('retryStrategyOf', () => {
  test('Spot loss and declared exit codes are retried, and everything else ends explicitly', () => {
    const s = retryStrategyOf(retry(3, [{ kind: 'preempted' }, { kind: 'exit', code: 75 }]), 1);
    expect(s).toEqual({
      attempts: 3,
      evaluateOnExit: [
        { onStatusReason: 'Host EC2*', action: 'RETRY' },
        { onExitCode: '75', action: 'RETRY' },
        { onReason: '*', action: 'EXIT' },
      ],
    });
    expect(codesRetriedBy(s)).toEqual([75]);
  });

  test('at most 10 attempts and 5 rules; a later round gets the attempts left', () => {
    const codes = [1, 2, 3, 4, 5, 6].map((code) => ({ kind: 'exit' as const, code }));
    const s = retryStrategyOf(retry(25, [{ kind: 'node_fail' }, ...codes]), 1);
    expect(s.attempts).toBe(10);
    expect(s.evaluateOnExit).toHaveLength(5);
    expect(s.evaluateOnExit?.at(-1)).toEqual({ onReason: '*', action: 'EXIT' });
    expect(retryStrategyOf(retry(3, [{ kind: 'preempted' }]), 2).attempts).toBe(2);
    expect(retryStrategyOf(retry(3, [{ kind: 'preempted' }]), 3)).toEqual({ attempts: 1 });
  });

  test('classes Batch cannot express leave retries to augc; `any` retries everything', () => {
    expect(retryStrategyOf(retry(3, [{ kind: 'oom' }, { kind: 'timeout' }]), 1)).toEqual({
      attempts: 1,
    });
    expect(retryStrategyOf(retry(4, [{ kind: 'any' }]), 1)).toEqual({ attempts: 4 });
  });
});

describe('resources, timeout, names, tags', () => {
  const ec2 = awsTargetOf({ queue: 'q' });
  const fargate = awsTargetOf({ queue: 'q', platform: 'fargate' });
  const r = { cpus: 1.5, memoryBytes: 3 * GIB, gpus: 2, walltimeSeconds: 30.2 };

  test('strings, MEMORY in MiB, whole vCPUs on EC2, GPU only when asked', () => {
    expect(resourceRequirementsOf(r, ec2)).toEqual([
      { type: 'VCPU', value: '2' },
      { type: 'MEMORY', value: '3072' },
      { type: 'GPU', value: '2' },
    ]);
    expect(resourceRequirementsOf({ ...r, gpus: 0 }, ec2)).toHaveLength(2);
  });

  test('Fargate gets the smallest size it offers that holds the request', () => {
    expect(resourceRequirementsOf({ ...r, gpus: 0 }, fargate)).toEqual([
      { type: 'VCPU', value: '2' },
      { type: 'MEMORY', value: '4096' },
    ]);
  });

  test('the attempt timeout is at least 60 s', () => {
    expect(timeoutOf(r)).toEqual({ attemptDurationSeconds: 60 });
    expect(timeoutOf({ ...r, walltimeSeconds: 3600.5 })).toEqual({ attemptDurationSeconds: 3601 });
  });

  test('job names and tag values keep only what the service accepts', () => {
    expect(jobNameOf('augc', 'my pipeline/ü', 'g')).toBe('augc-my-pipeline-g');
    expect(jobNameOf('a'.repeat(200))).toHaveLength(128);
    const tags = tagsOf({ pipeline: 'p<1>', runId: 'r', planHash: 'h' }, 'g');
    expect(tags).toEqual({
      'augc:pipeline': 'p_1_',
      'augc:run': 'r',
      'augc:plan-hash': 'h',
      'augc:group': 'g',
    });
  });

  test('a contiguous array is an offset, a scattered one a list, one task a plain index', () => {
    expect(indexArgs(100, '0-9')).toEqual({ args: ['--index-offset', '100'], size: 10 });
    expect(indexArgs(100, '3-5')).toEqual({ args: ['--index-offset', '103'], size: 3 });
    expect(indexArgs(0, '3,7,12-13')).toEqual({
      args: ['--indices', '3,7,12-13', '--index-offset', '0'],
      size: 4,
    });
    expect(indexArgs(10, '4')).toEqual({ args: ['--index', '14'], size: 1 });
  });
});

describe('job definitions', () => {
  test('named by their content: the same settings give the same name, others another', () => {
    const t = awsTargetOf({ queue: 'q' });
    const a = jobDefinitionInput('img:1', t);
    expect(jobDefinitionInput('img:1', t).jobDefinitionName).toBe(a.jobDefinitionName);
    expect(jobDefinitionInput('img:2', t).jobDefinitionName).not.toBe(a.jobDefinitionName);
    const roles = awsTargetOf({ queue: 'q', job_role_arn: 'arn:aws:iam::1:role/x' });
    expect(jobDefinitionInput('img:1', roles).jobDefinitionName).not.toBe(a.jobDefinitionName);
    const f = jobDefinitionInput('img:1', awsTargetOf({ platform: 'fargate' }));
    expect(f.platformCapabilities).toEqual(['FARGATE']);
  });
});
