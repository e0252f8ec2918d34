/** `augc cancel RUN`: stops every job (or the local driver) of a run and records it. */
import type { Command } from 'commander';
import { cancelRun } from '../../runtimes/run/cancel-run.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { exitOf } from '../run/cli-events.js';

export async function runCancel(uri: string, ctx: CliContext): Promise<number> {
  const result = await cancelRun(uri, ctx.io.env);
  if (!result.ok) {
    result.diagnostics.forEach((d) => reportMessage(ctx, d));
    return exitOf(result.status);
  }
  ctx.io.stderr.write(
    result.stopped
      ? `augc: cancelled the ${result.target} run ${uri}\n`
      : `augc: nothing of ${uri} is running\n`,
  );
  return EXIT.ok;
}

export function cancelCommand(program: Command, ctx: CliContext): void {
  program
    .command('cancel')
    .description('cancel every job of a run (batch arrays and finalizer, or the local driver)')
    .argument('<run>', 'the output of `augc run` (a folder or a URI)')
    .action(async (uri: string) => {
      ctx.exitCode = await runCancel(uri, ctx);
    });
}
