import { didYouMean } from '../../ast/did-you-mean.js';
import type { ComboRef, Located } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

/** Every method named in `combos.list` and `combos.exclude` is declared, and named once per combo. */
export const comboReferencesRule: Rule = {
  name: 'combo-references',
  codes: ['AUG2108', 'AUG2122'],
  check(ast) {
    const sel = ast.combos?.selection;
    const refs = [...(sel?.kind === 'list' ? sel.combos : []), ...(ast.combos?.exclude ?? [])];
    const declared = ast.methods.map((m) => m.name.value);
    return refs.flatMap((ref) => checkRef(ref, declared));
  },
};

export function undeclared(name: Located<string>, declared: string[]): Diagnostic {
  return {
    code: 'AUG2108',
    severity: 'error',
    message: `no method named \`${name.value}\``,
    span: name.span,
    help: didYouMean(name.value, declared) ?? 'declare it with `method <name> = ...`',
  };
}

function checkRef(ref: ComboRef, declared: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const m of ref.methods) {
    if (!declared.includes(m.value)) out.push(undeclared(m, declared));
    if (seen.has(m.value)) {
      out.push({
        code: 'AUG2122',
        severity: 'error',
        message: `\`${m.value}\` appears twice in one combination`,
        span: m.span,
        help: 'a combo is a set of methods; each is applied once',
      });
    }
    seen.add(m.value);
  }
  return out;
}
