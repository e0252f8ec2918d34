/**
 * Which task of an array group a worker runs: `--index` when given, else the scheduler's array
 * variable. PBS Pro/OpenPBS set PBS_ARRAY_INDEX, Torque PBS_ARRAYID, Slurm (and Slurm's PBS
 * wrappers) only SLURM_ARRAY_TASK_ID; cloud batch services have their own. Azure Batch has no
 * array index: augc names its tasks `<prefix>-<index>`, so the index is the trailing number.
 */
export const INDEX_VARIABLES = [
  'PBS_ARRAY_INDEX',
  'PBS_ARRAYID',
  'SLURM_ARRAY_TASK_ID',
  'AWS_BATCH_JOB_ARRAY_INDEX',
  'BATCH_TASK_INDEX',
  'AZ_BATCH_TASK_ID',
] as const;

export type ArrayIndex =
  { ok: true; index: number; source: string } | { ok: false; message: string };

const INTEGER = /^\d+$/;

function parseIndex(name: string, raw: string): number | undefined {
  const text = name === 'AZ_BATCH_TASK_ID' ? (/(\d+)$/.exec(raw)?.[1] ?? '') : raw.trim();
  return INTEGER.test(text) ? Number(text) : undefined;
}

/**
 * The index as given (`--index` or the environment) plus `offset`: a group longer than the
 * scheduler's array limit is submitted as several arrays that each count from 0, and each sub-array's
 * job passes its first index as the offset. A service whose arrays always count 0..n-1 (Cloud
 * Batch) is given the indices to run as `list`: its index k runs the k-th of them.
 */
export function arrayIndexOf(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  offset = 0,
  list?: readonly number[],
): ArrayIndex {
  const found = rawIndexOf(flag, env);
  if (!found.ok || list === undefined) return shifted(found, offset);
  const mapped = list[found.index];
  if (mapped === undefined)
    return {
      ok: false,
      message: `${found.source}=${found.index} is past the ${list.length} indices this job runs`,
    };
  return { ok: true, index: mapped + offset, source: found.source };
}

function shifted(found: ArrayIndex, offset: number): ArrayIndex {
  return found.ok ? { ...found, index: found.index + offset } : found;
}

function rawIndexOf(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ArrayIndex {
  if (flag !== undefined) {
    if (!INTEGER.test(flag))
      return { ok: false, message: `--index must be a whole number, not \`${flag}\`` };
    return { ok: true, index: Number(flag), source: '--index' };
  }
  for (const name of INDEX_VARIABLES) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const index = parseIndex(name, raw);
    if (index === undefined)
      return { ok: false, message: `${name}=\`${raw}\` is not an array index` };
    return { ok: true, index, source: name };
  }
  return {
    ok: false,
    message: `no task index: pass --index or run inside an array job (${INDEX_VARIABLES.join(', ')})`,
  };
}

/** Where each scheduler or service puts the job's id (for records and logs), in order of trust. */
export const JOB_ID_VARIABLES = [
  'SLURM_JOB_ID',
  'PBS_JOBID',
  'LSB_JOBID',
  'AWS_BATCH_JOB_ID',
  'BATCH_JOB_UID',
  'AZ_BATCH_JOB_ID',
] as const;

/** The job id the environment names, if any. */
export function jobIdOf(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of JOB_ID_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/**
 * How many times the service already retried this task within its job: Cloud Batch's
 * `BATCH_TASK_RETRY_ATTEMPT` (0 on the first run). The worker's attempt is the job's attempt
 * plus this, so a task the service reruns after a preemption records attempt 2, not attempt 1 again.
 */
export function serviceRetriesOf(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env['BATCH_TASK_RETRY_ATTEMPT']?.trim() ?? '';
  return INTEGER.test(raw) ? Number(raw) : 0;
}
