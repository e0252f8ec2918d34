import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { duplicate } from './read-block.js';
import { attributeValue, readParam } from './read-value.js';
import type { TargetDecl } from './types.js';
import { TARGET_NAMES } from '../targets/target-names.js';

/**
 * `target slurm { partition = "gpu" ... }`. Options are kept untyped here: which options a target
 * accepts, and their types, is checked against compiler/targets/catalog.ts by a check rule.
 */
export function buildTarget(stmt: Statement, diags: Diagnostic[]): TargetDecl | undefined {
  const label = stmt.labels[0];
  if (stmt.labels.length !== 1 || !label || stmt.value !== undefined) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: '`target` is written `target <name> { <option> = <value> ... }`',
      span: stmt.span,
      help: `targets are ${TARGET_NAMES.join(', ')}`,
    });
    return undefined;
  }
  const name = { value: label.kind === 'ident' ? label.name : label.value, span: label.span };
  const decl: TargetDecl = { name, options: [], span: stmt.span };
  const seen = new Map<string, Statement>();
  for (const opt of stmt.body ?? []) {
    const key = opt.keyword.name;
    const first = seen.get(key);
    if (first) {
      diags.push(duplicate(key, opt, first, `target ${name.value}`));
      continue;
    }
    seen.set(key, opt);
    const expr = attributeValue(opt, diags);
    const value = expr && readParam(expr, key, diags);
    if (value) decl.options.push({ name: { value: key, span: opt.keyword.span }, value });
  }
  return decl;
}
