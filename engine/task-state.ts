/**
 * Where a task stands in a run's storage, for resume, `augc status` and merge:
 * - complete: its record exists, its cache key matches the plan, its part has the recorded hash;
 * - stale:    its record exists but the cache key changed (the reason names the component);
 * - corrupt:  its record is unreadable, or its part is missing or differs from the record;
 * - failed:   no record, and its latest attempt record says it failed or was interrupted;
 * - missing:  no record and no attempt.
 */
import { createHash } from 'node:crypto';
import { contextPathOf } from '../compiler/plan/task-at.js';
import type { Plan, PlanTask } from '../compiler/plan/types.js';
import { cacheKeyOf, explainKeyChange } from './cache-key.js';
import type { Storage } from './storage/storage.js';
import { ATTEMPTS_DIR } from './run-layout.js';
import type { AttemptRecord, TaskRecord } from './task-record.js';

export type TaskStateName = 'complete' | 'stale' | 'corrupt' | 'failed' | 'missing';

export interface TaskState {
  state: TaskStateName;
  reason: string;
  record?: TaskRecord;
  attempt?: AttemptRecord;
}

export interface ReadTaskStateOptions {
  /** The chunk's current sha256 (from `splitInput`); default: trust the recorded one. */
  chunkSha256?: string;
  /** Hash the part and compare (default true); otherwise only its size is compared. */
  verifyHash?: boolean;
  /** Attempt files by task id, when the caller lists `_augc/attempts` once for many tasks. */
  attempts?: ReadonlyMap<string, string[]>;
}

const ATTEMPT_FILE = /^(.*)\.(\d+)\.json$/;

/** Lists `_augc/attempts` once: task id -> attempt file paths, latest attempt last. */
export async function listAttempts(storage: Storage): Promise<Map<string, string[]>> {
  const byTask = new Map<string, { n: number; path: string }[]>();
  for (const path of await storage.list(ATTEMPTS_DIR)) {
    const [, task, n] = ATTEMPT_FILE.exec(path.slice(ATTEMPTS_DIR.length + 1)) ?? [];
    if (task === undefined || n === undefined) continue;
    const list = byTask.get(task) ?? [];
    list.push({ n: Number(n), path });
    byTask.set(task, list);
  }
  return new Map(
    [...byTask].map(([task, list]) => [task, list.sort((a, b) => a.n - b.n).map((a) => a.path)]),
  );
}

async function readJson(storage: Storage, path: string): Promise<unknown> {
  try {
    return JSON.parse(await storage.readText(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return null;
  }
}

async function withoutRecord(
  storage: Storage,
  task: PlanTask,
  opts: ReadTaskStateOptions,
): Promise<TaskState> {
  const files = opts.attempts
    ? opts.attempts.get(task.id)
    : (await listAttempts(storage)).get(task.id);
  const latest = files?.at(-1);
  if (latest === undefined) return { state: 'missing', reason: 'not run yet' };
  const attempt = (await readJson(storage, latest)) as AttemptRecord | null | undefined;
  if (!attempt || typeof attempt !== 'object') {
    return { state: 'failed', reason: `attempt record ${latest} is unreadable` };
  }
  const reason = `attempt ${attempt.attempt} ${attempt.state} (${attempt.error_class}): ${attempt.message}`;
  return { state: 'failed', reason, attempt };
}

function isRecordOf(value: unknown, task: PlanTask): value is TaskRecord {
  const r = value as Partial<TaskRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.task === task.id &&
    typeof r.part?.path === 'string' &&
    typeof r.cache_key?.key === 'string' &&
    typeof r.cache_key.components === 'object' &&
    typeof r.cache_key.detail === 'object'
  );
}

/** Parts up to this size are checked with one ranged read (no stat, no stream): merge does 10^4. */
const SMALL_PART = 1 << 22;

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function checkSmallPart(
  storage: Storage,
  part: TaskRecord['part'],
): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    // One byte more than recorded, so that a longer file shows.
    bytes = await storage.openSource(part.path).readRange(0, part.bytes + 1);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `part ${part.path} is missing`;
    throw error;
  }
  if (bytes.length !== part.bytes) {
    return `part ${part.path} differs in size from the ${part.bytes} bytes its record says`;
  }
  return sha256Hex(bytes) === part.sha256
    ? undefined
    : `part ${part.path} does not match its recorded sha256`;
}

async function checkPart(
  storage: Storage,
  record: TaskRecord,
  verifyHash: boolean,
): Promise<string | undefined> {
  if (verifyHash && record.part.bytes <= SMALL_PART) return checkSmallPart(storage, record.part);
  const stat = await storage.stat(record.part.path);
  if (stat === undefined) return `part ${record.part.path} is missing`;
  if (stat.size !== record.part.bytes) {
    return `part ${record.part.path} has ${stat.size} bytes, the record says ${record.part.bytes}`;
  }
  if (verifyHash && (await storage.sha256(record.part.path)) !== record.part.sha256) {
    return `part ${record.part.path} does not match its recorded sha256`;
  }
  return undefined;
}

export async function readTaskState(
  storage: Storage,
  plan: Plan,
  task: PlanTask,
  opts: ReadTaskStateOptions = {},
): Promise<TaskState> {
  const path = contextPathOf(plan, task.combo.id, task.chunk);
  const value = await readJson(storage, path);
  if (value === undefined) return withoutRecord(storage, task, opts);
  if (!isRecordOf(value, task))
    return { state: 'corrupt', reason: `record ${path} is unreadable or not this task's` };
  const record = value;
  const expected = cacheKeyOf({ plan, task, chunkSha256: opts.chunkSha256 ?? record.input.sha256 });
  if (expected.key !== record.cache_key.key) {
    return {
      state: 'stale',
      reason: explainKeyChange(record.cache_key, expected).join('; '),
      record,
    };
  }
  const problem = await checkPart(storage, record, opts.verifyHash ?? true);
  if (problem !== undefined) return { state: 'corrupt', reason: problem, record };
  return { state: 'complete', reason: 'output matches its record', record };
}
