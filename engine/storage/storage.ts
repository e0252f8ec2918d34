/**
 * Where a run keeps its files: chunk files, parts, context records, manifests. Paths given to a
 * Storage are relative, `/`-separated and stay inside its root (see `safe-path.ts`). Implemented
 * for local folders (`file-storage.ts`) and S3 (`s3-storage.ts`), chosen by URI scheme in
 * `open-storage.ts`; there is no method that hands out a local path, because an object store has
 * none. A missing file rejects with an error whose `code` is `ENOENT` on every implementation.
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
  /** The URI scheme this storage serves: `file` for local folders, else e.g. `s3`. */
  readonly scheme: string;
  readText(path: string): Promise<string>;
  /** Writes the whole file atomically (temp file then rename, or one PutObject). */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  /**
   * Creates the file only if it does not exist: true when this call created it, false when it was
   * already there. The check and the create are one step (link(2), or a conditional PutObject),
   * but an object store may silently ignore the condition; `run-lock.ts` probes for that.
   */
  createExclusive(path: string, data: Uint8Array | string): Promise<boolean>;
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
