import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { blockBody, readBlock } from './read-block.js';
import { assign } from './build-resources.js';
import { attributeValue, readEnum, readString, readStringList } from './read-value.js';
import type { InputDecl } from './types.js';
import { BAD_ROW_ACTIONS, INPUT_ATTRIBUTES, INPUT_FORMATS } from './block-schemas.js';

/** `input "data.csv" { format = csv  id = "id"  text = ["sentence"] ... }` */
export function buildInput(stmt: Statement, diags: Diagnostic[]): InputDecl | undefined {
  const label = stmt.labels[0];
  if (stmt.labels.length !== 1 || label?.kind !== 'string') {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: '`input` is written `input "<path or uri>" { ... }`',
      span: stmt.span,
    });
    return undefined;
  }
  const body = stmt.body ?? [];
  if (stmt.body === undefined) blockBody(stmt, diags, 1);
  const block = readBlock(body, { attributes: INPUT_ATTRIBUTES }, 'input', diags);
  const decl: InputDecl = {
    uri: { value: label.value, span: label.span },
    text: [],
    keep: [],
    protect: [],
    protectKeywords: [],
    span: stmt.span,
  };
  for (const [key, attr] of block) {
    const expr = attributeValue(attr, diags);
    if (expr) readInputAttribute(decl, key, expr, diags);
  }
  if (!block.has('text') && !block.has('features')) {
    diags.push({
      code: 'AUG2007',
      severity: 'error',
      message: '`input` has no `text` or `features` columns to augment',
      span: stmt.keyword.span,
      help: 'add e.g. `text = ["sentence"]` (text methods) or `features = ["x1", "x2"]` (tabular methods)',
    });
  }
  return decl;
}

function readInputAttribute(
  decl: InputDecl,
  key: string,
  expr: NonNullable<Statement['value']>,
  diags: Diagnostic[],
): void {
  switch (key) {
    case 'format':
      return assign(decl, 'format', readEnum(expr, INPUT_FORMATS, key, diags));
    case 'id':
    case 'label':
      return assign(decl, key, readString(expr, key, diags));
    case 'on_bad_row':
      return assign(decl, 'onBadRow', readEnum(expr, BAD_ROW_ACTIONS, key, diags));
    case 'protect_keywords':
      decl.protectKeywords = readStringList(expr, key, diags);
      return;
    case 'features':
      decl.features = readStringList(expr, key, diags);
      return;
    default:
      decl[key as 'text' | 'keep' | 'protect'] = readStringList(expr, key, diags);
  }
}
