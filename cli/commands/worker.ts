/**
 * `augc worker --plan URI --group G [--index I]`: runs exactly one task. Every target's jobs call
 * it; the index comes from `--index` or the scheduler's array variable. Exit 0 when the task is
 * complete, 1 when it failed (its attempt record says why), 130 when interrupted.
 *
 * A service that retries jobs itself (`--service-attempts`, AWS Batch) gets the task's own exit
 * code back while it should retry it (a code of `--service-retry-codes`, tries left), and 0 for
 * any other failure the attempt record holds: the job then ends as done for the service, so the
 * round's finalizer job, which depends on it, runs and decides by the records.
 */
import { hostname } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { arrayIndexOf, jobIdOf, serviceAttemptOf } from '../../runtimes/array-index.js';
import { parseIndices } from '../../runtimes/batch/index-spec.js';
import { serviceLogLocation } from '../../runtimes/log-location.js';
import { runWorkerTask, type WorkerTaskResult } from '../../runtimes/worker-task.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { intAtLeast } from '../run/int-option.js';

interface WorkerFlags {
  plan: string;
  group: string;
  index?: string;
  indexOffset?: number;
  indices?: number[];
  attempt?: number;
  serviceAttempts?: number;
  serviceRetryCodes?: number[];
}

/** The scheduler's job id when there is one, for records and logs. */
function workerName(env: Readonly<Record<string, string | undefined>>): string {
  return jobIdOf(env) ?? `${hostname()}:${process.pid}`;
}

function indexList(value: string): number[] {
  try {
    const list = parseIndices(value);
    if (list.length > 0) return list;
  } catch {
    // reported below
  }
  throw new InvalidArgumentError(`expected an index list such as \`0-9,12\`, got \`${value}\``);
}

function codeList(value: string): number[] {
  if (!/^\d+(,\d+)*$/.test(value))
    throw new InvalidArgumentError(`expected exit codes such as \`3,75\`, got \`${value}\``);
  return value.split(',').map(Number);
}

/** The exit code for a failed task whose attempt record is written (see the header). */
function failedExit(
  flags: WorkerFlags,
  failure: { exitCode?: number },
  serviceAttempt: number,
  ctx: CliContext,
): number {
  if (flags.serviceAttempts === undefined) return EXIT.failure;
  const code = failure.exitCode;
  const retried = code !== undefined && (flags.serviceRetryCodes ?? []).includes(code);
  if (retried && serviceAttempt < flags.serviceAttempts) return code;
  ctx.io.stderr.write('augc worker: the failure is recorded; the round finalizer decides\n');
  return EXIT.ok;
}

function report(result: WorkerTaskResult, flags: WorkerFlags, tries: number, ctx: CliContext) {
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
  return result.task ? failedExit(flags, result.failure, tries, ctx) : EXIT.failure;
}

export async function runWorker(flags: WorkerFlags, ctx: CliContext): Promise<number> {
  const env = ctx.io.env;
  const index = arrayIndexOf(flags.index, env, flags.indexOffset ?? 0, flags.indices);
  if (!index.ok) {
    reportMessage(ctx, { code: 'AUG5109', severity: 'error', message: index.message });
    return EXIT.usage;
  }
  const serviceAttempt = serviceAttemptOf(env) ?? 1;
  const logLocation = await serviceLogLocation(env);
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  try {
    const result = await runWorkerTask({
      planUri: flags.plan,
      group: flags.group,
      index: index.index,
      // The service's retries within one submission are attempts too, counted from `--attempt`.
      attempt: (flags.attempt ?? 1) + serviceAttempt - 1,
      worker: workerName(env),
      signal: controller.signal,
      log: (text) => ctx.io.stderr.write(text),
      ...(logLocation !== undefined ? { logLocation } : {}),
      onStart: (task) =>
        ctx.io.stderr.write(`augc worker: ${task.id} (${task.group}[${task.index}])\n`),
    });
    return report(result, flags, serviceAttempt, ctx);
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
    .addOption(
      new Option(
        '--indices <list>',
        'the array index picks the n-th of these (e.g. `3,7,12-15`), then the offset is added',
      ).argParser(indexList),
    )
    .addOption(
      new Option(
        '--attempt <n>',
        'the attempt number (retries); a service attempt adds to it',
      ).argParser(intAtLeast(1)),
    )
    .addOption(
      new Option(
        '--service-attempts <n>',
        'the service retries this job itself, this many tries in all (see `--service-retry-codes`)',
      ).argParser(intAtLeast(1)),
    )
    .addOption(
      new Option(
        '--service-retry-codes <codes>',
        'exit codes the service retries: a task failing with one exits with it while tries remain',
      ).argParser(codeList),
    )
    .action(async (flags: WorkerFlags) => {
      ctx.exitCode = await runWorker(flags, ctx);
    });
}
