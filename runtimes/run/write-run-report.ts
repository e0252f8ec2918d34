/**
 * The run-layer step that writes `_augc/report.html`: after `augc run` or `augc merge` merges, in
 * a batch run's finalizer, and for `augc report`. It adds to the records what only the run layer
 * knows (the target and command from `_augc/run.json`, what each attempt requested after the
 * retry rule's escalation) and never fails the run: a report that cannot be written is a warning.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanResources } from '../../compiler/plan/types.js';
import { COMPILER_VERSION } from '../../compiler/version.js';
import { buildReport } from '../../engine/report/build-report.js';
import type { ResultFailures } from '../../engine/report/run-records.js';
import { REPORT_PATH } from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';
import { capsOf, escalatedResources } from '../retry-policy.js';
import { readRunInfo } from './run-info.js';

const NONE: PlanResources = { cpus: 1, memoryBytes: 0, gpus: 0, walltimeSeconds: 0 };

interface ReportedRun {
  plan: Plan;
  storage: Storage;
  /** A batch result about to be written (the finalizer's): its failures' log tails. */
  result?: ResultFailures;
}

/** The run report's HTML for a run. */
export async function renderRunReport(run: ReportedRun): Promise<string> {
  const { plan, storage } = run;
  const info = await readRunInfo(storage);
  const target = info?.target ?? plan.target ?? 'local';
  const caps = capsOf(plan, target);
  const requested = (group: string, attempt: number): PlanResources => {
    const base = plan.groups.find((g) => g.id === group)?.resources ?? NONE;
    return escalatedResources(plan.retry, base, attempt, caps).resources;
  };
  return buildReport({
    plan,
    storage,
    facts: {
      target,
      ...(info?.command !== undefined ? { command: info.command } : {}),
      ...(info?.start !== undefined ? { start: info.start } : {}),
    },
    requested,
    version: COMPILER_VERSION,
    ...(run.result ? { result: run.result } : {}),
  });
}

export type ReportWritten = { ok: true; path: string } | { ok: false; diagnostic: Diagnostic };

/** Writes `_augc/report.html` into the run; a failure comes back as an AUG5135 warning. */
export async function writeRunReport(run: ReportedRun): Promise<ReportWritten> {
  try {
    await run.storage.writeAtomic(REPORT_PATH, await renderRunReport(run));
    return { ok: true, path: REPORT_PATH };
  } catch (error) {
    const where = `${run.storage.root.replace(/\/+$/, '')}/${REPORT_PATH}`;
    return { ok: false, diagnostic: reportNotWritten(where, error) };
  }
}

/** The report could not be written to `where` (a warning after a run; `augc report` errs). */
export function reportNotWritten(where: string, error: unknown): Diagnostic {
  const why = error instanceof Error ? error.message : String(error);
  return {
    code: 'AUG5135',
    severity: 'warning',
    message: `the run report could not be written to \`${where}\`: ${why}`,
    help: 'the run itself is not affected; `augc report RUN` writes the report again',
  };
}
