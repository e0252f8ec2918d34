/** `augc cancel RUN`: stops every job (or the local driver) of a run and records it. */
import type { Command } from 'commander';
import { loadRuntime } from '../../runtimes/registry.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { openRun, readRunInfo } from '../run/open-run.js';

export async function runCancel(uri: string, ctx: CliContext): Promise<number> {
  const run = await openRun(uri, ctx);
  if (!('plan' in run)) return run.exit;
  const target = (await readRunInfo(run.storage))?.target ?? run.plan.target ?? 'local';
  const runtime = await loadRuntime(target);
  const stopped = runtime
    ? await runtime.cancel({ plan: run.plan, outputUri: uri, storage: run.storage })
    : false;
  ctx.io.stderr.write(
    stopped ? `augc: cancelled the ${target} run ${uri}\n` : `augc: nothing of ${uri} is running\n`,
  );
  return EXIT.ok;
}

export function cancelCommand(program: Command, ctx: CliContext): void {
  program
    .command('cancel')
    .description('cancel every job of a run (scheduler arrays and finalizer, or the local driver)')
    .argument('<run>', 'the output folder of `augc run`')
    .action(async (uri: string) => {
      ctx.exitCode = await runCancel(uri, ctx);
    });
}
