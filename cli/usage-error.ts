import { renderHuman } from '../compiler/diagnostics/render/human.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';

/** commander quotes names as 'x'; augc diagnostics put identifiers in backticks. */
function backtickQuoted(text: string): string {
  return text.replace(/'([^'\n]+)'/g, '`$1`');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Rewrites commander's `error: unknown option '--frmat'\n(Did you mean --format?)` as an
 * AUG5001 diagnostic so usage errors look like every other augc error: the first sentence is the
 * message, lowercase and without a final period; later sentences and suggestions become help.
 */
export function usageError(commanderText: string, color: boolean): string {
  const [first = '', ...rest] = commanderText.trim().split('\n');
  const [message = '', ...more] = backtickQuoted(first.replace(/^error:\s*/, ''))
    .replace(/\.$/, '')
    .split(/\.\s+/);
  const hints = rest
    .map((line) => line.trim().replace(/^\((.*)\)$/, '$1'))
    .filter((line) => line !== '')
    .map((line) => lowerFirst(line).replace(/^did you mean (\S+)\?$/, 'did you mean `$1`?'));
  const help = [...more.map(lowerFirst), ...hints];
  const diag: Diagnostic = {
    code: 'AUG5001',
    severity: 'error',
    message,
    help: help.length > 0 ? help.join('\n') : 'run `augc --help` for usage',
  };
  return renderHuman([diag], new Map(), { color, summary: false });
}
