import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';

/**
 * Checks that a file named on the command line can be read, so that a typo in a path becomes a
 * one-line message and exit 66 rather than a compiler diagnostic or a stack trace.
 */
export async function inputProblem(path: string): Promise<Diagnostic | undefined> {
  try {
    const info = await stat(path);
    if (info.isFile()) return undefined;
    return {
      code: 'AUG5003',
      severity: 'error',
      message: `cannot read \`${path}\`: it is not a file`,
    };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { code: 'AUG5002', severity: 'error', message: `file not found: \`${path}\`` };
    }
    const reason = err instanceof Error ? err.message : String(err);
    return { code: 'AUG5003', severity: 'error', message: `cannot read \`${path}\`: ${reason}` };
  }
}
