/** `augc merge RUN`: checks every task the plan expects and writes the final outputs. */
import type { Command } from 'commander';
import { mergeRun } from '../../engine/merge.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { openRun } from '../run/open-run.js';
import { renderProblems, renderTotals } from '../run/render-run.js';

export async function runMerge(
  uri: string,
  flags: { allowPartial?: boolean },
  ctx: CliContext,
): Promise<number> {
  const run = await openRun(uri, ctx);
  if (!('plan' in run)) return run.exit;
  const partial = flags.allowPartial === true;
  const result = await mergeRun({ storage: run.storage, plan: run.plan, allowPartial: partial });
  ctx.io.stdout.write(
    renderTotals(result, `${uri.replace(/\/+$/, '')}/${run.plan.layout.manifest}`),
  );
  if (result.ok) return EXIT.ok;
  reportMessage(ctx, {
    code: 'AUG5108',
    severity: partial ? 'warning' : 'error',
    message: `${result.problems.length} of ${result.tasks} task(s) are not complete`,
    notes: renderProblems(result.problems),
    ...(partial
      ? {}
      : { help: 'run `augc run` again to finish them, or merge with --allow-partial' }),
  });
  return partial ? EXIT.ok : EXIT.failure;
}

export function mergeCommand(program: Command, ctx: CliContext): void {
  program
    .command('merge')
    .description(
      "check a run's task outputs against its plan and write meta.json and manifest_final",
    )
    .argument('<run>', 'the output folder of `augc run`')
    .option('--allow-partial', 'merge the complete tasks even when some are missing or failed')
    .action(async (uri: string, flags: { allowPartial?: boolean }) => {
      ctx.exitCode = await runMerge(uri, flags, ctx);
    });
}
