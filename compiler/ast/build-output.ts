import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { blockBody, readBlock } from './read-block.js';
import { attributeValue, readEnum } from './read-value.js';
import type { OutputDecl } from './types.js';
import { OUTPUT_ATTRIBUTES, OUTPUT_FORMATS } from './block-schemas.js';

/** `output "out/dir" { format = parquet }` (the block is optional). */
export function buildOutput(stmt: Statement, diags: Diagnostic[]): OutputDecl | undefined {
  const label = stmt.labels[0];
  if (stmt.labels.length !== 1 || label?.kind !== 'string' || stmt.value !== undefined) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: '`output` is written `output "<path or uri>" { format = parquet }`',
      span: stmt.span,
    });
    return undefined;
  }
  const decl: OutputDecl = { uri: { value: label.value, span: label.span }, span: stmt.span };
  if (stmt.body === undefined) return decl;
  const block = readBlock(
    blockBody(stmt, diags, 1),
    { attributes: OUTPUT_ATTRIBUTES },
    'output',
    diags,
  );
  const format = block.get('format');
  const expr = format && attributeValue(format, diags);
  const value = expr && readEnum(expr, OUTPUT_FORMATS, 'format', diags);
  if (value) decl.format = value;
  return decl;
}
