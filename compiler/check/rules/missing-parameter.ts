import { findMethod } from '../../../stdlib/catalog/index.js';
import type { Rule } from '../rule.js';

/** A parameter that is required and has no default (from the method or its alias) must be given. */
export const missingParameterRule: Rule = {
  name: 'missing-parameter',
  codes: ['AUG2103'],
  check(ast) {
    return ast.methods.flatMap((m) => {
      if (m.kind !== 'stdlib') return [];
      const resolved = findMethod(m.method.value);
      if (!resolved) return [];
      const given = new Set(m.params.map((p) => p.name.value));
      return resolved.spec.params
        .filter((p) => p.required === true && p.default === undefined)
        .filter((p) => !given.has(p.name) && !(p.name in resolved.aliasParams))
        .map((p) => ({
          code: 'AUG2103',
          severity: 'error' as const,
          message: `\`${m.method.value}\` needs the parameter \`${p.name}\``,
          span: m.method.span,
          help: `add \`${p.name} = ...\` (${p.doc.replace(/\.$/, '')})`,
        }));
    });
  },
};
