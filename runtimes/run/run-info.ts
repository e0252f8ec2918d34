/**
 * `_augc/run.json`: which target runs the run and the exact command that started it, written by
 * `augc run` so that `status` and `cancel` ask the right runtime and a resume hint can repeat the
 * command word for word.
 */
import { RUN_INFO_PATH } from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';

export interface RunInfo {
  target: string;
  /** The command as a user would type it again (shell-quoted argv). */
  command: string;
  /** The arguments after `augc`, exactly as given. */
  argv?: string[];
  start: string;
  /** The plan hash of the run's plan when it was started. */
  planHash?: string;
  /** The profile and the `--set` lines that shaped the plan (a later run is compared with them). */
  profile?: string;
  sets?: string[];
}

export async function readRunInfo(storage: Storage): Promise<RunInfo | undefined> {
  try {
    return JSON.parse(await storage.readText(RUN_INFO_PATH)) as RunInfo;
  } catch {
    return undefined;
  }
}

export async function writeRunInfo(storage: Storage, info: RunInfo): Promise<void> {
  await storage.writeAtomic(RUN_INFO_PATH, `${JSON.stringify(info, null, 2)}\n`);
}
