import { renderHuman } from '../compiler/diagnostics/render/human.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';

/**
 * Rewrites commander's `error: unknown option '--frmat'\n(Did you mean --format?)` as an
 * AUG5001 diagnostic so usage errors look like every other augc error.
 */
export function usageError(commanderText: string, color: boolean): string {
  const [first = '', ...rest] = commanderText.trim().split('\n');
  const hints = rest
    .map((line) => line.trim().replace(/^\((.*)\)$/, '$1'))
    .filter((line) => line !== '')
    .map((line) => line.charAt(0).toLowerCase() + line.slice(1));
  const diag: Diagnostic = {
    code: 'AUG5001',
    severity: 'error',
    message: first.replace(/^error:\s*/, ''),
    help: hints.length > 0 ? hints.join('\n') : 'run `augc --help` for usage',
  };
  return renderHuman([diag], new Map(), { color, summary: false });
}
