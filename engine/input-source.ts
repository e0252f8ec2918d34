/** The data file a plan's input URI names, for the readers (local paths and file:// only, today). */
import type { Format } from './formats/types.js';
import { DataError } from './formats/data-error.js';
import { openFileSource } from './storage/local-file.js';
import { localPathOf } from './storage/open-storage.js';
import type { ByteSource } from './storage/storage.js';

export function openInputSource(uri: string): ByteSource | undefined {
  const local = localPathOf(uri);
  return local === undefined ? undefined : openFileSource(local, uri);
}

export function requireInputSource(uri: string): ByteSource {
  const source = openInputSource(uri);
  if (source === undefined) {
    const message = 'reading input from this kind of URI is not supported yet; use a local path';
    throw new DataError({ file: uri, row: 0, message });
  }
  return source;
}

/** CSV and JSONL are hashed while they are parsed; Parquet is read by ranges and hashed apart. */
export function hashesWhileReading(format: Format): boolean {
  return format !== 'parquet';
}
