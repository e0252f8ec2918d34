/**
 * A grid target's options, layered lowest first: `~/.config/augc/config.yaml` (or $AUGC_CONFIG),
 * then `AUGC_<TARGET>_<OPTION>` environment variables, then the pipeline's `target` block (which
 * `--set target.slurm.partition=...` has already changed in the plan).
 *
 *   # ~/.config/augc/config.yaml
 *   slurm: { partition: gpu, account: lab, array_limit: 50, options: ["--constraint=a100"] }
 *   pbs:   { queue: workq, dialect: torque }
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PlanParamValue } from '../../compiler/plan/types.js';
import type { GridTargetOptions } from './dialect.js';

type Env = Readonly<Record<string, string | undefined>>;
type Options = Record<string, PlanParamValue>;

export function configPathOf(env: Env): string {
  if (env['AUGC_CONFIG']) return env['AUGC_CONFIG'];
  const base = env['XDG_CONFIG_HOME'] || join(env['HOME'] ?? homedir(), '.config');
  return join(base, 'augc', 'config.yaml');
}

function fromConfigFile(target: string, env: Env): Options {
  let doc: unknown;
  try {
    doc = parse(readFileSync(configPathOf(env), 'utf8'));
  } catch {
    return {};
  }
  const section = (doc as Record<string, unknown> | null)?.[target];
  if (typeof section !== 'object' || section === null) return {};
  const out: Options = {};
  for (const [k, v] of Object.entries(section)) {
    if (['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as PlanParamValue;
    else if (Array.isArray(v)) out[k] = v.map(String);
  }
  return out;
}

const ENV_KEYS = [
  'partition',
  'queue',
  'account',
  'qos',
  'gpu_type',
  'array_limit',
  'dialect',
  'options',
];

function fromEnv(target: string, env: Env): Options {
  const out: Options = {};
  for (const key of ENV_KEYS) {
    const raw = env[`AUGC_${target.toUpperCase()}_${key.toUpperCase()}`];
    if (raw === undefined || raw === '') continue;
    if (key === 'array_limit') out[key] = Number(raw);
    else if (key === 'options') out[key] = raw.split(/\s+/).filter((s) => s !== '');
    else out[key] = raw;
  }
  return out;
}

export function layeredOptions(target: string, env: Env, fromPlan: Readonly<Options>): Options {
  return { ...fromConfigFile(target, env), ...fromEnv(target, env), ...fromPlan };
}

const str = (v: PlanParamValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

export function gridTargetOf(options: Readonly<Options>): GridTargetOptions {
  const queue = str(options['partition']) ?? str(options['queue']);
  const account = str(options['account']);
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
