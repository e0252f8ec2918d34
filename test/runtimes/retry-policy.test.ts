import { describe, expect, it } from 'vitest';
import type { PlanRetry } from '../../compiler/plan/types.js';
import {
  backoffSeconds,
  conditionMatches,
  escalatedResources,
  shouldRetry,
} from '../../runtimes/retry-policy.js';

const retry: PlanRetry = {
  attempts: 3,
  backoff: { kind: 'exponential', baseSeconds: 10, maxSeconds: 25, factor: 2 },
  on: [{ kind: 'timeout' }, { kind: 'exit', code: 3 }],
  escalate: [{ resource: 'walltime', factor: 2 }],
};

describe('retry policy', () => {
  it('retries only matching failures while attempts remain', () => {
    expect(shouldRetry(retry, 1, { errorClass: 'timeout' })).toBe(true);
    expect(shouldRetry(retry, 2, { errorClass: 'exit(3)', exitCode: 3 })).toBe(true);
    expect(shouldRetry(retry, 3, { errorClass: 'timeout' })).toBe(false);
    expect(shouldRetry(retry, 1, { errorClass: 'exit(1)', exitCode: 1 })).toBe(false);
    expect(shouldRetry(retry, 1, { errorClass: 'signal', signal: 'SIGKILL' })).toBe(false);
  });

  it('counts SIGKILL and exit 137 as oom, and matches signals by name', () => {
    expect(conditionMatches({ kind: 'oom' }, { errorClass: 'signal', signal: 'SIGKILL' })).toBe(
      true,
    );
    expect(conditionMatches({ kind: 'oom' }, { errorClass: 'exit(137)', exitCode: 137 })).toBe(
      true,
    );
    expect(conditionMatches({ kind: 'oom' }, { errorClass: 'signal', signal: 'SIGTERM' })).toBe(
      false,
    );
    expect(
      conditionMatches(
        { kind: 'signal', signal: 'SIGTERM' },
        { errorClass: 'signal', signal: 'SIGTERM' },
      ),
    ).toBe(true);
    expect(conditionMatches({ kind: 'any' }, { errorClass: 'error' })).toBe(true);
  });

  it('backs off exponentially up to the cap, or by a fixed delay', () => {
    expect([2, 3, 4].map((n) => backoffSeconds(retry, n))).toEqual([10, 20, 25]);
    const fixed: PlanRetry = { ...retry, backoff: { kind: 'fixed', delaySeconds: 7 } };
    expect(backoffSeconds(fixed, 3)).toBe(7);
  });

  it('escalates resources once per earlier attempt', () => {
    const base = { cpus: 1, memoryBytes: 1024, gpus: 0, walltimeSeconds: 60 };
    expect(escalatedResources(retry, base, 1).walltimeSeconds).toBe(60);
    expect(escalatedResources(retry, base, 3).walltimeSeconds).toBe(240);
    expect(escalatedResources(retry, base, 3).memoryBytes).toBe(1024);
  });
});
