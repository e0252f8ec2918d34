/** The `local` target: a pool of child processes on this machine. */
import { availableParallelism, hostname } from 'node:os';
import type { Runtime, RunContext, RunRef, RuntimeStatus } from '../runtime.js';
import { localContainerMissing } from './container-preflight.js';
import { localGpuShortfall } from './gpu-preflight.js';
import { runPool } from './pool.js';
import { readLocalState } from './run-state.js';

/** `--jobs` / `target local { jobs = N }`, else one task per core. */
export function jobsOf(ctx: Pick<RunContext, 'options'>): number {
  const jobs = ctx.options['jobs'];
  return typeof jobs === 'number' && Number.isInteger(jobs) && jobs > 0
    ? jobs
    : availableParallelism();
}

/** Whether process `pid` exists on this machine (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function status(run: RunRef): Promise<RuntimeStatus> {
  const state = await readLocalState(run.storage);
  if (!state) return { active: false, running: [], notes: [] };
  const here = state.host === hostname();
  const active = here ? isAlive(state.pid) : true;
  if (!active)
    return { active: false, running: [], notes: [`the run's driver (pid ${state.pid}) is gone`] };
  return {
    active,
    running: state.running,
    notes: [
      `running on ${state.host} as pid ${state.pid} with ${state.jobs} worker(s) since ${state.start}`,
    ],
  };
}

/** Asks the driver to stop as Ctrl-C does (SIGINT); only possible on the same host. */
async function cancel(run: RunRef): Promise<boolean> {
  const state = await readLocalState(run.storage);
  if (!state || state.host !== hostname() || !isAlive(state.pid)) return false;
  process.kill(state.pid, 'SIGINT');
  return true;
}

export const localRuntime: Runtime = {
  name: 'local',
  capabilities: { detached: false, finalizesItself: false },
  preflight: (plan, options, env) =>
    localGpuShortfall(plan, options) ?? localContainerMissing(plan, env),
  submit: (ctx) => runPool(ctx, jobsOf(ctx)),
  status,
  cancel,
};
