import type { PlanResources, PlanRetry } from '../plan/types.js';

/** Built-in defaults of the language (docs/language.md), applied when a pipeline omits a value. */
export const DEFAULTS = {
  seed: 42,
  variants: 1,
  maxTasks: 100_000,
  /** `minKept`: a combo that keeps a smaller share of its variants is warned about (AUG5118). */
  quality: { measure: 'chrf', min: 0, max: 1, minKept: 0.1 },
  chunkCount: 1,
  outputFormat: 'parquet',
  onBadRow: 'fail',
} as const;

/**
 * What a task asks for when neither its method nor the pipeline sets a resource: the one home of
 * these values (lowering, the `resources-satisfiable` check and the runtimes read them here).
 */
export const DEFAULT_RESOURCES: Readonly<PlanResources> = {
  cpus: 1,
  memoryBytes: 2 * 1024 ** 3,
  gpus: 0,
  walltimeSeconds: 3600,
};

/**
 * What a grid finalizer job (it merges the parts or resubmits failed tasks) asks the scheduler
 * for. It is not a task: it runs no method, so a pipeline's `resources` and escalation never apply
 * to it. A separate name for a separate request, which today is the task defaults (a merge
 * streams the parts and needs no more).
 */
export const FINALIZER_RESOURCES: Readonly<PlanResources> = DEFAULT_RESOURCES;

export const DEFAULT_RETRY: Readonly<PlanRetry> = {
  attempts: 1,
  backoff: { kind: 'exponential', baseSeconds: 10, maxSeconds: 300, factor: 2 },
  on: [{ kind: 'preempted' }, { kind: 'node_fail' }],
  escalate: [],
};
