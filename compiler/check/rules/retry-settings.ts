import type { BackoffDecl } from '../../ast/types.js';
import { formatSeconds } from '../../ast/units.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

function backoffProblems(b: BackoffDecl): Diagnostic[] {
  const bad = (message: string, span: Diagnostic['span']): Diagnostic => ({
    code: 'AUG2121',
    severity: 'error',
    message,
    ...(span ? { span } : {}),
  });
  if (b.kind === 'fixed') {
    return b.delaySeconds.value < 0
      ? [bad('the backoff delay cannot be negative', b.delaySeconds.span)]
      : [];
  }
  const out: Diagnostic[] = [];
  if (b.baseSeconds.value <= 0)
    out.push(bad('the first backoff delay must be greater than 0', b.baseSeconds.span));
  if (b.maxSeconds && b.maxSeconds.value < b.baseSeconds.value) {
    out.push(
      bad(
        `the backoff cap (${formatSeconds(b.maxSeconds.value)}) is below the first delay (${formatSeconds(b.baseSeconds.value)})`,
        b.maxSeconds.span,
      ),
    );
  }
  if (b.factor && b.factor.value < 1)
    out.push(bad('the backoff factor must be at least 1', b.factor.span));
  return out;
}

/** `attempts >= 1` (1 means no retry) and a sane backoff. */
export const retrySettingsRule: Rule = {
  name: 'retry-settings',
  codes: ['AUG2120', 'AUG2121'],
  check(ast) {
    const retry = ast.retry;
    if (!retry) return [];
    const out: Diagnostic[] = [];
    if (retry.attempts && retry.attempts.value < 1) {
      out.push({
        code: 'AUG2120',
        severity: 'error',
        message: `\`attempts\` must be at least 1, found ${retry.attempts.value}`,
        span: retry.attempts.span,
        help: '`attempts = 1` runs each task once, without retry',
      });
    }
    return retry.backoff ? [...out, ...backoffProblems(retry.backoff)] : out;
  },
};
