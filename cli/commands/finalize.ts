/**
 * `augc finalize RUN --round N` (hidden): what a grid run's finalizer job runs once the round's
 * arrays are over. Merges, or resubmits the failed tasks as the next round. Exit 0 when the run
 * completed or continues, 1 when it ended with failed tasks.
 */
import { Option, type Command } from 'commander';
import { readGridState } from '../../runtimes/grid/grid-state.js';
import { isGridRuntime } from '../../runtimes/grid/grid-runtime.js';
import { loadRuntime } from '../../runtimes/registry.js';
import { openStorage } from '../../engine/storage/open-storage.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { intAtLeast } from '../run/int-option.js';

export async function runFinalize(
  root: string,
  flags: { round: number },
  ctx: CliContext,
): Promise<number> {
  const opened = openStorage(root);
  const state = opened.ok ? await readGridState(opened.storage) : undefined;
  const runtime = state ? await loadRuntime(state.runtime) : undefined;
  if (!runtime || !isGridRuntime(runtime)) {
    reportMessage(ctx, {
      code: 'AUG5112',
      severity: 'error',
      message: `\`${root}\` holds no grid run`,
    });
    return EXIT.noInput;
  }
  const outcome = await runtime.finalize(root, flags.round, ctx.io.env);
  const say = (s: string): unknown => ctx.io.stderr.write(`augc finalize: ${s}\n`);
  switch (outcome.kind) {
    case 'cancelled':
      say('the run was cancelled: nothing to do');
      return EXIT.ok;
    case 'resubmitted':
      say(
        `${outcome.tasks} task(s) resubmitted as round ${outcome.round} (finalizer ${outcome.finalizer})`,
      );
      return EXIT.ok;
    case 'error':
      reportMessage(ctx, { code: 'AUG5107', severity: 'error', message: outcome.message });
      return EXIT.failure;
    default:
      say(`run ${outcome.result.state}: ${outcome.result.completed} task(s) complete`);
      return outcome.result.state === 'completed' ? EXIT.ok : EXIT.failure;
  }
}

export function finalizeCommand(program: Command, ctx: CliContext): void {
  program
    .command('finalize', { hidden: true })
    .description("a grid run's finalizer: merge, or resubmit failed tasks as the next round")
    .argument('<run>', 'the run folder')
    .addOption(
      new Option('--round <n>', 'the round whose arrays ended')
        .argParser(intAtLeast(1))
        .makeOptionMandatory(),
    )
    .action(async (root: string, flags: { round: number }) => {
      ctx.exitCode = await runFinalize(root, flags, ctx);
    });
}
