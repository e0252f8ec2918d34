/** Opens an existing run for `merge` and `status`: its storage and the plan inside it. */
import { loadPlan } from '../../compiler/plan/load-plan.js';
import type { Plan } from '../../compiler/plan/types.js';
import { openStorage } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { PLAN_PATH } from '../../runtimes/worker-task.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';

export const RUN_INFO_PATH = '_augc/run.json';

/** Which target runs the run, written by `augc run` so that `status` asks the right runtime. */
export interface RunInfo {
  target: string;
  command: string;
  start: string;
}

export type OpenedRun = { plan: Plan; storage: Storage; uri: string } | { exit: number };

export async function openRun(uri: string, ctx: CliContext): Promise<OpenedRun> {
  const opened = openStorage(uri);
  if (!opened.ok) {
    reportMessage(ctx, { code: 'AUG5105', severity: 'error', message: opened.message });
    return { exit: EXIT.failure };
  }
  let text: string;
  try {
    text = await opened.storage.readText(PLAN_PATH);
  } catch {
    reportMessage(ctx, {
      code: 'AUG5112',
      severity: 'error',
      message: `\`${uri}\` holds no augc run (no ${PLAN_PATH})`,
      help: 'give the output folder of `augc run`',
    });
    return { exit: EXIT.noInput };
  }
  const loaded = loadPlan(text, `${uri.replace(/\/+$/, '')}/${PLAN_PATH}`);
  if (!loaded.value) {
    loaded.diagnostics.forEach((d) => reportMessage(ctx, d));
    return { exit: EXIT.failure };
  }
  return { plan: loaded.value, storage: opened.storage, uri };
}

export async function readRunInfo(storage: Storage): Promise<RunInfo | undefined> {
  try {
    return JSON.parse(await storage.readText(RUN_INFO_PATH)) as RunInfo;
  } catch {
    return undefined;
  }
}
