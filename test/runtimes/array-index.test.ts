import { describe, expect, it } from 'vitest';
import { arrayIndexOf, serviceAttemptOf } from '../../runtimes/array-index.js';

describe('arrayIndexOf', () => {
  it('prefers --index over the environment', () => {
    expect(arrayIndexOf('3', { SLURM_ARRAY_TASK_ID: '7' })).toEqual({
      ok: true,
      index: 3,
      source: '--index',
    });
  });

  it.each([
    ['SLURM_ARRAY_TASK_ID', '7', 7],
    ['PBS_ARRAY_INDEX', '4', 4],
    ['PBS_ARRAYID', '5', 5],
    ['AWS_BATCH_JOB_ARRAY_INDEX', '0', 0],
    ['BATCH_TASK_INDEX', '12', 12],
    ['AZ_BATCH_TASK_ID', 'augc-g0-41', 41],
  ])('reads %s', (name, value, index) => {
    expect(arrayIndexOf(undefined, { [name]: value })).toEqual({ ok: true, index, source: name });
  });

  it('reads PBS variables before the SLURM fallback that Slurm wrappers set', () => {
    const got = arrayIndexOf(undefined, { SLURM_ARRAY_TASK_ID: '9', PBS_ARRAY_INDEX: '2' });
    expect(got).toMatchObject({ index: 2, source: 'PBS_ARRAY_INDEX' });
  });

  it('adds the offset of a sub-array', () => {
    expect(arrayIndexOf(undefined, { SLURM_ARRAY_TASK_ID: '2' }, 1000)).toMatchObject({
      index: 1002,
    });
  });

  it('rejects a missing or malformed index', () => {
    expect(arrayIndexOf(undefined, {}).ok).toBe(false);
    expect(arrayIndexOf('-1', {}).ok).toBe(false);
    expect(arrayIndexOf(undefined, { SLURM_ARRAY_TASK_ID: 'x' }).ok).toBe(false);
  });

  it('picks the n-th of a listed set of indices (a scattered retry round), then adds the offset', () => {
    const env = { AWS_BATCH_JOB_ARRAY_INDEX: '2' };
    expect(arrayIndexOf(undefined, env, 100, [3, 7, 12, 13])).toMatchObject({
      ok: true,
      index: 112,
      source: 'AWS_BATCH_JOB_ARRAY_INDEX',
    });
    expect(arrayIndexOf(undefined, { AWS_BATCH_JOB_ARRAY_INDEX: '4' }, 0, [3, 7]).ok).toBe(false);
  });

  it("maps a Cloud Batch index through the job's list of indices, then adds the offset", () => {
    const env = { BATCH_TASK_INDEX: '2' };
    expect(arrayIndexOf(undefined, env, 100, [3, 7, 12, 13])).toEqual({
      ok: true,
      index: 112,
      source: 'BATCH_TASK_INDEX',
    });
    expect(arrayIndexOf(undefined, { BATCH_TASK_INDEX: '4' }, 0, [3, 7, 12, 13]).ok).toBe(false);
  });
});

describe('serviceAttemptOf', () => {
  it("reads the service's own 1-based attempt number", () => {
    expect(serviceAttemptOf({ AWS_BATCH_JOB_ATTEMPT: '2' })).toBe(2);
    expect(serviceAttemptOf({ AWS_BATCH_JOB_ATTEMPT: '0' })).toBeUndefined();
  });

  it("reads Cloud Batch's 0-based retry counter as a 1-based attempt", () => {
    expect(serviceAttemptOf({ BATCH_TASK_RETRY_ATTEMPT: '0' })).toBe(1);
    expect(serviceAttemptOf({ BATCH_TASK_RETRY_ATTEMPT: '2' })).toBe(3);
    expect(serviceAttemptOf({ BATCH_TASK_RETRY_ATTEMPT: 'x' })).toBeUndefined();
    expect(serviceAttemptOf({})).toBeUndefined();
  });
});
