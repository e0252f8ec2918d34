/**
 * A plan file fixes the run (Terraform's apply): the caller's config file and `AUGC_*` variables
 * are not read again. When they would have changed a target option had the plan been made here,
 * a note names them and says how to make the plan again to use them.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan } from '../../compiler/plan/types.js';
import { configuredDefaults, type ConfiguredOption } from '../config-defaults.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Origins that override configured defaults: the plan's value stands whatever the caller has. */
const ABOVE_CONFIG = new Set(['pipeline', 'profile', '--set']);

function wouldChange(plan: Plan, option: ConfiguredOption): boolean {
  const target = plan.targets.find((t) => t.name === option.section);
  const origin = target?.origins?.[option.key];
  if (origin !== undefined && ABOVE_CONFIG.has(origin)) return false;
  return JSON.stringify(target?.options[option.key]) !== JSON.stringify(option.value);
}

function describe(plan: Plan, option: ConfiguredOption): string {
  const target = plan.targets.find((t) => t.name === option.section);
  const held = target?.options[option.key];
  const origin = target?.origins?.[option.key];
  const planned =
    held === undefined
      ? 'the plan does not set it'
      : `the plan has ${JSON.stringify(held)}${origin !== undefined ? ` (${origin})` : ''}`;
  const from = option.origin.startsWith('env ') ? option.origin.slice(4) : option.origin;
  return `\`${from}\` would set \`${option.section}.${option.key}\` to ${JSON.stringify(option.value)}; ${planned}`;
}

/** The note for running `planFile`, or undefined when the caller's configuration agrees with it. */
export function ignoredConfiguration(
  plan: Plan,
  planFile: string,
  env: Env,
): Diagnostic | undefined {
  const latest = new Map<string, ConfiguredOption>();
  // The environment overrides the file, as when compiling: the last one for a key is what counts.
  for (const o of configuredDefaults(env).options) {
    if (o.section !== 'resources') latest.set(`${o.section}.${o.key}`, o);
  }
  const changed = [...latest.values()].filter((o) => wouldChange(plan, o));
  if (changed.length === 0) return undefined;
  const target = plan.target !== undefined ? ` --target ${plan.target}` : '';
  return {
    code: 'AUG5115',
    severity: 'note',
    message: `the plan \`${planFile}\` fixes the run: the configuration here is ignored`,
    notes: changed.map((o) => describe(plan, o)),
    help: `to use it, make the plan again: \`augc plan ${plan.sourceFile}${target} -o ${planFile}\` (add \`--set\` there: a plan file takes none)`,
  };
}
