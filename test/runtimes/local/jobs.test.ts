import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { jobsOf } from '../../../runtimes/local/index.js';

describe('jobsOf', () => {
  it('defaults to one worker per core', () => {
    expect(jobsOf({ options: {} })).toBe(availableParallelism());
  });

  it('takes --jobs (or `target local { jobs = N }`) when it is a positive integer', () => {
    expect(jobsOf({ options: { jobs: 3 } })).toBe(3);
    for (const bad of [0, -1, 1.5, '2'])
      expect(jobsOf({ options: { jobs: bad } })).toBe(availableParallelism());
  });
});
