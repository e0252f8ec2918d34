import type { Rule } from '../rule.js';

const SUPPORTED = new Set(['file', 's3', 'gs']);
const NO_RUNTIME_YET = new Set(['az']);

/** Outputs are file paths, `s3://` or `gs://` (and `az://` once a runtime supports it). */
export const outputSchemeRule: Rule = {
  name: 'output-scheme',
  codes: ['AUG2118', 'AUG2119'],
  check(ast) {
    const uri = ast.output?.uri;
    const scheme = uri && /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri.value)?.[1]?.toLowerCase();
    if (!uri || !scheme || SUPPORTED.has(scheme)) return [];
    if (NO_RUNTIME_YET.has(scheme)) {
      return [
        {
          code: 'AUG2119',
          severity: 'warning',
          message: `\`${scheme}://\` outputs are not yet supported by any runtime`,
          span: uri.span,
          help: 'the plan is valid, but `augc run` will refuse it until storage for this scheme exists',
        },
      ];
    }
    return [
      {
        code: 'AUG2118',
        severity: 'error',
        message: `unsupported output scheme \`${scheme}://\``,
        span: uri.span,
        help: 'write a file path, `s3://bucket/prefix`, `gs://bucket/prefix` or `az://container/prefix`',
      },
    ];
  },
};
