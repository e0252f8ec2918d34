/**
 * Local-file building blocks shared by `FileStorage` and the format readers/writers that take a
 * plain path: an atomic sink (temp file beside the target, rename on commit) and a byte source.
 */
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { link, mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ByteSink, ByteSource } from './storage.js';

/**
 * Run folders are never group- or world-writable, whatever the umask (a looser umask is narrowed
 * to these; a stricter one still applies): other users of a shared cluster may read a run, not
 * plant files in it.
 */
export const DIR_MODE = 0o755;
export const FILE_MODE = 0o644;

/** Temp files start with this so that listings and cleanup can recognise them. */
export const TEMP_PREFIX = '.augc-tmp-';

function tempPathFor(path: string): string {
  const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
  return join(dirname(path), `${TEMP_PREFIX}${tag}-${basename(path)}`);
}

/**
 * Opens an atomic sink for `path`. The rename is atomic on one filesystem, which holds because the
 * temp file is in the same folder.
 */
export async function openAtomicFile(path: string): Promise<ByteSink> {
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const temp = tempPathFor(path);
  const handle: FileHandle = await open(temp, 'wx', FILE_MODE);
  let state: 'open' | 'done' = 'open';
  return {
    async write(data) {
      if (state !== 'open') throw new Error(`write after close on ${path}`);
      await handle.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    },
    async commit() {
      if (state !== 'open') throw new Error(`commit after close on ${path}`);
      state = 'done';
      try {
        await handle.sync();
        await handle.close();
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async abort() {
      if (state !== 'open') return;
      state = 'done';
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}

/**
 * Creates `path` with `data` unless it exists: the data goes to a complete temp file first and is
 * published with link(2), which fails with EEXIST rather than replacing, so the file is never seen
 * half-written and of two callers exactly one gets true.
 */
export async function linkExclusive(path: string, data: Uint8Array | string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const temp = tempPathFor(path);
  await writeFile(temp, data, { mode: FILE_MODE, flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** 64 KiB reads: large enough for throughput, small enough that memory stays flat. */
const READ_CHUNK = 1 << 16;

/**
 * Reads of at most this many bytes are done synchronously. Each asynchronous read is four
 * threadpool round trips (open, fstat, read, close); for the small records and parts that merge
 * and resume read by the ten thousand, that overhead is most of the time, while a synchronous read
 * of a cached file of this size blocks the event loop for well under a millisecond.
 */
export const SYNC_READ_LIMIT = 1 << 20;

/** The whole file if it has at most `limit` bytes, else undefined (and nothing is read). */
export function readSmallFileSync(path: string, limit = SYNC_READ_LIMIT): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    return fstatSync(fd).size > limit ? undefined : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readRangeSync(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const bytesRead = readSync(fd, buffer, done, length - done, start + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

async function readRangeAsync(path: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(buffer, done, length - done, start + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  } finally {
    await handle.close();
  }
}

export function openFileSource(
  path: string,
  name: string = path,
  syncLimit = SYNC_READ_LIMIT,
): ByteSource {
  return {
    name,
    stream: () => createReadStream(path, { highWaterMark: READ_CHUNK }),
    async size() {
      const info = await stat(path);
      if (info.isFile()) return info.size;
      throw Object.assign(new Error(`\`${name}\` is not a file`), { code: 'EISDIR' });
    },
    async readRange(start, end) {
      const length = Math.max(0, end - start);
      return length <= syncLimit
        ? readRangeSync(path, start, length)
        : readRangeAsync(path, start, length);
    },
  };
}
