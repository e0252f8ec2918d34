/**
 * Splits the input into `_augc/chunks/` unless the chunks there were cut from the same input bytes
 * with the same chunking (`_augc/chunks/split.json` records what they were cut from), so that a
 * resumed run reads its input only once, to hash it.
 */
import { canonicalJson } from '../../compiler/plan/canonical-json.js';
import type { Plan } from '../../compiler/plan/types.js';
import { requireInputSource } from '../../engine/input-source.js';
import { CHUNKS_DIR, SPLIT_RECORD_PATH } from '../../engine/run-layout.js';
import { splitInput, type ChunkFile } from '../../engine/split.js';
import { sha256OfSource } from '../../engine/storage/source-hash.js';
import type { Storage } from '../../engine/storage/storage.js';

export interface SplitRecord {
  /** What the chunks depend on: the input's bytes, columns' roles and the chunking. */
  key: string;
  input_sha256: string;
  rows: number;
  rejected: number;
  chunks: ChunkFile[];
}

export interface SplitOutcome {
  record: SplitRecord;
  reused: boolean;
  notes: string[];
}

function keyOf(plan: Plan, inputSha256: string): string {
  // What the plan learnt when it was made (rows, sha256) is not what the chunks depend on.
  const input: Partial<Plan['input']> = { ...plan.input };
  delete input.rows;
  delete input.sha256;
  return canonicalJson({ input, chunks: plan.chunks, sha256: inputSha256 });
}

async function readRecord(storage: Storage): Promise<SplitRecord | undefined> {
  try {
    return JSON.parse(await storage.readText(SPLIT_RECORD_PATH)) as SplitRecord;
  } catch {
    return undefined;
  }
}

async function chunksIntact(storage: Storage, record: SplitRecord): Promise<boolean> {
  for (const chunk of record.chunks) {
    if ((await storage.stat(chunk.file)) === undefined) return false;
  }
  return true;
}

/** The split record when the chunks in storage are still those of this plan's input. */
export async function currentSplit(plan: Plan, storage: Storage): Promise<SplitRecord | undefined> {
  const record = await readRecord(storage);
  if (!record) return undefined;
  const sha = await sha256OfSource(requireInputSource(plan.input.uri));
  if (record.key !== keyOf(plan, sha) || !(await chunksIntact(storage, record))) return undefined;
  return record;
}

/** Splits when needed; throws the engine's DataError for a bad input. */
export async function ensureSplit(plan: Plan, storage: Storage): Promise<SplitOutcome> {
  const existing = await currentSplit(plan, storage);
  if (existing) return { record: existing, reused: true, notes: [] };
  await storage.remove(SPLIT_RECORD_PATH);
  const result = await splitInput({
    input: plan.input,
    chunks: plan.chunks,
    storage,
    dir: CHUNKS_DIR,
  });
  const record: SplitRecord = {
    key: keyOf(plan, result.sha256),
    input_sha256: result.sha256,
    rows: result.rows,
    rejected: result.rejects.count,
    chunks: result.chunks,
  };
  await storage.writeAtomic(SPLIT_RECORD_PATH, `${JSON.stringify(record, null, 2)}\n`);
  return { record, reused: false, notes: result.notes };
}
