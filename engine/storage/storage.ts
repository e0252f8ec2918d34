/**
 * Where a run keeps its files: chunk files, parts, context records, manifests. Paths given to a
 * Storage are relative, `/`-separated and stay inside its root (see `safe-path.ts`). Today only
 * local paths are implemented (`FileStorage`); an object store (s3://) implements the same
 * interface later, which is why there is no method that hands out a local path.
 */

/** Bytes written atomically: nothing is visible at the final path until `commit()`. */
export interface ByteSink {
  write(data: Uint8Array | string): Promise<void>;
  /** Flushes and publishes the file at its final path (a rename for local files). */
  commit(): Promise<void>;
  /** Drops everything written so far; the final path is left untouched. Safe to call twice. */
  abort(): Promise<void>;
}

/** Bytes that can be read once as a stream, or by range (Parquet reads its footer first). */
export interface ByteSource {
  /** Shown in error messages: the path or URI the user knows. */
  readonly name: string;
  stream(): AsyncIterable<Uint8Array>;
  size(): Promise<number>;
  /** Bytes `[start, end)`. */
  readRange(start: number, end: number): Promise<Uint8Array>;
}

export interface StorageStat {
  size: number;
}

export interface Storage {
  /** The root as given (a path or URI), for messages. */
  readonly root: string;
  readText(path: string): Promise<string>;
  /** Writes the whole file atomically (temp file, then rename). */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Relative paths of the files under `prefix` (a folder), sorted, recursively. */
  list(prefix: string): Promise<string[]>;
  stat(path: string): Promise<StorageStat | undefined>;
  /** Hex sha256 of the file's bytes, streamed. */
  sha256(path: string): Promise<string>;
  /** Removes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** An atomic writer for a file that is too large to build in memory. */
  createWriteStream(path: string): Promise<ByteSink>;
  openSource(path: string): ByteSource;
}
