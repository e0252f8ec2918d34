/**
 * What `augc run` does once the runtime has returned: say how the tasks ended, and merge unless
 * the runtime's finalizer merged already (or the run was only submitted).
 */
import type { Plan } from '../../compiler/plan/types.js';
import { mergeRun } from '../../engine/merge.js';
import { REPORT_PATH } from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { MergeSummary, Runtime, SubmitResult } from '../runtime.js';
import { lowYieldDiagnostic } from './low-yield-report.js';
import { problemNotes } from './problem-notes.js';
import type { RunEvents, RunOutcome } from './run-outcome.js';
import { writeRunReport } from './write-run-report.js';

interface Finishing {
  plan: Plan;
  storage: Storage;
  runtime: Runtime;
  allowPartial: boolean;
  /** Combos that kept too few variants (AUG5118) fail the command instead of a warning. */
  strict?: boolean;
  command: string;
}

/** Writes the run report (a run-layer step every target gets); a failure is a warning. */
async function writeReport(run: { plan: Plan; storage: Storage }, events: RunEvents) {
  const written = await writeRunReport(run);
  if (written.ok) events.reported?.(written.path);
  else events.report(written.diagnostic);
}

export interface MergeRequest {
  /** Merge the complete tasks even when some are missing. */
  partial: boolean;
  strict?: boolean;
  /** Said when tasks are missing and the merge is not partial. */
  help?: string;
}

/** The merge's totals, then the combos that kept too few variants: `ok`, or `failed` when strict. */
function reportMerged(
  plan: Plan,
  merged: MergeSummary,
  strict: boolean,
  events: RunEvents,
): RunOutcome['status'] {
  events.merged?.(merged);
  const few = lowYieldDiagnostic(plan, merged.lowYield, strict);
  if (few) events.report(few);
  return few && strict ? 'failed' : 'ok';
}

/**
 * Merges the run's complete tasks (`partial`: even when some are missing) and writes the run
 * report either way.
 */
export async function mergeAndReport(
  run: { plan: Plan; storage: Storage },
  req: MergeRequest,
  events: RunEvents,
): Promise<RunOutcome> {
  const { partial, help } = req;
  const result = await mergeRun({ storage: run.storage, plan: run.plan, allowPartial: partial });
  const status = reportMerged(run.plan, result, req.strict === true, events);
  await writeReport(run, events);
  if (result.ok) return { status, merged: result };
  events.report({
    code: 'AUG5108',
    severity: partial ? 'warning' : 'error',
    message: `${result.problems.length} of ${result.tasks} task(s) are not complete`,
    notes: problemNotes(result.problems),
    ...(help !== undefined && !partial ? { help } : {}),
  });
  return { status: partial ? status : 'failed', merged: result };
}

export async function finishRun(
  req: Finishing,
  result: SubmitResult,
  events: RunEvents,
): Promise<RunOutcome> {
  const resume = `run the same command again to resume (complete tasks are kept): ${req.command}`;
  switch (result.state) {
    case 'unavailable':
      events.report({
        code: 'AUG5106',
        severity: 'error',
        message: `target \`${req.runtime.name}\` is not available here: ${result.message}`,
        help: `run augc where the ${req.runtime.name} commands are installed, or choose another --target`,
      });
      return { status: 'unavailable' };
    case 'submitted':
      events.note(`submitted ${result.jobIds.length} job(s): ${result.jobIds.join(', ')}\n`);
      return { status: 'ok', submitted: result.jobIds };
    case 'interrupted': {
      if (result.detached === true) {
        const uri = req.plan.output.uri;
        events.note(
          `augc: stopped following the run; its ${req.runtime.name} jobs keep running\n` +
            `  follow it: augc status ${uri} --follow\n` +
            `  cancel it: augc cancel ${uri}\n`,
        );
        return { status: 'interrupted' };
      }
      events.report({
        code: 'AUG5110',
        severity: 'error',
        message: `interrupted after ${result.completed} task(s) completed in this run`,
        help: resume,
      });
      return { status: 'interrupted' };
    }
    case 'failed': {
      events.report({
        code: 'AUG5107',
        severity: 'error',
        message: `${result.failed.length} task(s) failed`,
        help: `fix the cause, then ${resume}`,
      });
      events.failed?.(result.failed);
      if (req.allowPartial) await mergeAndReport(req, { partial: true, strict: false }, events);
      else await writeReport(req, events);
      return { status: 'failed', failed: result.failed };
    }
    case 'completed':
      // A finalizer that merged already: show its totals rather than merge again.
      if (result.merged?.ok === true) {
        const status = reportMerged(req.plan, result.merged, req.strict === true, events);
        if (await req.storage.exists(REPORT_PATH)) events.reported?.(REPORT_PATH);
        return { status, merged: result.merged };
      }
      return mergeAndReport(
        req,
        { partial: req.allowPartial, strict: req.strict === true },
        events,
      );
  }
}
