/** `augc merge RUN`: checks every task the plan expects and writes the final outputs. */
import type { Command } from 'commander';
import { mergeAndReport } from '../../runtimes/run/finish-run.js';
import { openRun } from '../../runtimes/run/open-run.js';
import type { CliContext } from '../context.js';
import { reportMessage } from '../report.js';
import { cliEvents, exitOf } from '../run/cli-events.js';

interface MergeFlags {
  allowPartial?: boolean;
  strict?: boolean;
}

export async function runMerge(uri: string, flags: MergeFlags, ctx: CliContext): Promise<number> {
  const opened = await openRun(uri);
  if (!opened.ok) {
    opened.diagnostics.forEach((d) => reportMessage(ctx, d));
    return exitOf(opened.status);
  }
  const { run } = opened;
  const plan = { ...run.plan, output: { ...run.plan.output, uri } };
  const outcome = await mergeAndReport(
    run,
    {
      partial: flags.allowPartial === true,
      strict: flags.strict === true,
      help: 'run `augc run` again to finish them, or merge with --allow-partial',
    },
    cliEvents(ctx, plan),
  );
  return exitOf(outcome.status);
}

export function mergeCommand(program: Command, ctx: CliContext): void {
  program
    .command('merge')
    .description(
      "check a run's task outputs against its plan and write meta.json and manifest_final",
    )
    .argument('<run>', 'the output of `augc run` (a folder or a URI)')
    .option('--allow-partial', 'merge the complete tasks even when some are missing or failed')
    .option(
      '--strict',
      'exit 1 when a combo kept fewer than `quality.min_kept` of its variants (else a warning)',
    )
    .action(async (uri: string, flags: MergeFlags) => {
      ctx.exitCode = await runMerge(uri, flags, ctx);
    });
}
