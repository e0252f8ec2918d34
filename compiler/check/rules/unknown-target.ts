import { didYouMean } from '../../ast/did-you-mean.js';
import { findTarget, targetNames } from '../../targets/catalog.js';
import { listNames, type Rule } from '../rule.js';

/** `target <name>` must name a known target. */
export const unknownTargetRule: Rule = {
  name: 'unknown-target',
  codes: ['AUG4001'],
  check(ast) {
    return ast.targets.flatMap((t) =>
      findTarget(t.name.value)
        ? []
        : [
            {
              code: 'AUG4001',
              severity: 'error' as const,
              message: `unknown target \`${t.name.value}\``,
              span: t.name.span,
              help:
                didYouMean(t.name.value, targetNames()) ??
                `targets are ${listNames(targetNames())}`,
            },
          ],
    );
  },
};
