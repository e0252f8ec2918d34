import { findMethod } from '../../../stdlib/catalog/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

/** Text methods need `text` columns to augment; tabular methods need numeric `features`. */
export const methodDomainRule: Rule = {
  name: 'method-domain',
  codes: ['AUG2125'],
  check(ast) {
    const input = ast.input;
    if (!input) return [];
    const has = { text: input.text.length > 0, tabular: (input.features ?? []).length > 0 };
    return ast.methods.flatMap((m): Diagnostic[] => {
      if (m.kind !== 'stdlib') return [];
      const spec = findMethod(m.method.value)?.spec;
      if (!spec || has[spec.domain]) return [];
      const needs = spec.domain === 'text' ? '`text` columns' : '`features` columns';
      return [
        {
          code: 'AUG2125',
          severity: 'error',
          message: `${spec.domain} method \`${m.name.value}\` needs ${needs}, but the input declares none`,
          span: m.method.span,
          related: [{ span: input.span, message: 'input declared here' }],
          help:
            spec.domain === 'text'
              ? 'name the columns to augment with `text = ["column"]`'
              : 'name the numeric columns with `features = ["column", ...]`',
        },
      ];
    });
  },
};
