/**
 * A grid target's options as the dialects take them, from the plan's `target` block. The plan
 * already holds everything the user configured (config file, `AUGC_*`, `--set`, read once when it
 * was made: cli/config-defaults.ts); nothing here reads the environment or a file again.
 */
import type { PlanParamValue } from '../../compiler/plan/types.js';
import type { GridTargetOptions } from './dialect.js';

type Options = Record<string, PlanParamValue>;

const str = (v: PlanParamValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

export function gridTargetOf(options: Readonly<Options>): GridTargetOptions {
  const queue = str(options['partition']) ?? str(options['queue']);
  // LSF calls the charged unit a project (`-P`).
  const account = str(options['account']) ?? str(options['project']);
  const qos = str(options['qos']);
  const gpuType = str(options['gpu_type']);
  const limit = options['array_limit'];
  const extra = options['options'];
  return {
    ...(queue !== undefined ? { queue } : {}),
    ...(account !== undefined ? { account } : {}),
    ...(qos !== undefined ? { qos } : {}),
    ...(gpuType !== undefined ? { gpuType } : {}),
    ...(typeof limit === 'number' && Number.isInteger(limit) && limit > 0
      ? { arrayLimit: limit }
      : {}),
    extra: Array.isArray(extra) ? extra.map(String) : [],
  };
}
