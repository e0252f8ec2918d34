/**
 * The one list of target names. The language (`target <name>`), the catalogue of options, the
 * runtime registry, `--target`, the configuration defaults and the docs all take their names from
 * here; the IR and plan JSON Schemas, which cannot import it, are held to it by a test
 * (test/compiler/targets/target-names.test.ts). A runtime's folder, registry key and `--target`
 * value are this same word.
 */
export const TARGET_NAMES = [
  'local',
  'slurm',
  'pbs',
  'lsf',
  'aws-batch',
  'gcp-batch',
  'azure-batch',
] as const;

export type TargetName = (typeof TARGET_NAMES)[number];

/**
 * The batch schedulers reached through a scheduler dialect: their options may be defaulted from
 * `~/.config/augc/config.yaml` and `AUGC_<TARGET>_<OPTION>`, and `--target hpc` picks one of them.
 */
export const SCHEDULER_TARGETS = ['slurm', 'pbs', 'lsf'] as const satisfies readonly TargetName[];

export function isTargetName(name: string): name is TargetName {
  return (TARGET_NAMES as readonly string[]).includes(name);
}
