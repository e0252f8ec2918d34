import { findMethod } from '../../../stdlib/catalog/index.js';
import type { Rule } from '../rule.js';

/** Methods such as antonym replacement can turn an example into one with another label. */
export const labelUnsafeRule: Rule = {
  name: 'label-unsafe',
  codes: ['AUG2117'],
  check(ast) {
    const label = ast.input?.label?.value;
    return ast.methods.flatMap((m) => {
      if (m.kind !== 'stdlib') return [];
      const spec = findMethod(m.method.value)?.spec;
      if (!spec || spec.labelSafe) return [];
      return [
        {
          code: 'AUG2117',
          severity: 'warning' as const,
          message: `method \`${m.name.value}\` (\`${spec.name}\`) can change the meaning of a text, so its label may no longer hold`,
          span: m.method.span,
          ...(label ? { notes: [`the input's label column is \`${label}\``] } : {}),
          help: 'review its output, or use it only where labels do not depend on polarity',
        },
      ];
    });
  },
};
