/** `augc plan --estimate [--history DIR]...`: what a plan will take, before it is submitted. */
import { availableParallelism } from 'node:os';
import type { Plan } from '../compiler/plan/types.js';
import { estimatePlan } from '../engine/estimate/estimate-plan.js';
import { speedsFromHistory } from '../engine/estimate/history-speeds.js';
import { readHistory } from '../engine/estimate/read-history.js';
import { BUILTIN_SPEEDS } from '../engine/estimate/speed-table.js';
import type { CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { reportMessage } from './report.js';
import { renderEstimate } from './render-estimate.js';

export async function printEstimate(
  plan: Plan,
  target: string,
  flags: { history?: string[]; json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const history = await readHistory(flags.history ?? []);
  for (const p of history.problems) {
    reportMessage(ctx, {
      code: 'AUG5136',
      severity: 'error',
      message: `\`--history ${p.uri}\` ${p.message}`,
      help: 'give the output folder of an earlier `augc run` (or a folder holding several)',
    });
  }
  if (history.problems.length > 0) return EXIT.noInput;
  const options = plan.targets.find((t) => t.name === target)?.options ?? {};
  const jobs = options['jobs'];
  const estimate = estimatePlan({
    plan,
    table: BUILTIN_SPEEDS,
    history: speedsFromHistory(history.tasks, BUILTIN_SPEEDS),
    target: { name: target, options },
    // What `augc run` starts on this machine unless told (`target local { jobs }`).
    workers: typeof jobs === 'number' ? jobs : availableParallelism(),
  });
  estimate.diagnostics.forEach((d) => reportMessage(ctx, d));
  ctx.io.stdout.write(
    flags.json === true
      ? `${JSON.stringify({ ...estimate, runs: history.runs }, null, 2)}\n`
      : renderEstimate(estimate, BUILTIN_SPEEDS, history.runs),
  );
  return EXIT.ok;
}
