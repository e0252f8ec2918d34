/** One backend call for the state of a set of jobs (array tasks come back one per index). */
import type { BatchBackend, JobsQuery } from './backend.js';
import type { JobStatus } from './job-status.js';

export function queryJobsChecked(
  backend: Pick<BatchBackend, 'query'>,
  jobIds: readonly string[],
): Promise<JobsQuery> {
  if (jobIds.length === 0) return Promise.resolve({ ok: true, jobs: [] });
  return backend.query(jobIds);
}

/** Like `queryJobsChecked`, treating an unreachable scheduler as knowing nothing. */
export async function queryJobs(
  backend: Pick<BatchBackend, 'query'>,
  jobIds: readonly string[],
): Promise<JobStatus[]> {
  const r = await queryJobsChecked(backend, jobIds);
  return r.ok ? r.jobs : [];
}
