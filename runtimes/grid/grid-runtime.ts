/**
 * A Runtime for a shell scheduler: the batch orchestrator (runtimes/batch/) over the grid backend
 * with the scheduler's dialects. A scheduler is a dialect file and a few lines here.
 */
import { makeBatchRuntime, type BatchRuntime } from '../batch/batch-runtime.js';
import { gridBackendSpec, type GridRuntimeSpec } from './grid-backend.js';
import type { Exec } from './scheduler-client.js';

export type { GridRuntimeSpec } from './grid-backend.js';

export interface GridRuntime extends BatchRuntime {
  /** Set by tests and benches to count or fake scheduler calls. */
  exec?: Exec;
}

export function makeGridRuntime(spec: GridRuntimeSpec): GridRuntime {
  const backend = gridBackendSpec(spec);
  const runtime: GridRuntime = makeBatchRuntime(backend);
  // Tests set `runtime.exec`; the backend reads it when it makes a scheduler client.
  Object.defineProperty(runtime, 'exec', {
    get: () => backend.exec,
    set: (exec: Exec | undefined) => {
      if (exec === undefined) delete backend.exec;
      else backend.exec = exec;
    },
    configurable: true,
    enumerable: true,
  });
  return runtime;
}
