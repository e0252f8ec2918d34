import type { PlanResources, PlanRetry } from '../plan/types.js';

/** Built-in defaults of the language (docs/language.md), applied when a pipeline omits a value. */
export const DEFAULTS = {
  seed: 42,
  variants: 1,
  maxTasks: 100_000,
  quality: { measure: 'chrf', min: 0, max: 1 },
  chunkCount: 1,
  outputFormat: 'parquet',
  onBadRow: 'fail',
} as const;

export const DEFAULT_RESOURCES: Readonly<PlanResources> = {
  cpus: 1,
  memoryBytes: 2 * 1024 ** 3,
  gpus: 0,
  walltimeSeconds: 3600,
};

export const DEFAULT_RETRY: Readonly<PlanRetry> = {
  attempts: 1,
  backoff: { kind: 'exponential', baseSeconds: 10, maxSeconds: 300, factor: 2 },
  on: [{ kind: 'preempted' }, { kind: 'node_fail' }],
  escalate: [],
};
