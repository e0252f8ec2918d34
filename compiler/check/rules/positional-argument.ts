import { findMethod } from '../../../stdlib/catalog/index.js';
import type { Rule } from '../rule.js';

/** Stdlib methods take named arguments only, so a call reads the same whatever the parameter order. */
export const positionalArgumentRule: Rule = {
  name: 'positional-argument',
  codes: ['AUG2106'],
  check(ast) {
    return ast.methods.flatMap((m) => {
      if (m.kind !== 'stdlib') return [];
      const first = findMethod(m.method.value)?.spec.params[0]?.name;
      return (m.positional ?? []).map((arg) => ({
        code: 'AUG2106',
        severity: 'error' as const,
        message: `\`${m.method.value}\` takes named arguments only`,
        span: arg.span,
        help: first
          ? `name the parameter, e.g. \`${first} = ...\``
          : 'name the parameter: `<param> = <value>`',
      }));
    });
  },
};
