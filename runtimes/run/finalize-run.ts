/**
 * `augc finalize RUN --round N`: what a finalizer job runs once a round's arrays are over. The
 * runtime that submitted the run is the one recorded in the run; it merges, or resubmits the
 * failed tasks as the next round.
 */
import { loadRuntime } from '../registry.js';
import type { FinalizeOutcome } from '../runtime.js';
import { openRun, targetOf } from './open-run.js';

export async function finalizeRun(
  uri: string,
  round: number,
  env: Readonly<Record<string, string | undefined>>,
): Promise<FinalizeOutcome | { kind: 'no-run'; message: string }> {
  const opened = await openRun(uri);
  const runtime = opened.ok ? await loadRuntime(targetOf(opened.run)) : undefined;
  if (!opened.ok || !runtime?.finalize)
    return { kind: 'no-run', message: `\`${uri}\` holds no run that a finalizer can finish` };
  const { plan, storage } = opened.run;
  return runtime.finalize({ plan, storage, outputUri: uri, env }, round);
}
