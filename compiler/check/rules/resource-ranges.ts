import type { ResourcesDecl } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

function checkResources(r: ResourcesDecl | undefined, where: string): Diagnostic[] {
  if (!r) return [];
  const checks = [
    [r.cpus, 'cpus', (v: number) => v >= 1, 'at least 1'],
    [r.memoryBytes, 'memory', (v: number) => v > 0, 'greater than 0'],
    [r.gpus, 'gpus', (v: number) => v >= 0, '0 or more'],
    [r.walltimeSeconds, 'walltime', (v: number) => v > 0, 'greater than 0'],
  ] as const;
  return checks.flatMap(([loc, what, ok, expected]) =>
    loc && !ok(loc.value)
      ? [
          {
            code: 'AUG2114',
            severity: 'error' as const,
            message: `\`${what}\` in ${where} must be ${expected}`,
            span: loc.span,
          },
        ]
      : [],
  );
}

/** Resource requests in range: cpus >= 1, memory > 0, gpus >= 0, walltime > 0. */
export const resourceRangesRule: Rule = {
  name: 'resource-ranges',
  codes: ['AUG2114'],
  check(ast) {
    return [
      ...checkResources(ast.resources, 'the pipeline `resources`'),
      ...ast.methods.flatMap((m) => checkResources(m.resources, `method \`${m.name.value}\``)),
    ];
  },
};
