import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { assign } from './build-resources.js';
import { blockBody, readBlock } from './read-block.js';
import { attributeValue, readBool, readEnum, readNumber } from './read-value.js';
import type { QualityDecl } from './types.js';
import { QUALITY_ATTRIBUTES, SIMILARITY_MEASURES } from './block-schemas.js';

/** `quality { measure = chrf  min = 0.55  max = 0.95  case_sensitive = true  min_kept = 0.1 }` */
export function buildQuality(stmt: Statement, diags: Diagnostic[]): QualityDecl {
  const block = readBlock(
    blockBody(stmt, diags),
    { attributes: QUALITY_ATTRIBUTES },
    'quality',
    diags,
  );
  const decl: QualityDecl = { span: stmt.span };
  for (const [key, attr] of block) {
    const expr = attributeValue(attr, diags);
    if (!expr) continue;
    if (key === 'measure') assign(decl, 'measure', readEnum(expr, SIMILARITY_MEASURES, key, diags));
    else if (key === 'case_sensitive') assign(decl, 'caseSensitive', readBool(expr, key, diags));
    else if (key === 'min_kept') assign(decl, 'minKept', readNumber(expr, key, diags));
    else assign(decl, key as 'min' | 'max', readNumber(expr, key, diags));
  }
  return decl;
}
