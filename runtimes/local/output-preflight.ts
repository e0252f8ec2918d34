/**
 * The local pool keeps its worker logs and temp files beside the run, so it needs the run on a
 * local (or mounted) folder. Now that `s3://` outputs open, this is refused here, before the lock
 * or the split touch the store, rather than failing inside the pool.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan } from '../../compiler/plan/types.js';
import { schemeOf } from '../../engine/storage/open-storage.js';

export function localOutputRefusal(plan: Plan): Diagnostic | undefined {
  if (schemeOf(plan.output.uri) === 'file') return undefined;
  return {
    code: 'AUG5105',
    severity: 'error',
    message: `the \`local\` target writes to a local folder, not \`${plan.output.uri}\``,
    help: 'pass `--output DIR`, or run with a target whose tasks can reach the object store',
  };
}
