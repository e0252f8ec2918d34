import { findMethod, foreignParamHint } from '../../../stdlib/catalog/index.js';
import { didYouMean } from '../../ast/did-you-mean.js';
import type { StdlibMethodDecl } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { listNames, type Rule } from '../rule.js';

/** Every named argument must be a parameter of the method's schema, given once. */
export const unknownParameterRule: Rule = {
  name: 'unknown-parameter',
  codes: ['AUG2102', 'AUG2124'],
  check(ast) {
    return ast.methods.flatMap((m) => (m.kind === 'stdlib' ? checkMethod(m) : []));
  },
};

function checkMethod(m: StdlibMethodDecl): Diagnostic[] {
  const spec = findMethod(m.method.value)?.spec;
  if (!spec) return [];
  const names = spec.params.map((p) => p.name);
  const out: Diagnostic[] = [];
  const seen = new Map<string, StdlibMethodDecl['params'][number]>();
  for (const param of m.params) {
    const name = param.name.value;
    const first = seen.get(name);
    if (first) {
      out.push({
        code: 'AUG2124',
        severity: 'error',
        message: `parameter \`${name}\` is given twice`,
        span: param.name.span,
        related: [{ span: first.name.span, message: 'first given here' }],
      });
    } else seen.set(name, param);
    if (names.includes(name)) continue;
    out.push({
      code: 'AUG2102',
      severity: 'error',
      message: `\`${spec.name}\` has no parameter \`${name}\``,
      span: param.name.span,
      help:
        foreignParamHint(name, names) ??
        didYouMean(name, names) ??
        (names.length ? `its parameters are ${listNames(names)}` : 'it takes no parameters'),
    });
  }
  return out;
}
