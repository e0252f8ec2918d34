import { inferInputFormat } from '../infer-format.js';
import type { Rule } from '../rule.js';

/** The input format is written or follows from the file extension. */
export const inputFormatRule: Rule = {
  name: 'input-format',
  codes: ['AUG2116'],
  check(ast) {
    const input = ast.input;
    if (!input || input.format || inferInputFormat(input.uri.value)) return [];
    return [
      {
        code: 'AUG2116',
        severity: 'error',
        message: `cannot tell the format of \`${input.uri.value}\` from its extension`,
        span: input.uri.span,
        help: 'add `format = csv`, `format = jsonl` or `format = parquet` to the `input` block',
      },
    ];
  },
};
