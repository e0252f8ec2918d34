/**
 * `augc finalize RUN --round N` (hidden): what a batch run's finalizer job runs once the round's
 * arrays are over. Merges, or resubmits the failed tasks as the next round. Exit 0 when the run
 * completed or continues, 1 when it ended with failed tasks.
 */
import { Option, type Command } from 'commander';
import { finalizeRun } from '../../runtimes/run/finalize-run.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { intAtLeast } from '../run/int-option.js';

export async function runFinalize(
  uri: string,
  flags: { round: number },
  ctx: CliContext,
): Promise<number> {
  const outcome = await finalizeRun(uri, flags.round, ctx.io.env);
  const say = (s: string): unknown => ctx.io.stderr.write(`augc finalize: ${s}\n`);
  switch (outcome.kind) {
    case 'no-run':
      reportMessage(ctx, { code: 'AUG5112', severity: 'error', message: outcome.message });
      return EXIT.noInput;
    case 'cancelled':
      say('the run was cancelled: nothing to do');
      return EXIT.ok;
    case 'resubmitted':
      say(
        `${outcome.tasks} task(s) resubmitted as round ${outcome.round} (finalizer ${outcome.finalizer ?? 'the driver'})`,
      );
      return EXIT.ok;
    case 'error':
      reportMessage(ctx, { code: 'AUG5107', severity: 'error', message: outcome.message });
      return EXIT.failure;
    case 'done':
      say(`run ${outcome.state}: ${outcome.completed} task(s) complete`);
      return outcome.state === 'completed' ? EXIT.ok : EXIT.failure;
  }
}

export function finalizeCommand(program: Command, ctx: CliContext): void {
  program
    .command('finalize', { hidden: true })
    .description("a batch run's finalizer: merge, or resubmit failed tasks as the next round")
    .argument('<run>', 'the run (a folder or a URI)')
    .addOption(
      new Option('--round <n>', 'the round whose arrays ended')
        .argParser(intAtLeast(1))
        .makeOptionMandatory(),
    )
    .action(async (uri: string, flags: { round: number }) => {
      ctx.exitCode = await runFinalize(uri, flags, ctx);
    });
}
