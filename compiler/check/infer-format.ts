import type { InputFormat } from '../ast/types.js';

const BY_EXTENSION: [RegExp, InputFormat][] = [
  [/\.csv(\.gz)?$/i, 'csv'],
  [/\.(jsonl|ndjson)(\.gz)?$/i, 'jsonl'],
  [/\.(parquet|pq)$/i, 'parquet'],
];

/** The input format implied by a path's extension (query strings ignored), if any. */
export function inferInputFormat(uri: string): InputFormat | undefined {
  const path = uri.replace(/[?#].*$/, '');
  return BY_EXTENSION.find(([re]) => re.test(path))?.[1];
}
