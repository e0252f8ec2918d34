import { Option } from 'commander';
import { configuredDefaults } from './config-defaults.js';
import { DIAGNOSTIC_FORMATS } from './report.js';

/** `--set k=v` may be given many times; commander calls this once per occurrence. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export const profileOption = () =>
  new Option('--profile <name>', 'merge the named profile over the pipeline');

export const setOption = () =>
  new Option('--set <key=value>', 'override a setting, e.g. resources.memory=4GiB (repeatable)')
    .argParser(collect)
    .default([]);

export const formatOption = () =>
  new Option('--format <format>', 'diagnostic output format')
    .choices(DIAGNOSTIC_FORMATS)
    .default('text');

/** The options shared by check and plan, as commander hands them to an action. */
export interface CompileFlags {
  profile?: string;
  set: string[];
}

/**
 * Only defined flags become compile options (exactOptionalPropertyTypes). The user's configured
 * defaults (config file, then `AUGC_*` in `env`) go under the pipeline; `--set` over it. What
 * reading them found wrong comes back beside the options, for the caller to report with the
 * compiler's diagnostics (`sources` holds the config file's text for rendering them).
 */
export function compileOptionsOf(
  flags: CompileFlags & { target?: string },
  env: Readonly<Record<string, string | undefined>>,
) {
  const configured = configuredDefaults(env);
  const defaults = configured.options.map(({ set, origin }) => ({ set, origin }));
  return {
    options: {
      ...(flags.profile === undefined ? {} : { profile: flags.profile }),
      ...(flags.target === undefined ? {} : { target: flags.target }),
      ...(defaults.length > 0 ? { defaults } : {}),
      sets: flags.set,
    },
    diagnostics: configured.diagnostics,
    sources: configured.sources,
  };
}
