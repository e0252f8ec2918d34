/**
 * The run layer's events rendered for a terminal: diagnostics and notes to stderr, data (totals,
 * dry-run lists, scripts) to stdout; and its outcome turned into the process exit code.
 */
import type { Plan } from '../../compiler/plan/types.js';
import type { RunEvents, RunStatusCode } from '../../runtimes/run/run-outcome.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { renderDryRun, renderExplain, renderFailures, renderTotals } from './render-run.js';

export interface EventOptions {
  /** Print the run/skip list (`--dry-run`). */
  list?: boolean;
  /** Print why each task runs (`--explain`). */
  explain?: boolean;
}

const manifestOf = (plan: Plan): string =>
  `${plan.output.uri.replace(/\/+$/, '')}/${plan.layout.manifest}`;

export function cliEvents(ctx: CliContext, plan: Plan, opts: EventOptions = {}): RunEvents {
  return {
    report: (d) => reportMessage(ctx, d),
    note: (text) => ctx.io.stderr.write(text),
    print: (text) => ctx.io.stdout.write(text),
    selected(selection) {
      if (opts.list) ctx.io.stdout.write(renderDryRun(plan, selection.run, selection.skip));
      if (opts.explain) ctx.io.stdout.write(renderExplain(selection.run, selection.why));
    },
    failed: (failures) => ctx.io.stderr.write(renderFailures(failures, plan.output.uri)),
    merged: (result) => ctx.io.stdout.write(renderTotals(result, manifestOf(plan))),
    reported: (path) =>
      ctx.io.stderr.write(`augc: report: ${plan.output.uri.replace(/\/+$/, '')}/${path}\n`),
  };
}

const EXITS: Readonly<Record<RunStatusCode, number>> = {
  ok: EXIT.ok,
  failed: EXIT.failure,
  'no-input': EXIT.noInput,
  interrupted: EXIT.interrupted,
  unavailable: EXIT.unavailable,
  usage: EXIT.usage,
};

export function exitOf(status: RunStatusCode): number {
  return EXITS[status];
}
