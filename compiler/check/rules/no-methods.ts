import type { Rule } from '../rule.js';

/** A pipeline without methods has nothing to augment. */
export const noMethodsRule: Rule = {
  name: 'no-methods',
  codes: ['AUG2123'],
  check(ast) {
    if (ast.methods.length > 0) return [];
    return [
      {
        code: 'AUG2123',
        severity: 'error',
        message: `pipeline \`${ast.name.value}\` declares no method`,
        span: ast.name.span,
        help: 'add e.g. `method typo = keyboard_typo(aug_char_p = 0.1)`',
      },
    ];
  },
};
