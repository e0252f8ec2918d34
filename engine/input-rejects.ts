/**
 * How many input rows the split skipped under `on_bad_row = skip`, for merge totals and the merged
 * context. The split record (`_augc/chunks/split.json`, written by `augc run`) holds the count and
 * the skipped rows themselves are in `_augc/chunks/rejects.jsonl`.
 */
import { SPLIT_RECORD_PATH } from './run-layout.js';
import type { Storage } from './storage/storage.js';

/** The number of skipped input rows (0 when the run has no split record). */
export async function readInputRejected(storage: Storage): Promise<number> {
  try {
    const record = JSON.parse(await storage.readText(SPLIT_RECORD_PATH)) as { rejected?: unknown };
    return typeof record.rejected === 'number' ? record.rejected : 0;
  } catch {
    return 0;
  }
}
