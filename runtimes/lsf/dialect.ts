/**
 * IBM Spectrum LSF: `bsub -J "name[1-N]%M"`, `-n`, `-R "rusage[mem=..] span[hosts=1]"`, `-M`,
 * `-W` minutes, `-w "ended(ID)"`, `bjobs -a -o "..." -json`, `bkill`. LSF counts array indices
 * from 1 and augc from 0: the submit argv adds one, the index expression and parseStatus take it
 * back off, so the rest of augc never sees an LSF index. Pure functions over strings, tested
 * against output transcribed from IBM's documentation (test/runtimes/lsf/captures/).
 */
import type { ArrayJob, GridDialect, JobStateName, JobStatus, SingleJob } from '../grid/dialect.js';
import { mebibytes } from '../grid/resource-format.js';
import { shellQuote } from '../grid/shell-quote.js';
import { spanOf } from '../batch/index-spec.js';

/** LSF refuses a `-J "name[indexList]%limit"` specification longer than this. */
const MAX_ARRAY_SPEC = 255;

/** `-W` takes whole minutes; a limit is never rounded down. */
export function lsfMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * `-b [[year:][month:]day:]hour:minute` in the submission host's local time. LSF has no seconds,
 * so the time is rounded up to the next whole minute: a retry never starts before its backoff.
 */
