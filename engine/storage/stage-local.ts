/**
 * For the few places that truly need a file on local disk (an external command that takes a path,
 * a tool that mmaps its input): the local path itself when the URI is local, else a copy of the
 * remote file streamed into a private temp folder. Everything else reads through a ByteSource
 * (open-source.ts) and never needs this.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FILE_MODE } from './local-file.js';
import { openSourceUri } from './open-source.js';
import { localPathOf } from './open-storage.js';

export interface LocalCopy {
  path: string;
  /** Removes the staged copy; does nothing for a file that was local already. */
  cleanup(): Promise<void>;
}

export type StageResult = { ok: true; copy: LocalCopy } | { ok: false; message: string };

export async function stageLocalCopy(uri: string, dir: string = tmpdir()): Promise<StageResult> {
  const local = localPathOf(uri);
  if (local !== undefined)
    return { ok: true, copy: { path: local, cleanup: async () => undefined } };
  const opened = openSourceUri(uri);
  if (!opened.ok) return opened;
  const folder = await mkdtemp(join(dir, 'augc-stage-'));
  const path = join(folder, basename(uri));
  const cleanup = (): Promise<void> => rm(folder, { recursive: true, force: true });
  try {
    await pipeline(
      Readable.from(opened.source.stream()),
      createWriteStream(path, { mode: FILE_MODE }),
    );
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { ok: true, copy: { path, cleanup } };
}
