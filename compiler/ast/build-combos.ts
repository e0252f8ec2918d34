import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Expr, Statement } from '../syntax/tree.js';
import { blockBody, exclusive, readBlock } from './read-block.js';
import { attributeValue, readBool, readInt, readNameList, typeError } from './read-value.js';
import type { ComboRef, ComboSelection, CombosDecl } from './types.js';
import { COMBO_SELECTIONS, COMBOS_ATTRIBUTES } from './block-schemas.js';

/** `combos { up_to = 2 | size = 2 | all = true | list = [a, a + b]  exclude = [a + b]  order = [...] }` */
export function buildCombos(stmt: Statement, diags: Diagnostic[]): CombosDecl {
  const block = readBlock(
    blockBody(stmt, diags),
    { attributes: COMBOS_ATTRIBUTES },
    'combos',
    diags,
  );
  const decl: CombosDecl = { exclude: [], order: [], span: stmt.span };
  const chosen = exclusive(block, COMBO_SELECTIONS, 'combos', diags);
  const selection = chosen && readSelection(chosen, diags);
  if (selection) decl.selection = selection;
  const exclude = block.get('exclude');
  const excludeExpr = exclude && attributeValue(exclude, diags);
  if (excludeExpr) decl.exclude = readComboList(excludeExpr, 'exclude', diags);
  const order = block.get('order');
  const orderExpr = order && attributeValue(order, diags);
  if (orderExpr) decl.order = readNameList(orderExpr, 'order', diags);
  return decl;
}

function readSelection(stmt: Statement, diags: Diagnostic[]): ComboSelection | undefined {
  const key = stmt.keyword.name;
  const expr = attributeValue(stmt, diags);
  if (!expr) return undefined;
  if (key === 'up_to' || key === 'size') {
    const k = readInt(expr, key, diags);
    return k && { kind: key, k };
  }
  if (key === 'all') {
    const all = readBool(expr, key, diags);
    // `all = false` is the same as writing nothing: singletons.
    return all?.value ? { kind: 'all', span: expr.span } : undefined;
  }
  return { kind: 'list', combos: readComboList(expr, key, diags), span: expr.span };
}

/** `[syn, syn + typo]`: each item a method name or a `+` combination of names. */
export function readComboList(expr: Expr, what: string, diags: Diagnostic[]): ComboRef[] {
  if (expr.kind !== 'list')
    return typeError('a list of combinations such as `[syn, syn + typo]`', expr, what, diags) ?? [];
  return expr.items.flatMap((item) => readComboRef(item, what, diags) ?? []);
}

function readComboRef(expr: Expr, what: string, diags: Diagnostic[]): ComboRef | undefined {
  const terms = expr.kind === 'plus' ? expr.terms : [expr];
  const methods = [];
  for (const term of terms) {
    if (term.kind !== 'ident') return typeError('method names joined with `+`', term, what, diags);
    methods.push({ value: term.name, span: term.span });
  }
  return { methods, span: expr.span };
}
