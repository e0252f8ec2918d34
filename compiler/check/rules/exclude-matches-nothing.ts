import type { ComboRef, PipelineAst } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sizeRange } from '../count-combos.js';
import type { Rule } from '../rule.js';

/** An exclusion that removes no combo is probably a mistake (wrong names or too few methods per combo). */
export const excludeMatchesNothingRule: Rule = {
  name: 'exclude-matches-nothing',
  codes: ['AUG2111'],
  check(ast) {
    const declared = new Set(ast.methods.map((m) => m.name.value));
    const exclude = ast.combos?.exclude ?? [];
    return exclude.flatMap((ex) => {
      const names = new Set(ex.methods.map((m) => m.value));
      // Undeclared names are reported by combo-references.
      if ([...names].some((n) => !declared.has(n))) return [];
      const reason = whyNothing(ast, names, declared.size) ?? subsumedBy(ex, names, exclude);
      return reason ? [warn(ex, reason)] : [];
    });
  },
};

function whyNothing(ast: PipelineAst, names: Set<string>, n: number): string | undefined {
  const sel = ast.combos?.selection;
  if (sel?.kind === 'list') {
    const hit = sel.combos.some((c) =>
      [...names].every((m) => c.methods.some((x) => x.value === m)),
    );
    return hit ? undefined : 'no combo in `list` contains all of these methods';
  }
  const range = sizeRange(ast.combos, n);
  if (range && names.size > range[1]) {
    return `combos have at most ${range[1]} method${range[1] === 1 ? '' : 's'}, and this exclusion names ${names.size}`;
  }
  return undefined;
}

function subsumedBy(
  ex: ComboRef,
  names: Set<string>,
  all: readonly ComboRef[],
): string | undefined {
  const wider = all.find(
    (other) =>
      other !== ex &&
      other.methods.length < names.size &&
      other.methods.every((m) => names.has(m.value)),
  );
  return (
    wider &&
    `every combo it matches is already excluded by \`${wider.methods.map((m) => m.value).join(' + ')}\``
  );
}

function warn(ex: ComboRef, reason: string): Diagnostic {
  return {
    code: 'AUG2111',
    severity: 'warning',
    message: `exclusion \`${ex.methods.map((m) => m.value).join(' + ')}\` excludes nothing`,
    span: ex.span,
    notes: [reason],
  };
}
