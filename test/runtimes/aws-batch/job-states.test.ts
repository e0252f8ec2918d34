import { describe, expect, test } from 'vitest';
import { CANCEL_REASON, jobStatusOf, stateOf } from '../../../runtimes/aws-batch/job-states.js';
import type { JobDetail } from '../../../runtimes/aws-batch/client.js';
import { classifyFailure } from '../../../runtimes/batch/classify-failure.js';

function failed(
  attempt: Partial<NonNullable<JobDetail['attempts']>[number]>,
  statusReason?: string,
) {
  return {
    jobId: 'j:1',
    status: 'FAILED',
    attempts: [attempt],
    ...(statusReason ? { statusReason } : {}),
  } as unknown as JobDetail;
}

describe('AWS Batch job states as augc failure classes', () => {
  test('Spot loss, OOM, timeout, cancel and exit codes', () => {
    expect(stateOf(failed({ statusReason: 'Host EC2 (instance i-0abc) terminated.' }))).toBe(
      'preempted',
    );
    const oom = failed({
      container: {
        exitCode: 137,
        reason: 'OutOfMemoryError: Container killed due to memory usage',
      },
    });
    expect(stateOf(oom)).toBe('oom');
    expect(stateOf(failed({}, 'Job attempt duration exceeded timeout'))).toBe('timeout');
    expect(stateOf(failed({}, CANCEL_REASON))).toBe('cancelled');
    const exit = failed({ container: { exitCode: 3, logStreamName: 'd/default/t' } });
    const s = jobStatusOf(exit, { jobId: 'j', index: 4 }, '/aws/batch/job');
    expect(s).toMatchObject({ state: 'failed', exitCode: 3, attempts: 1, index: 4 });
    expect(s.log).toBe('CloudWatch Logs group /aws/batch/job, stream d/default/t');
    expect(classifyFailure(s, undefined, undefined).errorClass).toBe('exit(3)');
    const o = jobStatusOf(oom, { jobId: 'j', index: 0 }, '/g');
    expect(classifyFailure(o, undefined, undefined)).toMatchObject({ errorClass: 'oom' });
  });

  test("an array parent's progress comes from its statusSummary", () => {
    const parent = {
      jobId: 'p',
      status: 'PENDING',
      arrayProperties: {
        size: 10,
        statusSummary: { RUNNABLE: 3, STARTING: 1, RUNNING: 2, SUCCEEDED: 3, FAILED: 1 },
      },
    } as unknown as JobDetail;
    const s = jobStatusOf(parent, { jobId: 'p' }, '/g');
    expect(s.state).toBe('running');
    expect(s.summary).toEqual({ queued: 4, running: 2, succeeded: 3, failed: 1 });
    expect(stateOf({ status: 'RUNNABLE' } as unknown as JobDetail)).toBe('pending');
    expect(stateOf({ status: 'SUCCEEDED' } as unknown as JobDetail)).toBe('completed');
  });
});
