/**
 * `_augc/local/state.json`: what the local pool is doing now (its pid, the tasks on each worker
 * and their rows), rewritten about once a second so that `augc status` in another terminal can
 * show running tasks. Storage records say only what has finished.
 */
import type { Storage } from '../../engine/storage/storage.js';
import { LOCAL_STATE_PATH as STATE_PATH } from '../../engine/run-layout.js';
import type { RunningTask } from '../runtime.js';

export interface LocalRunState {
  pid: number;
  host: string;
  start: string;
  updated: string;
  jobs: number;
  running: RunningTask[];
}

export async function readLocalState(storage: Storage): Promise<LocalRunState | undefined> {
  try {
    return JSON.parse(await storage.readText(STATE_PATH)) as LocalRunState;
  } catch {
    return undefined;
  }
}

/** Rewrites the state every `everyMs` until stopped; the file is removed at the end of the run. */
export function startStateWriter(
  storage: Storage,
  snapshot: () => LocalRunState,
  everyMs = 1000,
): { stop(): Promise<void> } {
  let writing: Promise<void> = Promise.resolve();
  const write = (): void => {
    writing = writing
      .then(() => storage.writeAtomic(STATE_PATH, `${JSON.stringify(snapshot(), null, 2)}\n`))
      .catch(() => undefined);
  };
  write();
  const timer = setInterval(write, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await writing;
      await storage.remove(STATE_PATH);
    },
  };
}
