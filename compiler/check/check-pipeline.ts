import type { PipelineAst } from '../ast/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckContext } from './rule.js';
import { FRAGMENT_RULES, RULES } from './rules/index.js';

/**
 * Runs every check rule over a loaded pipeline and returns their diagnostics in source order
 * (files in the order they were read, then by offset; diagnostics without a span last). A
 * fragment loaded on its own is held only to the rules that judge one statement by itself.
 */
export function checkPipeline(ast: PipelineAst, ctx: CheckContext = {}): Diagnostic[] {
  const rules = ast.fragment ? FRAGMENT_RULES : RULES;
  const diags = rules.flatMap((rule) => rule.check(ast, ctx));
  const fileOrder = new Map(ast.sources.map((s, i) => [s.file, i]));
  const key = (d: Diagnostic): [number, number] =>
    d.span ? [fileOrder.get(d.span.file) ?? fileOrder.size, d.span.start] : [Infinity, 0];
  return diags
    .map((d, i) => ({ d, i, k: key(d) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.d);
}
