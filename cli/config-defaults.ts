/**
 * The user's defaults for compiling, lowest precedence first: the config file (see
 * config-file.ts), then `AUGC_*` environment variables. They are read once, when a plan is made:
 * each becomes a `key=value` line in `--set` syntax, with its origin, that the compiler applies
 * under the pipeline (the pipeline, its profile and `--set` override them) and records in the
 * plan. Running a plan file reads neither again. The keys are the catalogue's: every option a
 * target declares, and the pipeline's resources.
 *
 *   # ~/.config/augc/config.yaml
 *   resources: { walltime: 2h, cpus: 4, memory: 8GiB, gpus: 0 }
 *   slurm: { partition: gpu, account: lab, max_memory: 256GiB }
 *   pbs: { queue: workq, account: lab }
 *
 *   AUGC_WALLTIME=4h AUGC_CPUS=2 AUGC_MEMORY=4GiB AUGC_GPUS=1 AUGC_GPU_TYPE=a100
 *   AUGC_SLURM_PARTITION=gpu AUGC_SLURM_ACCOUNT=lab AUGC_PBS_QUEUE=workq AUGC_AWS_BATCH_QUEUE=q
 */
import type { ConfiguredDefault } from '../compiler/ast/apply-defaults.js';
import { didYouMean } from '../compiler/ast/did-you-mean.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { PlanParamValue } from '../compiler/plan/types.js';
import { TARGETS, type TargetOptionSpec } from '../compiler/targets/catalog.js';
import { readConfigFile, type ConfigFile } from './config-file.js';
import { readConfigValue } from './config-value.js';

type Env = Readonly<Record<string, string | undefined>>;
type OptionSpec = Pick<TargetOptionSpec, 'name' | 'type' | 'values'>;

/** A configured default, with the option it sets and its value in the plan's units. */
export interface ConfiguredOption extends ConfiguredDefault {
  /** `resources` or a target's name. */
  section: string;
  key: string;
  value: PlanParamValue;
}

export interface Configured {
  options: ConfiguredOption[];
  diagnostics: Diagnostic[];
  /** The config file's text, so diagnostics can show its lines. */
  sources: { file: string; text: string }[];
}

interface Section {
  name: string;
  /** The `--set` path of its options. */
  prefix: string;
  /** What its variables start with: `AUGC_SLURM_` for `slurm.partition`. */
  envPrefix: string;
  options: readonly OptionSpec[];
}

const RESOURCES: Section = {
  name: 'resources',
  prefix: 'resources',
  envPrefix: 'AUGC_',
  options: [
    { name: 'cpus', type: 'integer' },
    { name: 'memory', type: 'bytes' },
    { name: 'gpus', type: 'integer' },
    { name: 'gpu_type', type: 'string' },
    { name: 'walltime', type: 'duration' },
  ],
};

const TARGET_SECTIONS: readonly Section[] = TARGETS.map((t) => ({
  name: t.name,
  prefix: `target.${t.name}`,
  envPrefix: `AUGC_${t.name.toUpperCase().replaceAll('-', '_')}_`,
  options: t.options,
}));

const SECTIONS = [RESOURCES, ...TARGET_SECTIONS];

const envNameOf = (section: Section, key: string): string =>
  `${section.envPrefix}${key.toUpperCase()}`;

function warnUnknown(message: string, help: string, span: Diagnostic['span']): Diagnostic {
  return { code: 'AUG4008', severity: 'warning', message, help, ...(span ? { span } : {}) };
}

function fromFile(file: ConfigFile, diagnostics: Diagnostic[]): ConfiguredOption[] {
  const names = SECTIONS.map((s) => s.name);
  for (const s of file.sections.filter((s) => !names.includes(s.name))) {
    const help =
      didYouMean(s.name, names) ?? `sections are ${names.map((n) => `\`${n}\``).join(', ')}`;
    diagnostics.push(warnUnknown(`unknown section \`${s.name}\` in the config file`, help, s.span));
  }
  const out: ConfiguredOption[] = [];
  const origin = `config ${file.path}`;
  for (const entry of file.entries) {
    const section = SECTIONS.find((s) => s.name === entry.section);
    const spec = section?.options.find((o) => o.name === entry.key);
    if (!section) continue;
    if (!spec) {
      const keys = section.options.map((o) => o.name);
      const help =
        didYouMean(entry.key, keys) ??
        `\`${section.name}\` takes ${keys.map((k) => `\`${k}\``).join(', ')}`;
      const message = `unknown key \`${entry.key}\` in section \`${section.name}\` of the config file`;
      diagnostics.push(warnUnknown(message, help, entry.keySpan));
      continue;
    }
    if (entry.value === null || entry.value === undefined) continue;
    const read = readConfigValue(entry.value, spec, false);
    if ('problem' in read) {
      diagnostics.push({
        code: 'AUG4009',
        severity: 'error',
        message: `\`${section.name}.${entry.key}\` in the config file: ${read.problem}`,
        span: entry.valueSpan,
        ...(read.help !== undefined ? { help: read.help } : {}),
      });
      continue;
    }
    const set = `${section.prefix}.${entry.key}=${read.literal}`;
    out.push({ set, origin, section: section.name, key: entry.key, value: read.value });
  }
  return out;
}

function fromEnv(env: Env, diagnostics: Diagnostic[]): ConfiguredOption[] {
  const out: ConfiguredOption[] = [];
  for (const section of SECTIONS) {
    for (const spec of section.options) {
      const name = envNameOf(section, spec.name);
      const raw = env[name];
      if (raw === undefined || raw === '') continue;
      const read = readConfigValue(raw, spec, true);
      if ('problem' in read) {
        diagnostics.push({
          code: 'AUG4009',
          severity: 'error',
          message: `\`${name}=${raw}\`: ${read.problem}`,
          ...(read.help !== undefined ? { help: read.help } : {}),
        });
        continue;
      }
      const set = `${section.prefix}.${spec.name}=${read.literal}`;
      out.push({
        set,
        origin: `env ${name}`,
        section: section.name,
        key: spec.name,
        value: read.value,
      });
    }
  }
  return out;
}

/** `AUGC_SLURM_QUEUE`: a variable in a target's namespace that names no option of it. */
function unknownVariables(env: Env): Diagnostic[] {
  return TARGET_SECTIONS.flatMap((section) => {
    const known = section.options.map((o) => envNameOf(section, o.name));
    return Object.keys(env)
      .filter((name) => name.startsWith(section.envPrefix) && !known.includes(name))
      .filter((name) => env[name] !== undefined && env[name] !== '')
      .map((name) => ({
        code: 'AUG4011',
        severity: 'warning' as const,
        message: `\`${name}\` is not an option of target \`${section.name}\`; it is ignored`,
        help:
          didYouMean(name, known) ??
          `\`${section.name}\` reads ${known.map((k) => `\`${k}\``).join(', ')}`,
      }));
  });
}

/** Defaults from the configuration file, then from the environment (which overrides the file). */
export function configuredDefaults(env: Env): Configured {
  const file = readConfigFile(env);
  const diagnostics = [...file.diagnostics];
  const options = [...fromFile(file, diagnostics), ...fromEnv(env, diagnostics)];
  diagnostics.push(...unknownVariables(env));
  const sources = file.text !== undefined ? [{ file: file.path, text: file.text }] : [];
  return { options, diagnostics, sources };
}
