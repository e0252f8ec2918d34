/**
 * Target name -> runtime, loaded with `import()` so that a cloud SDK is only read when its target
 * is used. Adding a target is one line here and a folder of the same name.
 */
import type { TargetName } from '../compiler/targets/target-names.js';
import type { Runtime } from './runtime.js';

type Loader = () => Promise<Runtime>;

/** Keyed by the compiler's target names: a key that is not one does not typecheck. */
const RUNTIMES: Readonly<Partial<Record<TargetName, Loader>>> = {
  local: async () => (await import('./local/index.js')).localRuntime,
  slurm: async () => (await import('./slurm/index.js')).slurmRuntime,
  pbs: async () => (await import('./pbs/index.js')).pbsRuntime,
  lsf: async () => (await import('./lsf/index.js')).lsfRuntime,
};

export function runtimeNames(): TargetName[] {
  return (Object.keys(RUNTIMES) as TargetName[]).sort();
}

/** The runtime for `name`, or undefined when no such target is implemented. */
export async function loadRuntime(name: string): Promise<Runtime | undefined> {
  const load = Object.hasOwn(RUNTIMES, name) ? RUNTIMES[name as TargetName] : undefined;
  return load ? await load() : undefined;
}
