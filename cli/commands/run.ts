/** `augc run FILE.aug|plan.json`: compile (or load) the plan, then hand it to the run layer. */
import { Option, type Command } from 'commander';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { dryRunPlan } from '../../runtimes/run/dry-run.js';
import { openTarget, type OpenedTarget } from '../../runtimes/run/open-target.js';
import type { RunOutput } from '../../runtimes/runtime.js';
import { runPlan } from '../../runtimes/run/run-plan.js';
import type { CliContext } from '../context.js';
import { profileOption, setOption } from '../options.js';
import { reportMessage } from '../report.js';
import { cliEvents, exitOf } from '../run/cli-events.js';
import { intAtLeast } from '../run/int-option.js';
import { withInterrupts } from '../run/interrupts.js';
import { commandLineOf, workerLaunch } from '../run/launch.js';
import { preparePlan, type PlanFlags } from '../run/prepare-plan.js';

interface RunFlags extends PlanFlags {
  jobs?: number;
  force?: boolean;
  dryRun?: boolean;
  explain?: boolean;
  allowPartial?: boolean;
  strict?: boolean;
  wait?: boolean;
}

/** What the command line sets over the plan's target options. */
function overridesOf(flags: RunFlags): Record<string, PlanParamValue> {
  return {
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    ...(flags.wait === true ? { wait: true } : {}),
  };
}

/**
 * Progress goes to stderr: redrawn in place on a terminal that can (not `TERM=dumb`), fitted to
 * its width and redrawn when it is resized.
 */
function runOutput(ctx: CliContext): RunOutput {
  const stderr = process.stderr;
  return {
    write: (s) => ctx.io.stderr.write(s),
    isTTY: ctx.io.isTTY && ctx.io.env['TERM'] !== 'dumb',
    get columns() {
      return stderr.isTTY ? stderr.columns : undefined;
    },
    onResize(redraw) {
      process.on('SIGWINCH', redraw);
      return () => void process.off('SIGWINCH', redraw);
    },
  };
}

async function run(
  plan: Plan,
  target: OpenedTarget,
  flags: RunFlags,
  ctx: CliContext,
): Promise<number> {
  const events = cliEvents(ctx, plan, { explain: flags.explain === true });
  const stopping = target.runtime.capabilities.detached
    ? 'stopping to follow the run (its jobs keep running)'
    : 'stopping workers';
  const outcome = await withInterrupts(ctx, stopping, (signal) =>
    runPlan(
      {
        plan,
        ...target,
        force: flags.force === true,
        allowPartial: flags.allowPartial === true,
        strict: flags.strict === true,
        command: commandLineOf(ctx.argv),
        argv: ctx.argv,
        sets: flags.set,
        launch: workerLaunch(),
        env: ctx.io.env,
        signal,
        output: runOutput(ctx),
      },
      events,
    ),
  );
  return exitOf(outcome.status);
}

export async function runRun(file: string, flags: RunFlags, ctx: CliContext): Promise<number> {
  const prepared = await preparePlan(file, flags, ctx);
  if (!('plan' in prepared)) return prepared.exit;
  const { plan } = prepared;
  const target = await openTarget(plan, flags.target, ctx.io.env, overridesOf(flags));
  if (!target.ok) {
    reportMessage(ctx, target.diagnostic);
    return exitOf(target.status);
  }
  if (!flags.dryRun) return run(plan, target, flags, ctx);
  const events = cliEvents(ctx, plan, { list: true, explain: flags.explain === true });
  const outcome = await dryRunPlan(
    { plan, ...target, launch: workerLaunch(), env: ctx.io.env, force: flags.force === true },
    events,
  );
  return exitOf(outcome.status);
}

export function runCommand(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description(
      'run a pipeline (a .aug file or a plan from `augc plan -o`): split, run tasks, merge',
    )
    .argument('<file>', 'the .aug file or plan.json')
    .option('--target <name>', "where tasks run (default: the plan's target, else local)")
    .option(
      '--output <dir|uri>',
      "write the run here (a folder, s3://bucket/prefix, gs://bucket/prefix or az://account/container/prefix) instead of the pipeline's output",
    )
    .addOption(
      new Option('--jobs <n>', 'tasks run at once on the local target (default: CPUs)').argParser(
        intAtLeast(1),
      ),
    )
    .addOption(profileOption())
    .addOption(setOption())
    .option('--force', 're-run every task, even complete ones')
    .option('--dry-run', 'print the tasks that would run and those skipped, then exit')
    .option(
      '--explain',
      'for each task that would re-run, say why (which part of its cache key changed)',
    )
    .option('--allow-partial', 'merge the complete tasks even when some failed')
    .option(
      '--strict',
      'exit 1 when a combo kept fewer than `quality.min_kept` of its variants (else a warning)',
    )
    .option('--wait', 'batch targets: follow the submitted run to its end and exit with its status')
    .action(async (file: string, flags: RunFlags) => {
      ctx.exitCode = await runRun(file, flags, ctx);
    });
}
