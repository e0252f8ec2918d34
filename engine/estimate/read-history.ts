/**
 * `augc plan --estimate --history DIR`: the task records of earlier runs under DIR (a run's
 * output, or a folder holding several), read through Storage so DIR may be a bucket. Only what
 * speeds are made of is kept: the methods, rows, variants, quality measure and wall seconds.
 */
import { dirname } from 'node:path/posix';
import type { Plan } from '../../compiler/plan/types.js';
import { mapLimit } from '../map-limit.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import type { MethodRecord, TaskRecord } from '../task-record.js';

export interface HistoryTask {
  /** The run it belongs to, and the worker that ran it (loads are paid once per worker). */
  run: string;
  worker: string;
  /** When it started (ms since the epoch): a worker's first task of a method loads it. */
  start: number;
  methods: MethodRecord[];
  rowsIn: number;
  variants: number;
  quality: string;
  seconds: number;
}

export interface History {
  tasks: HistoryTask[];
  /** Runs found, by location. */
  runs: string[];
  /** Locations that could not be read or hold no run: the caller reports them. */
  problems: { uri: string; message: string }[];
}

const PLAN_FILE = /(^|\/)_augc\/plan\.json$/;

async function recordsOfRun(storage: Storage, root: string, run: string): Promise<HistoryTask[]> {
  const prefix = root === '' ? '' : `${root}/`;
  const plan = JSON.parse(await storage.readText(`${prefix}_augc/plan.json`)) as Plan;
  const folder = `${prefix}${dirname(plan.layout.context)}`;
  const files = (await storage.list(folder)).filter((f) => f.endsWith('.json'));
  const read = await mapLimit(files, 32, async (f) => {
    try {
      return JSON.parse(await storage.readText(f)) as Partial<TaskRecord>;
    } catch {
      return undefined;
    }
  });
  return read.flatMap((r): HistoryTask[] => {
    const seconds = (Date.parse(r?.end ?? '') - Date.parse(r?.start ?? '')) / 1000;
    if (!r || !Array.isArray(r.params) || !(seconds >= 0) || typeof r.rows_in !== 'number')
      return [];
    return [
      {
        run,
        worker: r.worker ?? '',
        start: Date.parse(r.start ?? ''),
        methods: r.params,
        rowsIn: r.rows_in,
        variants: r.variants ?? 1,
        quality: r.quality?.measure ?? 'chrf',
        seconds,
      },
    ];
  });
}

async function readOne(uri: string, into: History): Promise<void> {
  const opened = openStorage(uri);
  if (!opened.ok) return void into.problems.push({ uri, message: opened.message });
  const { storage } = opened;
  let files: string[];
  try {
    files = await storage.list('');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return void into.problems.push({ uri, message: `cannot be read: ${why}` });
  }
  const roots = files.filter((f) => PLAN_FILE.test(f)).map((f) => f.replace(PLAN_FILE, ''));
  if (roots.length === 0)
    return void into.problems.push({ uri, message: 'holds no augc run (no `_augc/plan.json`)' });
  for (const root of roots) {
    const run = root === '' ? uri : `${uri.replace(/\/+$/, '')}/${root}`;
    into.runs.push(run);
    into.tasks.push(...(await recordsOfRun(storage, root, run)));
  }
}

export async function readHistory(uris: readonly string[]): Promise<History> {
  const history: History = { tasks: [], runs: [], problems: [] };
  for (const uri of uris) await readOne(uri, history);
  return history;
}
