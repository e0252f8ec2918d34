import type { Located } from '../../ast/types.js';
import type { Rule } from '../rule.js';

/** One `target` statement per target name. */
export const duplicateTargetRule: Rule = {
  name: 'duplicate-target',
  codes: ['AUG4002'],
  check(ast) {
    const seen = new Map<string, Located<string>>();
    return ast.targets.flatMap((t) => {
      const first = seen.get(t.name.value);
      if (!first) {
        seen.set(t.name.value, t.name);
        return [];
      }
      return [
        {
          code: 'AUG4002',
          severity: 'error' as const,
          message: `target \`${t.name.value}\` is declared twice`,
          span: t.name.span,
          related: [{ span: first.span, message: 'first defined here' }],
          help: 'merge the options into one `target` block; use profiles for alternatives',
        },
      ];
    });
  },
};
