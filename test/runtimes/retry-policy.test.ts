import { describe, expect, it } from 'vitest';
import type { PlanRetry } from '../../compiler/plan/types.js';
import {
  backoffSeconds,
  conditionMatches,
  capsOf,
  escalatedResources,
  shouldRetry,
} from '../../runtimes/retry-policy.js';

const GiB = 1024 ** 3;

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
    expect(escalatedResources(retry, base, 1).resources.walltimeSeconds).toBe(60);
    expect(escalatedResources(retry, base, 3).resources.walltimeSeconds).toBe(240);
    expect(escalatedResources(retry, base, 3).resources.memoryBytes).toBe(1024);
    expect(escalatedResources(retry, base, 3).notes).toEqual([]);
  });

  it("never escalates above the target's max_memory or max_walltime, and says so", () => {
    const both: PlanRetry = {
      ...retry,
      escalate: [
        { resource: 'memory', factor: 2 },
        { resource: 'walltime', factor: 3 },
      ],
    };
    const base = { cpus: 1, memoryBytes: 40 * GiB, gpus: 0, walltimeSeconds: 10 * 3600 };
    const plan = {
      targets: [
        { name: 'local', options: {} },
        { name: 'slurm', options: { max_memory: 64 * GiB, max_walltime: 48 * 3600 } },
      ],
    };
    const caps = capsOf(plan, 'slurm');
    expect(caps).toEqual({ memoryBytes: 64 * GiB, walltimeSeconds: 48 * 3600 });
    const second = escalatedResources(both, base, 2, caps);
    expect(second.resources).toMatchObject({ memoryBytes: 64 * GiB, walltimeSeconds: 30 * 3600 });
    expect(second.notes).toEqual([
      'attempt 2: memory escalation stopped at 64GiB by `max_memory` (wanted 80GiB)',
    ]);
    const third = escalatedResources(both, base, 3, caps);
    expect(third.resources).toMatchObject({ memoryBytes: 64 * GiB, walltimeSeconds: 48 * 3600 });
    expect(third.notes).toEqual([
      'attempt 3: memory escalation stopped at 64GiB by `max_memory` (wanted 160GiB)',
      'attempt 3: walltime escalation stopped at 2d by `max_walltime` (wanted 90h)',
    ]);
    // Another target's caps do not apply; without caps escalation is unbounded.
    expect(escalatedResources(both, base, 3, capsOf(plan, 'local')).resources.memoryBytes).toBe(
      160 * GiB,
    );
  });

  it('keeps a base already above the cap as it is (the checks report that)', () => {
    const mem: PlanRetry = { ...retry, escalate: [{ resource: 'memory', factor: 2 }] };
    const base = { cpus: 1, memoryBytes: 100, gpus: 0, walltimeSeconds: 60 };
    const out = escalatedResources(mem, base, 2, { memoryBytes: 50 });
    expect(out.resources.memoryBytes).toBe(100);
    expect(out.notes).toHaveLength(1);
  });
});
