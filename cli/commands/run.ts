/** `augc run FILE.aug|plan.json`: compile (or load) the plan, then split, run, merge. */
import { Option, type Command } from 'commander';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { localPathOf, openStorage } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { loadRuntime, runtimeNames } from '../../runtimes/registry.js';
import { acquireRunLock, type LockOwner } from '../../runtimes/run-lock.js';
import type { Runtime } from '../../runtimes/runtime.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { profileOption, setOption } from '../options.js';
import { reportMessage } from '../report.js';
import { executeRun } from '../run/execute-run.js';
import { intAtLeast } from '../run/int-option.js';
import { localGpuShortfall } from '../run/local-gpus.js';
import { preparePlan, type PlanFlags } from '../run/prepare-plan.js';
import { renderDryRun, renderExplain } from '../run/render-run.js';
import { selectTasks } from '../run/select-tasks.js';
import { currentSplit } from '../run/split-step.js';
import { isGridRuntime } from '../../runtimes/grid/grid-runtime.js';
import { describeGridRun, resolveHpcTarget } from '../run/grid-hooks.js';

interface RunFlags extends PlanFlags {
  jobs?: number;
  force?: boolean;
  dryRun?: boolean;
  explain?: boolean;
  allowPartial?: boolean;
  wait?: boolean;
}

interface Setup {
  plan: Plan;
  runtime: Runtime;
  storage: Storage;
  root: string | undefined;
}

async function setUp(file: string, flags: RunFlags, ctx: CliContext): Promise<Setup | number> {
  const prepared = await preparePlan(file, flags, ctx);
  if (!('plan' in prepared)) return prepared.exit;
  const { plan } = prepared;
  const target = flags.target ?? plan.target ?? 'local';
  const runtime = await loadRuntime(target);
  if (!runtime) {
    const message = `target \`${target}\` cannot run pipelines yet (available: ${runtimeNames().join(', ')})`;
    reportMessage(ctx, { code: 'AUG5106', severity: 'error', message });
    return EXIT.unavailable;
  }
  const opened = openStorage(plan.output.uri);
  const root = localPathOf(plan.output.uri);
  if (!opened.ok || (runtime.name === 'local' && root === undefined)) {
    const why = opened.ok
      ? `the \`local\` target writes to a local folder, not \`${plan.output.uri}\``
      : opened.message;
    reportMessage(ctx, {
      code: 'AUG5105',
      severity: 'error',
      message: why,
      help: 'pass `--output DIR`',
    });
    return EXIT.failure;
  }
  return { plan, runtime, storage: opened.storage, root };
}

function optionsOf(setup: Setup, flags: RunFlags): Record<string, PlanParamValue> {
  const fromPlan = setup.plan.targets.find((t) => t.name === setup.runtime.name)?.options ?? {};
  return {
    ...fromPlan,
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    ...(flags.wait === true ? { wait: true } : {}),
  };
}

async function dryRun(setup: Setup, flags: RunFlags, ctx: CliContext): Promise<number> {
  const split = await currentSplit(setup.plan, setup.storage).catch(() => undefined);
  const selection = await selectTasks(setup.plan, setup.storage, split, flags.force === true);
  ctx.io.stdout.write(renderDryRun(setup.plan, selection.run, selection.skip));
  if (flags.explain) ctx.io.stdout.write(renderExplain(selection.run, selection.why));
  if (isGridRuntime(setup.runtime)) {
    await describeGridRun(setup.runtime, setup.plan, selection.run, optionsOf(setup, flags), ctx);
  }
  return EXIT.ok;
}

/** How long ago an ISO time was, for humans (`42s`, `7m`, `3h`, `2d`). */
function ageOf(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return 'an unknown time';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return seconds < 172_800 ? `${Math.round(seconds / 3600)}h` : `${Math.round(seconds / 86_400)}d`;
}

function lockedMessage(holder: LockOwner | undefined, path: string): string {
  if (!holder) return `another augc run is using this output (lock file \`${path}\`)`;
  return `another augc run is using this output: pid ${holder.pid} on ${holder.host}, started ${holder.start} (${ageOf(holder.start)} ago)`;
}

function commandLine(file: string, plan: Plan, flags: RunFlags): string {
  const target = flags.target !== undefined ? ` --target ${flags.target}` : '';
  return `augc run ${file} --output ${plan.output.uri}${target}`;
}

/**
 * A grid run outlives the `augc run` that submitted it (the lock is released on submission), so a
 * second `augc run` on the same output refuses while the first one's jobs are queued or running:
 * submitting the unfinished tasks again would run them twice at once.
 */
async function gridRunActive(setup: Setup, ctx: CliContext): Promise<boolean> {
  if (!isGridRuntime(setup.runtime)) return false;
  const ref = { plan: setup.plan, storage: setup.storage, outputUri: setup.plan.output.uri };
  const status = await setup.runtime.status(ref);
  if (!status.active) return false;
  reportMessage(ctx, {
    code: 'AUG5103',
    severity: 'error',
    message: 'an earlier `augc run` of this output still has jobs queued or running',
    notes: status.notes,
    help: `wait for them (\`augc status ${setup.plan.output.uri} --follow\`) or stop them (\`augc cancel ${setup.plan.output.uri}\`), then run again`,
  });
  return true;
}

export async function runRun(file: string, flags: RunFlags, ctx: CliContext): Promise<number> {
  const target = resolveHpcTarget(flags.target, ctx);
  if (typeof target === 'number') return target;
  if (target !== undefined) flags.target = target;
  const setup = await setUp(file, flags, ctx);
  if (typeof setup === 'number') return setup;
  const gpus =
    setup.runtime.name === 'local' && localGpuShortfall(setup.plan, optionsOf(setup, flags));
  if (gpus) {
    reportMessage(ctx, gpus);
    return EXIT.failure;
  }
  if (flags.dryRun) return dryRun(setup, flags, ctx);
  const lock = await acquireRunLock(setup.storage, `augc run ${file}`);
  if (!lock.ok) {
    reportMessage(ctx, {
      code: 'AUG5103',
      severity: 'error',
      message: lockedMessage(lock.holder, lock.path),
      help: `wait for it to finish (\`augc status ${setup.plan.output.uri}\`), or remove \`${lock.path}\` if that run is gone`,
    });
    return EXIT.failure;
  }
  if (lock.tookOver) {
    const t = lock.tookOver;
    const message = `took over the lock of an earlier run that is gone (pid ${t.pid} on ${t.host}, started ${t.start})`;
    reportMessage(ctx, { code: 'AUG5104', severity: 'warning', message });
  }
  try {
    if (await gridRunActive(setup, ctx)) return EXIT.failure;
    return await executeRun(
      {
        ...setup,
        options: optionsOf(setup, flags),
        force: flags.force === true,
        explain: flags.explain === true,
        allowPartial: flags.allowPartial === true,
        command: commandLine(file, setup.plan, flags),
      },
      ctx,
    );
  } finally {
    await lock.release();
  }
}

export function runCommand(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description(
      'run a pipeline (a .aug file or a plan from `augc plan -o`): split, run tasks, merge',
    )
    .argument('<file>', 'the .aug file or plan.json')
    .option('--target <name>', "where tasks run (default: the plan's target, else local)")
    .option('--output <dir>', "write the run here instead of the pipeline's output")
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
    .option('--wait', 'slurm/pbs: follow the submitted run to its end and exit with its status')
    .action(async (file: string, flags: RunFlags) => {
      ctx.exitCode = await runRun(file, flags, ctx);
    });
}
