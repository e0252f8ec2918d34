/**
 * Reads a local input once to learn its columns, row count and the sha256 of its bytes as stored
 * (for `augc plan`, which records them, and for count-mode chunking). Bad rows are counted, not
 * fatal, so the count is the one `splitInput` reaches under `skip` (under `fail` the split stops
 * at the first bad row anyway). Throws `DataError` for whole-file problems (empty file, bad
 * header, not Parquet, bad gzip data); callers catch it with `isDataError`.
 */
import { countPlainCsv } from './formats/csv-count.js';
import { readRecordBatches } from './formats/read-rows.js';
import type { Format } from './formats/types.js';
import { inputReadingOf, openInputSource } from './input-source.js';
import { schemeOf } from './storage/open-storage.js';

export interface InputProbe {
  columns: string[];
  /** Good rows. */
  rows: number;
  /** Rows that would be rejected under `skip`. */
  rejected: number;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
}

/**
 * Undefined for a URI that is not a local file: it is probed when the run reads it. `augc check`
 * and `augc plan` stay offline and never load an object store's SDK, and a remote input is not
 * read twice.
 */
export async function probeInput(uri: string, format: Format): Promise<InputProbe | undefined> {
  if (schemeOf(uri) !== 'file') return undefined;
  const stored = openInputSource(uri);
  if (stored === undefined) return undefined;
  if (format === 'csv') {
    // Most CSV files are plain (no quotes, no CR): their rows can be counted without parsing.
    const fast = inputReadingOf(stored, uri, format);
    const counted = await countPlainCsv(fast.source.name, fast.source.stream(), fast.onBytes);
    if (counted) return { ...counted, sha256: await fast.sha256() };
  }
  const reading = inputReadingOf(stored, uri, format);
  let columns: string[] = [];
  let rejected = 0;
  let rows = 0;
  const batches = readRecordBatches(reading.source, format, {
    onBadRow: 'skip',
    onReject: () => void rejected++,
    onColumns: (names) => void (columns = [...names]),
    ...(reading.onBytes ? { onBytes: reading.onBytes } : {}),
  });
  for await (const batch of batches) rows += batch.length;
  return { columns, rows, rejected, sha256: await reading.sha256() };
}
