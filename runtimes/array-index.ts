/**
 * Which task of an array group a worker runs: `--index` when given, else the scheduler's array
 * variable. PBS Pro/OpenPBS set PBS_ARRAY_INDEX, Torque PBS_ARRAYID, Slurm (and Slurm's PBS
 * wrappers) only SLURM_ARRAY_TASK_ID; cloud batch services have their own. Azure Batch has no
 * array index: the trailing number of its task id is read as one, but augc's azure-batch tasks
 * are numbered across the arrays of a round, so their command lines pass `--index` instead.
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
 * job passes its first index as the offset.
 */
export function arrayIndexOf(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  offset = 0,
  list?: readonly number[],
): ArrayIndex {
  const raw = rawIndexOf(flag, env);
  if (!raw.ok || list === undefined) return raw.ok ? { ...raw, index: raw.index + offset } : raw;
  // A service whose arrays count 0..size-1 runs a scattered set of tasks as the n-th of a list.
  const picked = list[raw.index];
  if (picked === undefined)
    return { ok: false, message: `array index ${raw.index} is past the ${list.length} listed` };
  return { ok: true, index: picked + offset, source: raw.source };
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

/** Services that retry a job themselves say which try this is (1 for the first). */
export const ATTEMPT_VARIABLES = ['AWS_BATCH_JOB_ATTEMPT'] as const;

/** The service's own attempt number (1-based), when the environment has one. */
export function serviceAttemptOf(
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  for (const name of ATTEMPT_VARIABLES) {
    const raw = env[name]?.trim();
    if (raw !== undefined && /^[1-9]\d*$/.test(raw)) return Number(raw);
  }
  // Cloud Batch counts the retries of a task from 0 (`BATCH_TASK_RETRY_ATTEMPT`).
  const retry = env['BATCH_TASK_RETRY_ATTEMPT']?.trim();
  if (retry !== undefined && /^\d+$/.test(retry)) return Number(retry) + 1;
  return undefined;
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