export function lsfBeginAt(secondsFromNow: number, now = new Date()): string {
  const d = new Date(now.getTime() + Math.ceil(secondsFromNow) * 1000);
  if (d.getSeconds() > 0 || d.getMilliseconds() > 0) d.setMinutes(d.getMinutes() + 1, 0, 0);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}:${p(d.getMonth() + 1)}:${p(d.getDate())}:${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** An augc index spec (`0-9,12`) as LSF's 1-based index list (`1-10,13`). */
export function oneBased(spec: string): string {
  return spec
    .split(',')
    .filter((part) => part !== '')
    .map((part) =>
      part
        .split('-')
        .map((n) => String(Number(n) + 1))
        .join('-'),
    )
    .join(',');
}

/** LSF job and array names allow letters, digits, `.`, `-` and `_` only. */
const lsfName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_');

function resourceFlags(job: ArrayJob | SingleJob): string[] {
  const r = job.resources;
  const t = job.target;
  // An explicit unit, so that LSF_UNIT_FOR_LIMITS (KB unless the site set it) cannot rescale it.
  const mem = `${mebibytes(r.memoryBytes)}MB`;
  const flags = [
    '-cwd',
    job.workdir,
    // Without -e, LSF writes the job's stderr to the -o file too; -o appends.
    '-o',
    job.schedulerLog,
    '-n',
    String(Math.max(1, Math.ceil(r.cpus))),
    '-R',
    `rusage[mem=${mem}] span[hosts=1]`,
    // The limit as well as the reservation: a task over it ends TERM_MEMLIMIT, which augc retries as oom.
    '-M',
    mem,
    '-W',
    String(lsfMinutes(r.walltimeSeconds)),
  ];
  if (r.gpus > 0) {
    const type = r.gpuType ?? t.gpuType;
    flags.push('-gpu', `num=${r.gpus}${type !== undefined ? `:gmodel=${type}` : ''}`);
  }
  const queue = r.queue ?? t.queue;
  const project = r.account ?? t.account;
  if (queue !== undefined) flags.push('-q', queue);
  if (project !== undefined) flags.push('-P', project);
  return flags;
}

/**
 * bsub has no script operand that works on every cluster (the `job_script` form needs
 * LSB_BSUB_PARSE_SCRIPT=Y) and augc passes no stdin, so the script is the job's command. LSF runs
 * the command through `/bin/sh` on the execution host, hence the quoting; augc writes it 0755.
 */
const command = (script: string): string => shellQuote(script);

/**
 * `name[list]%limit`, or the list's span when the list would make the specification too long for
 * LSF; the job script skips the span's extra indices either way (`indexLists: false`).
 */
function arraySpec(job: ArrayJob): string {
  const name = lsfName(job.name);
  const limit = job.target.arrayLimit !== undefined ? `%${job.target.arrayLimit}` : '';
  const exact = `${name}[${oneBased(job.indices)}]${limit}`;
  if (exact.length <= MAX_ARRAY_SPEC) return exact;
  const { first, last } = spanOf(job.indices);
  return `${name}[${first + 1}-${last + 1}]${limit}`;
}

function arraySubmitArgv(job: ArrayJob): string[] {
  const after = job.beginAfterSeconds;
  const begin = after !== undefined && after > 0 ? ['-b', lsfBeginAt(after)] : [];
  return [
    'bsub',
    '-J',
    arraySpec(job),
    ...resourceFlags(job),
    ...begin,
    ...job.target.extra,
    command(job.script),
  ];
}

/** `ended(ID)` holds once a job, or every element of an array, is DONE or EXIT. */
function singleSubmitArgv(job: SingleJob): string[] {
  const dep =
    job.afterAny.length > 0 ? ['-w', job.afterAny.map((id) => `ended(${id})`).join(' && ')] : [];
  return [
    'bsub',
    '-J',
    lsfName(job.name),
    ...resourceFlags(job),
    ...dep,
    ...job.target.extra,
    command(job.script),
  ];
}

/** `Job <1234> is submitted to queue <normal>.` (or `to default queue`), maybe after esub notes. */
function parseJobId(stdout: string): string | undefined {
  return /^Job <(\d+)> is submitted to /m.exec(stdout)?.[1];
}

const STATES: Readonly<Record<string, JobStateName>> = {
  PEND: 'pending',
  PSUSP: 'pending',
  WAIT: 'pending',
  PROV: 'pending',
  RUN: 'running',
  USUSP: 'running',
  SSUSP: 'running',
  DONE: 'completed',
  POST_DONE: 'completed',
  EXIT: 'failed',
  POST_ERR: 'failed',
  // Killed while its execution host was unreachable: the host, not the task, failed.
  ZOMBI: 'node_fail',
  UNKWN: 'unknown',
};

/** How an EXIT job ended, from the `TERM_*` word that starts its exit reason. */
const EXIT_REASONS: Readonly<Record<string, JobStateName>> = {
  TERM_RUNLIMIT: 'timeout',
  TERM_DEADLINE: 'timeout',
  TERM_MEMLIMIT: 'oom',
  TERM_SWAP: 'oom',
  TERM_OWNER: 'cancelled',
  TERM_FORCE_OWNER: 'cancelled',
  TERM_ADMIN: 'cancelled',
  TERM_FORCE_ADMIN: 'cancelled',
  TERM_PREEMPT: 'preempted',
  TERM_ZOMBIE: 'node_fail',
  TERM_REMOVE_HUNG_JOB: 'node_fail',
};

/**
 * The JSON form of `bjobs -o`: the fields come back by name, an empty field is `""` rather than a
 * missing column, and an exit reason is free text that no delimiter can be trusted against.
 */
const FIELDS = 'jobid jobindex stat exit_code exit_reason';

function statusArgv(jobIds: readonly string[]): string[] {
  // -a: finished jobs too, for as long as mbatchd remembers them (CLEAN_PERIOD).
  return ['bjobs', '-a', '-o', FIELDS, '-json', ...jobIds];
}

interface BjobsRecord {
  JOBID?: string;
  JOBINDEX?: string;
  STAT?: string;
  EXIT_CODE?: string;
  EXIT_REASON?: string;
  ERROR?: string;
}

function stateOf(raw: string, reason: string): JobStateName {
  const state = STATES[raw] ?? 'unknown';
  if (state !== 'failed') return state;
  return EXIT_REASONS[/^TERM_[A-Z_]+/.exec(reason)?.[0] ?? ''] ?? 'failed';
}

function statusOf(r: BjobsRecord): JobStatus | undefined {
  if (r.STAT === undefined || r.ERROR !== undefined) return undefined;
  // `ID`, or `ID[INDEX]` should a version print the element that way.
  const id = /^(\d+)(?:\[(\d+)\])?$/.exec(r.JOBID?.trim() ?? '');
  if (!id?.[1]) return undefined;
  const reason = r.EXIT_REASON?.trim() ?? '';
  // A job that is not an array element has index 0; array elements count from 1.
  const lsfIndex = id[2] ?? r.JOBINDEX ?? '';
  const index = /^\d+$/.test(lsfIndex) ? Number(lsfIndex) - 1 : -1;
  return {
    jobId: id[1],
    state: stateOf(r.STAT, reason),
    raw: r.STAT,
    ...(index >= 0 ? { index } : {}),
    ...(reason !== '' ? { reason } : {}),
  };
}

/** One record per array element; ids bjobs no longer knows come back as `ERROR` records. */
function parseStatus(stdout: string): JobStatus[] {
  let parsed: { RECORDS?: BjobsRecord[] };
  try {
    parsed = JSON.parse(stdout) as { RECORDS?: BjobsRecord[] };
  } catch {
    return [];
  }
  const records = Array.isArray(parsed.RECORDS) ? parsed.RECORDS : [];
  return records.map(statusOf).filter((s): s is JobStatus => s !== undefined);
}

export const lsfDialect: GridDialect = {
  name: 'lsf',
  commands: { submit: 'bsub', status: 'bjobs', cancel: 'bkill' },
  // -o substitutes %J (job id) and %I (array index) for each element.
  arrayLogSuffix: '.%J_%I',
  // Lists are submitted as lists when they fit in -J, else as their span: the script filters.
  indexLists: false,
  // Digits only before the arithmetic (bash evaluates expressions inside a variable's value); an
  // unset or 0 (not an array element) LSB_JOBINDEX gives -1, which the job script rejects.
  indexExpression: '$((${LSB_JOBINDEX//[!0-9]/} - 1))',
  jobIdExpression: '${LSB_JOBID:-unknown}',
  arraySubmitArgv,
  singleSubmitArgv,
  parseJobId,
  statusArgv,
  // bjobs exits 255 when any listed id is not found (the others are still printed).
  unknownJobExitCodes: [255],
  parseStatus,
  cancelArgv: (jobIds) => ['bkill', ...jobIds],
};

/** `MAX_JOB_ARRAY_SIZE = N` from `bparams -a`: most elements of one array, and its largest index. */
export function parseMaxJobArraySize(paramsText: string): number | undefined {
  const m = /^\s*MAX_JOB_ARRAY_SIZE\s*=\s*(\d+)/m.exec(paramsText);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}
