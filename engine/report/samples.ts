/**
 * The report's samples: for each combo, a few input rows chosen by the plan's seed (the same rows
 * every time the report is written) with the variants the combo kept for them. The original comes
 * from the task's chunk file, the variants from its part, both through Storage.
 */
import type { Plan } from '../../compiler/plan/types.js';
import { createRng } from '../../stdlib/random/index.js';
import { readRecords } from '../formats/read-rows.js';
import { ROW_ORDINAL_COLUMN } from '../part-writer.js';
import { CHUNKS_DIR } from '../run-layout.js';
import { chunkPath, ROW_COLUMN } from '../split.js';
import type { Storage } from '../storage/storage.js';
import { augmentedColumns, cellText } from '../task-items.js';
import type { TaskRecord } from '../task-record.js';
import type { TaskEntry } from './run-records.js';

export const SAMPLE_ROWS = 3;
/** Combos beyond this many are not sampled (the report says so). */
export const SAMPLE_COMBOS = 24;
/** Variants shown per row (a tabular method may make many rows from one). */
const SAMPLE_VARIANTS = 4;

export interface SampleRow {
  ordinal: number;
  id?: string;
  original: string[];
  variants: { variant: number; values: string[]; similarity?: number }[];
}

export interface ComboSamples {
  combo: string;
  mode: 'text' | 'tabular';
  columns: string[];
  chunk?: number;
  rows: SampleRow[];
  /** Why there is nothing to show, or why the part could not be read. */
  note?: string;
}

type Row = Record<string, unknown>;

function pick<T>(items: readonly T[], n: number, rng: { int(n: number): number }): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(...pool.splice(rng.int(pool.length), 1));
  return out;
}

async function readAll(storage: Storage, path: string, format: Plan['output']['format']) {
  const rows: Row[] = [];
  for await (const { values } of readRecords(storage.openSource(path), format)) rows.push(values);
  return rows;
}

function valuesOf(row: Row, columns: readonly string[]): string[] {
  return columns.map((c) => cellText(row[c] as Parameters<typeof cellText>[0]));
}

/**
 * Rows of the chunk to show: any row for a text combo (one whose variants were all dropped says
 * so), but for a tabular one only rows the part's rows were made from (SMOTE draws from a few).
 */
function candidates(input: Row[], part: Row[], mode: ComboSamples['mode']): Row[] {
  if (mode === 'text') return input;
  const used = new Set(part.map((row) => Number(row[ROW_ORDINAL_COLUMN])));
  const made = input.filter((row) => used.has(Number(row[ROW_COLUMN])));
  return made.length > 0 ? made : input;
}

function variantsByOrdinal(part: Row[], wanted: ReadonlySet<number>, columns: string[]) {
  const byOrdinal = new Map<number, SampleRow['variants']>();
  for (const row of part) {
    const ordinal = Number(row[ROW_ORDINAL_COLUMN]);
    const list = byOrdinal.get(ordinal) ?? [];
    if (!wanted.has(ordinal) || list.length >= SAMPLE_VARIANTS) continue;
    const similarity = Number(row['augc_similarity']);
    list.push({
      variant: Number(row['augc_variant']),
      values: valuesOf(row, columns),
      ...(row['augc_similarity'] !== null && Number.isFinite(similarity) ? { similarity } : {}),
    });
    byOrdinal.set(ordinal, list);
  }
  return byOrdinal;
}

async function sampleTask(plan: Plan, storage: Storage, record: TaskRecord, base: ComboSamples) {
  const seed = createRng(plan.seed, 'augc-report', record.combo);
  const input = await readAll(storage, chunkPath(CHUNKS_DIR, record.chunk), 'jsonl');
  const part = await readAll(storage, record.part.path, plan.output.format);
  const chosen = pick(candidates(input, part, base.mode), SAMPLE_ROWS, seed).sort(
    (a, b) => Number(a[ROW_COLUMN]) - Number(b[ROW_COLUMN]),
  );
  const wanted = new Map(chosen.map((row) => [Number(row[ROW_COLUMN]), row]));
  const byOrdinal = variantsByOrdinal(part, new Set(wanted.keys()), base.columns);
  return [...wanted].map(([ordinal, row]): SampleRow => {
    const id = plan.input.id !== undefined ? row[plan.input.id] : undefined;
    return {
      ordinal,
      ...(id !== undefined && id !== null ? { id: String(id as string | number) } : {}),
      original: valuesOf(row, base.columns),
      variants: byOrdinal.get(ordinal) ?? [],
    };
  });
}

async function sampleCombo(plan: Plan, storage: Storage, combo: string, done: TaskRecord[]) {
  const texts = augmentedColumns(plan.input);
  const mode = texts.length > 0 ? 'text' : 'tabular';
  const columns = mode === 'text' ? texts : (plan.input.features ?? []);
  const base: ComboSamples = { combo, mode, columns, rows: [] };
  const withRows = done.filter((r) => r.rows_in > 0);
  const [record] = pick(withRows, 1, createRng(plan.seed, 'augc-report-chunk', combo));
  if (!record) return { ...base, note: 'no complete task of this combo has input rows' };
  try {
    return { ...base, chunk: record.chunk, rows: await sampleTask(plan, storage, record, base) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...base, chunk: record.chunk, note: `its part could not be read: ${why}` };
  }
}

/** Samples of the first `SAMPLE_COMBOS` combos, in plan order. */
export async function readSamples(
  plan: Plan,
  storage: Storage,
  tasks: readonly TaskEntry[],
): Promise<ComboSamples[]> {
  const out: ComboSamples[] = [];
  for (const combo of plan.combos.slice(0, SAMPLE_COMBOS)) {
    const done = tasks.flatMap((e) =>
      e.state === 'complete' && e.record && e.task.combo.id === combo.id ? [e.record] : [],
    );
    out.push(await sampleCombo(plan, storage, combo.id, done));
  }
  return out;
}
