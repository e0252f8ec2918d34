import { findMethod, foreignMethodHint, methodNames } from '../../../stdlib/catalog/index.js';
import { didYouMean } from '../../ast/did-you-mean.js';
import type { Rule } from '../rule.js';

/** A stdlib method must name a catalogue method or alias. */
export const unknownMethodRule: Rule = {
  name: 'unknown-method',
  codes: ['AUG2101'],
  check(ast) {
    return ast.methods.flatMap((m) => {
      if (m.kind !== 'stdlib' || findMethod(m.method.value)) return [];
      const hint = foreignMethodHint(m.method.value) ?? didYouMean(m.method.value, methodNames());
      return [
        {
          code: 'AUG2101',
          severity: 'error',
          message: `unknown method \`${m.method.value}\``,
          span: m.method.span,
          help:
            hint ??
            'run `augc methods` for the catalogue, or use `command(...)` to run your own program',
        },
      ];
    });
  },
};
