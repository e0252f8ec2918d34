import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { blockBody, exclusive, readBlock } from './read-block.js';
import { attributeValue, readInt } from './read-value.js';
import type { ChunkDecl } from './types.js';
import { CHUNK_ATTRIBUTES } from './block-schemas.js';

/** `chunk { rows = 50_000 }` or `chunk { count = 16 }`, exactly one. */
export function buildChunk(stmt: Statement, diags: Diagnostic[]): ChunkDecl | undefined {
  const block = readBlock(blockBody(stmt, diags), { attributes: CHUNK_ATTRIBUTES }, 'chunk', diags);
  const chosen = exclusive(block, CHUNK_ATTRIBUTES, 'chunk', diags);
  if (!chosen) {
    diags.push({
      code: 'AUG2007',
      severity: 'error',
      message: '`chunk` needs `rows` or `count`',
      span: stmt.keyword.span,
      help: 'e.g. `chunk { rows = 50_000 }` or `chunk { count = 16 }`',
    });
    return undefined;
  }
  const expr = attributeValue(chosen, diags);
  const n = expr && readInt(expr, chosen.keyword.name, diags);
  if (!n) return undefined;
  return chosen.keyword.name === 'rows'
    ? { kind: 'rows', rows: n, span: stmt.span }
    : { kind: 'count', count: n, span: stmt.span };
}
