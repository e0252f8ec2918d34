/** What PBS Pro/OpenPBS and Torque share: queue, account, environment, logs, job ids, qdel. */
import type { ArrayJob, JobStateName, SingleJob } from '../grid/dialect.js';

export function commonFlags(job: ArrayJob | SingleJob): string[] {
  const r = job.resources;
  const t = job.target;
  const queue = r.queue ?? t.queue;
  const account = r.account ?? t.account;
  return [
    '-N',
    job.name,
    // Without -V a PBS job gets a login environment, not the submitter's (PATH, node, AUGC_*).
    '-V',
    '-j',
    'oe',
    '-o',
    job.schedulerLog,
    ...(queue !== undefined ? ['-q', queue] : []),
    ...(account !== undefined ? ['-A', account] : []),
  ];
}

/** PBS `-a` date-time: `[[CC]YY]MMDDhhmm[.SS]` in local time. */
export function pbsBeginAt(secondsFromNow: number, now = new Date()): string {
  const d = new Date(now.getTime() + Math.ceil(secondsFromNow) * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}`;
  return `${date}${p(d.getHours())}${p(d.getMinutes())}.${p(d.getSeconds())}`;
}

export function beginFlags(job: ArrayJob): string[] {
  const after = job.beginAfterSeconds;
  return after !== undefined && after > 0 ? ['-a', pbsBeginAt(after)] : [];
}

/** qsub prints the id (`1234.server`, `1234[].server`, or a bare `1234` from Slurm's wrappers). */
export function parsePbsJobId(stdout: string): string | undefined {
  const first = stdout.trim().split('\n')[0]?.trim() ?? '';
  return /^\d+(\[\d*\])?(\.[A-Za-z0-9_.-]+)?$/.test(first) ? first : undefined;
}

export const PBS_STATES: Readonly<Record<string, JobStateName>> = {
  Q: 'pending',
  H: 'pending',
  W: 'pending',
  T: 'pending',
  B: 'running',
  R: 'running',
  E: 'running',
  S: 'running',
  U: 'running',
  X: 'completed',
  F: 'completed',
  // Torque (and Slurm's qstat wrapper) show C for completed and failed alike: exit markers decide.
  C: 'completed',
};

/** The numeric part of a job id, as `qstat` lists it in Slurm's wrappers and Torque tables. */
export function numericId(jobId: string): string {
  return /^\d+/.exec(jobId)?.[0] ?? jobId;
}
