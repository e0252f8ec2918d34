/**
 * The runtime and the storage a plan runs with: the target named on the command line, else the
 * plan's, else `local` (`hpc` is the scheduler found on PATH), and the plan's output opened by its
 * URI's scheme. What the target can do is then the runtime's to say.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { openStorage, runRootUri } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { loadRuntime, resolveTargetName, runtimeNames } from '../registry.js';
import type { Runtime } from '../runtime.js';
import type { RunStatusCode } from './run-outcome.js';

export interface OpenedTarget {
  runtime: Runtime;
  storage: Storage;
  /** The run's root as every process addresses it: an absolute path or a URI. */
  runUri: string;
  /** The target's options from the plan, with `overrides` (the command line's) over them. */
  options: Record<string, PlanParamValue>;
}

export type OpenTargetResult =
  ({ ok: true } & OpenedTarget) | { ok: false; status: RunStatusCode; diagnostic: Diagnostic };

export async function openTarget(
  plan: Plan,
  requested: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  overrides: Record<string, PlanParamValue> = {},
): Promise<OpenTargetResult> {
  const named = resolveTargetName(requested ?? plan.target ?? 'local', env);
  if (!named.ok) return { ok: false, status: 'unavailable', diagnostic: named.diagnostic };
  const runtime = await loadRuntime(named.name);
  if (!runtime) {
    const message = `target \`${named.name}\` cannot run pipelines yet (available: ${runtimeNames().join(', ')})`;
    return {
      ok: false,
      status: 'unavailable',
      diagnostic: { code: 'AUG5106', severity: 'error', message },
    };
  }
  const opened = openStorage(plan.output.uri);
  if (!opened.ok) {
    return {
      ok: false,
      status: 'failed',
      diagnostic: {
        code: 'AUG5105',
        severity: 'error',
        message: opened.message,
        help: 'pass `--output DIR`',
      },
    };
  }
  const fromPlan = plan.targets.find((t) => t.name === runtime.name)?.options ?? {};
  return {
    ok: true,
    runtime,
    storage: opened.storage,
    runUri: runRootUri(plan.output.uri),
    options: { ...fromPlan, ...overrides },
  };
}
