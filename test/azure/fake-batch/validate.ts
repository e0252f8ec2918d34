/**
 * The Azure Batch service's documented limits and request shapes, enforced by the fake so that a
 * request the service would refuse is refused here too (the SDK checks almost none of them). Each
 * check returns the service's error code and message, or undefined.
 */
export interface ServiceError {
  status: number;
  code: string;
  message: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DURATION = /^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
const JOB_ACTIONS = ['none', 'disable', 'terminate'];
const DEPENDENCY_ACTIONS = ['satisfy', 'block'];
const UPLOAD_CONDITIONS = ['tasksuccess', 'taskfailure', 'taskcompletion'];

export const MAX_TASKS_PER_COLLECTION = 100;
export const MAX_BODY_BYTES = 1024 * 1024;

const bad = (code: string, message: string, status = 400): ServiceError => ({
  status,
  code,
  message,
});

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkDuration(value: unknown, field: string): ServiceError | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DURATION.test(value) || value === 'P' || value.endsWith('T'))
    return bad('InvalidPropertyValue', `${field} is not an ISO 8601 duration: ${String(value)}`);
  return undefined;
}

function checkRetries(value: unknown, field: string): ServiceError | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < -1)
    return bad('InvalidPropertyValue', `${field} must be an integer >= -1`);
  return undefined;
}

export function checkJob(job: unknown): ServiceError | undefined {
  if (!isObj(job)) return bad('InvalidRequestBody', 'the job is not an object');
  if (typeof job['id'] !== 'string' || !ID.test(job['id']))
    return bad(
      'InvalidPropertyValue',
      `job id must be 1-64 letters, digits, - or _: ${String(job['id'])}`,
    );
  const pool = job['poolInfo'];
  if (
    !isObj(pool) ||
    (pool['poolId'] === undefined) === (pool['autoPoolSpecification'] === undefined)
  )
    return bad(
      'InvalidPropertyValue',
      'poolInfo needs exactly one of poolId and autoPoolSpecification',
    );
  const auto = pool['autoPoolSpecification'];
  if (isObj(auto)) {
    const spec = auto['pool'];
    if (!isObj(spec) || typeof spec['vmSize'] !== 'string')
      return bad('MissingRequiredProperty', 'autoPoolSpecification.pool.vmSize is required');
    if (!['job', 'jobschedule'].includes(String(auto['poolLifetimeOption'])))
      return bad('InvalidPropertyValue', 'poolLifetimeOption must be job or jobschedule');
  }
  const priority = job['priority'];
  if (
    priority !== undefined &&
    (!Number.isInteger(priority) || Math.abs(priority as number) > 1000)
  )
    return bad('InvalidPropertyValue', 'priority must be between -1000 and 1000');
  const oatc = job['onAllTasksComplete'];
  if (oatc !== undefined && !['noaction', 'terminatejob'].includes(String(oatc)))
    return bad('InvalidPropertyValue', `onAllTasksComplete: ${String(oatc)}`);
  const constraints = isObj(job['constraints']) ? job['constraints'] : {};
  return checkRetries(constraints['maxTaskRetryCount'], 'constraints.maxTaskRetryCount');
}

function checkExitConditions(value: unknown): ServiceError | undefined {
  if (value === undefined) return undefined;
  if (!isObj(value)) return bad('InvalidPropertyValue', 'exitConditions is not an object');
  for (const key of ['default', 'preProcessingError', 'fileUploadError']) {
    const option = value[key];
    if (option === undefined) continue;
    if (!isObj(option))
      return bad('InvalidPropertyValue', `exitConditions.${key} is not an object`);
    if (option['jobAction'] !== undefined && !JOB_ACTIONS.includes(String(option['jobAction'])))
      return bad(
        'InvalidPropertyValue',
        `exitConditions.${key}.jobAction: ${String(option['jobAction'])}`,
      );
    const dep = option['dependencyAction'];
    if (dep !== undefined && !DEPENDENCY_ACTIONS.includes(String(dep)))
      return bad('InvalidPropertyValue', `exitConditions.${key}.dependencyAction: ${String(dep)}`);
  }
  return undefined;
}

function checkOutputFiles(value: unknown): ServiceError | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return bad('InvalidPropertyValue', 'outputFiles is not a list');
  for (const f of value) {
    if (!isObj(f) || typeof f['filePattern'] !== 'string')
      return bad('MissingRequiredProperty', 'outputFiles[].filePattern is required');
    const dest = isObj(f['destination']) ? f['destination']['container'] : undefined;
    if (!isObj(dest) || typeof dest['containerUrl'] !== 'string')
      return bad(
        'MissingRequiredProperty',
        'outputFiles[].destination.container.containerUrl is required',
      );
    const options = isObj(f['uploadOptions']) ? f['uploadOptions'] : {};
    if (!UPLOAD_CONDITIONS.includes(String(options['uploadCondition'])))
      return bad('InvalidPropertyValue', `uploadCondition: ${String(options['uploadCondition'])}`);
  }
  return undefined;
}

function checkDependsOn(value: unknown, usesDependencies: boolean): ServiceError | undefined {
  if (value === undefined) return undefined;
  if (!usesDependencies)
    return bad(
      'TaskDependenciesNotSpecifiedOnJob',
      'the job does not set usesTaskDependencies',
      409,
    );
  if (!isObj(value)) return bad('InvalidPropertyValue', 'dependsOn is not an object');
  const ids = value['taskIds'];
  if (ids !== undefined && JSON.stringify(ids).length > 64_000)
    return bad('TaskDependencyListTooLong', 'dependsOn.taskIds is longer than 64,000 characters');
  const ranges = value['taskIdRanges'];
  if (ranges === undefined) return undefined;
  if (!Array.isArray(ranges)) return bad('InvalidPropertyValue', 'taskIdRanges is not a list');
  for (const r of ranges) {
    if (
      !isObj(r) ||
      !Number.isInteger(r['start']) ||
      !Number.isInteger(r['end']) ||
      (r['start'] as number) > (r['end'] as number)
    )
      return bad(
        'InvalidPropertyValue',
        `taskIdRanges needs integers start <= end: ${JSON.stringify(r)}`,
      );
  }
  return undefined;
}

/** One task of an addtaskcollection call (its failure is that task's clientError). */
export function checkTask(task: unknown, usesDependencies: boolean): ServiceError | undefined {
  if (!isObj(task)) return bad('InvalidRequestBody', 'a task is not an object');
  if (typeof task['id'] !== 'string' || !ID.test(task['id']))
    return bad(
      'InvalidPropertyValue',
      `task id must be 1-64 letters, digits, - or _: ${String(task['id'])}`,
    );
  if (typeof task['commandLine'] !== 'string' || task['commandLine'].trim() === '')
    return bad('MissingRequiredProperty', 'commandLine is required');
  const c = isObj(task['constraints']) ? task['constraints'] : {};
  return (
    checkDuration(c['maxWallClockTime'], 'constraints.maxWallClockTime') ??
    checkRetries(c['maxTaskRetryCount'], 'constraints.maxTaskRetryCount') ??
    checkExitConditions(task['exitConditions']) ??
    checkOutputFiles(task['outputFiles']) ??
    checkDependsOn(task['dependsOn'], usesDependencies)
  );
}

/** Seconds of an ISO 8601 duration such as `PT600S` or `P1DT2H`. */
export function durationSeconds(text: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text);
  if (!m) return Number.POSITIVE_INFINITY;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return (d ?? 0) * 86400 + (h ?? 0) * 3600 + (min ?? 0) * 60 + (s ?? 0);
}
