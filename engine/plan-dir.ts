/**
 * The directory a run's plan-relative paths resolve against at run time: the working directory
 * of the `augc run` that split the input, which resolved the plan's input path against it. The
 * plan itself holds no absolute path, so the split records this directory beside the chunks, and
 * a worker started elsewhere (a Slurm or PBS job starts in the output folder) runs `command`
 * programs from the same directory as a local one. A resumed run that reuses the chunks keeps the
 * directory recorded when they were cut.
 */
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { PLAN_DIR_FILE } from './run-layout.js';
import type { Storage } from './storage/storage.js';

/** Records `dir` (default: this process's working directory) in the chunks folder `chunksDir`. */
export async function recordPlanDir(
  storage: Storage,
  chunksDir: string,
  dir: string = process.cwd(),
): Promise<void> {
  await storage.writeAtomic(
    posix.join(chunksDir, PLAN_DIR_FILE),
    `${JSON.stringify({ plan_dir: dir })}\n`,
  );
}

/**
 * The recorded directory for the chunk at `chunkPath`, when there is one and it exists on this
 * machine (a container on a cloud target does not see the submitting machine's folders).
 */
export async function recordedPlanDir(
  storage: Storage,
  chunkPath: string,
): Promise<string | undefined> {
  let dir: unknown;
  try {
    const text = await storage.readText(posix.join(posix.dirname(chunkPath), PLAN_DIR_FILE));
    dir = (JSON.parse(text) as { plan_dir?: unknown }).plan_dir;
  } catch {
    return undefined;
  }
  if (typeof dir !== 'string') return undefined;
  const found = await stat(dir).catch(() => undefined);
  return found?.isDirectory() === true ? dir : undefined;
}
