/**
 * Reads a local input once to learn its columns, row count and sha256 (for `augc plan`, which
 * records them, and for count-mode chunking). Bad rows are counted, not fatal, so the count is the
 * one `splitInput` reaches under `skip` (under `fail` the split stops at the first bad row anyway).
 * Throws `DataError` for whole-file problems (empty file, bad header, not Parquet); callers
 * catch it with `isDataError`.
 */
import { createHash } from 'node:crypto';
import { readRecords } from './formats/read-rows.js';
import type { Format } from './formats/types.js';
import { hashesWhileReading, openInputSource } from './input-source.js';
import { schemeOf } from './storage/open-storage.js';
import { sha256OfSource } from './storage/source-hash.js';

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
  const source = openInputSource(uri);
  if (source === undefined) return undefined;
  const hash = createHash('sha256');
  const inline = hashesWhileReading(format);
  let columns: string[] = [];
  let rejected = 0;
  let rows = 0;
  const records = readRecords(source, format, {
    onBadRow: 'skip',
    onReject: () => void rejected++,
    onColumns: (names) => void (columns = [...names]),
    ...(inline ? { onBytes: (bytes: Uint8Array) => void hash.update(bytes) } : {}),
  });
  const iterator = records[Symbol.asyncIterator]();
  while (!(await iterator.next()).done) rows++;
  const sha256 = inline ? hash.digest('hex') : await sha256OfSource(source);
  return { columns, rows, rejected, sha256 };
}
