/** One scheduler status call for a set of jobs (array tasks come back one per index). */
import type { JobStatus } from './dialect.js';
import type { GridContext } from './submit-round.js';

export type JobsQuery = { ok: true; jobs: JobStatus[] } | { ok: false; message: string };

export async function queryJobsChecked(
  ctx: Pick<GridContext, 'dialect' | 'client'>,
  jobIds: readonly string[],
): Promise<JobsQuery> {
  if (jobIds.length === 0) return { ok: true, jobs: [] };
  const argv = ctx.dialect.statusArgv(jobIds);
  const r = await ctx.client.run(argv);
  if (r.exitCode === 0) return { ok: true, jobs: ctx.dialect.parseStatus(r.stdout) };
  // The scheduler has forgotten them all (finished long ago): storage records say how they ended.
  if (ctx.dialect.unknownJobExitCodes.includes(r.exitCode) && !r.missing)
    return { ok: true, jobs: ctx.dialect.parseStatus(r.stdout) };
  const why = r.missing
    ? `\`${argv[0]}\` is not installed`
    : r.stderr.trim() || `exit code ${r.exitCode}`;
  return { ok: false, message: `cannot query the scheduler: ${why}` };
}

/** Like `queryJobsChecked`, treating an unreachable scheduler as knowing nothing. */
export async function queryJobs(
  ctx: Pick<GridContext, 'dialect' | 'client'>,
  jobIds: readonly string[],
): Promise<JobStatus[]> {
  const r = await queryJobsChecked(ctx, jobIds);
  return r.ok ? r.jobs : [];
}
