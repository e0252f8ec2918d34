/**
 * Opens an existing run for `merge`, `status`, `cancel` and `finalize`: its storage, the plan
 * inside it and who ran it (`_augc/run.json`). Problems come back as diagnostics with the exit
 * status they mean, for the caller to render.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { loadPlan } from '../../compiler/plan/load-plan.js';
import type { Plan } from '../../compiler/plan/types.js';
import { PLAN_PATH } from '../../engine/run-layout.js';
import { openStorage } from '../../engine/storage/open-storage.js';
import { isStorageUnavailable } from '../../engine/storage/s3-errors.js';
import type { Storage } from '../../engine/storage/storage.js';
import { readRunInfo, type RunInfo } from './run-info.js';
import type { RunStatusCode } from './run-outcome.js';
import { storageUnreachable } from './storage-unreachable.js';

export interface OpenedRun {
  plan: Plan;
  storage: Storage;
  uri: string;
  /** Undefined for a run folder made by `augc worker`/`merge` alone, or by an older augc. */
  info: RunInfo | undefined;
}

export type OpenRunResult =
  { ok: true; run: OpenedRun } | { ok: false; status: RunStatusCode; diagnostics: Diagnostic[] };

function refused(status: RunStatusCode, d: Diagnostic): OpenRunResult {
  return { ok: false, status, diagnostics: [d] };
}

export async function openRun(uri: string): Promise<OpenRunResult> {
  const opened = openStorage(uri);
  if (!opened.ok)
    return refused('failed', { code: 'AUG5105', severity: 'error', message: opened.message });
  let text: string;
  try {
    text = await opened.storage.readText(PLAN_PATH);
  } catch (error) {
    if (isStorageUnavailable(error)) return refused('unavailable', storageUnreachable(error));
    return refused('no-input', {
      code: 'AUG5112',
      severity: 'error',
      message: `\`${uri}\` holds no augc run (no ${PLAN_PATH})`,
      help: 'give the output folder of `augc run`',
    });
  }
  const loaded = loadPlan(text, `${uri.replace(/\/+$/, '')}/${PLAN_PATH}`);
  if (!loaded.value) return { ok: false, status: 'failed', diagnostics: loaded.diagnostics };
  const info = await readRunInfo(opened.storage);
  return { ok: true, run: { plan: loaded.value, storage: opened.storage, uri, info } };
}

/** The target that runs (or ran) a run: the one `augc run` recorded, else the plan's. */
export function targetOf(run: OpenedRun): string {
  return run.info?.target ?? run.plan.target ?? 'local';
}
