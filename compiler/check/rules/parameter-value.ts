import { findMethod, type ParamSpec } from '../../../stdlib/catalog/index.js';
import { didYouMean } from '../../ast/did-you-mean.js';
import type { LocatedParam, ParamValue } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { listNames, type Rule } from '../rule.js';
import { checkSampling } from '../sampling-value.js';

/** A parameter's value must have the schema's type and lie in its range or enum. */
export const parameterValueRule: Rule = {
  name: 'parameter-value',
  codes: ['AUG2104', 'AUG2105'],
  check(ast) {
    return ast.methods.flatMap((m) => {
      if (m.kind !== 'stdlib') return [];
      const spec = findMethod(m.method.value)?.spec;
      if (!spec) return [];
      return m.params.flatMap((p) => {
        const param = spec.params.find((s) => s.name === p.name.value);
        return param ? checkValue(param, p.value) : [];
      });
    });
  },
};

const EXPECTED: Record<ParamSpec['type'], string> = {
  number: 'a number',
  integer: 'a whole number',
  bool: '`true` or `false`',
  string: 'a string',
  enum: 'one of its values',
  string_list: 'a list of strings',
  sampling: 'a strategy name, a ratio or a list of `"label=count"`',
};

function describe(v: ParamValue): string {
  if (v.type === 'number') return `\`${v.value}${v.unit ?? ''}\``;
  if (v.type === 'symbol') return `the name \`${v.value}\``;
  return v.type === 'bool' ? `\`${String(v.value)}\`` : `a ${v.type}`;
}

export function checkValue(spec: ParamSpec, param: LocatedParam): Diagnostic[] {
  const v = param.value;
  const mistyped = (): Diagnostic[] => [
    {
      code: 'AUG2104',
      severity: 'error',
      message: `parameter \`${spec.name}\` expects ${spec.type === 'enum' ? `one of ${listNames(spec.values ?? [])}` : EXPECTED[spec.type]}, found ${describe(v)}`,
      span: param.span,
      help: spec.doc,
    },
  ];
  switch (spec.type) {
    case 'number':
    case 'integer':
      if (v.type !== 'number' || v.unit !== undefined) return mistyped();
      if (spec.type === 'integer' && !Number.isInteger(v.value)) return mistyped();
      return checkRange(spec, v.value, param);
    case 'bool':
      return v.type === 'bool' ? [] : mistyped();
    case 'string':
      return v.type === 'string' ? [] : mistyped();
    case 'string_list':
      return v.type === 'list' && v.items.every((i) => i.value.type === 'string') ? [] : mistyped();
    case 'sampling':
      return checkSampling(spec, param) ?? mistyped();
    case 'enum': {
      if (v.type !== 'symbol' && v.type !== 'string') return mistyped();
      const values = spec.values ?? [];
      if (values.includes(v.value)) return [];
      return [
        {
          code: 'AUG2105',
          severity: 'error',
          message: `\`${v.value}\` is not a valid value for \`${spec.name}\``,
          span: param.span,
          help: didYouMean(v.value, values) ?? `expected one of ${listNames(values)}`,
        },
      ];
    }
  }
}

function checkRange(spec: ParamSpec, value: number, param: LocatedParam): Diagnostic[] {
  const low = spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
  const high = spec.max !== undefined && value > spec.max;
  if (!low && !high) return [];
  const lower = spec.min === undefined ? '' : `${spec.exclusiveMin ? '>' : '>='} ${spec.min}`;
  const upper = spec.max === undefined ? '' : `<= ${spec.max}`;
  return [
    {
      code: 'AUG2105',
      severity: 'error',
      message: `parameter \`${spec.name}\` must be ${[lower, upper].filter(Boolean).join(' and ')}, found ${value}`,
      span: param.span,
      help: spec.doc,
    },
  ];
}
