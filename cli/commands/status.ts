/** `augc status RUN [--json] [--follow]`: completed/running/failed/pending, rows, ETA. */
import type { Command } from 'commander';
import { nextPollMs } from '../../runtimes/grid/wait-run.js';
import { loadRuntime } from '../../runtimes/registry.js';
import type { RuntimeStatus } from '../../runtimes/runtime.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { openRun, readRunInfo } from '../run/open-run.js';
import { isSettled, readRunStatus, type StatusReport } from '../run/run-status.js';

interface StatusFlags {
  json?: boolean;
  follow?: boolean;
}

const FOLLOW_EVERY_MS = 2000;
const NO_RUNTIME: RuntimeStatus = { active: false, running: [], notes: [] };

function eta(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const m = Math.floor(seconds / 60);
  return `, eta ${m > 0 ? `${m}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`}`;
}

export function renderStatus(r: StatusReport): string {
  const lines = [
    `${r.pipeline}  ${r.run}  (target ${r.target}, ${r.active ? 'running' : 'not running'})`,
    `tasks  ${r.tasks}: ${r.completed} completed, ${r.running} running, ${r.failed} failed, ${r.pending} pending`,
    `rows   ${r.rows} so far${eta(r.etaSeconds)}`,
    ...r.notes.map((n) => `note   ${n}`),
    ...r.runningTasks.map((t) => {
      const of = t.rowsTotal !== undefined ? `/${t.rowsTotal}` : '';
      return `  running  ${t.group}[${t.index}] ${t.task} on ${t.worker}: ${t.rowsDone}${of} rows`;
    }),
    ...r.failedTasks
      .slice(0, 20)
      .map((f) => `  failed   ${f.group}[${f.index}] ${f.task}: ${f.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

async function snapshot(uri: string, ctx: CliContext): Promise<StatusReport | number> {
  const run = await openRun(uri, ctx);
  if (!('plan' in run)) return run.exit;
  const target = (await readRunInfo(run.storage))?.target ?? run.plan.target ?? 'local';
  const runtime = await loadRuntime(target);
  const live = runtime
    ? await runtime.status({ plan: run.plan, outputUri: uri, storage: run.storage })
    : NO_RUNTIME;
  return readRunStatus(run.plan, run.storage, { run: uri, target }, live);
}

export async function runStatus(uri: string, flags: StatusFlags, ctx: CliContext): Promise<number> {
  let delay = FOLLOW_EVERY_MS;
  for (;;) {
    const report = await snapshot(uri, ctx);
    if (typeof report === 'number') return report;
    ctx.io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : renderStatus(report));
    if (!flags.follow || isSettled(report)) return EXIT.ok;
    await new Promise((resolve) => setTimeout(resolve, delay));
    // Each poll of a scheduler's run queries the scheduler once: back off as `--wait` does.
    if (report.target !== 'local') delay = nextPollMs(delay);
  }
}

export function statusCommand(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('show how far a run is: completed, running, failed and pending tasks, rows, ETA')
    .argument('<run>', 'the output folder of `augc run`')
    .option('--json', 'print the status as JSON')
    .option('--follow', 'refresh until the run is done')
    .action(async (uri: string, flags: StatusFlags) => {
      ctx.exitCode = await runStatus(uri, flags, ctx);
    });
}
