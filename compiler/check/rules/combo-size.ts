import type { Rule } from '../rule.js';

/** `up_to = k` or `size = k` cannot ask for more methods than are declared. */
export const comboSizeRule: Rule = {
  name: 'combo-size',
  codes: ['AUG2110'],
  check(ast) {
    const sel = ast.combos?.selection;
    if (sel?.kind !== 'up_to' && sel?.kind !== 'size') return [];
    const n = new Set(ast.methods.map((m) => m.name.value)).size;
    if (sel.k.value <= n || n === 0) return [];
    return [
      {
        code: 'AUG2110',
        severity: 'error',
        message: `\`${sel.kind}\` = ${sel.k.value} but the pipeline declares only ${n} method${n === 1 ? '' : 's'}`,
        span: sel.k.span,
        help:
          sel.kind === 'up_to'
            ? 'use `all = true` for every combination'
            : `use a size between 1 and ${n}`,
      },
    ];
  },
};
