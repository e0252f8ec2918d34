/**
 * `augc worker --plan URI --group G [--index I]`: runs exactly one task. Every target's jobs call
 * it; the index comes from `--index` or the scheduler's array variable. Exit 0 when the task is
 * complete, 1 when it failed (its attempt record says why), 130 when interrupted. With
 * `--pass-exit-code`, a task whose command exited N (1-255) exits N, so that a batch service's
 * retry rules can match the pipeline's `exit(N)` conditions.
 */
import { hostname } from 'node:os';
import { Option, type Command } from 'commander';
import { parseIndices } from '../../runtimes/batch/index-spec.js';
import { arrayIndexOf, jobIdOf, serviceRetriesOf } from '../../runtimes/array-index.js';
import { runWorkerTask } from '../../runtimes/worker-task.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { intAtLeast } from '../run/int-option.js';

interface WorkerFlags {
  plan: string;
  group: string;
  index?: string;
  indexOffset?: number;
  indices?: string;
  attempt?: number;
  passExitCode?: boolean;
}

function indexList(spec: string | undefined): number[] | undefined | { error: string } {
  if (spec === undefined) return undefined;
  try {
    return parseIndices(spec);
  } catch {
    return { error: `--indices must be indices and ranges such as \`0-9,12\`, not \`${spec}\`` };
  }
}

/** The failed command's own exit status, when asked for and it is a status a process can have. */
function exitCodeOf(flags: WorkerFlags, code: number | undefined): number {
  if (flags.passExitCode === true && code !== undefined && code >= 1 && code <= 255) return code;
  return EXIT.failure;
}

/** The scheduler's job id when there is one, for records and logs. */
function workerName(env: Readonly<Record<string, string | undefined>>): string {
  return jobIdOf(env) ?? `${hostname()}:${process.pid}`;
}

export async function runWorker(flags: WorkerFlags, ctx: CliContext): Promise<number> {
  const list = indexList(flags.indices);
  if (list !== undefined && !Array.isArray(list)) {
    reportMessage(ctx, { code: 'AUG5109', severity: 'error', message: list.error });
    return EXIT.usage;
  }
  const index = arrayIndexOf(flags.index, ctx.io.env, flags.indexOffset ?? 0, list);
  if (!index.ok) {
    reportMessage(ctx, { code: 'AUG5109', severity: 'error', message: index.message });
    return EXIT.usage;
  }
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  try {
    const result = await runWorkerTask({
      planUri: flags.plan,
      group: flags.group,
      index: index.index,
      attempt: (flags.attempt ?? 1) + serviceRetriesOf(ctx.io.env),
      worker: workerName(ctx.io.env),
      signal: controller.signal,
      log: (text) => ctx.io.stderr.write(text),
      onStart: (task) =>
        ctx.io.stderr.write(`augc worker: ${task.id} (${task.group}[${task.index}])\n`),
    });
    if (result.ok) {
      const r = result.record;
      ctx.io.stderr.write(
        `augc worker: ${r.task} complete: ${r.rows_in} rows in, ${r.rows_out} out\n`,
      );
      return EXIT.ok;
    }
    if (result.aborted) return EXIT.interrupted;
    const code = result.task ? 'AUG5107' : 'AUG5109';
    const what = result.task
      ? `task ${result.task.id} failed (${result.failure.errorClass})`
      : 'no task to run';
    reportMessage(ctx, { code, severity: 'error', message: `${what}: ${result.failure.message}` });
    return exitCodeOf(flags, result.failure.exitCode);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}

export function workerCommand(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('run exactly one task of a plan (what every target runs in its jobs)')
    .requiredOption('--plan <uri>', 'the plan inside the run: <output>/_augc/plan.json')
    .requiredOption('--group <id>', 'the array group')
    .option('--index <n>', 'the task index in the group (default: the scheduler array variable)')
    .addOption(
      new Option(
        '--index-offset <n>',
        'added to the index (sub-arrays of a split group)',
      ).argParser(intAtLeast(0)),
    )
    .option(
      '--indices <spec>',
      'the indices this array runs (e.g. `3,7,12-15`): its index k runs the k-th of them',
    )
    .addOption(
      new Option(
        '--attempt <n>',
        "the attempt number (retries); Cloud Batch's own retries are added to it",
      ).argParser(intAtLeast(1)),
    )
    .option('--pass-exit-code', "exit with the failed command's own status instead of 1")
    .action(async (flags: WorkerFlags) => {
      ctx.exitCode = await runWorker(flags, ctx);
    });
}
