/** `augc cancel RUN`: asks the runtime that runs the run to stop every job (or its driver). */
import { loadRuntime } from '../registry.js';
import { openRun, targetOf, type OpenRunResult } from './open-run.js';

export type CancelResult =
  { ok: true; target: string; stopped: boolean } | Extract<OpenRunResult, { ok: false }>;

export async function cancelRun(
  uri: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<CancelResult> {
  const opened = await openRun(uri);
  if (!opened.ok) return opened;
  const target = targetOf(opened.run);
  const runtime = await loadRuntime(target);
  const ref = { plan: opened.run.plan, outputUri: uri, storage: opened.run.storage, env };
  const stopped = runtime ? await runtime.cancel(ref) : false;
  return { ok: true, target, stopped };
}
