/** Which failures Cloud Batch retries inside the job, and which are left to augc's next round. */
import { describe, expect, it } from 'vitest';
import type { PlanRetry } from '../../../compiler/plan/types.js';
import { serviceRetryOf } from '../../../runtimes/gcp-batch/service-retry.js';

const RETRY: PlanRetry = {
  attempts: 3,
  backoff: { kind: 'fixed', delaySeconds: 1 },
  on: [{ kind: 'preempted' }],
  escalate: [],
};

describe('retries Batch does itself', () => {
  const rule = (
    on: PlanRetry['on'],
    escalate: PlanRetry['escalate'] = [],
    attempts = 3,
  ): PlanRetry => ({
    ...RETRY,
    attempts,
    on,
    escalate,
  });

  it('preemption and lost VMs, the tries the rule has left, up to 10', () => {
    expect(serviceRetryOf(rule([{ kind: 'preempted' }, { kind: 'node_fail' }]), 1)).toEqual({
      maxRetryCount: 2,
      lifecyclePolicies: [
        { action: 'RETRY_TASK', actionCondition: { exitCodes: [50001, 50002, 50003, 50006] } },
      ],
      taskCodes: [],
    });
    expect(serviceRetryOf(rule([{ kind: 'preempted' }], [], 30), 1).maxRetryCount).toBe(10);
    expect(serviceRetryOf(rule([{ kind: 'preempted' }]), 3)).toEqual({
      maxRetryCount: 0,
      lifecyclePolicies: [],
      taskCodes: [],
    });
  });

  it("the task's own codes only when nothing escalates, and then the worker exits with them", () => {
    const on: PlanRetry['on'] = [
      { kind: 'exit', code: 3 },
      { kind: 'oom' },
      { kind: 'timeout' },
      { kind: 'signal', signal: 'SIGTERM' },
    ];
    expect(serviceRetryOf(rule(on), 1)).toMatchObject({
      lifecyclePolicies: [{ actionCondition: { exitCodes: [3, 137, 143, 50005] } }],
      taskCodes: [3, 137, 143],
    });
    expect(serviceRetryOf(rule(on, [{ resource: 'memory', factor: 2 }]), 1)).toEqual({
      maxRetryCount: 0,
      lifecyclePolicies: [],
      taskCodes: [],
    });
  });

  it('`any` leaves all but lost VMs to augc', () => {
    expect(
      serviceRetryOf(rule([{ kind: 'any' }]), 1).lifecyclePolicies[0]!.actionCondition.exitCodes,
    ).toEqual([50001, 50002, 50003, 50006]);
  });
});
