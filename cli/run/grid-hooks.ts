/** The grid targets' hooks into `augc run` and `augc plan`: `--target hpc` and printed scripts. */
import { resolve } from 'node:path';
import { tasksOf } from '../../compiler/plan/task-at.js';
import type { Plan, PlanParamValue, PlanTask } from '../../compiler/plan/types.js';
import { localPathOf, openStorage } from '../../engine/storage/open-storage.js';
import { detectHpcTarget, HPC_SUBMIT_COMMANDS } from '../../runtimes/grid/detect-hpc.js';
import type { GridRuntime } from '../../runtimes/grid/grid-runtime.js';
import { PLAN_PATH } from '../../runtimes/worker-task.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';

/** `hpc` becomes the scheduler found on PATH (detect-hpc.ts); other names pass through. */
export function resolveHpcTarget(
  target: string | undefined,
  ctx: CliContext,
): string | undefined | number {
  if (target !== 'hpc') return target;
  const found = detectHpcTarget(ctx.io.env);
  if (found) return found;
  reportMessage(ctx, {
    code: 'AUG5106',
    severity: 'error',
    message: `\`--target hpc\` found no scheduler: none of ${HPC_SUBMIT_COMMANDS.map((c) => `\`${c.command}\``).join(', ')} is on PATH`,
  });
  return EXIT.unavailable;
}

/** Prints the scripts and submit commands of round 1 (nothing is written or submitted). */
export async function describeGridRun(
  runtime: GridRuntime,
  plan: Plan,
  tasks: readonly PlanTask[],
  options: Record<string, PlanParamValue>,
  ctx: CliContext,
): Promise<void> {
  const root = resolve(localPathOf(plan.output.uri) ?? plan.output.uri);
  const opened = openStorage(root);
  if (!opened.ok) return;
  ctx.io.stdout.write(`\n# ${runtime.name}: scripts and commands \`augc run\` would submit\n`);
  await runtime.describe(
    {
      plan,
      storage: opened.storage,
      outputUri: root,
      planUri: `${root}/${PLAN_PATH}`,
      tasks,
      options,
      augcCommand: [process.execPath, ...(process.argv[1] ? [resolve(process.argv[1])] : [])],
      signal: new AbortController().signal,
      output: { write: (s) => ctx.io.stderr.write(s), isTTY: false },
      env: ctx.io.env,
    },
    (text) => ctx.io.stdout.write(text),
  );
}

export function allTasks(plan: Plan): PlanTask[] {
  return [...tasksOf(plan)];
}
