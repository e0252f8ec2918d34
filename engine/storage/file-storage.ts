/** Storage on a local folder: the default for `--output DIR` and for runs on a shared filesystem. */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  linkExclusive,
  openAtomicFile,
  openFileSource,
  readSmallFileSync,
  SYNC_READ_LIMIT,
  TEMP_PREFIX,
} from './local-file.js';
import { normalizeStoragePath } from './safe-path.js';
import { sha256OfSource } from './source-hash.js';
import type { ByteSource, Storage, StorageStat } from './storage.js';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function listFiles(dir: string, rel: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(TEMP_PREFIX)) continue;
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) await listFiles(join(dir, entry.name), child, out);
    else if (entry.isFile()) out.push(child);
  }
}

export interface FileStorageOptions {
  /** Files up to this many bytes are read synchronously (see `SYNC_READ_LIMIT`); for tests. */
  syncReadLimit?: number;
}

export function createFileStorage(root: string, opts: FileStorageOptions = {}): Storage {
  const base = resolve(root);
  const limit = opts.syncReadLimit ?? SYNC_READ_LIMIT;
  // Every method is async so that a bad path rejects rather than throwing synchronously.
  const abs = (path: string): string => join(base, normalizeStoragePath(path));
  return {
    root,
    scheme: 'file',
    async readText(path) {
      const file = abs(path);
      return readSmallFileSync(file, limit)?.toString('utf8') ?? readFile(file, 'utf8');
    },
    async writeAtomic(path, data) {
      const sink = await openAtomicFile(abs(path));
      try {
        await sink.write(data);
        await sink.commit();
      } catch (error) {
        await sink.abort();
        throw error;
      }
    },
    createExclusive: async (path, data) => linkExclusive(abs(path), data),
    async exists(path) {
      return (await this.stat(path)) !== undefined;
    },
    async list(prefix) {
      const rel = prefix === '' ? '' : normalizeStoragePath(prefix);
      const out: string[] = [];
      await listFiles(rel === '' ? base : join(base, rel), rel, out);
      return out.sort();
    },
    async stat(path): Promise<StorageStat | undefined> {
      // Synchronous for the same reason as small reads: one syscall, done 10^4 times by merge.
      const info = statSync(abs(path), { throwIfNoEntry: false });
      return info?.isFile() ? { size: info.size } : undefined;
    },
    async sha256(path) {
      const file = abs(path);
      const small = readSmallFileSync(file, limit);
      if (small !== undefined) return createHash('sha256').update(small).digest('hex');
      return sha256OfSource(openFileSource(file, path));
    },
    remove: async (path) => rm(abs(path), { force: true }),
    createWriteStream: async (path) => openAtomicFile(abs(path)),
    openSource: (path): ByteSource => openFileSource(abs(path), join(root, path), limit),
  };
}
