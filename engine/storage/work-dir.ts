/**
 * The one documented way to a local folder for a run whose storage may be remote: programs that
 * append to a log file as they go (the local pool's workers, a scheduler's job scripts) need a
 * path. For a local run it is the run's own folder, so nothing moves; for an object store it is a
 * private folder under the OS temp dir, whose files `publishLocalFile` copies into the run's
 * storage once they are complete.
 */
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIR_MODE } from './local-file.js';
import { localPathOf } from './open-storage.js';
import type { Storage } from './storage.js';

export interface WorkDir {
  path: string;
  /** True when `path` is the run's own folder (files there are the run's files already). */
  inRun: boolean;
}

export async function localWorkDir(runUri: string, tag: string): Promise<WorkDir> {
  const local = localPathOf(runUri);
  if (local !== undefined) return { path: resolve(local), inRun: true };
  const path = join(tmpdir(), `augc-work-${tag.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
  await mkdir(path, { recursive: true, mode: DIR_MODE });
  return { path, inRun: false };
}

/** Copies a local file into storage at `rel` (atomically); a missing file is skipped. */
export async function publishLocalFile(storage: Storage, file: string, rel: string): Promise<void> {
  const sink = await storage.createWriteStream(rel);
  try {
    for await (const chunk of createReadStream(file)) await sink.write(chunk as Uint8Array);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
