/**
 * Target name -> runtime, loaded with `import()` so that a cloud SDK is only read when its target
 * is used. Adding a target is one line here and a folder of the same name.
 */
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { TargetName } from '../compiler/targets/target-names.js';
import { detectHpcTarget, HPC_SUBMIT_COMMANDS } from './grid/detect-hpc.js';
import type { Runtime } from './runtime.js';

type Loader = () => Promise<Runtime>;

/** Keyed by the compiler's target names: a key that is not one does not typecheck. */
const RUNTIMES: Readonly<Partial<Record<TargetName, Loader>>> = {
  local: async () => (await import('./local/index.js')).localRuntime,
  slurm: async () => (await import('./slurm/index.js')).slurmRuntime,
  pbs: async () => (await import('./pbs/index.js')).pbsRuntime,
  lsf: async () => (await import('./lsf/index.js')).lsfRuntime,
  'aws-batch': async () => (await import('./aws-batch/index.js')).awsBatchRuntime,
  'azure-batch': async () => (await import('./azure-batch/index.js')).azureBatchRuntime,
  'gcp-batch': async () => (await import('./gcp-batch/index.js')).gcpBatchRuntime,
};

export function runtimeNames(): TargetName[] {
  return (Object.keys(RUNTIMES) as TargetName[]).sort();
}

/** The runtime for `name`, or undefined when no such target is implemented. */
export async function loadRuntime(name: string): Promise<Runtime | undefined> {
  const load = Object.hasOwn(RUNTIMES, name) ? RUNTIMES[name as TargetName] : undefined;
  return load ? await load() : undefined;
}

export type ResolvedTarget = { ok: true; name: string } | { ok: false; diagnostic: Diagnostic };

/** `hpc` is the batch scheduler whose commands are on PATH; other names are themselves. */
export function resolveTargetName(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedTarget {
  if (name !== 'hpc') return { ok: true, name };
  const found = detectHpcTarget(env);
  if (found) return { ok: true, name: found };
  return {
    ok: false,
    diagnostic: {
      code: 'AUG5106',
      severity: 'error',
      message: `\`--target hpc\` found no scheduler: none of ${HPC_SUBMIT_COMMANDS.map((c) => `\`${c.command}\``).join(', ')} is on PATH`,
    },
  };
}
