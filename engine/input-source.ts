/** The data file a plan's input URI names, for the readers: a local path, file:// or s3://. */
import type { Format } from './formats/types.js';
import { DataError } from './formats/data-error.js';
import { openSourceUri } from './storage/open-source.js';
import type { ByteSource } from './storage/storage.js';

export function openInputSource(uri: string): ByteSource | undefined {
  const opened = openSourceUri(uri);
  return opened.ok ? opened.source : undefined;
}

export function requireInputSource(uri: string): ByteSource {
  const opened = openSourceUri(uri);
  if (!opened.ok) throw new DataError({ file: uri, row: 0, message: opened.message });
  return opened.source;
}

/** CSV and JSONL are hashed while they are parsed; Parquet is read by ranges and hashed apart. */
export function hashesWhileReading(format: Format): boolean {
  return format !== 'parquet';
}
