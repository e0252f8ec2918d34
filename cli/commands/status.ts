/** `augc status RUN [--json] [--follow]`: completed/running/failed/pending, rows, ETA. */
import type { Command } from 'commander';
import {
  isSettled,
  nextPollMs,
  snapshotStatus,
  type StatusReport,
} from '../../runtimes/run/run-status.js';
import { taskStatus, type TaskStatusReport } from '../../runtimes/run/task-status.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { reportMessage } from '../report.js';
import { exitOf } from '../run/cli-events.js';

interface StatusFlags {
  json?: boolean;
  follow?: boolean;
  task?: string;
}

const FOLLOW_EVERY_MS = 2000;

function eta(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const m = Math.floor(seconds / 60);
  return `, eta ${m > 0 ? `${m}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`}`;
}

/** Shown only when some are, so the line of a run nobody stopped reads as it always did. */
function interrupted(r: StatusReport): string {
  return r.interrupted > 0 ? `${r.interrupted} interrupted, ` : '';
}

export function renderStatus(r: StatusReport): string {
  const lines = [
    `${r.pipeline}  ${r.run}  (target ${r.target}, ${r.active ? 'running' : 'not running'})`,
    `tasks  ${r.tasks}: ${r.completed} completed, ${r.running} running, ${r.failed} failed, ${interrupted(r)}${r.pending} pending`,
    `rows   ${r.rows} so far${eta(r.etaSeconds)}`,
    ...r.notes.map((n) => `note   ${n}`),
    ...r.runningTasks.map((t) => {
      const of = t.rowsTotal !== undefined ? `/${t.rowsTotal}` : '';
      return `  running  ${t.group}[${t.index}] ${t.task} on ${t.worker}: ${t.rowsDone}${of} rows`;
    }),
    ...r.failedTasks
      .slice(0, 20)
      .map((f) => `  failed   ${f.group}[${f.index}] ${f.task}: ${f.reason}`),
    ...r.interruptedTasks
      .slice(0, 20)
      .map((f) => `  interrupted  ${f.group}[${f.index}] ${f.task}: ${f.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderTaskStatus(r: TaskStatusReport): string {
  const lines = [
    `task   ${r.task}  (${r.group}[${r.index}])`,
    `state  ${r.state}: ${r.reason}`,
    ...r.attempts.map(
      (a) =>
        `  attempt ${a.attempt}  ${a.state} (${a.errorClass}): ${a.message}${a.log ? `\n    log  ${a.log}` : ''}`,
    ),
    `log    ${r.log ?? 'not known: no attempt of this task named one yet'}`,
  ];
  return `${lines.join('\n')}\n`;
}

async function runTaskStatus(uri: string, task: string, json: boolean, ctx: CliContext) {
  const r = await taskStatus(uri, task, ctx.io.env);
  if (!r.ok) {
    r.diagnostics.forEach((d) => reportMessage(ctx, d));
    return exitOf(r.status);
  }
  ctx.io.stdout.write(json ? `${JSON.stringify(r.report)}\n` : renderTaskStatus(r.report));
  return EXIT.ok;
}

export async function runStatus(uri: string, flags: StatusFlags, ctx: CliContext): Promise<number> {
  if (flags.task !== undefined) return runTaskStatus(uri, flags.task, flags.json === true, ctx);
  let delay = FOLLOW_EVERY_MS;
  for (;;) {
    const snap = await snapshotStatus(uri, ctx.io.env);
    if (!snap.ok) {
      snap.diagnostics.forEach((d) => reportMessage(ctx, d));
      return exitOf(snap.status);
    }
    const { report } = snap;
    ctx.io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : renderStatus(report));
    if (!flags.follow || isSettled(report)) return EXIT.ok;
    await new Promise((resolve) => setTimeout(resolve, delay));
    // Each poll of a batch run asks its scheduler or service: back off as `--wait` does.
    if (snap.backoff) delay = nextPollMs(delay);
  }
}

export function statusCommand(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('show how far a run is: completed, running, failed and pending tasks, rows, ETA')
    .argument('<run>', 'the output of `augc run` (a folder or a URI)')
    .option('--json', 'print the status as JSON')
    .option('--follow', 'refresh until the run is done')
    .option('--task <id>', 'one task: its attempts and where to read its output (log stream)')
    .action(async (uri: string, flags: StatusFlags) => {
      ctx.exitCode = await runStatus(uri, flags, ctx);
    });
}
