/**
 * Whether the plan's input can be read at all, before anything is split: a moved or mistyped
 * input becomes one message and exit 66 rather than a stack trace from the reader.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { openInputSource } from '../../engine/input-source.js';

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'NoSuchKey', 'NotFound', 'NoSuchBucket']);

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | undefined;
  return String(e?.code ?? e?.name ?? '');
}

export async function inputMissing(uri: string): Promise<Diagnostic | undefined> {
  const source = openInputSource(uri);
  // A URI no reader supports is the split's to report (with the reason).
  if (source === undefined) return undefined;
  try {
    await source.size();
    return undefined;
  } catch (error) {
    const code = codeOf(error);
    if (NOT_FOUND.has(code))
      return { code: 'AUG5002', severity: 'error', message: `file not found: \`${uri}\`` };
    if (code === 'EISDIR')
      return {
        code: 'AUG5003',
        severity: 'error',
        message: `cannot read \`${uri}\`: it is not a file`,
      };
    const reason = error instanceof Error ? error.message : String(error);
    return { code: 'AUG5003', severity: 'error', message: `cannot read \`${uri}\`: ${reason}` };
  }
}
