import type { Rule } from '../rule.js';

const SUPPORTED = new Set(['file', 's3', 'gs', 'az']);

/** Outputs are file paths, `s3://`, `gs://` or `az://` (see docs/storage.md). */
export const outputSchemeRule: Rule = {
  name: 'output-scheme',
  codes: ['AUG2118'],
  check(ast) {
    const uri = ast.output?.uri;
    const scheme = uri && /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri.value)?.[1]?.toLowerCase();
    if (!uri || !scheme || SUPPORTED.has(scheme)) return [];
    return [
      {
        code: 'AUG2118',
        severity: 'error',
        message: `unsupported output scheme \`${scheme}://\``,
        span: uri.span,
        help: 'write a file path, `s3://bucket/prefix`, `gs://bucket/prefix` or `az://account/container/prefix`',
      },
    ];
  },
};
