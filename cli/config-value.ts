/**
 * One configured value (from the config file or an `AUGC_*` variable) checked against the type
 * its option declares, before it reaches the compiler: a bad value is reported where it was
 * written (the variable's name, or the file's line), not in a synthetic `--set` line.
 */
import { didYouMean } from '../compiler/ast/did-you-mean.js';
import { DURATION_UNITS, MEMORY_UNITS } from '../compiler/ast/units.js';
import type { PlanParamValue } from '../compiler/plan/types.js';
import type { TargetOptionSpec } from '../compiler/targets/catalog.js';

/** The option as `--set` syntax writes it, and its value in the plan's units. */
export interface ConfigValue {
  literal: string;
  value: PlanParamValue;
}

export interface ConfigValueProblem {
  problem: string;
  help?: string;
}

type Spec = Pick<TargetOptionSpec, 'type' | 'values'>;

const QUANTITY = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/;

function quantity(text: string, spec: Spec): ConfigValue | ConfigValueProblem {
  const memory = spec.type === 'bytes';
  const units = memory ? MEMORY_UNITS : DURATION_UNITS;
  const what = memory ? 'a memory size such as `4GiB`' : 'a duration such as `2h`';
  const m = QUANTITY.exec(text.trim());
  const scale = m?.[2] !== undefined ? units[m[2]] : undefined;
  if (m?.[1] === undefined || m[2] === undefined || scale === undefined) {
    const close = m?.[2] !== undefined ? didYouMean(m[2], Object.keys(units)) : undefined;
    const list = Object.keys(units).join(', ');
    return {
      problem: `expected ${what}`,
      help: `${close !== undefined ? `${close} ` : ''}${memory ? 'memory' : 'duration'} units: ${list}`,
    };
  }
  return { literal: `${m[1]}${m[2]}`, value: Math.round(Number(m[1]) * scale) };
}

function scalarText(raw: unknown): string | undefined {
  return ['string', 'number', 'boolean'].includes(typeof raw) ? String(raw) : undefined;
}

/**
 * `raw` as the option's type: a YAML value from the config file, or the text of a variable
 * (`fromEnv`; a string list is then split at whitespace).
 */
export function readConfigValue(
  raw: unknown,
  spec: Spec,
  fromEnv: boolean,
): ConfigValue | ConfigValueProblem {
  if (spec.type === 'string_list') {
    const items = Array.isArray(raw)
      ? raw.map(scalarText)
      : fromEnv
        ? String(raw)
            .split(/\s+/)
            .filter((s) => s !== '')
        : [scalarText(raw)];
    if (items.some((s) => s === undefined)) return { problem: 'expected a list of strings' };
    const list = items as string[];
    return { literal: `[${list.map((s) => JSON.stringify(s)).join(', ')}]`, value: list };
  }
  const text = scalarText(raw);
  if (text === undefined) return { problem: 'expected a single value, not a list or a map' };
  switch (spec.type) {
    case 'bytes':
    case 'duration':
      return quantity(text, spec);
    case 'integer':
      return /^-?\d+$/.test(text.trim())
        ? { literal: text.trim(), value: Number(text) }
        : { problem: 'expected a whole number' };
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text.trim())
        ? { literal: text.trim(), value: Number(text) }
        : { problem: 'expected a number' };
    case 'bool':
      return text === 'true' || text === 'false'
        ? { literal: text, value: text === 'true' }
        : { problem: 'expected `true` or `false`' };
    case 'enum': {
      const values = spec.values ?? [];
      if (values.includes(text)) return { literal: JSON.stringify(text), value: text };
      const list = values.map((v) => `\`${v}\``).join(', ');
      return { problem: `expected one of ${list}`, ...helpOf(didYouMean(text, values)) };
    }
    default:
      return { literal: JSON.stringify(text), value: text };
  }
}

function helpOf(help: string | undefined): { help?: string } {
  return help === undefined ? {} : { help };
}
