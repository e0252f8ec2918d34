import type { Located } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { listNames, type Rule } from '../rule.js';
import { undeclared } from './combo-references.js';

/** `combos.order`, when given, lists every declared method exactly once. */
export const comboOrderRule: Rule = {
  name: 'combo-order',
  codes: ['AUG2108', 'AUG2109'],
  check(ast) {
    const order = ast.combos?.order ?? [];
    if (order.length === 0) return [];
    const declared = ast.methods.map((m) => m.name.value);
    const out: Diagnostic[] = [];
    const seen = new Map<string, Located<string>>();
    for (const name of order) {
      if (!declared.includes(name.value)) out.push(undeclared(name, declared));
      const first = seen.get(name.value);
      if (first) {
        out.push({
          code: 'AUG2109',
          severity: 'error',
          message: `\`${name.value}\` is listed twice in \`order\``,
          span: name.span,
          related: [{ span: first.span, message: 'first listed here' }],
        });
      } else seen.set(name.value, name);
    }
    const missing = [...new Set(declared)].filter((d) => !seen.has(d));
    const first = order[0];
    if (missing.length > 0 && first) {
      out.push({
        code: 'AUG2109',
        severity: 'error',
        message: `\`order\` leaves out ${listNames(missing)}`,
        span: { ...first.span, end: (order[order.length - 1] ?? first).span.end },
        help: 'list every declared method, in the order they are applied',
      });
    }
    return out;
  },
};
