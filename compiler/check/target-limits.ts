import type { TargetDecl } from '../ast/types.js';
import { DURATION_UNITS, MEMORY_UNITS } from '../ast/units.js';
import { findTarget } from '../targets/catalog.js';

export interface TargetLimits {
  cpus?: number;
  memoryBytes?: number;
  gpus?: number;
  walltimeSeconds?: number;
}

function option(
  target: TargetDecl,
  name: string,
  units?: Readonly<Record<string, number>>,
): number | undefined {
  const found = target.options.find((o) => o.name.value === name)?.value.value;
  if (found?.type !== 'number') return undefined;
  if (!units) return found.unit === undefined ? found.value : undefined;
  const scale = found.unit === undefined ? undefined : units[found.unit];
  return scale === undefined ? undefined : found.value * scale;
}

/**
 * The most one task can get on a target: its `max_*` options, the target's intrinsic caps, and for
 * `local` its `gpus` option (a machine without declared GPUs has none).
 */
export function targetLimits(target: TargetDecl): TargetLimits {
  const spec = findTarget(target.name.value);
  const limits: TargetLimits = {};
  const cpus = option(target, 'max_cpus');
  const memory = option(target, 'max_memory', MEMORY_UNITS);
  const walltime = option(target, 'max_walltime', DURATION_UNITS) ?? spec?.maxWalltimeSeconds;
  let gpus = option(target, 'max_gpus');
  if (target.name.value === 'local') gpus = Math.min(gpus ?? Infinity, option(target, 'gpus') ?? 0);
  if (cpus !== undefined) limits.cpus = cpus;
  if (memory !== undefined) limits.memoryBytes = memory;
  if (gpus !== undefined) limits.gpus = gpus;
  if (walltime !== undefined) limits.walltimeSeconds = walltime;
  return limits;
}
