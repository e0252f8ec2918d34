import type { Located } from '../../ast/types.js';
import type { Rule } from '../rule.js';

/** Method names are unique: combos and outputs refer to them. */
export const duplicateMethodRule: Rule = {
  name: 'duplicate-method',
  codes: ['AUG2107'],
  check(ast) {
    const seen = new Map<string, Located<string>>();
    return ast.methods.flatMap((m) => {
      const first = seen.get(m.name.value);
      if (!first) {
        seen.set(m.name.value, m.name);
        return [];
      }
      return [
        {
          code: 'AUG2107',
          severity: 'error' as const,
          message: `method \`${m.name.value}\` is defined twice`,
          span: m.name.span,
          related: [{ span: first.span, message: 'first defined here' }],
          help: 'give each method its own name, e.g. `syn_low` and `syn_high`',
        },
      ];
    });
  },
};
