/** The data file a plan's input URI names, for the readers: a local path, file:// or s3://. */
import { createHash } from 'node:crypto';
import { inputEncodingOf, isReadableEncoding } from '../compiler/ast/input-format.js';
import { DataError } from './formats/data-error.js';
import { gunzipSource } from './formats/gunzip-source.js';
import type { Format } from './formats/types.js';
import { openSourceUri } from './storage/open-source.js';
import { sha256OfSource } from './storage/source-hash.js';
import type { ByteSource } from './storage/storage.js';

/** The input's bytes as stored (what its sha256 covers). */
export function openInputSource(uri: string): ByteSource | undefined {
  const opened = openSourceUri(uri);
  return opened.ok ? opened.source : undefined;
}

export function requireInputSource(uri: string): ByteSource {
  const opened = openSourceUri(uri);
  if (!opened.ok) throw new DataError({ file: uri, row: 0, message: opened.message });
  return opened.source;
}

/** One pass of a reader over the input, hashing the stored bytes on the way when it can. */
export interface InputReading {
  /** What the reader parses: the stored bytes, decompressed when the URI ends in `.gz`. */
  source: ByteSource;
  /** The reader's `onBytes`, set when the parsed bytes are the stored ones (plain CSV, JSONL). */
  onBytes?: (bytes: Uint8Array) => void;
  /** Hex sha256 of the file as stored; call once the reader has finished. */
  sha256(): Promise<string>;
}

/**
 * How `format` and the URI (`inputEncodingOf`, the rule `augc check` applied) say to read it.
 * Parquet is read by ranges, so its bytes are hashed in a second pass.
 */
export function inputReadingOf(stored: ByteSource, uri: string, format: Format): InputReading {
  const encoding = inputEncodingOf(uri, format);
  if (!isReadableEncoding(encoding)) {
    const message = 'a gzip-compressed input must be CSV or JSONL';
    throw new DataError({ file: stored.name, row: 0, message });
  }
  if (format === 'parquet') return { source: stored, sha256: () => sha256OfSource(stored) };
  const hash = createHash('sha256');
  const update = (bytes: Uint8Array): void => void hash.update(bytes);
  const sha256 = (): Promise<string> => Promise.resolve(hash.digest('hex'));
  return encoding.gzip
    ? { source: gunzipSource(stored, update), sha256 }
    : { source: stored, onBytes: update, sha256 };
}
