import { inputEncodingOf, isReadableEncoding } from '../../ast/input-format.js';
import type { Rule } from '../rule.js';

/** The input format is written or follows from the extension, and augc can read it that way. */
export const inputFormatRule: Rule = {
  name: 'input-format',
  codes: ['AUG2116', 'AUG2128'],
  check(ast) {
    const input = ast.input;
    if (!input) return [];
    const encoding = inputEncodingOf(input.uri.value, input.format?.value);
    if (encoding.format === undefined) {
      return [
        {
          code: 'AUG2116',
          severity: 'error',
          message: `cannot tell the format of \`${input.uri.value}\` from its extension`,
          span: input.uri.span,
          help: 'add `format = csv`, `format = jsonl` or `format = parquet` to the `input` block',
        },
      ];
    }
    if (isReadableEncoding(encoding)) return [];
    return [
      {
        code: 'AUG2128',
        severity: 'error',
        // The path is under the span, and the AST holds it resolved against the working directory.
        message: 'a gzip-compressed input must be CSV or JSONL, not Parquet',
        span: input.uri.span,
        help: 'Parquet compresses its own pages: decompress the file and name the `.parquet` file',
      },
    ];
  },
};
