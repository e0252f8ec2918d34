import { didYouMean } from '../../ast/did-you-mean.js';
import type { InputDecl, Located } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { listNames, type Rule } from '../rule.js';

function roles(input: InputDecl): [string, Located<string>][] {
  return [
    ...(input.id ? [['id', input.id] as [string, Located<string>]] : []),
    ...input.text.map((c): [string, Located<string>] => ['text', c]),
    ...(input.features ?? []).map((c): [string, Located<string>] => ['features', c]),
    ...(input.label ? [['label', input.label] as [string, Located<string>]] : []),
    ...input.keep.map((c): [string, Located<string>] => ['keep', c]),
    ...input.protect.map((c): [string, Located<string>] => ['protect', c]),
  ];
}

/** When the input's header could be read at compile time, every named column must be in it. */
export const inputColumnsRule: Rule = {
  name: 'input-columns',
  codes: ['AUG2115'],
  check(ast, ctx) {
    const columns = ctx.inputProbe?.columns;
    const input = ast.input;
    if (!columns || !input) return [];
    return roles(input).flatMap(([role, col]): Diagnostic[] =>
      columns.includes(col.value)
        ? []
        : [
            {
              code: 'AUG2115',
              severity: 'error',
              message: `\`${role}\` column \`${col.value}\` is not in \`${input.uri.value}\``,
              span: col.span,
              help: didYouMean(col.value, columns) ?? `its columns are ${listNames(columns)}`,
            },
          ],
    );
  },
};
