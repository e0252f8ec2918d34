/**
 * How an input is read, decided once from its URI and the pipeline's `format =`: the check, the
 * lowering, the compile-time probe and the engine's readers all ask this function, so a file
 * that passes `augc check` is read the way the check assumed.
 */
import type { InputFormat } from './types.js';

export interface InputEncoding {
  /** Written (`format =`), else implied by the extension; undefined when neither. */
  format: InputFormat | undefined;
  /** The path ends in `.gz`: the bytes are gzip-compressed, decompressed as they are read. */
  gzip: boolean;
}

const BY_EXTENSION: [RegExp, InputFormat][] = [
  [/\.csv$/i, 'csv'],
  [/\.(jsonl|ndjson)$/i, 'jsonl'],
  [/\.(parquet|pq)$/i, 'parquet'],
];

const GZIP = /\.gz$/i;

/** e.g. `data.csv.gz` is gzip-compressed CSV; a written format wins over the extension. */
export function inputEncodingOf(uri: string, written?: InputFormat): InputEncoding {
  const path = uri.replace(/[?#].*$/, '');
  const gzip = GZIP.test(path);
  const stem = gzip ? path.replace(GZIP, '') : path;
  const format = written ?? BY_EXTENSION.find(([re]) => re.test(stem))?.[1];
  return { format, gzip };
}

/**
 * Parquet is read by byte ranges (its footer first), which a gzip stream cannot give, so a
 * compressed Parquet file cannot be read; everything else with a format can.
 */
export function isReadableEncoding(
  encoding: InputEncoding,
): encoding is { format: InputFormat; gzip: boolean } {
  return encoding.format !== undefined && !(encoding.gzip && encoding.format === 'parquet');
}
