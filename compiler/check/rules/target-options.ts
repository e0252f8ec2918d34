import { didYouMean } from '../../ast/did-you-mean.js';
import type { TargetOption } from '../../ast/types.js';
import { DURATION_UNITS, MEMORY_UNITS } from '../../ast/units.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { findTarget, type TargetOptionSpec } from '../../targets/catalog.js';
import { listNames, type Rule } from '../rule.js';

const EXPECTED: Record<TargetOptionSpec['type'], string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  bool: '`true` or `false`',
  bytes: 'a memory size such as `64GiB`',
  duration: 'a duration such as `48h`',
  enum: 'one of its values',
  string_list: 'a list of strings',
};

function typeOk(spec: TargetOptionSpec, opt: TargetOption): boolean {
  const v = opt.value.value;
  switch (spec.type) {
    case 'string':
      return v.type === 'string';
    case 'bool':
      return v.type === 'bool';
    case 'integer':
      return (
        v.type === 'number' &&
        v.unit === undefined &&
        Number.isInteger(v.value) &&
        v.value >= (spec.min ?? -Infinity)
      );
    case 'number':
      return v.type === 'number' && v.unit === undefined && v.value >= (spec.min ?? -Infinity);
    case 'bytes':
      return v.type === 'number' && v.unit !== undefined && v.unit in MEMORY_UNITS && v.value > 0;
    case 'duration':
      return v.type === 'number' && v.unit !== undefined && v.unit in DURATION_UNITS && v.value > 0;
    case 'enum':
      return (v.type === 'symbol' || v.type === 'string') && (spec.values ?? []).includes(v.value);
    case 'string_list':
      return v.type === 'list' && v.items.every((i) => i.value.type === 'string');
  }
}

function expected(spec: TargetOptionSpec): string {
  if (spec.type === 'enum') return `one of ${listNames(spec.values ?? [])}`;
  if (spec.type === 'integer' && spec.min !== undefined) return `a whole number >= ${spec.min}`;
  if (spec.type === 'number' && spec.min !== undefined) return `a number >= ${spec.min}`;
  return EXPECTED[spec.type];
}

/** Options a target knows, with values of the option's type. */
export const targetOptionsRule: Rule = {
  name: 'target-options',
  codes: ['AUG4003', 'AUG4004'],
  check(ast) {
    return ast.targets.flatMap((t) => {
      const target = findTarget(t.name.value);
      if (!target) return [];
      const names = target.options.map((o) => o.name);
      return t.options.flatMap((opt): Diagnostic[] => {
        const spec = target.options.find((o) => o.name === opt.name.value);
        if (!spec) {
          return [
            {
              code: 'AUG4003',
              severity: 'error',
              message: `target \`${target.name}\` has no option \`${opt.name.value}\``,
              span: opt.name.span,
              help: didYouMean(opt.name.value, names) ?? `its options are ${listNames(names)}`,
            },
          ];
        }
        if (typeOk(spec, opt)) return [];
        return [
          {
            code: 'AUG4004',
            severity: 'error',
            message: `option \`${spec.name}\` of target \`${target.name}\` expects ${expected(spec)}`,
            span: opt.value.span,
            help: spec.doc,
          },
        ];
      });
    });
  },
};
