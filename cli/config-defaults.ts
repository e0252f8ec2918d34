/**
 * The user's defaults for compiling, lowest precedence first: `~/.config/augc/config.yaml` (or
 * `$AUGC_CONFIG`), then `AUGC_*` environment variables. They become `key=value` lines in `--set`
 * syntax that the compiler applies under the pipeline (so the pipeline, then `--set`, override
 * them). Only the CLI reads the home directory and the environment; the compiler is handed lines.
 *
 *   # ~/.config/augc/config.yaml
 *   resources: { walltime: 2h, cpus: 4, memory: 8GiB, gpus: 0 }
 *   slurm: { partition: gpu, account: lab }
 *   pbs: { queue: workq, account: lab }
 *   lsf: { queue: normal, project: lab }
 *
 *   AUGC_WALLTIME=4h AUGC_CPUS=2 AUGC_MEMORY=4GiB AUGC_GPUS=1 AUGC_GPU_TYPE=a100
 *   AUGC_SLURM_PARTITION=gpu AUGC_SLURM_ACCOUNT=lab AUGC_PBS_QUEUE=workq
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { TARGETS, type TargetOptionType } from '../compiler/targets/catalog.js';
import { SCHEDULER_TARGETS } from '../compiler/targets/target-names.js';
import { configPathOf } from '../runtimes/grid/target-options.js';

type Env = Readonly<Record<string, string | undefined>>;
type Section = Record<string, unknown>;

const RESOURCES: Readonly<Record<string, TargetOptionType>> = {
  cpus: 'integer',
  memory: 'bytes',
  gpus: 'integer',
  gpu_type: 'string',
  walltime: 'duration',
};

/** A value in the language's syntax; anything that is not a plain word is written as a string. */
function literal(value: unknown, type: TargetOptionType, fromEnv: boolean): string {
  if (type === 'string_list') {
    const items = Array.isArray(value)
      ? value.map(String)
      : String(value)
          .split(fromEnv ? /\s+/ : /^$/)
          .filter((s) => s !== '');
    return `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
  }
  const text = String(value);
  if (type === 'string' || type === 'enum') return JSON.stringify(text);
  return /^[A-Za-z0-9_.+-]+$/.test(text) ? text : JSON.stringify(text);
}

function readConfig(env: Env): Section {
  try {
    const doc: unknown = parse(readFileSync(configPathOf(env), 'utf8'));
    return typeof doc === 'object' && doc !== null ? (doc as Section) : {};
  } catch {
    return {};
  }
}

function sectionOf(doc: Section, key: string): Section {
  const s = doc[key];
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as Section) : {};
}

/** `prefix.key=value` for each known key present in `section` (config) or the env. */
function linesOf(
  prefix: string,
  keys: Readonly<Record<string, TargetOptionType>>,
  section: Section,
  envName: (key: string) => string,
  env: Env,
): { config: string[]; env: string[] } {
  const config: string[] = [];
  const fromEnv: string[] = [];
  for (const [key, type] of Object.entries(keys)) {
    const v = section[key];
    if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v)))
      config.push(`${prefix}.${key}=${literal(v, type, false)}`);
    const e = env[envName(key)];
    if (e !== undefined && e !== '') fromEnv.push(`${prefix}.${key}=${literal(e, type, true)}`);
  }
  return { config, env: fromEnv };
}

/** Defaults from the configuration file, then from the environment (which overrides the file). */
export function configuredDefaults(env: Env): string[] {
  const doc = readConfig(env);
  const parts = [
    linesOf(
      'resources',
      RESOURCES,
      sectionOf(doc, 'resources'),
      (k) => `AUGC_${k.toUpperCase()}`,
      env,
    ),
    ...SCHEDULER_TARGETS.map((name) => {
      const spec = TARGETS.find((t) => t.name === name);
      const keys = Object.fromEntries((spec?.options ?? []).map((o) => [o.name, o.type]));
      const envName = (k: string): string => `AUGC_${name.toUpperCase()}_${k.toUpperCase()}`;
      return linesOf(`target.${name}`, keys, sectionOf(doc, name), envName, env);
    }),
  ];
  return [...parts.flatMap((p) => p.config), ...parts.flatMap((p) => p.env)];
}
