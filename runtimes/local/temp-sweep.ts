/**
 * Removes the temp files a killed worker left behind. The engine writes every file as a temp file
 * beside its target (`.augc-tmp-<pid>-...`) and renames it when complete; a process killed with
 * SIGKILL cannot clean up, so the pool does it for that pid.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PREFIX } from '../../engine/storage/local-file.js';

/** Removes `<TEMP_PREFIX><pid>-*` under `root`, recursively; returns how many were removed. */
export async function sweepTempFiles(root: string, pid: number): Promise<number> {
  const prefix = `${TEMP_PREFIX}${pid}-`;
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.startsWith(prefix)) {
        await rm(path, { force: true });
        removed++;
      }
    }
  };
  await walk(root);
  return removed;
}

/** True when any temp file of any process is left under `root` (used by tests and status). */
export async function hasTempFiles(root: string): Promise<boolean> {
  const walk = async (dir: string): Promise<boolean> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) return true;
      if (entry.isDirectory() && (await walk(join(dir, entry.name)))) return true;
    }
    return false;
  };
  return walk(root);
}
